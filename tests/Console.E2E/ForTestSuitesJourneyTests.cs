using System.Diagnostics;
using Xunit.Abstractions;

namespace EcsConsole.E2E;

/// <summary>
/// The README's "For test suites" journey (issue #23), written only against what the README says: a console started by
/// <see cref="EcsConsoleHost"/>, an isolated account from the control, its image made through the ECS API with the
/// account's AccessKey, copied in the browser with the clock advanced instead of waiting, a CopyImage fault whose code
/// the console shows, and a reset. Its elapsed time is printed, not asserted (timings belong in bench/).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ForTestSuitesJourneyTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task AnIsolatedAccount_CreatesAndCopiesAnImageWithTheClockAdvanced_SeesAnInjectedCopyFault_AndTheWorldResets()
    {
        // Arrange: a console of its own (the journey resets its world), and a fresh isolated account in it
        await using var console = await EcsConsoleHost.StartAsync();
        var journey = Stopwatch.StartNew();
        var account = await console.CreateAccountAsync("journey");
        var accountCreated = journey.Elapsed;
        var laps = new List<(string Name, TimeSpan At)>();

        // Act: an instance and an image of it through the ECS API, as the account; the clock moved on, not waited for
        using var api = new EcsApi(console.Url, account.AccessKeyId, account.AccessKeySecret);
        using var run = await api.CallAsync("RunInstances", new Dictionary<string, string>
        {
            ["RegionId"] = Region, ["InstanceType"] = "ecs.g7.large", ["ImageId"] = "aliyun_3_x64_20G_alibase_20250101.vhd",
            ["InstanceName"] = "journey-1", ["SystemDisk.Category"] = "cloud_essd",
        });
        var instanceId = run.RootElement.GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        laps.Add(("api-run", journey.Elapsed));
        await console.AdvanceClockAsync(TimeSpan.FromMinutes(10));
        using var created = await api.CallAsync("CreateImage",
            new Dictionary<string, string> { ["RegionId"] = Region, ["InstanceId"] = instanceId, ["ImageName"] = "journey-base" });
        var imageId = created.RootElement.GetProperty("ImageId").GetString()!;
        await console.AdvanceClockAsync(TimeSpan.FromMinutes(10));

        laps.Add(("api-image", journey.Elapsed));
        // Act: the account's Admin signs in and copies the image to Shanghai; the clock moves on again
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = console.Url, Locale = "en-US" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await new SignInPage(page).LogInAsync(account.Email, account.Password, $"/images?region={Region}&tab=custom");
        var images = new ImagesPage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/images"));
        await images.WaitForInteractiveAsync();
        laps.Add(("signed-in", journey.Elapsed));
        await Expect(images.Status(imageId)).ToContainTextAsync("Available");
        var copy = await images.OpenCopyAsync(imageId);
        await Expect(copy.Destination).ToContainTextAsync("cn-shanghai");
        await copy.NameCopyAsync("journey-copy");
        await copy.SubmitAsync();
        laps.Add(("copy-submitted", journey.Elapsed));
        await console.AdvanceClockAsync(TimeSpan.FromMinutes(10));

        // Assert: the copy is Available in Shanghai without any wait
        await images.OpenAsync("cn-shanghai", "custom");
        var copyId = await images.Table.IdOfAsync("journey-copy");
        await Expect(images.Status(copyId)).ToContainTextAsync("Available");

        laps.Add(("copy-seen", journey.Elapsed));
        // Act: the next CopyImage task fails with an injected code; copy again and move the clock
        await console.AddTaskFaultAsync("CopyImage", "InternalError");
        await images.OpenAsync(Region, "custom");
        copy = await images.OpenCopyAsync(imageId);
        await copy.NameCopyAsync("journey-copy-faulted");
        await copy.SubmitAsync();
        await console.AdvanceClockAsync(TimeSpan.FromMinutes(10));

        laps.Add(("faulted-submitted", journey.Elapsed));
        // Assert: the console shows the failed copy and the fault's code in its task list
        await images.OpenAsync("cn-shanghai", "custom");
        var faultedId = await images.Table.IdOfAsync("journey-copy-faulted");
        await Expect(images.Status(faultedId)).ToContainTextAsync("CreateFailed");
        var tasks = new TasksPage(page);
        await tasks.FollowAsync("Tasks"); // in Shanghai still: a copy task lives in its destination region
        await Expect(tasks.Table.GetByTestId(new Regex("^task-error-"))).ToHaveTextAsync("InternalError");
        await page.ScreenshotAsync(fixture, "suite-journey-faulted-copy");

        laps.Add(("faulted-seen", journey.Elapsed));
        // Act: the world is reset
        var reset = await console.ResetAsync();

        // Assert: the open page reloads to the sign-in page (sign-ins end), and the isolated account is gone
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        var signIn = new SignInPage(page);
        await signIn.LogInAsync(account.Email, account.Password);
        await Expect(signIn.Refusal("Invalid login attempt")).ToBeVisibleAsync();
        journey.Stop();
        output.WriteLine($"Journey: {journey.Elapsed.TotalSeconds:F1} s (account {accountCreated.TotalMilliseconds:F0} ms, reset {reset.TotalMilliseconds:F0} ms as the console measured it)");
        output.WriteLine("Laps: " + string.Join(", ", laps.Select(l => $"{l.Name} {l.At.TotalSeconds:F1} s")));
        await context.CloseAsync();
    }
}
