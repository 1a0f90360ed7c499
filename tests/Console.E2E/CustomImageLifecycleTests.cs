using System.Text.RegularExpressions;
using EcsConsole.Domain.Seeding;
using EcsConsole.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcsConsole.E2E;

/// <summary>Custom images made, refused and cleaned up as a person does it (Simulation__TaskDuration=00:00:01).</summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class CustomImageLifecycleTests(MutatingConsoleFixture mutating)
{
    private readonly ConsoleFixture _fixture = mutating.Console;

    private static ILocator Dialog(IPage page, string title) => page.GetByRole(AriaRole.Dialog, new() { Name = title });

    [Fact]
    public async Task Alice_CreatesAnImageFromWeb1_SeesItCreatingWithProgress_ThenAvailable()
    {
        // Arrange
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/instances?region=cn-hangzhou");
        var web1 = await _fixture.App.QueryScalarAsync("SELECT Id FROM Instances WHERE Name = 'web-1'");

        // Act: Create Custom Image on the web-1 row
        await page.GetByTestId($"instance-create-image-{web1}").ClickAsync();
        var dialog = Dialog(page, "Create Custom Image");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("running-instance-warning")).ToBeVisibleAsync();
        await dialog.GetByLabel("Image Name").FillAsync("web-golden-e2e");
        await dialog.GetByLabel("Image Description").FillAsync("Golden image of web-1");
        await page.ScreenshotAsync(_fixture, "create-image-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // Assert: the image shows Creating with a progress, then Available
        var imageId = await _fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'web-golden-e2e'");
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");
        var status = page.GetByTestId($"image-status-{imageId}");
        await Expect(page.GetByTestId($"image-row-{imageId}")).ToBeVisibleAsync();
        await Expect(status).ToHaveTextAsync(new Regex("^(Creating \\d+%|Available)$"));
        await Expect(status).ToHaveTextAsync("Available", new() { Timeout = 20_000 });

        // Assert: the task finished on the tasks page
        await page.GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("tasks-table")).ToContainTextAsync(imageId);
        await Expect(page.GetByTestId("tasks-table")).ToContainTextAsync("Finished");
        await page.ScreenshotAsync(_fixture, "tasks");

        // Assert: the creation is in the audit log, by alice, through the console
        await page.OpenAsync($"/admin/audit?region=cn-hangzhou&action=CreateImage&resource={imageId}");
        var audit = page.GetByTestId("audit-table");
        await Expect(audit).ToContainTextAsync(imageId);
        await Expect(audit).ToContainTextAsync(DemoWorld.Alice);
        await page.ScreenshotAsync(_fixture, "audit-log");
    }

    [Fact]
    public async Task ANameWithALink_IsRefusedWithInvalidImageNameMalformed()
    {
        // Arrange
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Custom Image" }).ClickAsync();
        var dialog = Dialog(page, "Create Custom Image");
        await dialog.GetByLabel("Image Name").FillAsync("http://x");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        // Assert
        await Expect(dialog.GetByTestId("error-alert")).ToHaveAttributeAsync("data-error-code", "InvalidImageName.Malformed");
    }

    [Fact]
    public async Task DeletingASnapshotThatAcmeBaseV1IsMadeOf_IsRefusedWithSnapshotCreatedImage()
    {
        // Arrange
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        var snapshotId = await _fixture.App.QueryScalarAsync("SELECT Id FROM Snapshots WHERE Name = 'web-1-system-base'");
        await page.OpenAsync("/snapshots?region=cn-hangzhou");

        // Act
        await page.GetByTestId($"snapshot-delete-{snapshotId}").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        // Assert
        await Expect(page.GetByTestId("error-alert")).ToHaveAttributeAsync("data-error-code", "SnapshotCreatedImage");
        await Expect(page.GetByTestId($"snapshot-row-{snapshotId}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Alice_DeprecatesThenRestoresAcmeBaseV1()
    {
        // Arrange
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        var imageId = await _fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'acme-base-v1'");
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");

        // Act: deprecate, confirming the warning (it is the only Available image of its family)
        await page.OpenRowMenuAsync(imageId);
        await page.GetByTestId($"image-deprecate-{imageId}").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("last Available image of family acme-base");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        // Assert: it leaves the default list, and shows as Deprecated on request
        await Expect(page.GetByTestId($"image-row-{imageId}")).ToHaveCountAsync(0);
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom&status=Deprecated");
        await Expect(page.GetByTestId($"image-status-{imageId}")).ToHaveTextAsync("Deprecated");

        // Act: restore
        await page.OpenRowMenuAsync(imageId);
        await page.GetByTestId($"image-restore-{imageId}").ClickAsync();

        // Assert
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");
        await Expect(page.GetByTestId($"image-status-{imageId}")).ToHaveTextAsync("Available");
    }

    [Fact]
    public async Task Alice_CreatesAnImageFromDb1_ThenDeletesItWithItsSnapshots()
    {
        // Arrange: an image of db-1, Available
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        var db1 = await _fixture.App.QueryScalarAsync("SELECT Id FROM Instances WHERE Name = 'db-1'");
        await page.OpenAsync("/instances?region=cn-hangzhou");
        await page.GetByTestId($"instance-create-image-{db1}").ClickAsync();
        var create = Dialog(page, "Create Custom Image");
        await create.GetByLabel("Image Name").FillAsync("db-throwaway");
        await create.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(create).ToBeHiddenAsync();
        var imageId = await _fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'db-throwaway'");
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");
        await Expect(page.GetByTestId($"image-status-{imageId}")).ToHaveTextAsync("Available", new() { Timeout = 20_000 });

        // Act: Delete, with its snapshots
        await page.OpenRowMenuAsync(imageId);
        await page.GetByTestId($"image-delete-{imageId}").ClickAsync();
        var dialog = Dialog(page, "Delete Image");
        await Expect(dialog.GetByTestId($"delete-impact-{imageId}")).ToContainTextAsync("Shared with: no account");
        await dialog.GetByLabel("Delete associated snapshots").CheckAsync();
        await page.ScreenshotAsync(_fixture, "delete-image-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        // Assert: the row is gone, and so are the snapshots made for it
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.GetByTestId($"image-row-{imageId}")).ToHaveCountAsync(0);
        Assert.Equal("0", await _fixture.App.QueryScalarAsync($"SELECT COUNT(*) FROM Snapshots WHERE Name LIKE 'image-{imageId}-%'"));
    }

    [Fact]
    public async Task Alice_SharesAcmeBaseV1WithGlobex_CarolSeesItReadOnly_UntilAliceRemovesGlobex()
    {
        // Arrange: two people, two browser contexts
        var alice = await _fixture.NewPageAsync();
        var carol = await _fixture.NewPageAsync();
        await alice.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await carol.LogInAsync(DemoWorld.Carol, DemoWorld.Password);
        var imageId = await _fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'acme-base-v1'");
        await alice.OpenAsync("/images?region=cn-hangzhou&tab=custom");

        // Act: alice shares with an unknown account, then with Globex
        await alice.GetByTestId($"image-share-{imageId}").ClickAsync();
        var dialog = Dialog(alice, "Share Image");
        await dialog.GetByLabel("Account ID").FillAsync("9999999999999999");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(dialog.GetByTestId("error-alert")).ToHaveAttributeAsync("data-error-code", "InvalidAccount.NotFound");
        await dialog.GetByLabel("Account ID").FillAsync(DemoWorld.GlobexAccountId);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(dialog.GetByTestId("share-list")).ToContainTextAsync(DemoWorld.GlobexAccountId);
        await alice.ScreenshotAsync(_fixture, "share-image-dialog");

        // Assert: carol sees it under Shared Images, with nothing that changes it
        await carol.OpenAsync("/images?region=cn-hangzhou&tab=shared");
        var row = carol.GetByTestId($"image-row-{imageId}");
        await Expect(row).ToContainTextAsync("acme-base-v1");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(0);
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Share Image" })).ToHaveCountAsync(0);

        // Act: alice removes Globex
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Remove {DemoWorld.GlobexAccountId}" }).ClickAsync();
        await Expect(dialog.GetByTestId("share-list-empty")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        // Assert: gone from carol's list (live, no reload)
        await Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Alice_CopiesAcmeBaseV1ToShanghai_ItBecomesAvailableThereWithANewId()
    {
        // Arrange
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        var sourceId = await _fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'acme-base-v1' AND RegionId = 'cn-hangzhou'");
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");

        // Act
        await page.GetByTestId($"image-copy-{sourceId}").ClickAsync();
        var dialog = Dialog(page, "Copy Image");
        await Expect(dialog.GetByTestId("copy-destination")).ToContainTextAsync("cn-shanghai");
        await dialog.GetByLabel("Image Name").FillAsync("acme-base-v1-sh");
        await page.ScreenshotAsync(_fixture, "copy-image-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // Assert: in cn-shanghai, a new ID, Creating then Available
        var copyId = await _fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'acme-base-v1-sh'");
        Assert.NotEqual(sourceId, copyId);
        Assert.StartsWith("m-uf", copyId);
        await page.SelectRegionAsync("China (Shanghai)");
        await Expect(page.GetByTestId($"image-row-{copyId}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"image-status-{copyId}")).ToHaveTextAsync("Available", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task Alice_ExportsAnImageToABucket_ThenImportsItBack_AsAnAvailableImage()
    {
        // Arrange: a bucket of her own
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/buckets?region=cn-hangzhou");
        await page.GetByLabel("Bucket Name").FillAsync("acme-exports-e2e");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Bucket" }).ClickAsync();
        await Expect(page.GetByTestId("bucket-acme-exports-e2e")).ToBeVisibleAsync();
        var imageId = await _fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'acme-base-v1' AND RegionId = 'cn-hangzhou'");

        // Act: export acme-base-v1 there
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");
        await page.OpenRowMenuAsync(imageId);
        await page.GetByTestId($"image-export-{imageId}").ClickAsync();
        var export = Dialog(page, "Export Image");
        await export.GetByLabel("OSS Bucket").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "acme-exports-e2e" }).ClickAsync();
        await export.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(export).ToBeHiddenAsync();

        // Assert: the objects appear in the bucket when the task ends
        await page.OpenAsync("/buckets?region=cn-hangzhou");
        await page.GetByTestId("bucket-acme-exports-e2e").ClickAsync();
        await Expect(page.GetByTestId($"object-row-{imageId}_system.raw.tar.gz")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // Act: import the exported system disk as a new image
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import Image" }).ClickAsync();
        var import = Dialog(page, "Import Image");
        await import.GetByLabel("OSS Bucket").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "acme-exports-e2e" }).ClickAsync();
        await import.GetByLabel("OSS Object").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"{imageId}_system.raw.tar.gz" }).ClickAsync();
        await import.GetByLabel("Image Name").FillAsync("acme-base-reimported");
        await page.ScreenshotAsync(_fixture, "import-image-dialog");
        await import.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(import).ToBeHiddenAsync();

        // Assert: Waiting/Creating, then Available
        var importedId = await _fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'acme-base-reimported'");
        await Expect(page.GetByTestId($"image-status-{importedId}")).ToHaveTextAsync("Available", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task Alice_RequestsAHigherImageQuota_RootApprovesIt_AndHerLimitChanges()
    {
        // Arrange
        var alice = await _fixture.NewPageAsync();
        var root = await _fixture.NewPageAsync();
        await alice.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await root.LogInAsync(DemoWorld.Root, DemoWorld.Password);
        var row = $"quota-row-{DemoWorld.AcmeAccountId}-q_user-image-count";

        // Act: alice asks for 150
        await alice.OpenAsync("/admin/quotas?region=cn-hangzhou");
        await alice.GetByTestId($"{row}-request").ClickAsync();
        var dialog = Dialog(alice, "Request Quota Increase");
        await dialog.GetByLabel("Limit").FillAsync("150");
        await dialog.GetByLabel("Reason").FillAsync("Golden images for the launch");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(alice.GetByTestId("quota-requests-table")).ToContainTextAsync("Pending");

        // Act: root approves it
        await root.OpenAsync("/admin/quotas?region=cn-hangzhou");
        await root.GetByTestId("quota-requests-table").GetByRole(AriaRole.Button, new() { Name = "Approve" }).First.ClickAsync();
        await Expect(root.GetByTestId("quota-requests-table")).ToContainTextAsync("Approved");

        // Assert: alice's limit is 150
        await alice.ReloadAsync();
        await alice.WaitForInteractiveAsync();
        await Expect(alice.GetByTestId($"{row}-limit")).ToHaveTextAsync("150");
        await alice.ScreenshotAsync(_fixture, "quotas-after-approval");
    }

    [Fact]
    public async Task Alice_AddsAMember_WhoSignsInWithTheOneTimePassword()
    {
        // Arrange
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/admin/members?region=cn-hangzhou");
        await Expect(page.GetByTestId("members-table")).ToContainTextAsync(DemoWorld.Bob);

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Member" }).ClickAsync();
        var dialog = Dialog(page, "Add Member");
        await dialog.GetByLabel("Email").FillAsync("erin@acme.example");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        var password = (await dialog.GetByTestId("one-time-password").TextContentAsync())!.Trim();
        await page.ScreenshotAsync(_fixture, "add-member-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        // Assert: listed, and able to sign in
        await Expect(page.GetByTestId("members-table")).ToContainTextAsync("erin@acme.example");
        var erin = await _fixture.NewPageAsync();
        await erin.LogInAsync("erin@acme.example", password);
        await erin.WaitForInteractiveAsync();
        await Expect(erin.GetByTestId("overview-scope")).ToContainTextAsync(DemoWorld.AcmeAccountId);
    }
}
