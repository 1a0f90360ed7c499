using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Images;

/// <summary>DescribeImages' filters that the SDK sends and ECS acts on (#21 part 1): InstanceType, ImageOwnerId, cloud-init and I/O optimisation.</summary>
public sealed class DescribeImagesFiltersTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly TestDatabase _db = new();
    private ImageCatalogService _catalog = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _catalog = new ImageCatalogService(_db.Factory);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<IReadOnlyList<Image>> DescribeAsync(ImageDescribeQuery query)
    {
        var result = await _catalog.DescribeAsync(await _db.ActorAsync(DemoWorld.Alice), query with { PageSize = 100 });
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value.Items;
    }

    [Fact]
    public async Task InstanceType_KeepsExactlyTheImagesTheCompatibilityRulesLetRunOnIt_ForEveryType()
    {
        // Arrange
        await using var db = _db.NewContext();
        var types = await db.InstanceTypes.AsNoTracking().ToListAsync();
        var all = await DescribeAsync(new ImageDescribeQuery { RegionId = Hangzhou });

        foreach (var type in types)
        {
            // Act
            var kept = await DescribeAsync(new ImageDescribeQuery { RegionId = Hangzhou, RunsOnInstanceType = type.Id });

            // Assert
            var expected = all.Where(i => ImageCompatibility.CheckType(i, type).Count == 0).Select(i => i.Id).Order();
            Assert.True(expected.SequenceEqual(kept.Select(i => i.Id).Order()), $"{type.Id}: kept {string.Join(",", kept.Select(i => i.Id))}");
        }

        Assert.Contains(types, t => t.Architecture == EcsConsole.Domain.Images.ImageArchitecture.Arm64);
    }

    [Fact]
    public async Task AnUnknownInstanceType_IsRefused()
    {
        // Act
        var result = await _catalog.DescribeAsync(await _db.ActorAsync(DemoWorld.Alice), new ImageDescribeQuery { RegionId = Hangzhou, RunsOnInstanceType = "ecs.nope.large" });

        // Assert
        Assert.Equal(CompatibilityErrors.InstanceTypeNotSupportedCode, result.Error?.Code);
    }

    [Fact]
    public async Task ImageOwnerId_KeepsOnlyThatAccountsImages()
    {
        // Act
        var acme = await DescribeAsync(new ImageDescribeQuery { RegionId = Hangzhou, OwnerAccountId = DemoWorld.AcmeAccountId });

        // Assert
        Assert.NotEmpty(acme);
        Assert.All(acme, i => Assert.Equal(DemoWorld.AcmeAccountId, i.OwnerAccountId));
    }

    [Fact]
    public async Task CloudInitAndIoOptimisedFilters_KeepImagesWithThatSupport()
    {
        // Act
        var withCloudInit = await DescribeAsync(new ImageDescribeQuery { RegionId = Hangzhou, IsSupportCloudinit = true });
        var withoutIoOptimised = await DescribeAsync(new ImageDescribeQuery { RegionId = Hangzhou, IsSupportIoOptimized = false });

        // Assert
        Assert.NotEmpty(withCloudInit);
        Assert.All(withCloudInit, i => Assert.True(i.IsSupportCloudinit));
        Assert.All(withoutIoOptimised, i => Assert.False(i.IsSupportIoOptimized));
    }
}
