using Bunit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.InstanceTypes;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Instances;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components.Instances;

/// <summary>The buy page's instance type table, the page's live re-checks, and the instance list's actions.</summary>
public sealed class BuyPageTests : ComponentTestBase
{
    private const string ArmImage = "aliyun_3_arm64_20G_alibase_20250101.vhd";

    private static InstanceType Type(string id, ImageArchitecture arch) => new()
    {
        Id = id, Family = id[..id.LastIndexOf('.')], Vcpu = 2, MemoryGiB = 8, Architecture = arch, PricePerHour = 0.1m,
    };

    [Fact]
    public void TypeTable_DisablesAnIncompatibleType_AndShowsItsCodeAndReason()
    {
        // Arrange
        var refusal = new CompatibilityReason("CMP-05", new EcsError("ImageNotSupportInstanceType", 403, "The image is built for arm64; ecs.g7.large is an x86 instance type."));
        IReadOnlyList<TypeCompatibility> types =
        [
            new(Type("ecs.g7.large", ImageArchitecture.X86_64), [refusal], []),
            new(Type("ecs.g8y.large", ImageArchitecture.Arm64), [], []),
        ];

        // Act
        var cut = Render<InstanceTypeTable>(p => p.Add(t => t.Types, types).Add(t => t.Selected, "ecs.g8y.large").Add(t => t.HasImage, true));

        // Assert
        var x86 = cut.Find("[data-testid='instance-type-ecs.g7.large']");
        Assert.Equal("true", x86.GetAttribute("aria-disabled"));
        Assert.True(x86.QuerySelector("input[type=radio]")!.HasAttribute("disabled"));
        var reason = cut.Find("[data-testid='compat-reason-ecs.g7.large']").TextContent;
        Assert.Contains("ImageNotSupportInstanceType", reason);
        Assert.Contains("built for arm64", reason);
        var arm = cut.Find("[data-testid='instance-type-ecs.g8y.large'] input[type=radio]");
        Assert.False(arm.HasAttribute("disabled"));
        Assert.Equal("ecs.g8y.large", arm.GetAttribute("aria-label"));
        Assert.True(arm.HasAttribute("checked"));
        Assert.Empty(cut.FindAll("[data-testid='compat-reason-ecs.g8y.large']"));
        Assert.Contains("1 of 2 types compatible", cut.Find("[data-testid='instance-types-count']").TextContent);
    }

    [Fact]
    public void TypeTable_ShowOnlyCompatible_HidesTheRefusedTypes()
    {
        IReadOnlyList<TypeCompatibility> types =
        [
            new(Type("ecs.g7.large", ImageArchitecture.X86_64), [new("CMP-05", new EcsError("ImageNotSupportInstanceType", 403, "no"))], []),
            new(Type("ecs.g8y.large", ImageArchitecture.Arm64), [], []),
        ];

        var cut = Render<InstanceTypeTable>(p => p.Add(t => t.Types, types).Add(t => t.OnlyCompatible, true));

        Assert.Empty(cut.FindAll("[data-testid='instance-type-ecs.g7.large']"));
        Assert.Single(cut.FindAll("[data-testid='instance-type-ecs.g8y.large']"));
    }

    [Fact]
    public void TypeTable_WithoutAnImage_AsksForOne_AndWithNoCompatibleTypeHere_SaysWhichZonesHaveThem()
    {
        // Arrange
        var refusal = new CompatibilityReason("CMP-05", new EcsError("ImageNotSupportInstanceType", 403, "x86"));
        IReadOnlyList<TypeCompatibility> none = [new(Type("ecs.g7.large", ImageArchitecture.X86_64), [refusal], [])];
        IReadOnlyList<TypeCompatibility> any = [new(Type("ecs.g7.large", ImageArchitecture.X86_64), [], [])];

        // Act
        var noImage = Render<InstanceTypeTable>(p => p.Add(t => t.Types, any));
        var elsewhere = Render<InstanceTypeTable>(p => p.Add(t => t.Types, none).Add(t => t.HasImage, true)
            .Add(t => t.CompatibleZones, ["Hangzhou Zone I", "Hangzhou Zone J"]));

        // Assert
        Assert.Contains("Choose an image", noImage.Find("[data-testid='instance-types-count']").TextContent);
        Assert.DoesNotContain("compatible with the image", noImage.Find("[data-testid='instance-types-count']").TextContent);
        Assert.Contains("compatible types are in Hangzhou Zone I, Hangzhou Zone J", elsewhere.Find("[data-testid='instance-types-count']").TextContent);
    }

    [Fact]
    public async Task BuyPage_OpenedWithTheArmImageAndNoZone_PicksAZoneThatSellsArmTypes()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderBuyPage($"region=cn-hangzhou&imageId={ArmImage}");

