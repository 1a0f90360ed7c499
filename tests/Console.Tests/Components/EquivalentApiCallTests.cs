using Bunit;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Api.Calls;
using EcsConsole.Web.Components.Pages.Images;
using EcsConsole.Web.Components.Shared;
using EcsConsole.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components;

/// <summary>The "Equivalent API call" panel (ADR-014): collapsed until asked, the action and parameters, the SDK snippet and CLI line, copy.</summary>
public sealed class EquivalentApiCallTests : ComponentTestBase
{
    private static readonly EcsCall Copy = EcsCalls.CopyImage(new CopyImageRequest("cn-hangzhou", "m-1", "cn-shanghai", "web", "it's \"quoted\""));

    [Fact]
    public void ThePanel_IsCollapsedByDefault_AndOpensOnItsHeader()
    {
        // Act
        var panel = Render<EquivalentApiCall>(p => p.Add(c => c.Calls, [Copy]));

        // Assert
        var root = panel.Find("[data-testid='equivalent-api-call']");
        Assert.Contains("Equivalent API call", root.QuerySelector(".mud-expand-panel-header")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("mud-panel-expanded", root.ClassList);

        // Act
        panel.Find("[data-testid='equivalent-api-call'] .mud-expand-panel-header").Click();

        // Assert
        panel.WaitForAssertion(() => Assert.Contains("mud-panel-expanded", panel.Find("[data-testid='equivalent-api-call']").ClassList));
    }

    [Fact]
    public void Expanded_ItShowsTheActionItsParameters_TheSnippetAndTheCliLine()
    {
        // Arrange
        var panel = Render<EquivalentApiCall>(p => p.Add(c => c.Calls, [Copy]));

        // Act
        panel.Find("[data-testid='equivalent-api-call'] .mud-expand-panel-header").Click();

        // Assert
        panel.WaitForAssertion(() => Assert.Equal("CopyImage", panel.Find("[data-testid='api-call-action']").TextContent));
        var rows = panel.FindAll("[data-testid='api-call-parameters'] tbody tr")
            .Select(r => string.Join("=", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(["RegionId=cn-hangzhou", "ImageId=m-1", "DestinationRegionId=cn-shanghai", "DestinationImageName=web", "DestinationDescription=it's \"quoted\""], rows);
        Assert.Contains("destinationDescription: 'it\\'s \"quoted\"',", panel.Find("[data-testid='api-call-node']").TextContent, StringComparison.Ordinal);
        Assert.Equal(EcsCallText.CliLine(Copy), panel.Find("[data-testid='api-call-cli']").TextContent);
    }

    [Fact]
    public async Task CopyCliCommand_PutsTheLineOnTheClipboard()
    {
        // Arrange
        var panel = Render<EquivalentApiCall>(p => p.Add(c => c.Calls, [Copy]));
        Render<MudSnackbarProvider>();

        // Act
        await panel.InvokeAsync(() => panel.Find("button[aria-label='Copy CLI command']").Click());

        // Assert
        var invocation = JSInterop.VerifyInvoke("navigator.clipboard.writeText");
        Assert.Equal(EcsCallText.CliLine(Copy), invocation.Arguments.Single());
    }

    [Fact]
    public void APassword_IsMaskedInTheTable_AndAbsentFromWhatIsCopied()
    {
        // Arrange
        var replace = EcsCalls.ReplaceSystemDisk(new ReplaceSystemDiskRequest { RegionId = "cn-hangzhou", InstanceId = "i-1", ImageId = "m-1", Password = "S3cret!pw" });

        // Act
        var panel = Render<EquivalentApiCall>(p => p.Add(c => c.Calls, [replace]));
        panel.Find("[data-testid='equivalent-api-call'] .mud-expand-panel-header").Click();

        // Assert
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid='api-call-cli']")));
        Assert.DoesNotContain("S3cret", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyImageDialog_ShowsTheCallOfItsForm_AndFollowsItsEdits()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var actor = await Services.GetRequiredService<CurrentActor>().GetAsync();
        Assert.NotNull(actor);
        var image = (await Services.GetRequiredService<ImageCatalogService>()
            .ListAsync(actor, new ImageListQuery { RegionId = "cn-hangzhou" })).Value.Items.Single(i => i.Name == "acme-base-v1");
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CopyImageDialog>("Copy Image",
            new DialogParameters<CopyImageDialog> { { d => d.Actor, actor }, { d => d.Image, image } }));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid='equivalent-api-call']")));
        dialogs.Find("[data-testid='equivalent-api-call'] .mud-expand-panel-header").Click();

        // Act: a new name typed into the form
        dialogs.FindAll("input").Single(i => i.GetAttribute("value") == "acme-base-v1").Change("acme-base-copy");

        // Assert
        dialogs.WaitForAssertion(() => Assert.Contains("--DestinationImageName acme-base-copy", dialogs.Find("[data-testid='api-call-cli']").TextContent,
            StringComparison.Ordinal));
        Assert.StartsWith($"aliyun ecs CopyImage --RegionId cn-hangzhou --ImageId {image.Id} --DestinationRegionId ", dialogs.Find("[data-testid='api-call-cli']").TextContent,
            StringComparison.Ordinal);
    }
}
