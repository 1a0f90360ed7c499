namespace EcsConsole.Domain.Regions;

/// <summary>
/// DescribeRegions' and DescribeZones' <c>LocalName</c> in the language asked for (<c>AcceptLanguage</c>): Simplified
/// and Traditional Chinese and Japanese as Alibaba Cloud names its regions and zones, English (the stored names) for
/// <c>en-US</c> and for the languages ECS accepts that are not translated here (<c>fr</c>, <c>de</c>, <c>ko</c>).
/// </summary>
public static class RegionLocalNames
{
    /// <summary>The values ECS accepts for <c>AcceptLanguage</c>.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["zh-CN", "zh-TW", "en-US", "ja", "fr", "de", "ko"];

    /// <summary>Per region: its name and the name its zones start with, in zh-CN, zh-TW and ja.</summary>
    private static readonly Dictionary<string, (string[] Region, string[] ZonePrefix)> Names = new(StringComparer.Ordinal)
    {
        ["cn-hangzhou"] = (["华东1（杭州）", "華東1（杭州）", "中国 (杭州)"], ["华东 1 可用区", "華東 1 可用區", "杭州 ゾーン"]),
        ["cn-shanghai"] = (["华东2（上海）", "華東2（上海）", "中国 (上海)"], ["华东 2 可用区", "華東 2 可用區", "上海 ゾーン"]),
        ["cn-beijing"] = (["华北2（北京）", "華北2（北京）", "中国 (北京)"], ["华北 2 可用区", "華北 2 可用區", "北京 ゾーン"]),
        ["cn-hongkong"] = (["中国香港", "中國香港", "中国 (香港)"], ["香港 可用区", "香港 可用區", "香港 ゾーン"]),
        ["ap-southeast-1"] = (["新加坡", "新加坡", "シンガポール"], ["新加坡 可用区", "新加坡 可用區", "シンガポール ゾーン"]),
        ["us-west-1"] = (["美国（硅谷）", "美國（矽谷）", "米国 (シリコンバレー)"], ["美国西部 1 可用区", "美國西部 1 可用區", "シリコンバレー ゾーン"]),
        ["eu-central-1"] = (["德国（法兰克福）", "德國（法蘭克福）", "ドイツ (フランクフルト)"], ["法兰克福 可用区", "法蘭克福 可用區", "フランクフルト ゾーン"]),
    };

    /// <summary>The region's name in <paramref name="language"/> (one of <see cref="Languages"/>).</summary>
    public static string Of(Region region, string language) =>
        Index(language) is { } i && Names.TryGetValue(region.Id, out var names) ? names.Region[i] : region.Name;

    /// <summary>The zone's name in <paramref name="language"/>: the region's zone prefix and the zone's letter.</summary>
    public static string Of(Zone zone, string language) =>
        Index(language) is { } i && Names.TryGetValue(zone.RegionId, out var names)
            ? $"{names.ZonePrefix[i]} {zone.Id[(zone.RegionId.Length + 1)..].ToUpperInvariant()}"
            : zone.Name;

    private static int? Index(string language) => language switch
    {
        "zh-CN" => 0,
        "zh-TW" => 1,
        "ja" => 2,
        _ => null,
    };
}
