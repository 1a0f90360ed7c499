namespace EcsConsole.E2E;

/// <summary>The buy page and the instance list as a person uses them (issue 7): compatibility refusals, an order, a replaced system disk.</summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class BuyPageTests(MutatingConsoleFixture mutating)
{
    private const string ArmImage = "aliyun_3_arm64_20G_alibase_20250101.vhd";
    private const string ThirtyTwoBitImage = "centos_6_10_32_20G_alibase_20200319.vhd";
    private static readonly LocatorAssertionsToHaveTextOptions Started = new() { Timeout = 20_000 };
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task FromTheArmImage_X86TypesAreDisabledWithAReason_AndAnArmOrderReachesRunning()
    {
        // Arrange: Create Instance on the arm64 public image's row opens the buy page with region and image filled in
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var images = new ImagesPage(page);
        await images.OpenAsync("cn-hangzhou", "public", "ARM");
        var buy = await images.CreateInstanceAsync(ArmImage);
        await Expect(buy.Image).ToHaveValueAsync(ArmImage);
        await buy.WaitForInteractiveAsync();

        // Act: a zone that sells Arm types
        await buy.SelectZoneAsync("Hangzhou Zone I (cn-hangzhou-i)");

        // Assert: x86 types are disabled and say why; the Arm type is enabled
        await Expect(buy.InstanceTypeRow("ecs.g7.large").GetByRole(AriaRole.Radio)).ToBeDisabledAsync();
        await Expect(buy.CompatReason("ecs.g7.large")).ToContainTextAsync("ImageNotSupportInstanceType");
        await Expect(buy.CompatReason("ecs.g7.large")).ToContainTextAsync("arm64");
        await Expect(buy.InstanceType("ecs.g8y.large")).ToBeEnabledAsync();
        await page.ScreenshotAsync(_fixture, "buy-page-arm-image");

        // Act: order one ecs.g8y.large
        await buy.InstanceType("ecs.g8y.large").CheckAsync();
        await buy.FillInstanceAsync("arm-e2e", "Secret@123");
        await Expect(buy.PriceSummary).ToContainTextAsync("/ hour");
        var instances = await buy.CreateOrderAsync();

        // Assert: the instance list shows it, and it reaches Running
        await Expect(page).ToHaveURLAsync(new Regex("/instances\\?region=cn-hangzhou$"));
        var id = await instances.IdOfAsync("arm-e2e");
        await Expect(instances.Row(id)).ToContainTextAsync("ecs.g8y.large");
        await Expect(instances.Status(id)).ToHaveTextAsync("Running", Started);
        await page.ScreenshotAsync(_fixture, "instances-after-order");
    }

    [Fact]
    public async Task The32BitImage_DisablesATypeWith4GiBOrMore_WithItsReason()
    {
        var buy = new BuyPage(await _fixture.SignedInPageAsync(DemoWorld.Alice));

        await buy.OpenAsync("cn-hangzhou", ThirtyTwoBitImage, "cn-hangzhou-h");

        await Expect(buy.InstanceTypeRow("ecs.g7.large").GetByRole(AriaRole.Radio)).ToBeDisabledAsync();
        await Expect(buy.CompatReason("ecs.g7.large")).ToContainTextAsync("ImageNotSupportInstanceType");
        await Expect(buy.CompatReason("ecs.g7.large")).ToContainTextAsync("32-bit");
        await Expect(buy.InstanceType("ecs.t6-c1m1.large")).ToBeEnabledAsync();
        await buy.ShowOnlyCompatibleTypesAsync();
        await Expect(buy.InstanceTypeRow("ecs.g7.large")).ToHaveCountAsync(0);
        await buy.Page.ScreenshotAsync(_fixture, "buy-page-32-bit-image");

        // The controls suites find by role and name (ui-contract §4), and a subscription priced for its period
        await buy.ChooseBillingAsync("Subscription");
        await Expect(buy.PriceSummary).ToContainTextAsync("/ 1 month");
        await buy.SetQuantityAsync(2);
        await Expect(buy.PriceSummary).ToContainTextAsync("2 ×");
        await Expect(buy.InstanceTypes).ToBeVisibleAsync();
        await Expect(buy.InstanceName).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ReplacingTheSystemDiskOfStoppedDb1_WithAnotherCompatibleImage_ShowsTheNewImage()
    {
        // Arrange
        const string debian = "debian_12_x64_20G_alibase_20250101.vhd";
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var instances = new InstancesPage(page);
        await instances.OpenAsync("cn-hangzhou");
        var db1 = await instances.IdOfAsync("db-1");

        // Act
        var dialog = await instances.OpenReplaceSystemDiskAsync(db1);
        await dialog.ExpectOpenAsync();
        await Expect(dialog.Picker).ToBeVisibleAsync();
        await dialog.SearchAsync("debian_12_x64");
        await Expect(dialog.Option(debian)).ToBeVisibleAsync();
        await Expect(dialog.CompatReason(ArmImage)).ToHaveCountAsync(0);
        await dialog.ChooseAsync(debian);
        await Expect(dialog.Image).ToHaveValueAsync(debian);
        await page.ScreenshotAsync(_fixture, "replace-system-disk");
        await dialog.SubmitAsync();

        // Assert
        await Expect(instances.Row(db1)).ToContainTextAsync(debian);
        await Expect(instances.Status(db1)).ToHaveTextAsync("Running", Started);
    }
}
