using EcsConsole.Domain.Persistence;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// The certificates that encrypt the Data Protection key ring (which lives in the database, next to the AccessKey
/// secrets it protects): <see cref="Current"/> encrypts new keys, it and every <see cref="Previous"/> one decrypt.
/// They come from configuration (<c>DataProtection:Certificate:Path</c> + <c>:Password</c>, the same PFX on every node,
/// kept outside the database; <c>DataProtection:PreviousCertificates:N:Path</c> + <c>:Password</c> after a rotation).
/// When none is configured a self-signed one is generated once and kept as a file next to the database file
/// (<c>&lt;database&gt;.keyring.pfx</c>), never in the database: on another core, while start-up goes on (its RSA key
/// took about a third of a second of a first start, issue #20), and read when Data Protection first needs it.
/// </summary>
internal sealed class KeyRingCertificates
{
    public const string Section = "DataProtection";
    public const string CertificatePath = Section + ":Certificate:Path";
    public const string CertificatePassword = Section + ":Certificate:Password";
    public const string PreviousCertificates = Section + ":PreviousCertificates";
    public const string GeneratedSuffix = ".keyring.pfx";

    private readonly Task<X509Certificate2> _current;

    private KeyRingCertificates(Task<X509Certificate2> current, IReadOnlyList<X509Certificate2> previous, string? generatedFile)
    {
        _current = current;
        Previous = previous;
        GeneratedFile = generatedFile;
    }

    /// <summary>The certificate that encrypts new keys (waits for it while it is being generated or loaded).</summary>
    public X509Certificate2 Current => _current.GetAwaiter().GetResult();

    public IReadOnlyList<X509Certificate2> Previous { get; }

    /// <summary>Every certificate that may decrypt a key of the ring.</summary>
    public X509Certificate2[] All => [Current, .. Previous];

    /// <summary>The generated certificate's file when none was configured; null when one was.</summary>
    public string? GeneratedFile { get; }

    public static KeyRingCertificates Resolve(IConfiguration configuration, string connectionString, string contentRoot)
    {
        var previous = configuration.GetSection(PreviousCertificates).GetChildren()
            .Select(c => Load(c["Path"] ?? throw new InvalidOperationException($"{c.Path}:Path is not set"), c["Password"], contentRoot))
            .ToList();
        if (configuration[CertificatePath] is { Length: > 0 } path)
        {
            return new KeyRingCertificates(Task.FromResult(Load(path, configuration[CertificatePassword], contentRoot)), previous, null);
        }

        var generated = DefaultFile(ConsoleDatabase.ProviderFrom(configuration), connectionString, contentRoot);
        return new KeyRingCertificates(Task.Run(() => LoadOrCreate(generated)), previous, generated);
    }

    /// <summary>
    /// Data Protection keeps its keys in the database (<see cref="DatabaseXmlRepository"/>), encrypts new ones with
    /// <see cref="Current"/> and decrypts with <see cref="All"/>, as <c>PersistKeysToDbContext</c>,
    /// <c>ProtectKeysWithCertificate</c> and <c>UnprotectKeysWithAnyCertificate</c> configure it, except that the
    /// certificates are read when its key manager's options are made (before the first key is protected or read), not
    /// when services are registered. The decryption list is handed to <c>UnprotectKeysWithAnyCertificate</c> empty and
    /// filled then: that method's options read the list when they are made, and the key manager (whose options fill it)
    /// exists before anything decrypts a key. <c>KeyRingProtectionTests</c> reads a ring back after a restart.
    /// </summary>
    public IDataProtectionBuilder ProtectKeys(IDataProtectionBuilder builder)
    {
        var decryption = new X509Certificate2[1 + Previous.Count];
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            All.CopyTo(decryption, 0);
            options.XmlRepository = new DatabaseXmlRepository(
                sp.GetRequiredService<IDbContextFactory<ConsoleDbContext>>(), sp.GetRequiredService<ILogger<DatabaseXmlRepository>>());
            options.XmlEncryptor = new CertificateXmlEncryptor(Current, sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        }));
        return builder.UnprotectKeysWithAnyCertificate(decryption);
    }

    /// <summary>Next to the database file (so that each database, e.g. each test's, has its own), or in the content root
    /// for an in-memory or PostgreSQL database.</summary>
    public static string DefaultFile(DatabaseProvider provider, string connectionString, string contentRoot)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            // PostgreSQL (ADR-017): in the content root, named after the database. Several nodes must share one
            // configured certificate instead (start-up warns outside Development).
            var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres";
            return Path.Combine(contentRoot, "ecsconsole-" + database + GeneratedSuffix);
        }

        var csb = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = csb.Mode == SqliteOpenMode.Memory || csb.DataSource.Length == 0 || csb.DataSource.StartsWith(':');
        return inMemory
            ? Path.Combine(contentRoot, "ecsconsole" + GeneratedSuffix)
            : Path.GetFullPath(csb.DataSource, contentRoot) + GeneratedSuffix;
    }

    private static X509Certificate2 Load(string path, string? password, string contentRoot)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(path, contentRoot), password);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The key-ring certificate {path} has no private key: a PFX with its key is needed");
    }

    /// <summary>Loads the generated certificate, creating it first when it does not exist yet (several processes may
    /// race: the first file moved into place wins, the others load it).</summary>
    private static X509Certificate2 LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            {
                file.Write(CreateSelfSigned());
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }

    private static byte[] CreateSelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=EcsConsole Data Protection key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        return certificate.Export(X509ContentType.Pfx);
    }
}
