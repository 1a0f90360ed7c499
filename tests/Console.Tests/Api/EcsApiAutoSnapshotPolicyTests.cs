using System.Net;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Simulation;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// CreateAutoSnapshotPolicy, DescribeAutoSnapshotPolicyEx, ApplyAutoSnapshotPolicy, CancelAutoSnapshotPolicy and
/// DeleteAutoSnapshotPolicy over the ECS API (lowerCamelCase parameters, as the SDK sends them), with ECS's codes; a
/// policy's runs on the simulated clock show as <c>auto</c> snapshots in DescribeSnapshots.
/// </summary>
public sealed class EcsApiAutoSnapshotPolicyTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private static readonly (string, string) InRegion = ("RegionId", Region);
    private static readonly (string, string) InLowerRegion = ("regionId", Region);

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    public async Task CreateAutoSnapshotPolicy_MakesAPolicy_ThatDescribeAutoSnapshotPolicyExShows(EcsSigning signing)
    {
        // Act
        var created = await api.Alice(signing).CallAsync("CreateAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyName", $"nightly-{signing}"),
            ("timePoints", "[\"2\",\"14\"]"), ("repeatWeekdays", "[\"1\",\"3\",\"5\"]"), ("retentionDays", "30"), ("Tag.1.Key", "team"), ("Tag.1.Value", "ops"));
        var policyId = created["AutoSnapshotPolicyId"].GetString()!;
        var described = await api.Alice(signing).CallAsync("DescribeAutoSnapshotPolicyEx", InRegion, ("AutoSnapshotPolicyId", policyId));

        // Assert
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.StartsWith("sp-bp", policyId, StringComparison.Ordinal);
        var policy = Assert.Single(described["AutoSnapshotPolicies"].GetProperty("AutoSnapshotPolicy").EnumerateArray());
        Assert.Equal(($"nightly-{signing}", "[\"2\",\"14\"]", "[\"1\",\"3\",\"5\"]", 30, 0),
            (policy.GetProperty("AutoSnapshotPolicyName").GetString(), policy.GetProperty("TimePoints").GetString(), policy.GetProperty("RepeatWeekdays").GetString(),
                policy.GetProperty("RetentionDays").GetInt32(), policy.GetProperty("DiskNums").GetInt32()));
        Assert.Equal("team", policy.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("TagKey").GetString());
    }

    [Theory]
    [InlineData("timePoints", "[\"24\"]", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("timePoints", "2", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("timePoints", "[]", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("repeatWeekdays", "[\"0\"]", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("repeatWeekdays", "[\"8\"]", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("retentionDays", "0", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("retentionDays", "65537", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("autoSnapshotPolicyName", "1-starts-with-a-digit", AutoSnapshotPolicyErrors.NameMalformedCode, HttpStatusCode.BadRequest)]
    [InlineData("ResourceGroupId", "rg-nothere", "InvalidResourceGroup.NotFound", HttpStatusCode.NotFound)]
    public async Task CreateAutoSnapshotPolicy_RefusesWhatECSRefuses(string name, string value, string code, HttpStatusCode status)
    {
        // Act
        var refused = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", new Dictionary<string, string>
        {
            ["regionId"] = Region, ["timePoints"] = "[\"2\"]", ["repeatWeekdays"] = "[\"1\"]", ["retentionDays"] = "7", [name] = value,
        });

        // Assert
        Assert.Equal((status, code), (refused.Status, refused.Code));
    }

    [Theory]
    [InlineData("timePoints")]
    [InlineData("repeatWeekdays")]
    [InlineData("retentionDays")]
    [InlineData("regionId")]
    public async Task CreateAutoSnapshotPolicy_WithoutARequiredParameter_IsMissingParameter(string left)
    {
        // Arrange
        var parameters = new Dictionary<string, string> { ["regionId"] = Region, ["timePoints"] = "[\"2\"]", ["repeatWeekdays"] = "[\"1\"]", ["retentionDays"] = "7" };
        parameters.Remove(left);

        // Act
        var refused = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", parameters);

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "MissingParameter"), (refused.Status, refused.Code));
    }

    [Fact]
    public async Task ApplyAutoSnapshotPolicy_PutsThePolicyOnTheDisk_AsDescribeDisksAndDescribeAutoSnapshotPolicyExShow()
    {
        // Arrange
        var policyId = await NewPolicyAsync("apply");
        var diskId = await NewDiskAsync();

        // Act
        var applied = await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", policyId), ("diskIds", $"[\"{diskId}\"]"));
        var disk = await DescribeDiskAsync(diskId);
        var filtered = await api.Alice().CallAsync("DescribeDisks", InRegion, ("AutoSnapshotPolicyId", policyId));
        var policy = await DescribePolicyAsync(policyId);

        // Assert
        Assert.Equal(HttpStatusCode.OK, applied.Status);
        Assert.Equal((policyId, true), (disk.GetProperty("AutoSnapshotPolicyId").GetString(), disk.GetProperty("EnableAutomatedSnapshotPolicy").GetBoolean()));
        Assert.Equal([diskId], filtered["Disks"].GetProperty("Disk").EnumerateArray().Select(d => d.GetProperty("DiskId").GetString()));
        Assert.Equal(1, policy?.GetProperty("DiskNums").GetInt32());
    }

    [Fact]
    public async Task ApplyAutoSnapshotPolicy_AnUnknownPolicyOrDisk_IsParameterInvalid()
    {
        // Arrange
        var policyId = await NewPolicyAsync("unknown");
        var diskId = await NewDiskAsync();

        // Act
        var unknownPolicy = await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", "sp-nothere"), ("diskIds", $"[\"{diskId}\"]"));
        var unknownDisk = await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", policyId), ("diskIds", "[\"d-nothere\"]"));
        var malformed = await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", policyId), ("diskIds", diskId));

        // Assert
        Assert.Equal((HttpStatusCode.NotFound, AutoSnapshotPolicyErrors.ParameterInvalidCode), (unknownPolicy.Status, unknownPolicy.Code));
        Assert.Equal((HttpStatusCode.NotFound, AutoSnapshotPolicyErrors.ParameterInvalidCode), (unknownDisk.Status, unknownDisk.Code));
        Assert.Equal((HttpStatusCode.NotFound, AutoSnapshotPolicyErrors.ParameterInvalidCode), (malformed.Status, malformed.Code));
    }

    [Fact]
    public async Task ApplyAutoSnapshotPolicy_AnEleventhPolicyOnOneDisk_IsQuotaExceed()
    {
        // Arrange: ten policies on the disk
        var diskId = await NewDiskAsync();
        for (var i = 0; i < AutoSnapshotPolicyService.MaxPoliciesPerDisk; i++)
        {
            var applied = await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", await NewPolicyAsync($"ten-{i}")),
                ("diskIds", $"[\"{diskId}\"]"));
            Assert.Equal(HttpStatusCode.OK, applied.Status);
        }

        // Act
        var refused = await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", await NewPolicyAsync("eleventh")),
            ("diskIds", $"[\"{diskId}\"]"));

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, AutoSnapshotPolicyErrors.QuotaCode), (refused.Status, refused.Code));
    }

    [Fact]
    public async Task CreateAutoSnapshotPolicy_TheHundredAndFirstInARegion_IsQuotaExceed()
    {
        // Arrange: Acme has 100 policies in Shanghai
        await using (var db = await DbAsync())
        {
            var have = await db.AutoSnapshotPolicies.CountAsync(p => p.AccountId == DemoWorld.AcmeAccountId && p.RegionId == "cn-shanghai");
            db.AutoSnapshotPolicies.AddRange(Enumerable.Range(have, AutoSnapshotPolicyService.MaxPerRegion - have).Select(i => new AutoSnapshotPolicy
            {
                Id = $"sp-uf-quota-{i:D3}", AccountId = DemoWorld.AcmeAccountId, RegionId = "cn-shanghai", Name = $"quota-{i}", TimePoints = "2", RepeatWeekdays = "1",
                NextRunAt = DateTimeOffset.UtcNow.AddDays(1),
            }));
            await db.SaveChangesAsync();
        }

        // Act
        var refused = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", ("regionId", "cn-shanghai"), ("timePoints", "[\"2\"]"), ("repeatWeekdays", "[\"1\"]"),
            ("retentionDays", "-1"));

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, AutoSnapshotPolicyErrors.QuotaCode), (refused.Status, refused.Code));
    }

    [Fact]
    public async Task APolicyOnADisk_TakesAnAutoSnapshot_WhenTheClockPassesItsHour_ThatDescribeSnapshotsShows()
    {
        // Arrange: a policy of every hour of every day on a new disk
        var policyId = await NewPolicyAsync("hourly", timePoints: "[" + string.Join(',', Enumerable.Range(0, 24).Select(h => $"\"{h}\"")) + "]",
            weekdays: "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\"]");
        var diskId = await NewDiskAsync();
        await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", policyId), ("diskIds", $"[\"{diskId}\"]"));

        // Act: an hour and the time a snapshot takes
        var clock = api.App.Services.GetRequiredService<SimulationClockService>();
        await clock.AdvanceAsync(TimeSpan.FromHours(1).TotalSeconds);
        await clock.CompleteTasksAsync();
        var snapshots = await api.Alice().CallAsync("DescribeSnapshots", InRegion, ("DiskId", diskId), ("SnapshotType", "auto"));

        // Assert
        var snapshot = Assert.Single(snapshots["Snapshots"].GetProperty("Snapshot").EnumerateArray());
        Assert.Equal(("auto", "accomplished", 7), (snapshot.GetProperty("SnapshotType").GetString(), snapshot.GetProperty("Status").GetString(),
            snapshot.GetProperty("RetentionDays").GetInt32()));
        Assert.StartsWith("auto2.0_", snapshot.GetProperty("SnapshotName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteDisk_TakesTheDisksAutoSnapshotsWithIt_AndLeavesItsPolicy()
    {
        // Arrange: an automatic snapshot of a new disk, and a manual one
        var policyId = await NewPolicyAsync("released", timePoints: "[" + string.Join(',', Enumerable.Range(0, 24).Select(h => $"\"{h}\"")) + "]",
            weekdays: "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\"]");
        var diskId = await NewDiskAsync();
        await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", policyId), ("diskIds", $"[\"{diskId}\"]"));
        var clock = api.App.Services.GetRequiredService<SimulationClockService>();
        await clock.AdvanceAsync(TimeSpan.FromHours(1).TotalSeconds);
        await api.Alice().CallAsync("CreateSnapshot", ("DiskId", diskId), ("SnapshotName", "kept-manual"));
        await clock.CompleteTasksAsync();

        // Act
        var deleted = await api.Alice().CallAsync("DeleteDisk", ("DiskId", diskId));
        var snapshots = await api.Alice().CallAsync("DescribeSnapshots", InRegion, ("DiskId", diskId));

        // Assert: SNP-08, the manual snapshot stays; the policy is on no disk
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(["user"], snapshots["Snapshots"].GetProperty("Snapshot").EnumerateArray().Select(s => s.GetProperty("SnapshotType").GetString()));
        Assert.Equal(0, (await DescribePolicyAsync(policyId))?.GetProperty("DiskNums").GetInt32());
    }

    [Fact]
    public async Task CancelAutoSnapshotPolicy_TakesThePolicyOffTheDisk()
    {
        // Arrange
        var policyId = await NewPolicyAsync("cancel");
        var diskId = await NewDiskAsync();
        await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", policyId), ("diskIds", $"[\"{diskId}\"]"));

        // Act
        var cancelled = await api.Alice().CallAsync("CancelAutoSnapshotPolicy", InLowerRegion, ("diskIds", $"[\"{diskId}\"]"));
        var disk = await DescribeDiskAsync(diskId);

        // Assert
        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Equal(("", false), (disk.GetProperty("AutoSnapshotPolicyId").GetString(), disk.GetProperty("EnableAutomatedSnapshotPolicy").GetBoolean()));
    }

    [Fact]
    public async Task DeleteAutoSnapshotPolicy_OfAPolicyOnADisk_DeletesIt_AndTheDiskNoLongerRunsIt()
    {
        // Arrange
        var policyId = await NewPolicyAsync("delete");
        var diskId = await NewDiskAsync();
        await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", policyId), ("diskIds", $"[\"{diskId}\"]"));

        // Act
        var deleted = await api.Alice().CallAsync("DeleteAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", policyId));
        var again = await api.Alice().CallAsync("DeleteAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyId", policyId));
        var disk = await DescribeDiskAsync(diskId);

        // Assert
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Null(await DescribePolicyAsync(policyId));
        Assert.Equal("", disk.GetProperty("AutoSnapshotPolicyId").GetString());
        Assert.Equal((HttpStatusCode.NotFound, AutoSnapshotPolicyErrors.ParameterInvalidCode), (again.Status, again.Code));
    }

    [Theory]
    [InlineData("CreateAutoSnapshotPolicy")]
    [InlineData("ApplyAutoSnapshotPolicy")]
    [InlineData("CancelAutoSnapshotPolicy")]
    [InlineData("DeleteAutoSnapshotPolicy")]
    public async Task AReadOnlyMember_IsForbidden(string action)
    {
        // Arrange
        var policyId = await NewPolicyAsync("bob-" + action);
        var diskId = await NewDiskAsync();

        // Act
        var refused = await api.As(DemoWorld.Bob).CallAsync(action, InLowerRegion, ("timePoints", "[\"2\"]"), ("repeatWeekdays", "[\"1\"]"), ("retentionDays", "7"),
            ("autoSnapshotPolicyId", policyId), ("diskIds", $"[\"{diskId}\"]"));

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (refused.Status, refused.Code));
    }

    private async Task<string> NewPolicyAsync(string name, string timePoints = "[\"2\"]", string weekdays = "[\"1\",\"4\"]")
    {
        var created = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", InLowerRegion, ("autoSnapshotPolicyName", "policy-" + name), ("timePoints", timePoints),
            ("repeatWeekdays", weekdays), ("retentionDays", "7"));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return created["AutoSnapshotPolicyId"].GetString()!;
    }

    private async Task<string> NewDiskAsync()
    {
        var created = await api.Alice().CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-h"), ("Size", "20"));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return created["DiskId"].GetString()!;
    }

    private async Task<System.Text.Json.JsonElement> DescribeDiskAsync(string diskId) =>
        (await api.Alice().CallAsync("DescribeDisks", InRegion, ("DiskIds", $"[\"{diskId}\"]")))["Disks"].GetProperty("Disk")[0];

    private async Task<System.Text.Json.JsonElement?> DescribePolicyAsync(string policyId)
    {
        var described = await api.Alice().CallAsync("DescribeAutoSnapshotPolicyEx", InRegion, ("AutoSnapshotPolicyId", policyId));
        return described["AutoSnapshotPolicies"].GetProperty("AutoSnapshotPolicy").EnumerateArray().Select(p => (System.Text.Json.JsonElement?)p).FirstOrDefault();
    }

    private Task<ConsoleDbContext> DbAsync() =>
        api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
}
