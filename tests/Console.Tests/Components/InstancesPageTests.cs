using Bunit;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Instances;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components;

public sealed class InstancesPageTests : ComponentTestBase
{
    private IRenderedComponent<InstancesPage> RenderAt(string regionId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/instances?region={regionId}");
        return Render<InstancesPage>();
    }

    private async Task<string> InstanceIdAsync(string name)
    {
        await using var db = Database.NewContext();
        return await db.Instances.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
    }

    [Fact]
    public async Task Instances_ForAliceInHangzhou_ShowsARowPerInstanceWithTypeImageAndBilling()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var web = await InstanceIdAsync("web-1");
        var db = await InstanceIdAsync("db-1");

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^='instance-row-']").Count));
        Assert.NotNull(cut.Find($"[data-testid='instance-row-{db}']"));
        var row = cut.Find($"[data-testid='instance-row-{web}']");
        Assert.Equal("TR", row.TagName);
        Assert.Contains("web-1", row.TextContent);
        Assert.Contains("ecs.g7.large", row.TextContent);
        Assert.Contains("2 vCPU · 8 GiB", row.TextContent);
        Assert.Contains("Pay-as-you-go", row.TextContent);
        Assert.Contains("system 40 GiB · data 100 GiB", row.TextContent);
        Assert.Equal("Running", cut.Find($"[data-testid='instance-status-{web}']").TextContent.Trim());
        var image = row.QuerySelector("a")!;
        Assert.Equal("aliyun_3_x64_20G_alibase_20250101.vhd", image.TextContent.Trim());
        Assert.Equal("images/aliyun_3_x64_20G_alibase_20250101.vhd?region=cn-hangzhou", image.GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid='instances-empty']"));
    }

    [Fact]
    public async Task Instances_ShowTheSecurityQueueAndRemoteConnectionOptions_AnInstanceWasGiven_UnderItsType()
    {
        // Arrange: web-1 given the options of IPAR-38…41; db-1 none
        await SignInAsync(DemoWorld.Alice);
        var web = await InstanceIdAsync("web-1");
        var db = await InstanceIdAsync("db-1");
        await using (var context = Database.NewContext())
        {
            var instance = await context.Instances.SingleAsync(i => i.Id == web);
            instance.Settings = instance.Settings with
            {
                TrustedSystemMode = "vTPM", SecurityHardening = true, AdditionalService = false, QueueNumber = 2, RemoteConnectionPasswordSet = true,
            };
            await context.SaveChangesAsync();
        }

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(
            "vTPM · Security hardening · No Alibaba Cloud system configuration · 2 NIC queues · VNC password set",
            cut.Find($"[data-testid='instance-options-{web}']").TextContent.Trim()));
        Assert.Empty(cut.FindAll($"[data-testid='instance-options-{db}']"));
    }

    [Fact]
    public async Task Instances_InARegionWhereAcmeHasNothing_ShowsTheEmptyState()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt("eu-central-1");

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("No instances in this region", cut.Find("[data-testid='instances-empty']").TextContent));
        Assert.NotNull(cut.Find("[data-testid='instances-table']"));
        Assert.Empty(cut.FindAll("[data-testid^='instance-row-']"));
    }

    [Fact]
    public async Task Instances_ForAnotherAccount_NeverShowsAcmesInstances()
    {
        // Arrange
        await SignInAsync(DemoWorld.Carol);
        var web = await InstanceIdAsync("web-1");

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^='instance-row-']")));
        Assert.Empty(cut.FindAll($"[data-testid='instance-row-{web}']"));
        Assert.Contains("tools-1", cut.Find("[data-testid='instances-table']").TextContent);
    }
}
