using System.Globalization;

namespace EcsConsole.Web.Components.Shared;

/// <summary>How the console writes times and sizes, the same on every page whatever the server's culture.</summary>
public static class DisplayFormat
{
    /// <summary>A point in time in UTC, e.g. <c>2026-11-23 10:00:00 UTC</c>.</summary>
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A size in GiB, e.g. <c>40 GiB</c> or <c>0.5 GiB</c>.</summary>
    public static string GiB(decimal size) => string.Create(CultureInfo.InvariantCulture, $"{size:0.##} GiB");

    /// <summary>A percentage, e.g. <c>45%</c>.</summary>
    public static string Percent(int percent) => string.Create(CultureInfo.InvariantCulture, $"{percent}%");
}
