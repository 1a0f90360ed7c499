using Bunit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Web.Components.Shared;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Components;

public sealed class ErrorAlertTests : ComponentTestBase
{
    [Fact]
    public void ErrorAlert_WithAnError_ShowsTheEcsCodeAsTestableAttributeAndTheMessage()
    {
        // Arrange
        var error = ImageErrors.NotFound("m-bp1nosuchimage000000");

        // Act
        var cut = Render<ErrorAlert>(p => p.Add(x => x.Error, error));

        // Assert
        var alert = cut.Find("[data-testid='error-alert']");
        Assert.Equal(ImageErrors.NotFoundCode, alert.GetAttribute("data-error-code"));
        Assert.Contains("m-bp1nosuchimage000000", alert.TextContent);
        Assert.Equal("alert", alert.GetAttribute("role"));
    }

    [Fact]
    public void ErrorAlert_WithoutAnError_RendersNothing()
    {
        // Act
        var cut = Render<ErrorAlert>(p => p.Add(x => x.Error, (EcsError?)null));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid='error-alert']"));
    }

    [Fact]
    public void ErrorAlert_WhenDismissable_RaisesOnClose()
    {
        // Arrange
        var closed = false;
        var cut = Render<ErrorAlert>(p => p
            .Add(x => x.Error, CommonErrors.Forbidden())
            .Add(x => x.OnClose, () => { closed = true; }));

        // Act
        cut.Find("[data-testid='error-alert'] button").Click();

        // Assert
        Assert.True(closed);
    }
}
