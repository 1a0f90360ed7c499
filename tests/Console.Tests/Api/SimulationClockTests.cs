using System.Net;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Advancing the simulated clock (ui-contract §7) runs out what is measured by it: signature-nonce windows and
/// subscriptions (INS-05) as well as tasks. A host of its own: these tests move its clock by days.
/// </summary>
public sealed class SimulationClockTests(SimulationHostFixture sim) : IClassFixture<SimulationHostFixture>
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task ANonce_IsRefusedUntilTheClockPassesItsWindow_ThenIsFreeAgain()
    {
        // Arrange: a nonce used once
        var nonce = Guid.NewGuid().ToString("N");
        var client = new EcsTestClient(sim.App.CreateBrowserLikeClient(), "LTAI5tDemoAlice000000001", "DemoAliceSecret000000000000000001") { Nonce = nonce };
        var first = await client.CallAsync("DescribeRegions");
        var replay = await client.CallAsync("DescribeRegions");

        // Act: 31 simulated minutes later (the window is 30)
        var advanced = await sim.PostAsync("/simulation/clock/advance", new { seconds = 31 * 60 });
        var reuse = await client.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("SignatureNonceUsed", replay.Code);
        Assert.Equal(HttpStatusCode.OK, advanced.Status);
        Assert.True(reuse.Status == HttpStatusCode.OK, reuse.ToString());
    }

    [Fact]
    public async Task ASubscriptionInstance_CanBeReleasedOnlyOnceTheClockPassesItsExpiry()
    {
        // Arrange: a one-month subscription instance
        var alice = sim.Alice();
        var run = await alice.CallAsync("RunInstances", ("RegionId", Region), ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"), ("InstanceChargeType", "PrePaid"), ("Period", "1"), ("PeriodUnit", "Month"));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        var instanceId = run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
        await sim.PostAsync("/simulation/tasks/complete");

        // Act
        var beforeExpiry = await alice.CallAsync("DeleteInstance", ("InstanceId", instanceId), ("Force", "true"));
        var advanced = await sim.PostAsync("/simulation/clock/advance", new { seconds = 32 * 24 * 3600 });
        var afterExpiry = await alice.CallAsync("DeleteInstance", ("InstanceId", instanceId), ("Force", "true"));

        // Assert
        Assert.Equal("ChargeTypeViolation", beforeExpiry.Code);
        Assert.Equal(HttpStatusCode.OK, advanced.Status);
        Assert.True(afterExpiry.Status == HttpStatusCode.OK, afterExpiry.ToString());
    }
}
