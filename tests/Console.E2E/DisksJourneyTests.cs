namespace EcsConsole.E2E;

/// <summary>The disks page in a real Chromium: create a disk, attach it to an instance of its zone, detach it, delete it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DisksJourneyTests(ConsoleFixture fixture)
{
    private const string Region = "cn-hangzhou";
    private const string Zone = "cn-hangzhou-h";

    [Fact]
    public async Task Alice_CreatesADisk_AttachesItToWeb1_DetachesIt_AndDeletesIt()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Alice);
        await new OverviewPage(page).WaitForInteractiveAsync();
        var disks = new DisksPage(page);
        await disks.OpenAsync(Region);

        // Act: create, with the equivalent call in the dialog
        var create = await disks.OpenCreateAsync(Zone, "e2e-journey-disk");
        await Expect(create.Root).ToContainTextAsync("CreateDisk");
        await page.ScreenshotAsync(fixture, "disks-create-dialog");
        await create.SubmitAsync();
        var diskId = await disks.Table.IdOfAsync("e2e-journey-disk");

        // Assert: Available, on no instance; it can be deleted, not detached
        await Expect(disks.Status(diskId)).ToContainTextAsync("Available");
        await Expect(disks.Action("detach", diskId)).ToBeDisabledAsync();
        await Expect(disks.Action("delete", diskId)).ToBeEnabledAsync();

        // Act: attach it to web-1
        var attach = await disks.OpenAttachAsync(diskId, "web-1");
        await Expect(attach.Root).ToContainTextAsync("AttachDisk");
        await attach.SubmitAsync();

        // Assert: in use on web-1; it can no longer be deleted
        await Expect(disks.Status(diskId)).ToContainTextAsync("In use");
        await Expect(disks.Attached(diskId)).ToContainTextAsync("web-1");
        await Expect(disks.Action("delete", diskId)).ToBeDisabledAsync();
        await page.ScreenshotAsync(fixture, "disks-attached");

        // Act: detach, then delete
        await disks.DetachAsync(diskId);
        await Expect(disks.Status(diskId)).ToContainTextAsync("Available");
        await disks.DeleteAsync(diskId);

        // Assert
        await Expect(disks.Row(diskId)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Alice_ResetsDb1sDataDisk_ToItsOwnSnapshot_WhileDb1IsStopped()
    {
        // Arrange: db-1 is Stopped; its data disk is /dev/xvdb, with the snapshot db-1-data-daily
        var page = await fixture.SignedInPageAsync(DemoWorld.Alice);
        await new OverviewPage(page).WaitForInteractiveAsync();
        var disks = new DisksPage(page);
        await disks.OpenAsync(Region);
        var diskId = await disks.Table.IdOfAsync(disks.Table.Rows.Filter(new() { HasText = "db-1 · /dev/xvdb" }));

        // Act
        var reset = await disks.OpenResetAsync(diskId);

        // Assert: the dialog lists the disk's own snapshot, and the reset is accepted
        await Expect(reset.TestId("reset-snapshot")).ToContainTextAsync("db-1-data-daily");
        await Expect(reset.Root).ToContainTextAsync("ResetDisk");
        await page.ScreenshotAsync(fixture, "disks-reset-dialog");
        await reset.SubmitAsync();
        await Expect(page.GetByText($"Disk {diskId} rolled back")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Bob_AReadOnlyMember_SeesEveryDiskActionDisabled()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Bob);
        await new OverviewPage(page).WaitForInteractiveAsync();
        var disks = new DisksPage(page);

        // Act
        await disks.OpenAsync(Region);

        // Assert: the list is there, and every change (by its ui-contract name) is disabled
        var row = disks.Table.Rows.First;
        await Expect(row).ToBeVisibleAsync();
        await Expect(disks.Button("Create Disk")).ToBeDisabledAsync();
        foreach (var action in new[] { "Attach", "Detach", "Reset Disk", "Delete" })
        {
            await Expect(row.GetByRole(AriaRole.Button, new() { Name = action, Exact = true })).ToBeDisabledAsync();
        }

        await Expect(page.Locator("[data-testid^='disk-delete-']").First).ToBeDisabledAsync();
        await Expect(page.Locator("[data-testid^='disk-attach-']").First).ToBeDisabledAsync();
    }
}
