namespace EcsConsole.E2E;

/// <summary>Following the navigation through the read-only lists: instances, snapshots, tasks and quotas.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleListsTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Alice_FollowsTheNavigationThroughHerInstancesSnapshotsTasksAndQuotas()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Alice);
        var overview = new OverviewPage(page);
        await overview.WaitForInteractiveAsync();

        // Act + Assert: Instances
        await overview.NavLink("Instances").ClickAsync();
        var instances = new InstancesPage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/instances\\?region=cn-hangzhou"));
        await Expect(instances.Table.Rows).ToHaveCountAsync(2);
        await Expect(instances.Table.Root).ToContainTextAsync("web-1");
        await page.ScreenshotAsync(fixture, "instances");

        // Act + Assert: Snapshots, with the image each one backs
        await instances.NavLink("Snapshots").ClickAsync();
        var snapshots = new SnapshotsPage(page);
        await Expect(snapshots.Table.Rows).ToHaveCountAsync(4);
        await Expect(snapshots.UsedByImageHeader).ToBeVisibleAsync();
        await page.ScreenshotAsync(fixture, "snapshots");

        // Act + Assert: Tasks (none yet)
        await snapshots.NavLink("Tasks").ClickAsync();
        var tasks = new TasksPage(page);
        await Expect(tasks.Table).ToBeVisibleAsync();
        await Expect(tasks.Empty).ToBeVisibleAsync();

        // Act + Assert: Admin → quotas of her account in the region
        await tasks.NavLink("Admin").ClickAsync();
        var quotas = new QuotasPage(page);
        await Expect(quotas.Row(DemoWorld.AcmeAccountId, "q_user-image-count")).ToContainTextAsync("100");
        await Expect(quotas.Used(DemoWorld.AcmeAccountId, "q_user-image-count")).ToHaveTextAsync("1");
        await page.ScreenshotAsync(fixture, "quotas");
    }

    [Fact]
    public async Task Bob_IsReadOnly_EveryActionThatChangesSomethingIsAbsentOrDisabled()
    {
        // Arrange
        var console = new ConsolePage(await fixture.SignedInPageAsync(DemoWorld.Bob));
        string[] changing =
        [
            "Create Custom Image", "Import Image", "Share Image", "Copy Image", "Create Snapshot", "Delete", "Cancel",
            "Create Bucket", "Upload Object", "Delete Bucket", "Request Increase", "Edit", "Approve", "Reject",
        ];

        foreach (var path in new[] { "/images?region=cn-hangzhou&tab=custom", "/images?region=cn-hangzhou&tab=shared", "/snapshots?region=cn-hangzhou",
            "/instances?region=cn-hangzhou", "/tasks?region=cn-hangzhou", "/buckets?region=cn-hangzhou",
            "/sas/servers?region=cn-hangzhou", "/sas/images?region=cn-hangzhou" })
        {
            // Act
            await console.GotoAsync(path);
            await Expect(console.Title).ToBeVisibleAsync();

            // Assert
            await console.ExpectNoEnabledButtonAsync(changing);
            await Expect(console.Button("Create Custom Image").And(console.Page.Locator(":enabled"))).ToHaveCountAsync(0);
        }

        // Assert: the admin pages refuse him
        var quotas = new QuotasPage(console.Page);
        await quotas.OpenAsync("cn-hangzhou");
        await quotas.ExpectErrorAsync("Forbidden");
        await Expect(quotas.Table).ToHaveCountAsync(0);
    }
}
