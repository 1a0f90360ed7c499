using System.Diagnostics;

namespace EcsConsole.E2E;

/// <summary>
/// The official Alibaba Cloud Node SDK (<c>@alicloud/ecs20140526</c> 7.11.6, pinned in tests/sdk-node, installed by
/// ./test.sh with <c>npm ci</c>) drives a real console process, with the default V3 signature and with
/// <c>signatureAlgorithm: 'v2'</c>: tests/sdk-node/sdk-journey.js creates an image from an instance, waits for
/// Available, shares it, describes the share permission, copies it and deletes it; tests/sdk-node/image-builder-journey.js
/// creates an Image Builder component and template through the typed request classes, reads them back through the typed
/// response models, builds to SUCCESS (distributed and shared), checks the start and cancel refusals and cleans up;
/// tests/sdk-node/instance-journey.js reads the default network and the catalogue and takes an instance from
/// CreateInstance through start, reboot, attribute changes and stop to DeleteInstances;
/// tests/sdk-node/disk-journey.js creates, attaches, detaches and deletes a disk (moving it to another resource group
/// with JoinResourceGroup on the way), rolls one back and re-initialises one;
/// tests/sdk-node/auto-snapshot-policy-journey.js creates an automatic snapshot policy, applies it to a disk, lets it take a
/// snapshot on the simulated clock, cancels and deletes it.
/// tests/sdk-node/snapshot-journey.js copies a snapshot to another region, edits it, reads the usage, and creates,
/// describes and deletes a snapshot-consistent group.
/// </summary>
public sealed class OfficialSdkTests
{
    [Fact]
    public async Task OfficialNodeSdk_CreatesSharesCopiesAndDeletesAnImage_WithBothSignatures()
    {
        // Arrange, Act and Assert: an app of its own (the journey changes images)
        await RunJourneyAsync("sdk-journey.js", "SDK JOURNEY PASSED");
    }

    [Fact]
    public async Task OfficialNodeSdk_BuildsAnImageWithImageBuilder_WithBothSignatures()
    {
        // Arrange, Act and Assert: an app of its own (the journey builds, distributes and deletes images)
        await RunJourneyAsync("image-builder-journey.js", "IMAGE BUILDER SDK JOURNEY PASSED");
    }

    [Fact]
    public async Task OfficialNodeSdk_DrivesAnInstanceInTheDefaultNetwork_WithBothSignatures()
    {
        // Arrange, Act and Assert: an app of its own (the journey creates and releases instances)
        await RunJourneyAsync("instance-journey.js", "INSTANCE SDK JOURNEY PASSED");
    }

    [Fact]
    public async Task OfficialNodeSdk_CreatesAttachesDetachesResetsReInitialisesAndDeletesDisks_WithBothSignatures()
    {
        // Arrange, Act and Assert: an app of its own (the journey changes disks)
        await RunJourneyAsync("disk-journey.js", "DISK SDK JOURNEY PASSED");
    }

    [Fact]
    public async Task OfficialNodeSdk_CreatesAppliesRunsCancelsAndDeletesAnAutoSnapshotPolicy_WithBothSignatures()
    {
        // Arrange, Act and Assert: an app of its own (the journey moves the simulated clock)
        await RunJourneyAsync("auto-snapshot-policy-journey.js", "AUTO SNAPSHOT POLICY SDK JOURNEY PASSED");
    }

    [Fact]
    public async Task OfficialNodeSdk_CopiesAndEditsSnapshots_AndDrivesASnapshotGroup_WithBothSignatures()
    {
        // Arrange, Act and Assert: an app of its own (the journey copies snapshots and makes groups)
        await RunJourneyAsync("snapshot-journey.js", "SNAPSHOT SDK JOURNEY PASSED");
    }

    /// <summary>Starts a console of its own, runs <paramref name="script"/> with node against it, and expects exit 0 and <paramref name="passed"/>.</summary>
    private static async Task RunJourneyAsync(string script, string passed)
    {
        // Arrange: the SDK installed, and a console
        var sdkDirectory = Path.Combine(Repository.Root(), "tests", "sdk-node");
        Assert.True(Directory.Exists(Path.Combine(sdkDirectory, "node_modules", "@alicloud", "ecs20140526")),
            "The SDK is not installed: run ./test.sh (it runs npm ci in tests/sdk-node).");
        await using var app = await EcsConsoleHost.StartAsync();

        // Act
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = sdkDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.Environment["ECS_ENDPOINT"] = new Uri(app.Url).Authority;
        start.Environment["ECS_SIMULATION_TOKEN"] = app.ControlToken;
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await node.WaitForExitAsync(timeout.Token);

        // Assert
        var log = await output + await errors;
        Assert.True(node.ExitCode == 0, $"The SDK journey {script} failed:\n{log}\nConsole log:\n{app.Log}");
        Assert.Contains(passed, log, StringComparison.Ordinal);
    }
}
