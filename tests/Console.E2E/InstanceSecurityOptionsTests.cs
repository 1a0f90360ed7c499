namespace EcsConsole.E2E;

/// <summary>
/// The security and queue options an instance was launched with through the API (IPAR-38…40: a vTPM, security hardening,
/// the primary interface's queues) show in the console's instance list, which is where the product shows them.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class InstanceSecurityOptionsTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AnInstanceLaunchedWithAVtpmHardeningAndQueues_ShowsThem_InTheInstanceList()
    {
        // Arrange: a console of its own (the new instance would change other journeys' counts)
        await using var app = await EcsConsoleHost.StartAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Url, Locale = "en-US" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await new SignInPage(page).LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        using var api = EcsApi.AsAlice(app.Url);

        // Act: RunInstances on a security-enhanced type with the options
        using var run = await api.CallAsync("RunInstances", new Dictionary<string, string>
        {
            ["RegionId"] = "cn-hangzhou", ["InstanceType"] = "ecs.g7t.large", ["ImageId"] = "aliyun_3_x64_20G_alibase_20250101.vhd",
            ["InstanceName"] = "trusted-1", ["SystemDisk.Category"] = "cloud_essd", ["SecurityOptions.TrustedSystemMode"] = "vTPM",
            ["SecurityEnhancementStrategy"] = "Active", ["NetworkInterfaceQueueNumber"] = "2",
        });
        var instanceId = run.RootElement.GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var instances = new InstancesPage(page);
        await instances.OpenAsync("cn-hangzhou");

        // Assert
        await Expect(instances.Options(instanceId)).ToHaveTextAsync("vTPM · Security hardening · 2 NIC queues");
        await page.ScreenshotAsync(fixture, "instance-security-options");
        await context.CloseAsync();
    }
}
