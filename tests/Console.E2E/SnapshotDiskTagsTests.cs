namespace EcsConsole.E2E;

/// <summary>The tags a snapshot and a disk were made with through the API (SDP-02, SDP-06) show in their console lists.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SnapshotDiskTagsTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task ADiskAndASnapshotTaggedThroughTheApi_ShowTheirTags_InTheDisksAndSnapshotsLists()
    {
        // Arrange: a console of its own (the new disk and snapshot would change other journeys' counts)
        await using var app = await EcsConsoleHost.StartAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Url, Locale = "en-US" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await new SignInPage(page).LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        using var api = EcsApi.AsAlice(app.Url);

        // Act: CreateDisk and CreateSnapshot with Tag.N
        using var disk = await api.CallAsync("CreateDisk", new Dictionary<string, string>
        {
            ["RegionId"] = "cn-hangzhou", ["ZoneId"] = "cn-hangzhou-h", ["DiskCategory"] = "cloud_essd", ["Size"] = "40", ["DiskName"] = "tagged-disk",
            ["Tag.1.Key"] = "team", ["Tag.1.Value"] = "storage",
        });
        var diskId = disk.RootElement.GetProperty("DiskId").GetString()!;
        var instanceId = await api.InstanceIdAsync("cn-hangzhou", "web-1");
        using var attached = await api.CallAsync("DescribeDisks", new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["InstanceId"] = instanceId });
        var sourceDiskId = attached.RootElement.GetProperty("Disks").GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;
        using var snapshot = await api.CallAsync("CreateSnapshot", new Dictionary<string, string>
        {
            ["DiskId"] = sourceDiskId, ["SnapshotName"] = "tagged-snapshot", ["RetentionDays"] = "7", ["Tag.1.Key"] = "backup", ["Tag.1.Value"] = "weekly",
        });
        var snapshotId = snapshot.RootElement.GetProperty("SnapshotId").GetString()!;
        var disks = new DisksPage(page);
        await disks.OpenAsync("cn-hangzhou");

        // Assert
        await Expect(page.GetByTestId($"disk-tags-{diskId}")).ToContainTextAsync("team: storage");
        await page.ScreenshotAsync(fixture, "disk-tags");
        var snapshots = new SnapshotsPage(page);
        await snapshots.OpenAsync("cn-hangzhou");
        await Expect(page.GetByTestId($"snapshot-tags-{snapshotId}")).ToContainTextAsync("backup: weekly");
        await page.ScreenshotAsync(fixture, "snapshot-tags");
        await context.CloseAsync();
    }
}
