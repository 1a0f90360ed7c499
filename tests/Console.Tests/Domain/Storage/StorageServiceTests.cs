using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Storage;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Storage;

/// <summary>The simulated OSS: buckets and objects per account and region, writers only, every change audited.</summary>
public sealed class StorageServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Bucket = "acme-images-hangzhou";
    private readonly TestDatabase _db = new();
    private StorageService _storage = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _storage = new StorageService(_db.Factory, _db.Time);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Theory]
    [InlineData("my-bucket-1", null)]
    [InlineData("abc", null)]
    [InlineData("123", null)]
    [InlineData("ab", StorageErrors.BucketNameMalformedCode)]
    [InlineData("Upper-Case", StorageErrors.BucketNameMalformedCode)]
    [InlineData("-leading", StorageErrors.BucketNameMalformedCode)]
    [InlineData("trailing-", StorageErrors.BucketNameMalformedCode)]
    [InlineData("under_score", StorageErrors.BucketNameMalformedCode)]
    [InlineData("", StorageErrors.BucketNameMalformedCode)]
    [InlineData(Bucket, StorageErrors.BucketExistsCode)]
    public async Task CreateBucket_WithAName_FollowsTheNameRules(string name, string? code)
    {
        // Arrange
        var carol = await _db.ActorAsync(DemoWorld.Carol);

        // Act
        var result = await _storage.CreateBucketAsync(carol, Hangzhou, name);

        // Assert
        Assert.Equal(code, result.Error?.Code);
    }

    [Theory]
    [InlineData(63, null)]
    [InlineData(64, StorageErrors.BucketNameMalformedCode)]
    public async Task CreateBucket_AtTheLengthLimit_AcceptsSixtyThreeCharacters(int length, string? code)
    {
        // Act
        var result = await _storage.CreateBucketAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, new string('a', length));

        // Assert
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public async Task CreateBucket_ByAWriter_IsListedInItsRegionForItsAccountOnlyAndAudited()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var created = await _storage.CreateBucketAsync(alice, "cn-shanghai", "acme-shanghai");
        var inShanghai = await _storage.ListBucketsAsync(alice, "cn-shanghai");
        var inHangzhou = await _storage.ListBucketsAsync(alice, Hangzhou);
        var carolSees = await _storage.ListBucketsAsync(await _db.ActorAsync(DemoWorld.Carol), "cn-shanghai");

        // Assert
        Assert.True(created.IsSuccess, created.Error?.ToString());
        Assert.Equal((DemoWorld.AcmeAccountId, "cn-shanghai", _db.Time.GetUtcNow()), (created.Value.AccountId, created.Value.RegionId, created.Value.CreatedAt));
        Assert.Equal(["acme-shanghai"], inShanghai.Select(b => b.Name));
        Assert.Equal([Bucket], inHangzhou.Select(b => b.Name));
        Assert.Empty(carolSees);
        await using var db = _db.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "PutBucket" && a.ResourceId == "acme-shanghai" && a.ErrorCode == null));
    }

    [Fact]
    public async Task CreateBucket_ByAReadOnlyMember_ReturnsForbidden()
    {
        // Act
        var result = await _storage.CreateBucketAsync(await _db.ActorAsync(DemoWorld.Bob), Hangzhou, "bobs-bucket");

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, result.Error?.Code);
        await using var db = _db.NewContext();
        Assert.False(await db.OssBuckets.AnyAsync(b => b.Name == "bobs-bucket"));
    }

    [Fact]
    public async Task CreateBucket_InAnUnknownRegion_ReturnsRegionNotFound()
    {
        // Act
        var result = await _storage.CreateBucketAsync(await _db.ActorAsync(DemoWorld.Alice), "xx-nowhere-1", "acme-nowhere");

        // Assert
        Assert.Equal(CommonErrors.InvalidRegionIdNotFoundCode, result.Error?.Code);
    }

    [Fact]
    public async Task ListObjects_OfAnotherAccountsBucket_ReturnsBucketNotFound()
    {
        // Act
        var carolSees = await _storage.ListObjectsAsync(await _db.ActorAsync(DemoWorld.Carol), Hangzhou, Bucket);
        var bobSees = await _storage.ListObjectsAsync(await _db.ActorAsync(DemoWorld.Bob), Hangzhou, Bucket);

        // Assert
        Assert.Equal(StorageErrors.BucketNotFoundCode, carolSees.Error?.Code);
        Assert.Equal(["imports/web-base.qcow2"], bobSees.Value.Select(o => o.Key));
    }

    [Fact]
    public async Task ListObjects_FromAnotherRegion_ReturnsBucketNotFound()
    {
        // Act
        var result = await _storage.ListObjectsAsync(await _db.ActorAsync(DemoWorld.Alice), "cn-shanghai", Bucket);

        // Assert
        Assert.Equal(StorageErrors.BucketNotFoundCode, result.Error?.Code);
    }

    [Fact]
    public async Task DeleteBucket_WithObjects_ReturnsBucketNotEmpty()
    {
        // Act
        var result = await _storage.DeleteBucketAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, Bucket);

        // Assert
        Assert.Equal(StorageErrors.BucketNotEmptyCode, result.Error?.Code);
    }

    [Fact]
    public async Task DeleteBucket_Empty_RemovesItAndAudits()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _storage.CreateBucketAsync(alice, Hangzhou, "acme-scratch");

        // Act
        var result = await _storage.DeleteBucketAsync(alice, Hangzhou, "acme-scratch");

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        await using var db = _db.NewContext();
        Assert.False(await db.OssBuckets.AnyAsync(b => b.Name == "acme-scratch"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "DeleteBucket" && a.ResourceId == "acme-scratch" && a.ErrorCode == null));
    }

    [Theory]
    [InlineData(DemoWorld.Bob, CommonErrors.ForbiddenCode)]
    [InlineData(DemoWorld.Carol, StorageErrors.BucketNotFoundCode)]
    public async Task DeleteBucket_ByAReadOnlyMemberOrAnotherAccount_IsRefused(string who, string code)
    {
        // Arrange
        await _storage.CreateBucketAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, "acme-scratch");

        // Act
        var result = await _storage.DeleteBucketAsync(await _db.ActorAsync(who), Hangzhou, "acme-scratch");

        // Assert
        Assert.Equal(code, result.Error?.Code);
        await using var db = _db.NewContext();
        Assert.True(await db.OssBuckets.AnyAsync(b => b.Name == "acme-scratch"));
    }

    [Theory]
    [InlineData("disks/web.qcow2", "QCOW2")]
    [InlineData("disks/web.VHD", "VHD")]
    [InlineData("disks/web.raw.tar.gz", "RAW")]
    [InlineData("disks/web.img", "RAW")]
    [InlineData("disks/web.vmdk", "VMDK")]
    [InlineData("disks/web.iso", null)]
    public async Task PutObject_ByAWriter_RecordsTheSizeAndTheFormatItsSuffixNames(string key, string? format)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var result = await _storage.PutObjectAsync(alice, Hangzhou, Bucket, key, 3L << 30);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        var stored = (await _storage.ListObjectsAsync(alice, Hangzhou, Bucket)).Value.Single(o => o.Key == key);
        Assert.Equal((3L << 30, format, (string?)null), (stored.SizeBytes, stored.Format, stored.SourceImageId));
        await using var db = _db.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "PutObject" && a.ResourceId == $"{Bucket}/{key}" && a.ErrorCode == null));
    }

    [Fact]
    public async Task PutObject_WithAnExistingKey_ReplacesTheObject()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var result = await _storage.PutObjectAsync(alice, Hangzhou, Bucket, "imports/web-base.qcow2", 5L << 30);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        var objects = (await _storage.ListObjectsAsync(alice, Hangzhou, Bucket)).Value;
        Assert.Equal(5L << 30, Assert.Single(objects).SizeBytes);
    }

    [Theory]
    [InlineData(DemoWorld.Bob, "file.raw", CommonErrors.ForbiddenCode)]
    [InlineData(DemoWorld.Carol, "file.raw", StorageErrors.BucketNotFoundCode)]
    [InlineData(DemoWorld.Alice, "", StorageErrors.ObjectKeyMalformedCode)]
    [InlineData(DemoWorld.Alice, "/absolute.raw", StorageErrors.ObjectKeyMalformedCode)]
    public async Task PutObject_RefusedCases_ReturnTheCodeAndStoreNothing(string who, string key, string code)
    {
        // Act
        var result = await _storage.PutObjectAsync(await _db.ActorAsync(who), Hangzhou, Bucket, key, 1L << 30);

        // Assert
        Assert.Equal(code, result.Error?.Code);
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.OssObjects.CountAsync(o => o.BucketName == Bucket));
    }
}
