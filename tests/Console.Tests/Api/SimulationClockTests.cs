using System.Net;
using EcsConsole.Domain.Seeding;
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
        var afterExpiry = await alice.CallAsync("DeleteInstance", ("InstanceId", instanceId), ("Force", "true"), ("TerminateSubscription", "true"));

        // Assert
        Assert.Equal("ChargeTypeViolation", beforeExpiry.Code);
        Assert.Equal(HttpStatusCode.OK, advanced.Status);
        Assert.True(afterExpiry.Status == HttpStatusCode.OK, afterExpiry.ToString());
    }

    [Fact]
    public async Task AfterAnAdvance_ATimestampOlderThanTheWindowOfTheSimulatedNow_IsExpired_WhileTheCallersOwnClockStillSigns()
    {
        // Arrange: the clock an hour on
        var advanced = await sim.PostAsync("/simulation/clock/advance", new { seconds = 3600 });
        var now = advanced.Body.GetProperty("now").GetDateTimeOffset();
        var (id, secret, _) = DemoWorld.AccessKeys.First(k => k.User == DemoWorld.Alice);
        EcsTestClient SignedAt(DateTimeOffset at) => new(sim.App.CreateBrowserLikeClient(), id, secret) { Timestamp = at };

        // Act
        var atSimulatedNow = await SignedAt(now).CallAsync("DescribeRegions");
        var sixteenMinutesOld = await SignedAt(now.AddMinutes(-16)).CallAsync("DescribeRegions");
        var atCallersClock = await SignedAt(DateTimeOffset.UtcNow).CallAsync("DescribeRegions");

        // Assert
        Assert.True(atSimulatedNow.Status == HttpStatusCode.OK, atSimulatedNow.ToString());
        Assert.Equal("InvalidTimeStamp.Expired", sixteenMinutesOld.Code);
        Assert.True(atCallersClock.Status == HttpStatusCode.OK, atCallersClock.ToString());
    }

    [Fact]
    public async Task SubscriptionsFallDue_InTheOrderOfTheirExpiry_AsTheClockPassesEach()
    {
        // Arrange: a one-month and a three-month subscription bought at the same time
        var alice = sim.Alice();
        var oneMonth = await SubscriptionAsync(alice, months: 1);
        var threeMonths = await SubscriptionAsync(alice, months: 3);
        await sim.PostAsync("/simulation/tasks/complete");

        // Act: past the first expiry only, then past the second
        await sim.PostAsync("/simulation/clock/advance", new { seconds = 32 * 24 * 3600 });
        var firstAfterOneMonth = await alice.CallAsync("DeleteInstance", ("InstanceId", oneMonth), ("Force", "true"), ("TerminateSubscription", "true"));
        var secondAfterOneMonth = await alice.CallAsync("DeleteInstance", ("InstanceId", threeMonths), ("Force", "true"), ("TerminateSubscription", "true"));
        await sim.PostAsync("/simulation/clock/advance", new { seconds = 62 * 24 * 3600 });
        var secondAfterThreeMonths = await alice.CallAsync("DeleteInstance", ("InstanceId", threeMonths), ("Force", "true"), ("TerminateSubscription", "true"));

        // Assert
        Assert.True(firstAfterOneMonth.Status == HttpStatusCode.OK, firstAfterOneMonth.ToString());
        Assert.Equal("ChargeTypeViolation", secondAfterOneMonth.Code);
        Assert.True(secondAfterThreeMonths.Status == HttpStatusCode.OK, secondAfterThreeMonths.ToString());
    }

    private static async Task<string> SubscriptionAsync(EcsTestClient alice, int months)
    {
        var run = await alice.CallAsync("RunInstances", ("RegionId", Region), ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"), ("InstanceChargeType", "PrePaid"), ("Period", months.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("PeriodUnit", "Month"));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        return run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
    }
}
