using System.Net;
using System.Text.Json;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// CreateInstance, StartInstances, StopInstances, RebootInstance, DeleteInstances, ModifyInstanceAttribute,
/// DescribeInstanceStatus and DescribeInstanceAttribute over the ECS API (issue #22): the same rules as the single
/// actions, per-instance answers of the batches, and ECS's error codes and statuses.
/// </summary>
public sealed class EcsApiInstanceLifecycleTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private const string PublicImage = "aliyun_3_x64_20G_alibase_20250101.vhd";
    private static readonly (string, string) InRegion = ("RegionId", Region);

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    public async Task CreateInstance_MakesOneStoppedInstance_WithItsDescriptionHostNameAndProtection(EcsSigning signing)
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();

        // Act
        var created = await api.Alice(signing).CallAsync("CreateInstance", InRegion, ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"),
            ("ImageId", PublicImage), ("InstanceName", $"created-{signing}"), ("Description", "made by CreateInstance"), ("HostName", "created-host"),
            ("DeletionProtection", "true"));
        var instanceId = created["InstanceId"].GetString()!;
        await CompleteTasksAsync();
        var attribute = await api.Alice(signing).CallAsync("DescribeInstanceAttribute", ("InstanceId", instanceId));

        // Assert: it was made Stopped and stays so (nothing starts it), with what was asked
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        Assert.StartsWith("i-", instanceId, StringComparison.Ordinal);
        Assert.Equal((JsonValueKind.String, JsonValueKind.Number), (created["OrderId"].ValueKind, created["TradePrice"].ValueKind));
        Assert.Equal("Stopped", attribute["Status"].GetString());
        Assert.Equal(("made by CreateInstance", "created-host"), (attribute["Description"].GetString(), attribute["HostName"].GetString()));
        var delete = await api.Alice(signing).CallAsync("DeleteInstance", ("InstanceId", instanceId));
        Assert.Equal(("InvalidOperation.DeletionProtection", HttpStatusCode.Forbidden), (delete.Code, delete.Status));
    }

    [Theory]
    [InlineData("ImageId", "m-nosuchimage", "InvalidImageId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("Description", "http://example.com", "InvalidDescription.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("HostName", "-bad-host", "InvalidHostName.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("Password", "short", "InvalidPassword.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("InstanceType", "ecs.nosuch.large", "InvalidInstanceType.ValueNotSupported", HttpStatusCode.BadRequest)]
    public async Task CreateInstance_RefusesWhatRunInstancesRefuses(string name, string value, string code, HttpStatusCode status)
    {
        // Arrange
        var parameters = new Dictionary<string, string>
        {
            ["RegionId"] = Region, ["ZoneId"] = "cn-hangzhou-h", ["InstanceType"] = "ecs.g7.large", ["ImageId"] = PublicImage, [name] = value,
        };

        // Act
        var refused = await api.Alice().CallAsync("CreateInstance", parameters);

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task StartInstances_AllTogether_RefusesTheWholeBatch_WhenOneInstanceCannotStart()
    {
        // Arrange
        var stopped = await NewInstanceAsync(stopped: true);
        var running = await NewInstanceAsync(stopped: false);

        // Act
        var refused = await api.Alice().CallAsync("StartInstances", InRegion, ("InstanceId.1", stopped), ("InstanceId.2", running));
        var status = await StatusOfAsync(stopped);

        // Assert: nothing started
        Assert.Equal(("IncorrectInstanceStatus", HttpStatusCode.BadRequest), (refused.Code, refused.Status));
        Assert.Equal("Stopped", status);
    }

    [Fact]
    public async Task StartInstances_SuccessFirst_StartsWhatItCan_AndAnswersEachInstancesOutcome()
    {
        // Arrange
        var stopped = await NewInstanceAsync(stopped: true);
        var running = await NewInstanceAsync(stopped: false);

        // Act
        var started = await api.Alice().CallAsync("StartInstances", InRegion, ("InstanceId.1", stopped), ("InstanceId.2", running), ("InstanceId.3", "i-nosuchinstance"),
            ("BatchOptimization", "SuccessFirst"));

        // Assert
        Assert.True(started.Status == HttpStatusCode.OK, started.ToString());
        var answers = started["InstanceResponses"].GetProperty("InstanceResponse").EnumerateArray()
            .ToDictionary(r => r.GetProperty("InstanceId").GetString()!, r => (Code: r.GetProperty("Code").GetString(), Previous: r.GetProperty("PreviousStatus").GetString(),
                Current: r.GetProperty("CurrentStatus").GetString()));
        Assert.Equal(("200", "Stopped", "Starting"), answers[stopped]);
        Assert.Equal(("IncorrectInstanceStatus", "Running", "Running"), answers[running]);
        Assert.Equal(("InvalidInstanceId.NotFound", "", ""), answers["i-nosuchinstance"]);
    }

    [Fact]
    public async Task StopInstances_StopsEveryInstance_InTheModeAsked_AndRefusesAnUnknownMode()
    {
        // Arrange
        var first = await NewInstanceAsync(stopped: false);
        var second = await NewInstanceAsync(stopped: false);

        // Act
        var unknown = await api.Alice().CallAsync("StopInstances", InRegion, ("InstanceId.1", first), ("StoppedMode", "Hibernate"));
        var stopped = await api.Alice().CallAsync("StopInstances", InRegion, ("InstanceId.1", first), ("InstanceId.2", second), ("StoppedMode", "KeepCharging"));
        await CompleteTasksAsync();

        // Assert (economical mode, StopCharging: EcsApiInstanceParameterTests)
        Assert.Equal(("InvalidParameter.StoppedMode", HttpStatusCode.BadRequest), (unknown.Code, unknown.Status));
        Assert.True(stopped.Status == HttpStatusCode.OK, stopped.ToString());
        Assert.All(stopped["InstanceResponses"].GetProperty("InstanceResponse").EnumerateArray(), r => Assert.Equal("200", r.GetProperty("Code").GetString()));
        Assert.Equal(("Stopped", "Stopped"), (await StatusOfAsync(first), await StatusOfAsync(second)));
    }

    [Theory]
    [InlineData("StartInstances")]
    [InlineData("StopInstances")]
    public async Task TheBatches_RefuseAMissingInstanceList_AnUnknownOptimization_AndMoreThanAHundredInstances(string action)
    {
        // Arrange
        var hundredAndOne = Enumerable.Range(1, 101).Select(n => ($"InstanceId.{n}", $"i-{n}")).Prepend(InRegion).ToArray();

        // Act
        var none = await api.Alice().CallAsync(action, InRegion);
        var unknown = await api.Alice().CallAsync(action, InRegion, ("InstanceId.1", "i-x"), ("BatchOptimization", "Sometimes"));
        var tooMany = await api.Alice().CallAsync(action, hundredAndOne);

        // Assert
        Assert.Equal(("MissingParameter", HttpStatusCode.BadRequest), (none.Code, none.Status));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (unknown.Code, unknown.Status));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (tooMany.Code, tooMany.Status));
    }

    [Theory]
    [InlineData("StartInstances", "AllTogether")]
    [InlineData("StartInstances", "SuccessFirst")]
    [InlineData("StopInstances", "SuccessFirst")]
    public async Task AReadOnlyMember_IsForbidden_TheWholeBatch(string action, string optimization)
    {
        // Arrange
        var instanceId = await NewInstanceAsync(stopped: action == "StartInstances");

        // Act
        var refused = await api.As(DemoWorld.Bob).CallAsync(action, InRegion, ("InstanceId.1", instanceId), ("BatchOptimization", optimization));

        // Assert
        Assert.Equal(("Forbidden", HttpStatusCode.Forbidden), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task EachInstanceOfABatch_IsAuditedAsItsSingleAction_AndAnAllTogetherRefusal_AsTheRefusedInstances()
    {
        // Arrange
        var stopped = await NewInstanceAsync(stopped: true);
        var running = await NewInstanceAsync(stopped: false);
        var other = await NewInstanceAsync(stopped: true);

        // Act
        await api.Alice().CallAsync("StartInstances", InRegion, ("InstanceId.1", stopped), ("InstanceId.2", running));
        await api.Alice().CallAsync("StartInstances", InRegion, ("InstanceId.1", other), ("BatchOptimization", "SuccessFirst"));
        var audited = await AuditAsync(stopped, running, other);

        // Assert: the refused batch left one entry, the refusal's; the SuccessFirst one its instance's success
        Assert.Equal([("StartInstance", running, "IncorrectInstanceStatus"), ("StartInstance", other, null)], audited);
    }

    [Fact]
    public async Task RebootInstance_RestartsARunningInstance_AndRefusesAStoppedOne()
    {
        // Arrange
        var running = await NewInstanceAsync(stopped: false);
        var stopped = await NewInstanceAsync(stopped: true);

        // Act
        var rebooted = await api.Alice().CallAsync("RebootInstance", ("InstanceId", running));
        var during = await StatusOfAsync(running);
        await CompleteTasksAsync();
        var after = await StatusOfAsync(running);
        var refused = await api.Alice().CallAsync("RebootInstance", ("InstanceId", stopped));
        var unknown = await api.Alice().CallAsync("RebootInstance", ("InstanceId", "i-nosuchinstance"));

        // Assert
        Assert.True(rebooted.Status == HttpStatusCode.OK, rebooted.ToString());
        Assert.Equal(("Stopping", "Running"), (during, after));
        Assert.Equal(("IncorrectInstanceStatus", HttpStatusCode.BadRequest), (refused.Code, refused.Status));
        Assert.Equal(("InvalidInstanceId.NotFound", HttpStatusCode.NotFound), (unknown.Code, unknown.Status));
    }

    [Fact]
    public async Task DeleteInstances_RefusesARunningInstanceWithoutForce_AndReleasesTheBatchWithIt()
    {
        // Arrange
        var stopped = await NewInstanceAsync(stopped: true);
        var running = await NewInstanceAsync(stopped: false);

        // Act
        var refused = await api.Alice().CallAsync("DeleteInstances", InRegion, ("InstanceId.1", stopped), ("InstanceId.2", running));
        var keptWhileRefused = await StatusOfAsync(stopped);
        var released = await api.Alice().CallAsync("DeleteInstances", InRegion, ("InstanceId.1", stopped), ("InstanceId.2", running), ("Force", "true"));
        var gone = await api.Alice().CallAsync("DescribeInstanceStatus", InRegion, ("InstanceId.1", stopped), ("InstanceId.2", running));

        // Assert
        Assert.Equal(("IncorrectInstanceStatus", HttpStatusCode.Forbidden), (refused.Code, refused.Status));
        Assert.Equal("Stopped", keptWhileRefused);
        Assert.True(released.Status == HttpStatusCode.OK, released.ToString());
        Assert.Equal(0, gone["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task DeleteInstances_RefusesAProtectedInstance()
    {
        // Arrange
        var protectedId = await NewInstanceAsync(stopped: true);
        await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", protectedId), ("DeletionProtection", "true"));

        // Act
        var refused = await api.Alice().CallAsync("DeleteInstances", InRegion, ("InstanceId.1", protectedId));

        // Assert
        Assert.Equal(("InvalidOperation.DeletionProtection", HttpStatusCode.Forbidden), (refused.Code, refused.Status));
        Assert.Equal("Stopped", await StatusOfAsync(protectedId));
    }

    [Fact]
    public async Task ModifyInstanceAttribute_ChangesNameDescriptionHostNameAndPassword_AsBothDescribesShow()
    {
        // Arrange
        var instanceId = await NewInstanceAsync(stopped: false);

        // Act
        var modified = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("InstanceName", "renamed-by-api"),
            ("Description", "changed over the API"), ("HostName", "renamed-host"), ("Password", "Passw0rd!Strong"));
        var attribute = await api.Alice().CallAsync("DescribeInstanceAttribute", ("InstanceId", instanceId));
        var listed = await api.Alice().CallAsync("DescribeInstances", InRegion, ("InstanceIds", $"[\"{instanceId}\"]"));

        // Assert
        Assert.True(modified.Status == HttpStatusCode.OK, modified.ToString());
        Assert.Equal(("renamed-by-api", "changed over the API", "renamed-host"),
            (attribute["InstanceName"].GetString(), attribute["Description"].GetString(), attribute["HostName"].GetString()));
        var instance = listed["Instances"].GetProperty("Instance")[0];
        Assert.Equal(("renamed-by-api", "changed over the API", "renamed-host"),
            (instance.GetProperty("InstanceName").GetString(), instance.GetProperty("Description").GetString(), instance.GetProperty("HostName").GetString()));
    }

    [Theory]
    [InlineData("Password", "alllowercase", "InvalidPassword.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("Password", "Sh0rt!", "InvalidPassword.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("InstanceName", "1starts-with-a-digit", "InvalidInstanceName.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("Description", "https://example.com", "InvalidDescription.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("HostName", "two..periods", "InvalidHostName.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("SecurityGroupIds.1", "sg-nosuchgroup", "InvalidSecurityGroupId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("DeletionProtection", "maybe", "InvalidParameter", HttpStatusCode.BadRequest)]
    public async Task ModifyInstanceAttribute_RefusesAMalformedValue(string name, string value, string code, HttpStatusCode status)
    {
        // Arrange
        var instanceId = await RunningInstanceAsync();

        // Act
        var refused = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), (name, value));

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task ModifyInstanceAttribute_ByAReadOnlyMember_IsForbidden_AndOnAnotherAccountsInstance_IsNotFound()
    {
        // Arrange
        var instanceId = await RunningInstanceAsync();

        // Act
        var bob = await api.As(DemoWorld.Bob).CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("InstanceName", "bobs-name"));
        var stranger = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", "i-nosuchinstance"), ("InstanceName", "any-name"));

        // Assert
        Assert.Equal(("Forbidden", HttpStatusCode.Forbidden), (bob.Code, bob.Status));
        Assert.Equal(("InvalidInstanceId.NotFound", HttpStatusCode.NotFound), (stranger.Code, stranger.Status));
    }

    [Fact]
    public async Task DescribeInstanceStatus_ListsTheRegionsInstances_ByIdAndZone_Paged()
    {
        // Arrange
        var instanceId = await NewInstanceAsync(stopped: true);

        // Act
        var all = await api.Alice().CallAsync("DescribeInstanceStatus", InRegion, ("PageSize", "50"));
        var one = await api.Alice().CallAsync("DescribeInstanceStatus", InRegion, ("InstanceId.1", instanceId));
        var otherZone = await api.Alice().CallAsync("DescribeInstanceStatus", InRegion, ("InstanceId.1", instanceId), ("ZoneId", "cn-hangzhou-i"));
        var unknownZone = await api.Alice().CallAsync("DescribeInstanceStatus", InRegion, ("ZoneId", "cn-hangzhou-zz"));
        var tooBig = await api.Alice().CallAsync("DescribeInstanceStatus", InRegion, ("PageSize", "51"));

        // Assert
        Assert.True(all["TotalCount"].GetInt32() >= 2, all.ToString());
        var status = Assert.Single(one["InstanceStatuses"].GetProperty("InstanceStatus").EnumerateArray());
        Assert.Equal((instanceId, "Stopped"), (status.GetProperty("InstanceId").GetString(), status.GetProperty("Status").GetString()));
        Assert.Equal(0, otherZone["TotalCount"].GetInt32());
        Assert.Equal(("InvalidZoneId.NotFound", HttpStatusCode.NotFound), (unknownZone.Code, unknownZone.Status));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (tooBig.Code, tooBig.Status));
    }

    [Fact]
    public async Task DescribeInstanceAttribute_AnswersTheInstanceInItsNetwork_AndAnotherAccountsInstanceIsNotFound()
    {
        // Arrange
        var instanceId = await RunningInstanceAsync();

        // Act
        var attribute = await api.Alice().CallAsync("DescribeInstanceAttribute", ("InstanceId", instanceId));
        var listed = await api.Alice().CallAsync("DescribeInstances", InRegion, ("InstanceIds", $"[\"{instanceId}\"]"));
        var missing = await api.Alice().CallAsync("DescribeInstanceAttribute");
        var stranger = await api.As(DemoWorld.Carol).CallAsync("DescribeInstanceAttribute", ("InstanceId", instanceId));

        // Assert
        Assert.True(attribute.Status == HttpStatusCode.OK, attribute.ToString());
        var instance = listed["Instances"].GetProperty("Instance")[0];
        Assert.Equal(instance.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString(), attribute["VpcAttributes"].GetProperty("VSwitchId").GetString());
        Assert.Equal(instance.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId")[0].GetString(),
            attribute["SecurityGroupIds"].GetProperty("SecurityGroupId")[0].GetString());
        Assert.Equal(("Running", "optimized", Region), (attribute["Status"].GetString(), attribute["IoOptimized"].GetString(), attribute["RegionId"].GetString()));
        Assert.Equal(("MissingParameter", HttpStatusCode.BadRequest), (missing.Code, missing.Status));
        Assert.Equal(("InvalidInstanceId.NotFound", HttpStatusCode.NotFound), (stranger.Code, stranger.Status));
    }

    private Task CompleteTasksAsync() => api.App.Services.GetRequiredService<SimulationClockService>().CompleteTasksAsync();

    private async Task<string> NewInstanceAsync(bool stopped)
    {
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        var run = await api.Alice().CallAsync("RunInstances", InRegion, ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"), ("ImageId", PublicImage));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        var instanceId = run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
        await CompleteTasksAsync();
        if (stopped)
        {
            var stop = await api.Alice().CallAsync("StopInstance", ("InstanceId", instanceId));
            Assert.True(stop.Status == HttpStatusCode.OK, stop.ToString());
            await CompleteTasksAsync();
        }

        return instanceId;
    }

    private async Task<List<(string Action, string Id, string? ErrorCode)>> AuditAsync(params string[] instanceIds)
    {
        await using var db = await api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
        var entries = await db.AuditEntries
            .Where(e => e.ResourceId != null && instanceIds.Contains(e.ResourceId) && e.Action == "StartInstance").OrderBy(e => e.Id).ToListAsync();
        return [.. entries.Select(e => (e.Action, e.ResourceId!, e.ErrorCode))];
    }

    private async Task<string> StatusOfAsync(string instanceId)
    {
        var status = await api.Alice().CallAsync("DescribeInstanceStatus", InRegion, ("InstanceId.1", instanceId));
        return status["InstanceStatuses"].GetProperty("InstanceStatus")[0].GetProperty("Status").GetString()!;
    }

    private async Task<string> RunningInstanceAsync()
    {
        var listed = await api.Alice().CallAsync("DescribeInstances", InRegion, ("InstanceName", "web-1"));
        return listed["Instances"].GetProperty("Instance")[0].GetProperty("InstanceId").GetString()!;
    }
}
