using System.Security.Cryptography;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.KeyPairs;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.KeyPairs;

/// <summary>SSH key pairs: create (private key once), import (fingerprint), list, delete; the rules and codes of ECS.</summary>
public sealed class KeyPairServiceTests : IAsyncLifetime
{
    private const string Region = "cn-hangzhou";

    private readonly TestDatabase _db = new();
    private KeyPairService _service = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _service = new KeyPairService(_db.Factory, new IdGenerator(), _db.Time, new ChangeNotifier());
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private Task<Actor> AliceAsync() => _db.ActorAsync(DemoWorld.Alice);

    [Fact]
    public async Task Create_AnswersAPrivateKeyWhosePublicHalfIsKept_AndItsFingerPrint()
    {
        // Act
        var created = await _service.CreateAsync(await AliceAsync(), new CreateKeyPairRequest(Region, "build-key"));

        // Assert: the private key is a real RSA key; what is kept is its public half, fingerprinted
        using var rsa = RSA.Create();
        rsa.ImportFromPem(created.Value.PrivateKeyPem);
        var expected = SshPublicKey.FromRsa(rsa);
        var listed = Assert.Single(await _service.ListAsync(await AliceAsync(), Region, new KeyPairQuery { Name = "build-key" }));
        Assert.Equal((expected.ToString(), expected.FingerPrint), (listed.PublicKey, listed.FingerPrint));
        Assert.Equal(expected.FingerPrint, created.Value.FingerPrint);
        Assert.StartsWith("kp-", created.Value.KeyPairId, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", created.Value.PrivateKeyPem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestKeys.RsaPublicKey, TestKeys.RsaFingerPrint)]
    [InlineData(TestKeys.EcdsaPublicKey, TestKeys.EcdsaFingerPrint)]
    public async Task Import_KeepsThePublicKey_WithTheFingerPrintSshKeygenGives(string publicKey, string fingerPrint)
    {
        // Act
        var imported = await _service.ImportAsync(await AliceAsync(), new ImportKeyPairRequest(Region, "laptop", publicKey));

        // Assert
        Assert.Equal(fingerPrint, imported.Value.FingerPrint);
        var listed = Assert.Single(await _service.ListAsync(await AliceAsync(), Region, new KeyPairQuery { FingerPrint = fingerPrint }));
        Assert.Equal("laptop", listed.Name);
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("ssh-rsa !!!notbase64")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHAGtaOqQeWYO1McK1SKIW7g/fVSqtjHM7qAvNR1Driz root@vm")]
    [InlineData("ssh-dss AAAAB3NzaC1yc2EAAAADAQABAAAAgQDUAHY954jzkRJgM26zQt++Ni4IouuGK+gq5T0OTHxvMweCf8tbOndwDa42K6TCJf96kJtJVdyyIbGJT1i2cSXqRFZZr0g+UI22w/WLplFY5qgNoh2ljS0QeB4FzDtLsGmUekbZjzmlSOMoinf/Y0KvS189f2AcIVwWl8RECgaZ0Q==")]
    public async Task Import_OfWhatIsNotASupportedPublicKey_IsMalformed(string body)
    {
        // Act
        var imported = await _service.ImportAsync(await AliceAsync(), new ImportKeyPairRequest(Region, "laptop", body));

        // Assert
        Assert.Equal(KeyPairErrors.PublicKeyMalformedCode, imported.Error?.Code);
    }

    [Theory]
    [InlineData(null, CommonErrors.MissingParameterCode)]
    [InlineData("k", KeyPairErrors.NameMalformedCode)]
    [InlineData("1starts-with-a-digit", KeyPairErrors.NameMalformedCode)]
    [InlineData("http://key", KeyPairErrors.NameMalformedCode)]
    [InlineData("has.period", KeyPairErrors.NameMalformedCode)]
    [InlineData("acme-deploy", KeyPairErrors.AlreadyExistCode)]
    public async Task Create_WithABadOrTakenName_IsRefused(string? name, string code)
    {
        // Act
        var created = await _service.CreateAsync(await AliceAsync(), new CreateKeyPairRequest(Region, name));

        // Assert
        Assert.Equal(code, created.Error?.Code);
    }

    [Fact]
    public async Task Create_ByAReadOnlyMember_IsForbidden_AndAudited()
    {
        // Act
        var created = await _service.CreateAsync(await _db.ActorAsync(DemoWorld.Bob), new CreateKeyPairRequest(Region, "bobs-key"));

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, created.Error?.Code);
        await using var db = _db.NewContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.CreateKeyPair);
        Assert.Equal(("bobs-key", CommonErrors.ForbiddenCode), (entry.ResourceId, entry.ErrorCode));
    }

    [Fact]
    public async Task Create_BeyondFiveHundredInARegion_IsQuotaExceeded()
    {
        // Arrange: acme has one pair in the region; 499 more fill it
        await using (var db = _db.NewContext())
        {
            db.KeyPairs.AddRange(Enumerable.Range(1, KeyPairService.MaxPerRegion - 1).Select(n => new KeyPair
            {
                AccountId = DemoWorld.AcmeAccountId, RegionId = Region, Name = $"filler-{n}", FingerPrint = "00", PublicKey = "ssh-rsa AAAA",
            }));
            await db.SaveChangesAsync();
        }

        // Act
        var created = await _service.CreateAsync(await AliceAsync(), new CreateKeyPairRequest(Region, "one-too-many"));
        var elsewhere = await _service.CreateAsync(await AliceAsync(), new CreateKeyPairRequest("cn-beijing", "one-too-many"));

        // Assert
        Assert.Equal(KeyPairErrors.QuotaCode, created.Error?.Code);
        Assert.True(elsewhere.IsSuccess);
    }

    [Fact]
    public async Task List_ShowsOnlyTheAccountsOwnPairs_FilteredByWildcardNameAndTag()
    {
        // Arrange
        var alice = await AliceAsync();
        await _service.ImportAsync(alice, new ImportKeyPairRequest(Region, "ci-runner", TestKeys.RsaPublicKey) { Tags = [("team", "ci")] });
        await _service.ImportAsync(alice, new ImportKeyPairRequest(Region, "ci-deploy", TestKeys.EcdsaPublicKey));

        // Act
        var all = await _service.ListAsync(alice, Region);
        var ciStar = await _service.ListAsync(alice, Region, new KeyPairQuery { Name = "ci-*" });
        var starDeploy = await _service.ListAsync(alice, Region, new KeyPairQuery { Name = "*deploy" });
        var tagged = await _service.ListAsync(alice, Region, new KeyPairQuery { Tags = [("team", "")] });
        var carols = await _service.ListAsync(await _db.ActorAsync(DemoWorld.Carol), Region);

        // Assert
        Assert.Equal(["acme-deploy", "ci-deploy", "ci-runner"], all.Select(k => k.Name));
        Assert.Equal(["ci-deploy", "ci-runner"], ciStar.Select(k => k.Name));
        Assert.Equal(["acme-deploy", "ci-deploy"], starDeploy.Select(k => k.Name));
        Assert.Equal(["ci-runner"], tagged.Select(k => k.Name));
        Assert.Equal(["globex-ops"], carols.Select(k => k.Name));
    }

    [Fact]
    public async Task Delete_RemovesThePairsNamed_AndPassesOverNamesWithNone()
    {
        // Arrange
        var alice = await AliceAsync();
        await _service.ImportAsync(alice, new ImportKeyPairRequest(Region, "laptop", TestKeys.RsaPublicKey));

        // Act
        var deleted = await _service.DeleteAsync(alice, Region, ["laptop", "acme-deploy", "never-was"]);

        // Assert
        Assert.True(deleted.IsSuccess);
        Assert.Empty(await _service.ListAsync(alice, Region));
        Assert.Single(await _service.ListAsync(alice, "cn-shanghai"));
    }

    [Fact]
    public async Task Delete_OfAPairAnInstanceLogsOnWith_IsRefused_AndDeletesNothing()
    {
        // Arrange: an acme instance in the region logs on with acme-deploy
        var alice = await AliceAsync();
        await _service.ImportAsync(alice, new ImportKeyPairRequest(Region, "laptop", TestKeys.RsaPublicKey));
        await using (var db = _db.NewContext())
        {
            var instance = await db.Instances.FirstAsync(i => i.AccountId == DemoWorld.AcmeAccountId && i.RegionId == Region);
            instance.KeyPairName = "acme-deploy";
            await db.SaveChangesAsync();
        }

        // Act
        var deleted = await _service.DeleteAsync(alice, Region, ["laptop", "acme-deploy"]);

        // Assert
        Assert.Equal(KeyPairErrors.AttachedCode, deleted.Error?.Code);
        Assert.Equal(["acme-deploy", "laptop"], (await _service.ListAsync(alice, Region)).Select(k => k.Name));
        Assert.NotEmpty(Assert.Single(await _service.ListAsync(alice, Region, new KeyPairQuery { Name = "acme-deploy" })).InstanceIds);
    }

    [Fact]
    public async Task Delete_OfAnotherAccountsPair_DeletesNothing()
    {
        // Act
        var deleted = await _service.DeleteAsync(await AliceAsync(), Region, ["globex-ops"]);

        // Assert
        Assert.True(deleted.IsSuccess);
        Assert.Single(await _service.ListAsync(await _db.ActorAsync(DemoWorld.Carol), Region));
    }

    [Fact]
    public void TheSeededPairs_HavePublicKeysThatParse_WithTheFingerPrintsTheyShow()
    {
        // Arrange
        using var db = _db.NewContext();

        // Act
        var pairs = db.KeyPairs.AsNoTracking().ToList();

        // Assert
        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.Equal(p.FingerPrint, SshPublicKey.Parse(p.PublicKey)?.FingerPrint));
    }
}