        // Assert: the first zone with Arm types (I), an Arm type chosen, and where else they are said
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='instance-type-ecs.g8y.large']")));
        Assert.False(cut.Find("[data-testid='instance-type-ecs.g8y.large'] input[type=radio]").HasAttribute("disabled"));
        Assert.DoesNotContain("0 of", cut.Find("[data-testid='instance-types-count']").TextContent);
        Assert.Contains("cn-hangzhou-i", cut.Find("[data-testid='zone-select']").OuterHtml);
    }

    private IRenderedComponent<CreateInstancePage> RenderBuyPage(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/instances/create?{query}");
        return Render<CreateInstancePage>();
    }

    [Fact]
    public async Task BuyPage_OpenedWithTheArmImage_DisablesX86Types_AndChoosingAnX86ImageFlipsThem()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderBuyPage($"region=cn-hangzhou&imageId={ArmImage}&zone=cn-hangzhou-i");

        // Assert: the arm64 image disables the x86 types, and an Arm type is chosen
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='compat-reason-ecs.g7.large']")));
        Assert.Empty(cut.FindAll("[data-testid='compat-reason-ecs.g8y.large']"));
        Assert.Contains(ArmImage, cut.Find("[data-testid='selected-image']").OuterHtml);

        // Act: choose an x86 image in the picker
        cut.Find("[data-testid='image-option-aliyun_3_x64_20G_alibase_20250101.vhd'] input[type=radio]").Change(true);

        // Assert: now the Arm types are the refused ones
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='compat-reason-ecs.g8y.large']")));
        Assert.Empty(cut.FindAll("[data-testid='compat-reason-ecs.g7.large']"));
    }

    [Fact]
    public async Task BuyPage_PriceSummary_IncludesTheImageFee()
    {
        await SignInAsync(DemoWorld.Alice);

        var cut = RenderBuyPage("region=cn-hangzhou&imageId=win2022_21H2_x64_dtc_en-us_40G_alibase_20250101.vhd&zone=cn-hangzhou-h&instanceType=ecs.g7.large");

        cut.WaitForAssertion(() => Assert.Contains("$0.092", cut.Find("[data-testid='price-image-fee']").TextContent));
        Assert.Contains("/ hour", cut.Find("[data-testid='price-total']").TextContent);
    }

    [Fact]
    public async Task BuyPage_ForAReadOnlyMember_DisablesCreateOrderAndSaysWhy()
    {
        await SignInAsync(DemoWorld.Bob);

        var cut = RenderBuyPage($"region=cn-hangzhou&imageId={ArmImage}&zone=cn-hangzhou-i");

        cut.WaitForAssertion(() => Assert.Contains("read-only", cut.Find("[data-testid='order-blocker']").TextContent));
        Assert.True(cut.Find("[data-testid='create-order']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task InstancesPage_OffersReplaceOnlyOnStoppedDb1_AndReleaseOnBoth()
    {
        await SignInAsync(DemoWorld.Alice);
        await using var db = Database.NewContext();
        var web = await db.Instances.Where(i => i.Name == "web-1").Select(i => i.Id).SingleAsync();
        var db1 = await db.Instances.Where(i => i.Name == "db-1").Select(i => i.Id).SingleAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/instances?region=cn-hangzhou");

        var cut = Render<InstancesPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='instance-replace-disk-{db1}']")));
        Assert.False(cut.Find($"[data-testid='instance-replace-disk-{db1}']").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='instance-replace-disk-{web}']").HasAttribute("disabled"));
        Assert.NotNull(cut.Find($"[data-testid='instance-stop-{web}']"));
        Assert.NotNull(cut.Find($"[data-testid='instance-start-{db1}']"));
        Assert.False(cut.Find($"[data-testid='instance-release-{web}']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task InstancesPage_ShowsAStatusChangeMadeElsewhere_Live()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        await using var db = Database.NewContext();
        var web = await db.Instances.Where(i => i.Name == "web-1").Select(i => i.Id).SingleAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/instances?region=cn-hangzhou");
        var cut = Render<InstancesPage>();
        cut.WaitForAssertion(() => Assert.Equal("Running", cut.Find($"[data-testid='instance-status-{web}']").TextContent.Trim()));

        // Act: the instance is stopped by another page (or the API)
        var stopped = await Services.GetRequiredService<InstanceService>().StopAsync(await Database.ActorAsync(DemoWorld.Alice), "cn-hangzhou", web);

        // Assert
        Assert.True(stopped.IsSuccess);
        cut.WaitForAssertion(() => Assert.Equal("Stopping", cut.Find($"[data-testid='instance-status-{web}']").TextContent.Trim()));
    }
}
