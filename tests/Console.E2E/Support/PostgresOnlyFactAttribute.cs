namespace EcsConsole.E2E.Support;

/// <summary>A journey that needs the consoles on PostgreSQL (several nodes on one database): skipped unless
/// <c>ECSCONSOLE_HOST_PG</c> names a server (test.sh's PostgreSQL pass sets it).</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ECSCONSOLE_HOST_PG")))
        {
            Skip = "PostgreSQL only: run with ECSCONSOLE_HOST_PG set";
        }
    }
}
