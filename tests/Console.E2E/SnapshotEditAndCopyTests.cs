namespace EcsConsole.E2E;

/// <summary>The snapshots page's Edit (ModifySnapshotAttribute) and Copy (CopySnapshot) row actions, in a browser.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SnapshotEditAndCopyTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Alice_RenamesASnapshot_ThenCopiesItToBeijing_WhereItIsListed()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Alice);
        var snapshots = new SnapshotsPage(page);
        await snapshots.OpenAsync("cn-hangzhou");
        var snapshotId = await snapshots.IdOfAsync("db-1-system-daily");

        // Act: Edit
        var edit = await snapshots.EditAsync(snapshotId);
        await edit.Field("Snapshot Name").FillAsync("db-1-system-e2e");
        await edit.Field("Retention Days").FillAsync("30");
        await page.ScreenshotAsync(fixture, "snapshot-edit-dialog");
        await edit.SubmitAsync();

        // Assert
        await Expect(snapshots.Row(snapshotId)).ToContainTextAsync("db-1-system-e2e");

        // Act: Copy
        var copy = await snapshots.CopyAsync(snapshotId);
        await copy.PickAsync("Destination Region", "China (Beijing) · cn-beijing");
        await copy.Field("Encrypted").CheckAsync();
        await page.ScreenshotAsync(fixture, "snapshot-copy-dialog");
        await copy.SubmitAsync();
        await snapshots.OpenAsync("cn-beijing");

        // Assert
        await Expect(snapshots.RowsContaining("db-1-system-e2e")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(fixture, "snapshot-copied");
    }
}
