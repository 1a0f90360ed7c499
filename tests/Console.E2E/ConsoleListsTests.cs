using System.Text.RegularExpressions;
using EcsConsole.Domain.Seeding;
using EcsConsole.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcsConsole.E2E;

/// <summary>Following the navigation through the read-only lists: instances, snapshots, tasks and quotas.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleListsTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Alice_FollowsTheNavigationThroughHerInstancesSnapshotsTasksAndQuotas()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.WaitForInteractiveAsync();

        // Act + Assert: Instances
        await page.GetByRole(AriaRole.Link, new() { Name = "Instances", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/instances\\?region=cn-hangzhou"));
        await Expect(page.GetByTestId("instances-table").Locator("tbody tr[data-testid^='instance-row-']")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("instances-table")).ToContainTextAsync("web-1");
        await page.ScreenshotAsync(fixture, "instances");

        // Act + Assert: Snapshots, with the image each one backs
        await page.GetByRole(AriaRole.Link, new() { Name = "Snapshots", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("snapshots-table").Locator("tbody tr[data-testid^='snapshot-row-']")).ToHaveCountAsync(4);
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Used by image" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(fixture, "snapshots");

        // Act + Assert: Tasks (none yet)
        await page.GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("tasks-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("tasks-empty")).ToBeVisibleAsync();

        // Act + Assert: Admin → quotas of her account in the region
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        var imageQuota = page.GetByTestId($"quota-row-{DemoWorld.AcmeAccountId}-q_user-image-count");
        await Expect(imageQuota).ToContainTextAsync("100");
        await Expect(page.GetByTestId($"quota-row-{DemoWorld.AcmeAccountId}-q_user-image-count-used")).ToHaveTextAsync("1");
        await page.ScreenshotAsync(fixture, "quotas");
    }

    [Fact]
    public async Task Bob_IsReadOnly_EveryActionThatChangesSomethingIsAbsentOrDisabled()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Bob, DemoWorld.Password);
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
            await page.OpenAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

            // Assert
            foreach (var name in changing)
            {
                var buttons = page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
                for (var i = 0; i < await buttons.CountAsync(); i++)
                {
                    await Expect(buttons.Nth(i)).ToBeDisabledAsync();
                }
            }

            foreach (var name in new[] { "Create Custom Image" })
            {
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).And(page.Locator(":enabled"))).ToHaveCountAsync(0);
            }
        }

        // Assert: the admin pages refuse him
        await page.OpenAsync("/admin/quotas?region=cn-hangzhou");
        await Expect(page.GetByTestId("error-alert")).ToHaveAttributeAsync("data-error-code", "Forbidden");
        await Expect(page.GetByTestId("quotas-table")).ToHaveCountAsync(0);
    }
}
