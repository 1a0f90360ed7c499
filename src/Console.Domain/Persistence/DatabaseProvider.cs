using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace EcsConsole.Domain.Persistence;

/// <summary>The database engines EcsConsole runs on (ADR-017): <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One embedded file (the default): the laptop console.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server several console nodes share.</summary>
    Postgres,
}

/// <summary>
/// The provider switch, written once: which engine the configuration names, how a context is built on it (each provider
/// has its own migrations: SQLite's in this assembly, PostgreSQL's in <see cref="PostgresMigrationsAssembly"/>), and the
/// few queries that differ per provider.
/// </summary>
public static class ConsoleDatabase
{
    public const string ProviderSetting = "Database:Provider";

    /// <summary>The assembly that holds the PostgreSQL migrations (src/Console.Domain.Postgres).</summary>
    public const string PostgresMigrationsAssembly = "Console.Domain.Postgres";

    /// <summary><c>Database:Provider</c>: <c>Sqlite</c> when unset; anything else but <c>Postgres</c> is a start-up error.</summary>
    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        configuration[ProviderSetting] switch
        {
            null or "" => DatabaseProvider.Sqlite,
            var name when Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) => provider,
            var name => throw new InvalidOperationException($"{ProviderSetting} is '{name}': use Sqlite or Postgres"),
        };

    /// <summary>
    /// Points the options at the database, with that provider's migrations. <paramref name="checkpointInBackground"/>: the
    /// process checkpoints a SQLite file's log itself (<see cref="SqliteCheckpoints"/>); no commit does.
    /// </summary>
    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString,
        bool checkpointInBackground = false) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString)
                .AddInterceptors(checkpointInBackground ? SqliteTuning.BackgroundCheckpoints : SqliteTuning.Instance)
                .UseModel(CompiledModels.Sqlite.ConsoleDbContextModel.Instance),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly))
                .UseModel(CompiledModels.Postgres.ConsoleDbContextModel.Instance),
        };

    public static bool IsPostgres(this DatabaseFacade database) => database.IsNpgsql();

    /// <summary>
    /// Rows whose column contains <paramref name="text"/> literally (<c>%</c>, <c>_</c> and <c>\</c> match themselves),
    /// ignoring case as SQLite's LIKE does (ASCII): <c>ILIKE</c> on PostgreSQL, whose LIKE is case-sensitive.
    /// </summary>
    public static IQueryable<T> WhereContainsIgnoringCase<T>(this IQueryable<T> rows, DatabaseFacade database,
        Expression<Func<T, string?>> column, string text) =>
        rows.WhereAnyContainsIgnoringCase(database, [column], text);

    /// <summary>Rows where any of <paramref name="columns"/> contains <paramref name="text"/> (as above).</summary>
    public static IQueryable<T> WhereAnyContainsIgnoringCase<T>(this IQueryable<T> rows, DatabaseFacade database,
        IReadOnlyList<Expression<Func<T, string?>>> columns, string text)
    {
        // The pattern travels as a parameter (a captured value), so one query shape is cached for every search text.
        var holder = new LikePattern("%" + EscapeLike(text) + "%", LikeEscape);
        var like = database.IsNpgsql() ? PostgresILike : SqliteLike;
        var row = Expression.Parameter(typeof(T), "row");
        var body = columns
            .Select(column => (Expression)Expression.Call(like,
                Expression.Property(null, typeof(EF), nameof(EF.Functions)),
                ReplacingExpressionVisitor.Replace(column.Parameters[0], row, column.Body),
                Expression.Property(Expression.Constant(holder), nameof(LikePattern.Pattern)),
                Expression.Property(Expression.Constant(holder), nameof(LikePattern.Escape))))
            .Aggregate(Expression.OrElse);
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, row));
    }

    private const string LikeEscape = "\\";

    private static readonly MethodInfo SqliteLike = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo PostgresILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private sealed record LikePattern(string Pattern, string Escape);
}
