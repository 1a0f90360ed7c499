using EcsConsole.Domain.Seeding;
using EcsConsole.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcsConsole.E2E;

/// <summary>The buy page and the instance list as a person uses them (issue 7): compatibility refusals, an order, a replaced system disk.</summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class BuyPageTests(MutatingConsoleFixture mutating)
{
    private const string ArmImage = "aliyun_3_arm64_20G_alibase_20250101.vhd";
    private const string ThirtyTwoBitImage = "centos_6_10_32_20G_alibase_20200319.vhd";
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task FromTheArmImage_X86TypesAreDisabledWithAReason_AndAnArmOrderReachesRunning()
    {
        // Arrange: Create Instance on the arm64 public image's row opens the buy page with region and image filled in
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/images?region=cn-hangzhou&tab=public&q=ARM");
        await page.GetByTestId($"image-create-instance-{ArmImage}").ClickAsync();
        await Expect(page.GetByLabel("Image", new() { Exact = true })).ToHaveValueAsync(ArmImage);
        await page.WaitForSelectorAsync("[data-interactive='true']");

        // Act: a zone that sells Arm types
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Zone" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Hangzhou Zone I (cn-hangzhou-i)" }).ClickAsync();

        // Assert: x86 types are disabled and say why; the Arm type is enabled
        var x86 = page.GetByTestId("instance-type-ecs.g7.large");
        await Expect(x86.GetByRole(AriaRole.Radio)).ToBeDisabledAsync();
        await Expect(page.GetByTestId("compat-reason-ecs.g7.large")).ToContainTextAsync("ImageNotSupportInstanceType");
        await Expect(page.GetByTestId("compat-reason-ecs.g7.large")).ToContainTextAsync("arm64");
        var arm = page.GetByRole(AriaRole.Radio, new() { Name = "ecs.g8y.large", Exact = true });
        await Expect(arm).ToBeEnabledAsync();
        await page.ScreenshotAsync(_fixture, "buy-page-arm-image");

        // Act: order one ecs.g8y.large
        await arm.CheckAsync();
        await page.GetByLabel("Instance Name").FillAsync("arm-e2e");
        await page.GetByLabel("Logon Password").FillAsync("Secret@123");
        await page.GetByLabel("Confirm Password").FillAsync("Secret@123");
        await Expect(page.GetByTestId("price-summary")).ToContainTextAsync("/ hour");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Order" }).ClickAsync();

        // Assert: the instance list shows it, and it reaches Running
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/instances\\?region=cn-hangzhou$"));
        var id = await _fixture.App.QueryScalarAsync("SELECT Id FROM Instances WHERE Name = 'arm-e2e'");
        await Expect(page.GetByTestId($"instance-row-{id}")).ToContainTextAsync("ecs.g8y.large");
        await Expect(page.GetByTestId($"instance-status-{id}")).ToHaveTextAsync("Running", new() { Timeout = 20_000 });
        await page.ScreenshotAsync(_fixture, "instances-after-order");
    }

    [Fact]
    public async Task The32BitImage_DisablesATypeWith4GiBOrMore_WithItsReason()
    {
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);

        await page.OpenAsync($"/instances/create?region=cn-hangzhou&imageId={ThirtyTwoBitImage}&zone=cn-hangzhou-h");

        await Expect(page.GetByTestId("instance-type-ecs.g7.large").GetByRole(AriaRole.Radio)).ToBeDisabledAsync();
        await Expect(page.GetByTestId("compat-reason-ecs.g7.large")).ToContainTextAsync("ImageNotSupportInstanceType");
        await Expect(page.GetByTestId("compat-reason-ecs.g7.large")).ToContainTextAsync("32-bit");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "ecs.t6-c1m1.large", Exact = true })).ToBeEnabledAsync();
        await page.GetByTestId("only-compatible-types").ClickAsync();
        await Expect(page.GetByTestId("instance-type-ecs.g7.large")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(_fixture, "buy-page-32-bit-image");

        // The controls suites find by role and name (ui-contract §4), and a subscription priced for its period
        var billing = page.GetByRole(AriaRole.Radiogroup, new() { Name = "Billing Method" });
        await billing.GetByRole(AriaRole.Radio, new() { Name = "Subscription" }).CheckAsync();
        await Expect(page.GetByTestId("price-summary")).ToContainTextAsync("/ 1 month");
        await page.GetByLabel("Quantity").FillAsync("2");
        await Expect(page.GetByTestId("price-summary")).ToContainTextAsync("2 ×");
        await Expect(page.GetByRole(AriaRole.Radiogroup, new() { Name = "Instance Type" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Instance Name")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ReplacingTheSystemDiskOfStoppedDb1_WithAnotherCompatibleImage_ShowsTheNewImage()
    {
        // Arrange
        const string debian = "debian_12_x64_20G_alibase_20250101.vhd";
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/instances?region=cn-hangzhou");
        var db1 = await _fixture.App.QueryScalarAsync("SELECT Id FROM Instances WHERE Name = 'db-1'");

        // Act
        await page.GetByTestId($"instance-replace-disk-{db1}").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Replace System Disk" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("image-picker-table")).ToBeVisibleAsync();
        await dialog.GetByLabel("Search images").FillAsync("debian_12_x64");
        var option = dialog.GetByTestId($"image-option-{debian}");
        await Expect(option).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId($"image-compat-reason-{ArmImage}")).ToHaveCountAsync(0);
        await option.GetByRole(AriaRole.Radio).CheckAsync();
        await Expect(dialog.GetByLabel("Image", new() { Exact = true })).ToHaveValueAsync(debian);
        await page.ScreenshotAsync(_fixture, "replace-system-disk");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        // Assert
        await Expect(dialog).ToBeHiddenAsync();
        var row = page.GetByTestId($"instance-row-{db1}");
        await Expect(row).ToContainTextAsync(debian);
        await Expect(page.GetByTestId($"instance-status-{db1}")).ToHaveTextAsync("Running", new() { Timeout = 20_000 });
    }
}
