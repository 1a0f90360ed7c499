namespace EcsConsole.E2E;

/// <summary>
/// The list pages' Resource Group filter in a browser (issue #22): the demo world has db-1's data disk and its daily
/// snapshot in Acme's "Test" group, everything else in the default group.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ResourceGroupFilterTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Alice_PicksTheTestGroupOnSnapshots_TheListNarrowsToItsSnapshot_AndAReloadKeepsIt()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Alice);
        var snapshots = new SnapshotsPage(page);
        await snapshots.OpenAsync("cn-hangzhou");
        var inTest = await snapshots.IdOfAsync("db-1-data-daily");
        var inDefault = await snapshots.IdOfAsync("web-1-system-base");

        // Act
        await snapshots.ChooseResourceGroupAsync("Test");

        // Assert: only the Test group's snapshots are left, and the choice is in the URL
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("resourceGroupId=rg-"));
        await Expect(snapshots.Row(inTest)).ToBeVisibleAsync();
        await Expect(snapshots.Row(inDefault)).ToHaveCountAsync(0);
        await Expect(snapshots.TestId($"snapshot-group-{inTest}")).ToHaveTextAsync("Test");
        await page.ScreenshotAsync(fixture, "snapshots-resource-group-test");

        // Act: a reload keeps the filter; All Resources lifts it
        await snapshots.ReloadAsync();
        await Expect(snapshots.ResourceGroupFilter).ToHaveValueAsync("Test");
        await Expect(snapshots.Row(inDefault)).ToHaveCountAsync(0);
        await snapshots.ChooseResourceGroupAsync("All Resources");

        // Assert
        await Expect(snapshots.Row(inDefault)).ToBeVisibleAsync();
        await Expect(snapshots.Row(inTest)).ToBeVisibleAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("resourceGroupId="));
    }

    [Fact]
    public async Task Alice_OpensChangeResourceGroupOnASnapshot_SeesTheTargetGroupAndTheCall_AndCancels()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Alice);
        var snapshots = new SnapshotsPage(page);
        await snapshots.OpenAsync("cn-hangzhou");
        var snapshotId = await snapshots.IdOfAsync("db-1-data-daily");

        // Act
        await snapshots.TestId($"snapshot-change-group-{snapshotId}").ClickAsync();
        var dialog = new ConsoleDialog(page, "Change Resource Group");
        await dialog.ExpectOpenAsync();

        // Assert: the snapshot is in Test, so the default group is offered; the dialog names the JoinResourceGroup call
        await Expect(page.GetByTestId("change-group-target")).ToHaveValueAsync("Default Resource Group");
        await Expect(dialog.Root).ToContainTextAsync("JoinResourceGroup");
        await page.ScreenshotAsync(fixture, "change-resource-group-dialog");
        await dialog.Button("Cancel").ClickAsync();
        await dialog.ExpectClosedAsync();
        await Expect(snapshots.TestId($"snapshot-group-{snapshotId}")).ToHaveTextAsync("Test");
    }
}
