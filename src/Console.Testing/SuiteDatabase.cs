using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EcsConsole.Testing;

/// <summary>
/// The database of one <see cref="EcsConsoleHost"/>: a temporary SQLite file, or — with
/// <see cref="EcsConsoleHostOptions.PostgresServer"/> — a PostgreSQL database of its own on that server, with a key-ring
/// certificate of its own in the temp directory (as a cluster is given one). Removed whole on <see cref="Delete"/>.
/// </summary>
internal sealed class SuiteDatabase
{
    private readonly string? _server;
    private readonly string? _certificate;

    private SuiteDatabase(string name, string? server, string? certificate)
    {
        Name = name;
        _server = server;
        _certificate = certificate;
    }

    /// <summary>Whether this is a PostgreSQL database (several nodes may share it).</summary>
    public bool IsPostgres => _server is not null;

    /// <summary>The SQLite file's path, or the PostgreSQL database's name.</summary>
    public string Name { get; }

    public static SuiteDatabase Create(string? postgresServer)
    {
        if (string.IsNullOrEmpty(postgresServer))
        {
            return new SuiteDatabase(Path.Combine(Path.GetTempPath(), $"ecsconsole-suite-{Guid.NewGuid():N}.db"), null, null);
        }

        var name = $"ecsconsole_suite_{Guid.NewGuid():N}";
        Execute(postgresServer, $"CREATE DATABASE \"{name}\"");
        var certificate = Path.Combine(Path.GetTempPath(), name + ".keyring.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=EcsConsole suite key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(certificate, self.Export(X509ContentType.Pfx));
        return new SuiteDatabase(name, postgresServer, certificate);
    }

    /// <summary>The settings that point the console at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
        _server is null
            ? [new("ConnectionStrings:DefaultConnection", $"Data Source={Name}")]
            : [new("Database:Provider", "Postgres"), new("ConnectionStrings:DefaultConnection", $"{_server};Database={Name}"),
                new("DataProtection:Certificate:Path", _certificate)];

    public void Delete()
    {
        if (_server is null)
        {
            SqliteConnection.ClearPool(new SqliteConnection($"Data Source={Name}"));
            foreach (var suffix in new[] { "", "-wal", "-shm", ".keyring.pfx" })
            {
                File.Delete(Name + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        Execute(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        File.Delete(_certificate!);
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection($"{server};Database=postgres");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
