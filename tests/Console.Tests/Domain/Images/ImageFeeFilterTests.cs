using EcsConsole.Domain.Images;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Domain.Images;

/// <summary>The Free / Paid filter of the public and Marketplace tabs, in SQL over real rows (FeePerHour is a REAL on SQLite).</summary>
public sealed class ImageFeeFilterTests : IAsyncLifetime
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

    private async Task<ImagePage> ListAsync(ImageTab tab, ImageFee? fee)
    {
        var result = await _catalog.ListAsync(await _db.ActorAsync(DemoWorld.Alice), new ImageListQuery { RegionId = Hangzhou, Tab = tab, Fee = fee, PageSize = 100 });
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    [Theory]
    [InlineData(ImageTab.Public)]
    [InlineData(ImageTab.Marketplace)]
    public async Task FreeAndPaid_SplitTheTab_ByWhetherTheImageHasAFee(ImageTab tab)
    {
        // Act
        var all = await ListAsync(tab, null);
        var free = await ListAsync(tab, ImageFee.Free);
        var paid = await ListAsync(tab, ImageFee.Paid);

        // Assert
        Assert.All(free.Items, i => Assert.Equal(0m, i.FeePerHour));
        Assert.All(paid.Items, i => Assert.True(i.FeePerHour > 0m, $"{i.Id} is free"));
        Assert.Equal(all.Total, free.Total + paid.Total);
        Assert.Equal(all.Items.Select(i => i.Id).Order(), free.Items.Concat(paid.Items).Select(i => i.Id).Order());
    }

    [Fact]
    public async Task Paid_OnTheMarketplaceTab_FindsTheImagesOfPaidProducts()
    {
        // Act
        var paid = await ListAsync(ImageTab.Marketplace, ImageFee.Paid);

        // Assert
        Assert.NotEmpty(paid.Items);
    }
}
