using Microsoft.Data.Sqlite;

namespace EcsConsole.Web.Infrastructure;

/// <summary>Reads <c>ConnectionStrings:DefaultConnection</c>; a relative SQLite file is placed next to the content root.</summary>
internal static class ConnectionStrings
{
    public const string DefaultName = "DefaultConnection";
    public const string Fallback = "Data Source=ecsconsole.db";

    public static string Resolve(IConfiguration configuration, string contentRoot)
    {
        var raw = configuration.GetConnectionString(DefaultName);
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(raw) ? Fallback : raw);
        if (csb.Mode != SqliteOpenMode.Memory && !csb.DataSource.StartsWith(':') && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }

        return csb.ToString();
    }
}
