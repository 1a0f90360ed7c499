using System.Globalization;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// How the console writes times and sizes, the same on every page whatever the server's culture: in English as below,
/// in Chinese (ui-contract §8) the date as Chinese writes it (<c>2026年11月23日 10:00:00 UTC</c>) and numbers in zh-CN.
/// </summary>
public static class DisplayFormat
{
    /// <summary>A point in time in UTC, e.g. <c>2026-11-23 10:00:00 UTC</c>.</summary>
    public static string Utc(DateTimeOffset time) => Localization.ConsoleCultures.IsChinese
        ? time.UtcDateTime.ToString("yyyy'年'M'月'd'日' HH:mm:ss 'UTC'", CultureInfo.CurrentCulture)
        : time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A size in GiB, e.g. <c>40 GiB</c> or <c>0.5 GiB</c>.</summary>
    public static string GiB(decimal size) => string.Create(Culture, $"{size:0.##} GiB");

    /// <summary>A percentage, e.g. <c>45%</c>.</summary>
    public static string Percent(int percent) => string.Create(Culture, $"{percent}%");

    private static CultureInfo Culture => Localization.ConsoleCultures.IsChinese ? CultureInfo.CurrentCulture : CultureInfo.InvariantCulture;
}
