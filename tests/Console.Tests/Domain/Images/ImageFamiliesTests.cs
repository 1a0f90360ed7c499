using EcsConsole.Domain.Images;

namespace EcsConsole.Tests.Domain.Images;

public sealed class ImageFamiliesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Resolve_PicksTheNewestAvailableImage()
    {
        // Act
        var id = ImageFamilies.Resolve([("m-old", ImageStatus.Available, T0), ("m-new", ImageStatus.Available, T0.AddDays(1))]);

        // Assert
        Assert.Equal("m-new", id);
    }

    [Theory]
    [InlineData(ImageStatus.Deprecated)]
    [InlineData(ImageStatus.Creating)]
    [InlineData(ImageStatus.CreateFailed)]
    public void Resolve_SkipsImagesThatAreNotAvailable(ImageStatus newestStatus)
    {
        // Act
        var id = ImageFamilies.Resolve([("m-old", ImageStatus.Available, T0), ("m-new", newestStatus, T0.AddDays(1))]);

        // Assert
        Assert.Equal("m-old", id);
    }

    [Fact]
    public void Resolve_WithNoAvailableImage_ResolvesToNothing()
    {
        // Act
        var id = ImageFamilies.Resolve([("m-only", ImageStatus.Deprecated, T0)]);

        // Assert
        Assert.Null(id);
    }
}
