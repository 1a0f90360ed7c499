using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using EcsConsole.Domain;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The Data Protection key ring lives in the same database as the AccessKey secrets it protects, so its keys are
/// encrypted with a certificate kept outside the database: the database file alone decrypts nothing, the app (with
/// the certificate) still verifies signed calls, and a database whose ring was written in clear is upgraded at start-up.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (var file in _files)
        {
            ConsoleAppFactory.DeleteDatabase(file);
        }
    }

    [SqliteOnlyFact]
    public async Task AfterStartUp_EveryKeyInTheRing_HasOnlyAnEncryptedSecret()
    {
        // Arrange
        using var app = new ConsoleAppFactory();

        // Act
        await StartAsync(app);

        // Assert
        var keys = await KeyElementsAsync(app.DatabasePath);
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Single(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey");
        });
    }

    [SqliteOnlyFact]
    public async Task TheDatabaseFileAlone_CannotUnprotectAnAccessKeySecret_WhileTheAppStillVerifiesSignedCalls()
    {
        // Arrange
        using var app = new ConsoleAppFactory();
        await StartAsync(app);
        var copy = await CopyOfDatabaseAsync(app.DatabasePath);
        var aliceSecret = await ProtectedSecretAsync(copy, DemoWorld.AccessKeys[0].Id);

        // Act
        var withoutCertificate = Record.Exception(() => UnprotectWithoutTheCertificate(copy, aliceSecret));
        var responses = await CallAsEverySeededKeyAsync(app);

        // Assert
        Assert.IsType<CryptographicException>(withoutCertificate, exactMatch: false);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }

    [SqliteOnlyFact]
    public async Task WithNothingConfigured_TheCertificateIsGeneratedOnceNextToTheDatabase()
    {
        // Arrange
        using var app = new ConsoleAppFactory();

        // Act
        await StartAsync(app);

        // Assert: the file exists and is the certificate the ring's keys are encrypted to
        Assert.True(File.Exists(app.KeyRingCertificatePath));
        using var generated = X509CertificateLoader.LoadPkcs12FromFile(app.KeyRingCertificatePath, password: null);
        Assert.All(await EncryptingCertificatesAsync(app.DatabasePath), raw => Assert.Equal(generated.RawData, raw));
    }

    [SqliteOnlyFact]
    public async Task AConfiguredCertificate_EncryptsTheRing_AndNoneIsGenerated()
    {
        // Arrange
        var (path, password, certificate) = NewCertificateFile("configured");
        using var app = new ConsoleAppFactory(settings: CertificateSettings(path, password));

        // Act
        await StartAsync(app);

        // Assert
        Assert.False(File.Exists(app.KeyRingCertificatePath));
        var encrypting = await EncryptingCertificatesAsync(app.DatabasePath);
        Assert.NotEmpty(encrypting);
        Assert.All(encrypting, raw => Assert.Equal(certificate.RawData, raw));
        Assert.All(await CallAsEverySeededKeyAsync(app), r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }

    [SqliteOnlyFact]
    public async Task AfterRotation_KeysEncryptedToAPreviousCertificate_StillDecrypt()
    {
        // Arrange: a database whose ring is encrypted to the old certificate
        var (oldPath, oldPassword, _) = NewCertificateFile("old");
        var (newPath, newPassword, _) = NewCertificateFile("new");
        var database = Track(ConsoleAppFactory.NewDatabasePath());
        using (var first = new ConsoleAppFactory(database, CertificateSettings(oldPath, oldPassword)))
        {
            await StartAsync(first);
        }

        var rotated = new Dictionary<string, string>(CertificateSettings(newPath, newPassword))
        {
            ["DataProtection:PreviousCertificates:0:Path"] = oldPath,
            ["DataProtection:PreviousCertificates:0:Password"] = oldPassword,
        };

        // Act
        using var app = new ConsoleAppFactory(database, rotated);
        var responses = await CallAsEverySeededKeyAsync(app);

        // Assert
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }

    [SqliteOnlyFact]
    public async Task ADatabaseWithAnUnencryptedRing_IsUpgradedAtStartUp_AndItsAccessKeysStillVerify()
    {
        // Arrange: migrate and seed with a plain Data Protection provider, as the console did before
        var database = Track(ConsoleAppFactory.NewDatabasePath());
        await SeedWithAPlainKeyRingAsync(database);
        var plainKeys = await KeyElementsAsync(database);
        Assert.Contains(plainKeys, key => key.Descendants().Any(e => e.Name.LocalName == "masterKey"));

        // Act
        using var app = new ConsoleAppFactory(database);
        var responses = await CallAsEverySeededKeyAsync(app);

        // Assert: the calls verify, only encrypted keys remain, and the file alone decrypts no secret
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var keys = await KeyElementsAsync(database);
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey"));
        Assert.DoesNotContain(keys, key => plainKeys.Any(plain => plain.Attribute("id")!.Value == key.Attribute("id")!.Value));
        var copy = await CopyOfDatabaseAsync(database);
        foreach (var (id, _, _) in DemoWorld.AccessKeys)
        {
            var secret = await ProtectedSecretAsync(copy, id);
            Assert.IsType<CryptographicException>(Record.Exception(() => UnprotectWithoutTheCertificate(copy, secret)), exactMatch: false);
        }
    }

    private static async Task StartAsync(ConsoleAppFactory app)
    {
        var health = await app.CreateBrowserLikeClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<List<EcsResponse>> CallAsEverySeededKeyAsync(ConsoleAppFactory app)
    {
        var responses = new List<EcsResponse>();
        foreach (var (id, secret, _) in DemoWorld.AccessKeys)
        {
            responses.Add(await new EcsTestClient(app.CreateBrowserLikeClient(), id, secret).CallAsync("DescribeRegions"));
        }

        return responses;
    }

    /// <summary>The console before the key ring was encrypted: the same application name and purpose, no certificate.</summary>
    private static async Task SeedWithAPlainKeyRingAsync(string database)
    {
        var services = new ServiceCollection();
        services.AddConsoleDomain($"Data Source={database}");
        services.AddDataProtection().SetApplicationName(DataProtectionSecretProtector.ApplicationName).PersistKeysToDbContext<ConsoleDbContext>();
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>What someone holding only the database file can do: the ring from the file, no certificate.</summary>
    private static string UnprotectWithoutTheCertificate(string database, string protectedSecret)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<ConsoleDbContext>(o => o.UseSqlite($"Data Source={database}"));
        services.AddDataProtection()
            .SetApplicationName(DataProtectionSecretProtector.ApplicationName)
            .PersistKeysToDbContext<ConsoleDbContext>()
            .DisableAutomaticKeyGeneration();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(DataProtectionSecretProtector.Purpose).Unprotect(protectedSecret);
    }

    /// <summary>A consistent copy of a live database file (SQLite's backup API), as someone who took the file would have.</summary>
    private async Task<string> CopyOfDatabaseAsync(string database)
    {
        var copy = Track(Path.Combine(Path.GetTempPath(), $"ecsconsole-copy-{Guid.NewGuid():N}.db"));
        await using var source = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await using var target = new SqliteConnection($"Data Source={copy}");
        await source.OpenAsync();
        await target.OpenAsync();
        source.BackupDatabase(target);
        return copy;
    }

    private static async Task<string> ProtectedSecretAsync(string database, string accessKeyId)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT ProtectedSecret FROM AccessKeys WHERE Id = $id";
        command.Parameters.AddWithValue("$id", accessKeyId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every <c>&lt;key&gt;</c> element stored in DataProtectionKeys (revocations left out).</summary>
    private static async Task<List<XElement>> KeyElementsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        var keys = new List<XElement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var element = XElement.Parse(reader.GetString(0));
            if (element.Name.LocalName == "key")
            {
                keys.Add(element);
            }
        }

        return keys;
    }

    /// <summary>The certificates (DER) the ring's keys are encrypted to, as named in their EncryptedXml key info.</summary>
    private static async Task<List<byte[]>> EncryptingCertificatesAsync(string database) =>
        (await KeyElementsAsync(database))
            .SelectMany(key => key.Descendants().Where(e => e.Name.LocalName == "X509Certificate"))
            .Select(e => Convert.FromBase64String(e.Value))
            .ToList();

    private static Dictionary<string, string> CertificateSettings(string path, string password) => new()
    {
        ["DataProtection:Certificate:Path"] = path,
        ["DataProtection:Certificate:Password"] = password,
    };

    private (string Path, string Password, X509Certificate2 Certificate) NewCertificateFile(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=EcsConsole test {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Guid.NewGuid().ToString("N");
        var path = Track(Path.Combine(Path.GetTempPath(), $"ecsconsole-test-{name}-{Guid.NewGuid():N}.pfx"));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password, X509CertificateLoader.LoadCertificate(certificate.RawData));
    }

    private string Track(string path)
    {
        _files.Add(path);
        return path;
    }
}
