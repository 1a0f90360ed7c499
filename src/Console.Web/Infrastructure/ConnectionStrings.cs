using EcsConsole.Domain.Persistence;
using Microsoft.Data.Sqlite;

namespace EcsConsole.Web.Infrastructure;

/// <summary>Reads <c>ConnectionStrings:DefaultConnection</c>; a relative SQLite file is placed next to the content root. On
/// PostgreSQL (<c>Database:Provider</c>) it is an Npgsql connection string, used as it is.</summary>
internal static class ConnectionStrings
{
    public const string DefaultName = "DefaultConnection";
    public const string Fallback = "Data Source=ecsconsole.db";

    public static string Resolve(IConfiguration configuration, string contentRoot)
    {
        var raw = configuration.GetConnectionString(DefaultName);
        if (ConsoleDatabase.ProviderFrom(configuration) == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(raw)
                ? throw new InvalidOperationException($"{ConsoleDatabase.ProviderSetting} is Postgres: set ConnectionStrings:{DefaultName} to an Npgsql connection string")
                : raw;
        }

        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(raw) ? Fallback : raw);
        if (csb.Mode != SqliteOpenMode.Memory && !csb.DataSource.StartsWith(':') && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }

        return csb.ToString();
    }
}
