using EcsConsole.Domain.Seeding;
using EcsConsole.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcsConsole.E2E;

/// <summary>Simple Application Server custom images (issue #10): made, shared to ECS, refused deletion while shared, unshared, deleted.</summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class SasCustomImageTests(MutatingConsoleFixture mutating)
{
    private readonly ConsoleFixture _fixture = mutating.Console;

    private static ILocator Dialog(IPage page, string title) => page.GetByRole(AriaRole.Dialog, new() { Name = title });

    private static Task ConfirmAsync(IPage page) =>
        page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "OK", Exact = true }).ClickAsync();

    [Fact]
    public async Task Alice_CreatesASasImage_SharesItToEcs_CannotDeleteItWhileShared_UnsharesAndDeletesIt()
    {
        // Arrange
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/sas/servers?region=cn-hangzhou");
        await Expect(page.GetByTestId("sas-servers-table")).ToContainTextAsync("sas-wordpress-1");
        await page.ScreenshotAsync(_fixture, "sas-servers");

        // Act: Create Custom Image from the Custom Image page
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Custom Image", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sas/images\\?region=cn-hangzhou$"));
        var quotaBefore = await page.GetByTestId("sas-image-quota").TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Custom Image" }).ClickAsync();
        var create = Dialog(page, "Create Custom Image");
        await Expect(create.GetByLabel("Server")).ToBeVisibleAsync();
        await create.GetByLabel("Image Name").FillAsync("sas-e2e-docker");
        await page.ScreenshotAsync(_fixture, "sas-create-image-dialog");
        await create.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(create).ToBeHiddenAsync();

        // Assert: the row, and the quota one higher
        var imageId = await _fixture.App.QueryScalarAsync("SELECT Id FROM SasImages WHERE Name = 'sas-e2e-docker'");
        var row = page.GetByTestId($"sas-image-row-{imageId}");
        await Expect(row).ToContainTextAsync("Available");
        var used = int.Parse(quotaBefore!.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("sas-image-quota")).ToHaveTextAsync($"{used + 1}/9");

        // Act: Share to ECS
        await row.GetByRole(AriaRole.Button, new() { Name = "Share to ECS" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Unshare" })).ToBeVisibleAsync();

        // Assert: ECS Shared Images of cn-hangzhou lists it
        await page.OpenAsync("/images?region=cn-hangzhou&tab=shared");
        await Expect(page.GetByTestId($"image-row-{imageId}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"image-row-{imageId}")).ToContainTextAsync("Simple Application Server");
        await page.ScreenshotAsync(_fixture, "sas-shared-in-ecs");

        // Act: Delete in SAS while shared
        await page.OpenAsync("/sas/images?region=cn-hangzhou");
        row = page.GetByTestId($"sas-image-row-{imageId}");
        await Expect(row).ToContainTextAsync("Shared to ECS");
        await page.ScreenshotAsync(_fixture, "sas-images");
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await ConfirmAsync(page);

        // Assert: refused with CustomImageInShare, with the advice to copy it in ECS first
        var alert = page.GetByTestId("error-alert");
        await Expect(alert).ToHaveAttributeAsync("data-error-code", "CustomImageInShare");
        await Expect(alert).ToContainTextAsync("copy it in ECS");
        await Expect(row).ToBeVisibleAsync();
        await page.ScreenshotAsync(_fixture, "sas-delete-refused");

        // Act: Unshare, then Delete
        await row.GetByRole(AriaRole.Button, new() { Name = "Unshare" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Share to ECS" })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await ConfirmAsync(page);

        // Assert: gone from SAS, and from ECS Shared Images
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("sas-image-quota")).ToHaveTextAsync($"{used}/9");
        await page.OpenAsync("/images?region=cn-hangzhou&tab=shared");
        await Expect(page.GetByTestId("images-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"image-row-{imageId}")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Alice_CopiesASasImageToShanghai_AndSeesItBecomeAvailableThere()
    {
        // Arrange: an image of sas-wordpress-1 with its data disk, made from the servers page
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/sas/servers?region=cn-hangzhou");
        var wordpress = await _fixture.App.QueryScalarAsync("SELECT Id FROM SasServers WHERE Name = 'sas-wordpress-1'");
        await page.GetByTestId($"sas-server-create-image-{wordpress}").ClickAsync();
        var create = Dialog(page, "Create Custom Image");
        await create.GetByLabel("Image Name").FillAsync("sas-e2e-wordpress");
        await create.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(create).ToBeHiddenAsync();
        var sourceId = await _fixture.App.QueryScalarAsync("SELECT Id FROM SasImages WHERE Name = 'sas-e2e-wordpress'");

        // Act: Copy Image to cn-shanghai (the first other region offered)
        await page.OpenAsync("/sas/images?region=cn-hangzhou");
        await page.GetByTestId($"sas-image-row-{sourceId}").GetByRole(AriaRole.Button, new() { Name = "Copy Image" }).ClickAsync();
        var copy = Dialog(page, "Copy Image");
        await Expect(copy.GetByLabel("Destination Region")).ToBeVisibleAsync();
        await page.ScreenshotAsync(_fixture, "sas-copy-image-dialog");
        await copy.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(copy).ToBeHiddenAsync();

        // Assert: in cn-shanghai the copy becomes Available (Simulation__TaskDuration=00:00:01)
        var copyId = await _fixture.App.QueryScalarAsync($"SELECT Id FROM SasImages WHERE SourceImageId = '{sourceId}'");
        await page.OpenAsync("/sas/images?region=cn-shanghai");
        await Expect(page.GetByTestId($"sas-image-row-{copyId}")).ToContainTextAsync($"copied from {sourceId}");
        await Expect(page.GetByTestId($"sas-image-status-{copyId}")).ToHaveTextAsync("Available", new() { Timeout = 20_000 });
        await page.ScreenshotAsync(_fixture, "sas-images-copy");

        // Clean up: delete the copy here and the source in cn-hangzhou
        await page.GetByTestId($"sas-image-row-{copyId}").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await ConfirmAsync(page);
        await Expect(page.GetByTestId($"sas-image-row-{copyId}")).ToHaveCountAsync(0);
        await page.OpenAsync("/sas/images?region=cn-hangzhou");
        await page.GetByTestId($"sas-image-row-{sourceId}").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await ConfirmAsync(page);
        await Expect(page.GetByTestId($"sas-image-row-{sourceId}")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Bob_SeesSasImagesAndServersWithEveryChangeDisabled()
    {
        // Arrange
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Bob, DemoWorld.Password);

        // Act
        await page.OpenAsync("/sas/images?region=cn-hangzhou");

        // Assert
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create Custom Image" })).ToBeDisabledAsync();
        await page.OpenAsync("/sas/servers?region=cn-hangzhou");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create Snapshot" })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release" }).First).ToBeDisabledAsync();
    }
}
