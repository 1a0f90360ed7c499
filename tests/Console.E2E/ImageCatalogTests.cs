namespace EcsConsole.E2E;

/// <summary>The image catalogue as a person uses it: tabs, search, paging, the URL as the state, live region switch.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ImageCatalogTests(ConsoleFixture fixture)
{
    private const string Hangzhou = "cn-hangzhou";

    [Fact]
    public async Task Alice_BrowsesPublicImages_SearchesPagesAndReloadsIntoTheSameView()
    {
        // Arrange
        var images = new ImagesPage(await fixture.SignedInPageAsync(DemoWorld.Alice));
        await images.OpenAsync(Hangzhou);

        // Act: the Public Images tab
        await images.Tab("Public Images").ClickAsync();

        // Assert: ten rows of 31, page 1
        await Expect(images.Page).ToHaveURLAsync(new Regex("tab=public"));
        await Expect(images.Rows).ToHaveCountAsync(10);
        await Expect(images.Total).ToHaveTextAsync("Total 31 images");
        var firstRowBefore = await images.Rows.First.GetAttributeAsync("data-testid");
        await images.Page.ScreenshotAsync(fixture, "images-public");

        // Act: next page
        await images.NextPageAsync();

        // Assert: other rows, page in the URL
        await Expect(images.Page).ToHaveURLAsync(new Regex("page=2"));
        await Expect(images.Rows.First).Not.ToHaveAttributeAsync("data-testid", firstRowBefore!);
        await Expect(images.PageNumber).ToHaveTextAsync("Page 2 of 4");

        // Act: search narrows the rows
        await images.SearchAsync("ubuntu");

        // Assert
        await Expect(images.Page).ToHaveURLAsync(new Regex("q=ubuntu"));
        await Expect(images.Total).ToHaveTextAsync("Total 5 images");
        await Expect(images.Rows).ToHaveCountAsync(5);
        await Expect(images.Row("ubuntu_22_04_x64_20G_alibase_20240130.vhd")).ToBeVisibleAsync();

        // Act: reload
        await images.ReloadAsync();

        // Assert: same tab, search and rows
        await Expect(images.Tab("Public Images")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(images.Search).ToHaveValueAsync("ubuntu");
        await Expect(images.Rows).ToHaveCountAsync(5);
    }

    [Fact]
    public async Task Alice_SeesGlobexsSharedImage_AndSwitchingRegionChangesTheList()
    {
        // Arrange
        var images = new ImagesPage(await fixture.SignedInPageAsync(DemoWorld.Alice));

        // Act
        await images.OpenAsync(Hangzhou, "shared");

        // Assert
        var sharedId = await images.Table.IdOfAsync("globex-shared-tools");
        await Expect(images.Row(sharedId)).ToContainTextAsync("globex-shared-tools");
        await Expect(images.Row(sharedId)).ToContainTextAsync(DemoWorld.GlobexAccountId);
        await Expect(images.Status(sharedId)).ToHaveTextAsync("Available");

        // Act: another region
        await images.SelectRegionAsync("China (Shanghai)");

        // Assert: nothing shared there, and the tab is kept
        await Expect(images.Page).ToHaveURLAsync(new Regex("region=cn-shanghai"));
        await Expect(images.Empty).ToBeVisibleAsync();
        await Expect(images.Tab("Shared Images")).ToHaveAttributeAsync("aria-selected", "true");
    }

    [Fact]
    public async Task Bob_SeesTheListsButNoActionThatChangesAnything()
    {
        // Arrange
        var images = new ImagesPage(await fixture.SignedInPageAsync(DemoWorld.Bob));

        // Act
        await images.OpenAsync(Hangzhou, "custom");

        // Assert: absent, or disabled with a tooltip saying why
        await Expect(images.Rows).ToHaveCountAsync(1);
        await Expect(images.Rows.First).ToContainTextAsync("acme-base-v1");
        await images.ExpectNoEnabledButtonAsync(["Create Custom Image", "Import Image", "Share Image", "Copy Image", "Delete", "Edit", "Deprecate", "Restore", "Export Image"]);
    }

    [Fact]
    public async Task NonsenseInTheUrl_IsNormalisedAndSaid()
    {
        // Arrange
        var images = new ImagesPage(await fixture.SignedInPageAsync(DemoWorld.Carol));

        // Act
        await images.GotoAsync("/images?region=cn-hangzhou&tab=bogus&page=-1&pageSize=1000");

        // Assert
        await Expect(images.UrlNormalized).ToHaveCountAsync(3);
        await Expect(images.Tab("Custom Images")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(images.Rows).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task CommunityImagesCarryTheUnvettedWarning()
    {
        // Arrange
        var images = new ImagesPage(await fixture.SignedInPageAsync(DemoWorld.Alice));

        // Act
        await images.OpenAsync(Hangzhou, "community");

        // Assert
        await Expect(images.CommunityWarning).ToBeVisibleAsync();
        await Expect(images.Rows).ToHaveCountAsync(3);
        await images.Page.ScreenshotAsync(fixture, "images-community");
    }
}
