using System.Diagnostics;
using EcsConsole.E2E.Support;

namespace EcsConsole.E2E;

/// <summary>
/// The official Alibaba Cloud Node SDK (<c>@alicloud/ecs20140526</c> 7.11.6, pinned in tests/sdk-node, installed by
/// ./test.sh with <c>npm ci</c>) drives a real console process: tests/sdk-node/sdk-journey.js creates an image from an
/// instance, waits for Available, shares it, describes the share permission, copies it and deletes it, with the default
/// V3 signature and with <c>signatureAlgorithm: 'v2'</c>.
/// </summary>
public sealed class OfficialSdkTests
{
    [Fact]
    public async Task OfficialNodeSdk_CreatesSharesCopiesAndDeletesAnImage_WithBothSignatures()
    {
        // Arrange: an app of its own (the journey changes images), and the SDK installed
        var sdkDirectory = Path.Combine(AppServer.RepositoryRoot(), "tests", "sdk-node");
        Assert.True(Directory.Exists(Path.Combine(sdkDirectory, "node_modules", "@alicloud", "ecs20140526")),
            "The SDK is not installed: run ./test.sh (it runs npm ci in tests/sdk-node).");
        await using var app = await AppServer.StartAsync();

        // Act
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = sdkDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("sdk-journey.js");
        start.Environment["ECS_ENDPOINT"] = new Uri(app.BaseUrl).Authority;
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await node.WaitForExitAsync(timeout.Token);

        // Assert
        var log = await output + await errors;
        Assert.True(node.ExitCode == 0, $"The SDK journey failed:\n{log}\nConsole log:\n{app.Log}");
        Assert.Contains("SDK JOURNEY PASSED", log, StringComparison.Ordinal);
    }
}
