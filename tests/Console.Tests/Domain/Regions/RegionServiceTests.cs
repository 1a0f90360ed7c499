using EcsConsole.Domain.Regions;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Domain.Regions;

public sealed class RegionServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync() => await _db.WithDemoWorldAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Resolve_WithoutARegion_UsesTheDefaultSilently(string? requested)
    {
        // Act
        var resolution = await new RegionService(_db.Factory).ResolveAsync(requested);

        // Assert
        Assert.Equal((Region.DefaultRegionId, false), (resolution.Region.Id, resolution.Corrected));
    }

    [Fact]
    public async Task Resolve_AnUnknownRegion_FallsBackToTheDefaultAndSaysSo()
    {
        // Act
        var resolution = await new RegionService(_db.Factory).ResolveAsync("mars-north-1");

        // Assert
        Assert.Equal((Region.DefaultRegionId, true, "mars-north-1"), (resolution.Region.Id, resolution.Corrected, resolution.Requested));
    }

    [Fact]
    public async Task Resolve_AKnownRegion_UsesIt()
    {
        // Act
        var resolution = await new RegionService(_db.Factory).ResolveAsync("eu-central-1");

        // Assert
        Assert.Equal(("eu-central-1", false), (resolution.Region.Id, resolution.Corrected));
    }
}
