namespace EcsConsole.E2E;

/// <summary>Simple Application Server custom images (issue #10): made, shared to ECS, refused deletion while shared, unshared, deleted.</summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class SasCustomImageTests(MutatingConsoleFixture mutating)
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task Alice_CreatesASasImage_SharesItToEcs_CannotDeleteItWhileShared_UnsharesAndDeletesIt()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var servers = new SasServersPage(page);
        await servers.OpenAsync(Hangzhou);
        await Expect(servers.Table.Root).ToContainTextAsync("sas-wordpress-1");
        await page.ScreenshotAsync(_fixture, "sas-servers");

        // Act: Create Custom Image from the Custom Image page
        await servers.FollowSectionAsync("Custom Image");
        await Expect(page).ToHaveURLAsync(new Regex("/sas/images\\?region=cn-hangzhou$"));
        var sasImages = new SasImagesPage(page);
        var used = await sasImages.UsedQuotaAsync();
        var create = await sasImages.OpenCreateImageAsync();
        await Expect(create.Server).ToBeVisibleAsync();
        await create.NameAsync("sas-e2e-docker");
        await page.ScreenshotAsync(_fixture, "sas-create-image-dialog");
        await create.SubmitAsync();

        // Assert: the row, and the quota one higher
        var imageId = await sasImages.IdOfAsync("sas-e2e-docker");
        await Expect(sasImages.Row(imageId)).ToContainTextAsync("Available");
        await Expect(sasImages.Quota).ToHaveTextAsync($"{used + 1}/9");

        // Act: Share to ECS
        await sasImages.ShareToEcsAsync(imageId);
        await Expect(sasImages.RowButton(imageId, "Unshare")).ToBeVisibleAsync();

        // Assert: ECS Shared Images of cn-hangzhou lists it
        var ecsImages = new ImagesPage(page);
        await ecsImages.OpenAsync(Hangzhou, "shared");
        await Expect(ecsImages.Row(imageId)).ToBeVisibleAsync();
        await Expect(ecsImages.Row(imageId)).ToContainTextAsync("Simple Application Server");
        await page.ScreenshotAsync(_fixture, "sas-shared-in-ecs");

        // Act: Delete in SAS while shared
        await sasImages.OpenAsync(Hangzhou);
        await Expect(sasImages.Row(imageId)).ToContainTextAsync("Shared to ECS");
        await page.ScreenshotAsync(_fixture, "sas-images");
        await sasImages.DeleteAsync(imageId);

        // Assert: refused with CustomImageInShare, with the advice to copy it in ECS first
        await sasImages.ExpectErrorAsync("CustomImageInShare");
        await Expect(sasImages.ErrorAlert).ToContainTextAsync("copy it in ECS");
        await Expect(sasImages.Row(imageId)).ToBeVisibleAsync();
        await page.ScreenshotAsync(_fixture, "sas-delete-refused");

        // Act: Unshare, then Delete
        await sasImages.UnshareAsync(imageId);
        await Expect(sasImages.RowButton(imageId, "Share to ECS")).ToBeVisibleAsync();
        await sasImages.DeleteAsync(imageId);

        // Assert: gone from SAS, and from ECS Shared Images
        await Expect(sasImages.Row(imageId)).ToHaveCountAsync(0);
        await Expect(sasImages.Quota).ToHaveTextAsync($"{used}/9");
        await ecsImages.OpenAsync(Hangzhou, "shared");
        await Expect(ecsImages.Table.Root).ToBeVisibleAsync();
        await Expect(ecsImages.Row(imageId)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Alice_CopiesASasImageToShanghai_AndSeesItBecomeAvailableThere()
    {
        // Arrange: an image of sas-wordpress-1 with its data disk, made from the servers page
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var servers = new SasServersPage(page);
        await servers.OpenAsync(Hangzhou);
        var wordpress = await servers.IdOfAsync("sas-wordpress-1");
        var create = await servers.OpenCreateImageAsync(wordpress);
        await create.NameAsync("sas-e2e-wordpress");
        await create.SubmitAsync();

        // Act: Copy Image to cn-shanghai (the first other region offered)
        var sasImages = new SasImagesPage(page);
        await sasImages.OpenAsync(Hangzhou);
        var sourceId = await sasImages.IdOfAsync("sas-e2e-wordpress");
        var copy = await sasImages.OpenCopyAsync(sourceId);
        await Expect(copy.DestinationRegion).ToBeVisibleAsync();
        await page.ScreenshotAsync(_fixture, "sas-copy-image-dialog");
        await copy.SubmitAsync();

        // Assert: in cn-shanghai the copy becomes Available (Simulation__TaskDuration=00:00:01)
        await sasImages.OpenAsync("cn-shanghai");
        var copyId = await sasImages.IdOfCopyAsync(sourceId);
        await Expect(sasImages.Row(copyId)).ToContainTextAsync($"copied from {sourceId}");
        await Expect(sasImages.Status(copyId)).ToHaveTextAsync("Available", new() { Timeout = 20_000 });
        await page.ScreenshotAsync(_fixture, "sas-images-copy");

        // Clean up: delete the copy here and the source in cn-hangzhou
        await sasImages.DeleteAsync(copyId);
        await Expect(sasImages.Row(copyId)).ToHaveCountAsync(0);
        await sasImages.OpenAsync(Hangzhou);
        await sasImages.DeleteAsync(sourceId);
        await Expect(sasImages.Row(sourceId)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Bob_SeesSasImagesAndServersWithEveryChangeDisabled()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Bob);
        var sasImages = new SasImagesPage(page);
        var servers = new SasServersPage(page);

        // Act
        await sasImages.OpenAsync(Hangzhou);

        // Assert
        await Expect(sasImages.Button("Create Custom Image")).ToBeDisabledAsync();
        await servers.OpenAsync(Hangzhou);
        await Expect(servers.Button("Create Snapshot")).ToBeDisabledAsync();
        await Expect(servers.Button("Release").First).ToBeDisabledAsync();
    }
}
