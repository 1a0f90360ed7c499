using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Storage;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Domain.Storage;

/// <summary>Downloading a simulated OSS object: who may, up to which size, and its deterministic content.</summary>
public sealed class ObjectDownloadTests : IAsyncLifetime
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

    [Fact]
    public async Task AReadOnlyMemberOfTheBucketsAccount_GetsASmallObject()
    {
        // Arrange
        await _storage.PutObjectAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, Bucket, "notes/readme.txt", 1000);

        // Act
        var found = await _storage.GetObjectForDownloadAsync(await _db.ActorAsync(DemoWorld.Bob), Hangzhou, Bucket, "notes/readme.txt");

        // Assert
        Assert.True(found.IsSuccess, found.Error?.ToString());
        Assert.Equal(1000, found.Value.SizeBytes);
    }

    [Fact]
    public async Task AnotherAccount_IsTold_TheBucketDoesNotExist()
    {
        // Act
        var found = await _storage.GetObjectForDownloadAsync(await _db.ActorAsync(DemoWorld.Carol), Hangzhou, Bucket, "imports/web-base.qcow2");

        // Assert
        Assert.Equal(StorageErrors.BucketNotFoundCode, found.Error?.Code);
    }

    [Fact]
    public async Task AnUnknownKey_IsObjectNotFound()
    {
        // Act
        var found = await _storage.GetObjectForDownloadAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, Bucket, "no/such.raw");

        // Assert
        Assert.Equal(StorageErrors.ObjectNotFoundCode, found.Error?.Code);
    }

    [Fact]
    public async Task AnObjectOver64MiB_IsRefusedAsTooLarge()
    {
        // Act
        var found = await _storage.GetObjectForDownloadAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, Bucket, "imports/web-base.qcow2");

        // Assert
        Assert.Equal(StorageErrors.ObjectTooLargeCode, found.Error?.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    [InlineData(1_048_576)]
    public async Task TheContent_HasTheRecordedSize_AndIsTheSameEveryTime(long size)
    {
        // Arrange
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        // Act
        await StorageService.WriteContentAsync("a/b.raw", size, first);
        await StorageService.WriteContentAsync("a/b.raw", size, second);

        // Assert
        Assert.Equal(size, first.Length);
        Assert.Equal(first.ToArray(), second.ToArray());
        var line = "EcsConsole simulated OSS object a/b.raw\n"u8.ToArray();
        Assert.Equal(Enumerable.Range(0, (int)size).Select(i => line[i % line.Length]).ToArray(), first.ToArray());
    }
}
