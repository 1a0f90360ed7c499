namespace EcsConsole.E2E;

/// <summary>Custom images made, refused and cleaned up as a person does it (Simulation__TaskDuration=00:00:01).</summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class CustomImageLifecycleTests(MutatingConsoleFixture mutating)
{
    private const string Hangzhou = "cn-hangzhou";
    private static readonly LocatorAssertionsToHaveTextOptions TaskEnds = new() { Timeout = 20_000 };
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task Alice_CreatesAnImageFromWeb1_SeesItCreatingWithProgress_ThenAvailable()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var instances = new InstancesPage(page);
        await instances.OpenAsync(Hangzhou);
        var web1 = await instances.IdOfAsync("web-1");

        // Act: Create Custom Image on the web-1 row
        var dialog = await instances.OpenCreateImageAsync(web1);
        await dialog.ExpectOpenAsync();
        await Expect(dialog.RunningInstanceWarning).ToBeVisibleAsync();
        await dialog.FillAsync("web-golden-e2e", "Golden image of web-1");
        await page.ScreenshotAsync(_fixture, "create-image-dialog");
        await dialog.SubmitAsync();

        // Assert: the image shows Creating with a progress, then Available
        var images = new ImagesPage(page);
        var imageId = await images.FindAsync(Hangzhou, "custom", "web-golden-e2e");
        await Expect(images.Row(imageId)).ToBeVisibleAsync();
        await Expect(images.Status(imageId)).ToHaveTextAsync(new Regex("^(Creating \\d+%|Available)$"));
        await Expect(images.Status(imageId)).ToHaveTextAsync("Available", TaskEnds);

        // Assert: the task finished on the tasks page
        await images.FollowAsync("Tasks");
        var tasks = new TasksPage(page);
        await Expect(tasks.Table).ToContainTextAsync(imageId);
        await Expect(tasks.Table).ToContainTextAsync("Finished");
        await page.ScreenshotAsync(_fixture, "tasks");

        // Assert: the creation is in the audit log, by alice, through the console
        var audit = new AuditPage(page);
        await audit.OpenAsync(Hangzhou, "CreateImage", imageId);
        await Expect(audit.Table).ToContainTextAsync(imageId);
        await Expect(audit.Table).ToContainTextAsync(DemoWorld.Alice);
        await page.ScreenshotAsync(_fixture, "audit-log");
    }

    [Fact]
    public async Task ANameWithALink_IsRefusedWithInvalidImageNameMalformed()
    {
        // Arrange
        var images = new ImagesPage(await _fixture.SignedInPageAsync(DemoWorld.Alice));
        await images.OpenAsync(Hangzhou, "custom");

        // Act
        var dialog = await images.OpenCreateImageAsync();
        await dialog.FillAsync("http://x");
        await dialog.OkAsync();

        // Assert
        await dialog.ExpectErrorAsync("InvalidImageName.Malformed");
    }

    [Fact]
    public async Task DeletingASnapshotThatAcmeBaseV1IsMadeOf_IsRefusedWithSnapshotCreatedImage()
    {
        // Arrange
        var snapshots = new SnapshotsPage(await _fixture.SignedInPageAsync(DemoWorld.Alice));
        await snapshots.OpenAsync(Hangzhou);
        var snapshotId = await snapshots.IdOfAsync("web-1-system-base");

        // Act
        await snapshots.DeleteAsync(snapshotId);

        // Assert
        await snapshots.ExpectErrorAsync("SnapshotCreatedImage");
        await Expect(snapshots.Row(snapshotId)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Alice_DeprecatesThenRestoresAcmeBaseV1()
    {
        // Arrange
        var images = new ImagesPage(await _fixture.SignedInPageAsync(DemoWorld.Alice));
        var imageId = await images.FindAsync(Hangzhou, "custom", "acme-base-v1");
        await images.OpenAsync(Hangzhou, "custom");

        // Act: deprecate, confirming the warning (it is the only Available image of its family)
        var confirm = await images.DeprecateAsync(imageId);
        await Expect(confirm.Root).ToContainTextAsync("last Available image of family acme-base");
        await confirm.OkAsync();

        // Assert: it leaves the default list, and shows as Deprecated on request
        await Expect(images.Row(imageId)).ToHaveCountAsync(0);
        await images.OpenAsync(Hangzhou, "custom", query: "status=Deprecated");
        await Expect(images.Status(imageId)).ToHaveTextAsync("Deprecated");

        // Act: restore
        await images.RestoreAsync(imageId);

        // Assert
        await images.OpenAsync(Hangzhou, "custom");
        await Expect(images.Status(imageId)).ToHaveTextAsync("Available");
    }

    [Fact]
    public async Task Alice_CreatesAnImageFromDb1_ThenDeletesItWithItsSnapshots()
    {
        // Arrange: an image of db-1, Available, with the snapshots made for it
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var instances = new InstancesPage(page);
        await instances.OpenAsync(Hangzhou);
        var db1 = await instances.IdOfAsync("db-1");
        await (await instances.OpenCreateImageAsync(db1)).CreateAsync("db-throwaway");
        var images = new ImagesPage(page);
        var imageId = await images.FindAsync(Hangzhou, "custom", "db-throwaway");
        await Expect(images.Status(imageId)).ToHaveTextAsync("Available", TaskEnds);
        var snapshots = new SnapshotsPage(page);
        await snapshots.OpenAsync(Hangzhou);
        await Expect(snapshots.RowsContaining($"image-{imageId}-").First).ToBeVisibleAsync();
        await images.OpenAsync(Hangzhou, "custom", "db-throwaway");

        // Act: Delete, with its snapshots
        var dialog = await images.OpenDeleteAsync(imageId);
        await Expect(dialog.Impact).ToContainTextAsync("Shared with: no account");
        await dialog.DeleteSnapshotsTooAsync();
        await page.ScreenshotAsync(_fixture, "delete-image-dialog");
        await dialog.OkAsync();

        // Assert: the row is gone, and so are the snapshots made for it
        await dialog.ExpectClosedAsync();
        await Expect(images.Row(imageId)).ToHaveCountAsync(0);
        await snapshots.OpenAsync(Hangzhou);
        await Expect(snapshots.Table.Rows.First).ToBeVisibleAsync();
        await Expect(snapshots.RowsContaining($"image-{imageId}-")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Alice_SharesAcmeBaseV1WithGlobex_CarolSeesItReadOnly_UntilAliceRemovesGlobex()
    {
        // Arrange: two people, two browser contexts
        var alice = new ImagesPage(await _fixture.SignedInPageAsync(DemoWorld.Alice));
        var carol = new ImagesPage(await _fixture.SignedInPageAsync(DemoWorld.Carol));
        var imageId = await alice.FindAsync(Hangzhou, "custom", "acme-base-v1");
        await alice.OpenAsync(Hangzhou, "custom");

        // Act: alice shares with an unknown account, then with Globex
        var dialog = await alice.OpenShareAsync(imageId);
        await dialog.AddAccountAsync("9999999999999999");
        await dialog.ExpectErrorAsync("InvalidAccount.NotFound");
        await dialog.AddAccountAsync(DemoWorld.GlobexAccountId);
        await Expect(dialog.ShareList).ToContainTextAsync(DemoWorld.GlobexAccountId);
        await alice.Page.ScreenshotAsync(_fixture, "share-image-dialog");

        // Assert: carol sees it under Shared Images, with nothing that changes it
        await carol.OpenAsync(Hangzhou, "shared");
        var row = carol.Row(imageId);
        await Expect(row).ToContainTextAsync("acme-base-v1");
        await Expect(carol.RowButton(imageId, "Delete")).ToHaveCountAsync(0);
        await Expect(carol.RowButton(imageId, "Share Image")).ToHaveCountAsync(0);

        // Act: alice removes Globex
        await dialog.RemoveAccountAsync(DemoWorld.GlobexAccountId);
        await Expect(dialog.EmptyList).ToBeVisibleAsync();
        await dialog.OkAsync();

        // Assert: gone from carol's list (live, no reload)
        await Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Alice_CopiesAcmeBaseV1ToShanghai_ItBecomesAvailableThereWithANewId()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var images = new ImagesPage(page);
        var sourceId = await images.FindAsync(Hangzhou, "custom", "acme-base-v1");
        await images.OpenAsync(Hangzhou, "custom");

        // Act
        var dialog = await images.OpenCopyAsync(sourceId);
        await Expect(dialog.Destination).ToContainTextAsync("cn-shanghai");
        await dialog.NameCopyAsync("acme-base-v1-sh");
        await page.ScreenshotAsync(_fixture, "copy-image-dialog");
        await dialog.SubmitAsync();

        // Assert: in cn-shanghai (through the Region selector), a new ID, Creating then Available
        await images.SelectRegionAsync("China (Shanghai)");
        await Expect(page).ToHaveURLAsync(new Regex("region=cn-shanghai"));
        var copyId = await images.Table.IdOfAsync("acme-base-v1-sh");
        Assert.NotEqual(sourceId, copyId);
        Assert.StartsWith("m-uf", copyId);
        await Expect(images.Row(copyId)).ToBeVisibleAsync();
        await Expect(images.Status(copyId)).ToHaveTextAsync("Available", TaskEnds);
    }

    [Fact]
    public async Task Alice_ExportsAnImageToABucket_ThenImportsItBack_AsAnAvailableImage()
    {
        // Arrange: a bucket of her own
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var buckets = new BucketsPage(page);
        await buckets.OpenAsync(Hangzhou);
        await buckets.CreateBucketAsync("acme-exports-e2e");
        var images = new ImagesPage(page);
        var imageId = await images.FindAsync(Hangzhou, "custom", "acme-base-v1");

        // Act: export acme-base-v1 there
        await images.OpenAsync(Hangzhou, "custom");
        await (await images.OpenExportAsync(imageId)).ExportToAsync("acme-exports-e2e");

        // Assert: the objects appear in the bucket when the task ends
        await buckets.OpenAsync(Hangzhou);
        await buckets.OpenBucketAsync("acme-exports-e2e");
        await Expect(buckets.Object($"{imageId}_system.raw.tar.gz")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // Act: import the exported system disk as a new image
        await images.OpenAsync(Hangzhou, "custom");
        var import = await images.OpenImportImageAsync();
        await import.FillAsync("acme-exports-e2e", $"{imageId}_system.raw.tar.gz", "acme-base-reimported");
        await page.ScreenshotAsync(_fixture, "import-image-dialog");
        await import.SubmitAsync();

        // Assert: Waiting/Creating, then Available
        var importedId = await images.FindAsync(Hangzhou, "custom", "acme-base-reimported");
        await Expect(images.Status(importedId)).ToHaveTextAsync("Available", TaskEnds);
    }

    [Fact]
    public async Task Alice_RequestsAHigherImageQuota_RootApprovesIt_AndHerLimitChanges()
    {
        // Arrange
        var alice = new QuotasPage(await _fixture.SignedInPageAsync(DemoWorld.Alice));
        var root = new QuotasPage(await _fixture.SignedInPageAsync(DemoWorld.Root));
        const string quota = "q_user-image-count";

        // Act: alice asks for 150
        await alice.OpenAsync(Hangzhou);
        await (await alice.OpenRequestIncreaseAsync(DemoWorld.AcmeAccountId, quota)).RequestAsync(150, "Golden images for the launch");
        await Expect(alice.Requests).ToContainTextAsync("Pending");

        // Act: root approves it
        await root.OpenAsync(Hangzhou);
        await root.ApproveFirstRequestAsync();
        await Expect(root.Requests).ToContainTextAsync("Approved");

        // Assert: alice's limit is 150
        await alice.ReloadAsync();
        await Expect(alice.Limit(DemoWorld.AcmeAccountId, quota)).ToHaveTextAsync("150");
        await alice.Page.ScreenshotAsync(_fixture, "quotas-after-approval");
    }

    [Fact]
    public async Task Alice_AddsAMember_WhoSignsInWithTheOneTimePassword()
    {
        // Arrange
        var members = new MembersPage(await _fixture.SignedInPageAsync(DemoWorld.Alice));
        await members.OpenAsync(Hangzhou);
        await Expect(members.Table).ToContainTextAsync(DemoWorld.Bob);

        // Act
        var dialog = await members.OpenAddMemberAsync();
        var password = await dialog.AddAsync("erin@acme.example");
        await members.Page.ScreenshotAsync(_fixture, "add-member-dialog");
        await dialog.CloseAsync();

        // Assert: listed, and able to sign in
        await Expect(members.Table).ToContainTextAsync("erin@acme.example");
        var erin = await new SignInPage(await _fixture.NewPageAsync()).LogInToConsoleAsync("erin@acme.example", password);
        await Expect(erin.Scope).ToContainTextAsync(DemoWorld.AcmeAccountId);
    }
}
