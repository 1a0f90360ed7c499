namespace EcsConsole.E2E;

/// <summary>The key pairs page in a real Chromium: create (private key once), import, delete.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class KeyPairsTests(ConsoleFixture fixture)
{
    private const string PublicKey =
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDUAHY954jzkRJgM26zQt++Ni4IouuGK+gq5T0OTHxvMweCf8tbOndwDa42K6TCJf96kJtJVdyyIbGJT1i2cSXqRFZZr0g+UI22w/WLplFY5qgNoh2ljS0QeB4FzDtLsGmUekbZjzmlSOMoinf/Y0KvS189f2AcIVwWl8RECgaZ0Q== tester@example";

    [Fact]
    public async Task Alice_CreatesAKeyPair_SeesItsPrivateKeyOnce_ImportsAnother_AndDeletesBoth()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Alice);
        await new OverviewPage(page).WaitForInteractiveAsync();
        var pairs = new KeyPairsPage(page);
        await pairs.OpenAsync("cn-beijing");

        // Act: create, with the equivalent call in the dialog
        var dialog = await pairs.OpenCreateAsync("e2e-created");
        await Expect(dialog.Root).ToContainTextAsync("CreateKeyPair");
        await page.ScreenshotAsync(fixture, "key-pairs-create-dialog");
        await dialog.SubmitAsync();

        // Assert: the private key is shown once, the row is there
        await Expect(pairs.PrivateKey).ToContainTextAsync("-----BEGIN PRIVATE KEY-----");
        await Expect(pairs.Row("e2e-created")).ToBeVisibleAsync();
        await page.ScreenshotAsync(fixture, "key-pairs-created");
        await pairs.DismissPrivateKeyAsync();
        await Expect(pairs.PrivateKey).ToHaveCountAsync(0);

        // Act: import, then delete both
        await pairs.ImportAsync("e2e-imported", PublicKey);
        await Expect(pairs.Row("e2e-imported")).ToContainTextAsync("46:29:10:d6:cf:54:08:12:d4:02:bf:d7:b7:5f:57:18");
        await pairs.DeleteAsync("e2e-created");
        await Expect(pairs.Row("e2e-created")).ToHaveCountAsync(0);
        await pairs.DeleteAsync("e2e-imported");

        // Assert
        await Expect(pairs.Row("e2e-imported")).ToHaveCountAsync(0);
        await Expect(pairs.Table.Rows).ToHaveCountAsync(0);
    }
}
