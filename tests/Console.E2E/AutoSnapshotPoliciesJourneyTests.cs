namespace EcsConsole.E2E;

/// <summary>
/// The automatic snapshot policies page in a real Chromium: reached from the snapshot list, a policy is created, applied to
/// a disk, takes an automatic snapshot when the simulated clock passes its hour, is cancelled on the disk and deleted.
/// The journey moves the clock, so it runs on a console of its own.
/// </summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class AutoSnapshotPoliciesJourneyTests(MutatingConsoleFixture mutating)
{
    private const string Region = "cn-hangzhou";
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task Alice_CreatesAPolicy_AppliesItToADisk_SeesItsAutoSnapshot_CancelsAndDeletesIt()
    {
        // Arrange: from the snapshot list to its policies
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        await new SnapshotsPage(page).OpenAsync(Region);
        await page.GetByTestId("snapshots-policies-link").ClickAsync();
        var policies = new AutoSnapshotPoliciesPage(page);
        await policies.WaitForInteractiveAsync();
        await Expect(policies.Title).ToHaveTextAsync("Automatic Snapshot Policies");

        // Act: create, with the equivalent call in the dialog
        var create = await policies.OpenCreateAsync("e2e-nightly");
        await Expect(create.Root).ToContainTextAsync("CreateAutoSnapshotPolicy");
        await page.ScreenshotAsync(_fixture, "auto-snapshot-policies-create-dialog");
        await create.SubmitAsync();
        var policyId = await policies.Table.IdOfAsync("e2e-nightly");

        // Act: apply it to a disk
        var (apply, diskId) = await policies.OpenApplyAsync(policyId);
        await Expect(apply.Root).ToContainTextAsync("ApplyAutoSnapshotPolicy");
        await apply.SubmitAsync();

        // Assert: the row lists the disk
        await Expect(policies.Disks(policyId)).ToContainTextAsync(diskId);
        await page.ScreenshotAsync(_fixture, "auto-snapshot-policies-applied");

        // Act: a day on the simulated clock passes 02:00 (UTC+8) once; the snapshot is taken to its end
        await _fixture.App.AdvanceClockAsync(TimeSpan.FromDays(1));
        await _fixture.App.CompleteTasksAsync();
        var snapshots = new SnapshotsPage(page);
        await snapshots.OpenAsync(Region);

        // Assert: the snapshot list shows the disk's automatic snapshot
        await Expect(snapshots.Table.Rows.Filter(new() { HasText = diskId }).Filter(new() { HasText = "auto2.0_" })).ToHaveCountAsync(1);

        // Act: cancel the policy on the disk, then delete it
        await policies.OpenAsync(Region);
        await policies.CancelAsync(policyId, diskId);
        await Expect(policies.Disks(policyId)).Not.ToContainTextAsync(diskId);
        await policies.DeleteAsync(policyId);

        // Assert
        await Expect(policies.Row(policyId)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheNavigation_LeadsToThePolicies_NextToSnapshots()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var policies = new AutoSnapshotPoliciesPage(page);
        await new SnapshotsPage(page).OpenAsync(Region);

        // Act
        await policies.FollowAsync("Snapshot Policies");

        // Assert
        await Expect(policies.Title).ToHaveTextAsync("Automatic Snapshot Policies");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/snapshots/policies\\?region=cn-hangzhou"));
    }
}
