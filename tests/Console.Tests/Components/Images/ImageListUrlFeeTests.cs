using EcsConsole.Domain.Images;
using EcsConsole.Web.Components.Pages.Images;

namespace EcsConsole.Tests.Components.Images;

/// <summary>The Free / Paid filter in the images page's URL: kept on the tabs with prices, ignored elsewhere.</summary>
public sealed class ImageListUrlFeeTests
{
    private static ImageListUrl Parse(string query) => ImageListUrl.Parse("http://localhost/images?" + query);

    [Theory]
    [InlineData("marketplace", "paid", ImageFee.Paid)]
    [InlineData("public", "free", ImageFee.Free)]
    [InlineData("public", "PAID", ImageFee.Paid)]
    public void Fee_OnATabWithPrices_IsReadAndWrittenBack_AndGoesToTheQuery(string tab, string word, ImageFee fee)
    {
        // Act
        var state = Parse($"region=cn-hangzhou&tab={tab}&fee={word}");

        // Assert
        Assert.Equal(fee, state.Fee);
        Assert.True(state.HasFilters);
        Assert.Equal(fee, state.ToQuery("cn-hangzhou").Fee);
        Assert.Contains($"fee={ImageListUrl.FeeWord(fee)}", state.ToUrl("cn-hangzhou"), StringComparison.Ordinal);
    }

    [Fact]
    public void Fee_OnTheCustomTab_IsIgnored()
    {
        // Act
        var state = Parse("region=cn-hangzhou&tab=custom&fee=paid");

        // Assert
        Assert.Null(state.Fee);
        Assert.Null(state.ToQuery("cn-hangzhou").Fee);
    }

    [Fact]
    public void AnUnknownFee_IsDropped_WithANotice()
    {
        // Act
        var state = Parse("region=cn-hangzhou&tab=public&fee=cheap");

        // Assert
        Assert.Null(state.Fee);
        Assert.Single(state.Notices);
    }
}
