using System.Net;
using System.Text.Json;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>Regions, zones, instance types, account attributes, snapshots, disks, instances and tasks over the ECS API.</summary>
public sealed class EcsApiResourceTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task DescribeZones_ListsTheRegionsZones_WithTheTypesSoldThere()
    {
        // Act
        var zones = await api.Alice().CallAsync("DescribeZones", ("RegionId", Region));
        var unknown = await api.Alice().CallAsync("DescribeZones", ("RegionId", "atlantis-1"));

        // Assert
        var zone = zones["Zones"].GetProperty("Zone").EnumerateArray().First(z => z.GetProperty("ZoneId").GetString() == "cn-hangzhou-h");
        Assert.Contains("ecs.g7.large", zone.GetProperty("AvailableInstanceTypes").GetProperty("InstanceTypes").EnumerateArray().Select(t => t.GetString()));
        var resources = zone.GetProperty("AvailableResources").GetProperty("ResourcesInfo")[0];
        Assert.Equal(JsonValueKind.Array, resources.GetProperty("SystemDiskCategories").GetProperty("supportedSystemDiskCategory").ValueKind);
        Assert.Equal("InvalidRegionId.NotFound", unknown.Code);
    }

    [Fact]
    public async Task DescribeInstanceTypes_FiltersByTypeAndArchitecture()
    {
        // Act
        var two = await api.Alice().CallAsync("DescribeInstanceTypes", ("InstanceTypes.1", "ecs.g7.large"), ("InstanceTypes.2", "ecs.g8y.large"));
        var arm = await api.Alice().CallAsync("DescribeInstanceTypes", ("CpuArchitectures.1", "ARM"));
        var bad = await api.Alice().CallAsync("DescribeInstanceTypes", ("CpuArchitecture", "MIPS"));

        // Assert
        var types = two["InstanceTypes"].GetProperty("InstanceType").EnumerateArray().ToList();
        Assert.Equal(2, types.Count);
        var g7 = types.Single(t => t.GetProperty("InstanceTypeId").GetString() == "ecs.g7.large");
        Assert.Equal(2, g7.GetProperty("CpuCoreCount").GetInt32());
        Assert.Equal(8, g7.GetProperty("MemorySize").GetDouble());
        Assert.Equal("X86", g7.GetProperty("CpuArchitecture").GetString());
        Assert.All(arm["InstanceTypes"].GetProperty("InstanceType").EnumerateArray(), t => Assert.Equal("ARM", t.GetProperty("CpuArchitecture").GetString()));
        Assert.Equal("InvalidParameter", bad.Code);
    }

    [Fact]
    public async Task DescribeAccountAttributes_ReportsTheVcpuQuota_AsStringValues()
    {
        // Act
        var response = await api.Alice().CallAsync("DescribeAccountAttributes", ("RegionId", Region), ("AttributeName.1", "max-postpaid-instance-vcpu-count"));

        // Assert
        var item = Assert.Single(response["AccountAttributeItems"].GetProperty("AccountAttributeItem").EnumerateArray());
        var value = item.GetProperty("AttributeValues").GetProperty("ValueItem")[0];
        Assert.Equal(JsonValueKind.String, value.GetProperty("Value").ValueKind);
        Assert.True(int.Parse(value.GetProperty("Value").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task DescribeDisks_ListsAcmesDisks_WithNumberSizes()
    {
        // Act
        var all = await api.Alice().CallAsync("DescribeDisks", ("RegionId", Region));
        var system = await api.Alice().CallAsync("DescribeDisks", ("RegionId", Region), ("DiskType", "system"));

        // Assert
        Assert.True(all["TotalCount"].GetInt32() >= 4);
        var disk = system["Disks"].GetProperty("Disk")[0];
        Assert.Equal("system", disk.GetProperty("Type").GetString());
        Assert.Equal(JsonValueKind.Number, disk.GetProperty("Size").ValueKind);
        Assert.Equal("In_use", disk.GetProperty("Status").GetString());
    }

    [Fact]
    public async Task CreateSnapshot_OfADisk_IsAccomplished_AndDeleteSnapshotRemovesIt()
    {
        // Arrange
        var alice = api.Alice();
        var disks = await alice.CallAsync("DescribeDisks", ("RegionId", Region), ("DiskType", "data"));
        var diskId = disks["Disks"].GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;

        // Act
        var created = await alice.CallAsync("CreateSnapshot", ("DiskId", diskId), ("SnapshotName", "api-snapshot-1"));
        var snapshotId = created["SnapshotId"].GetString()!;
        var snapshot = await WaitForSnapshotAsync(alice, snapshotId, "accomplished");
        var deleted = await alice.CallAsync("DeleteSnapshot", ("SnapshotId", snapshotId));
        var again = await alice.CallAsync("DeleteSnapshot", ("SnapshotId", snapshotId));

        // Assert
        Assert.StartsWith("s-", snapshotId, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, snapshot.GetProperty("SourceDiskSize").ValueKind);
        Assert.True(snapshot.GetProperty("Available").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("InvalidSnapshotId.NotFound", again.Code);
    }

    [Fact]
    public async Task DeleteSnapshot_OfAnImagesSnapshot_IsSnapshotCreatedImage()
    {
        // Arrange: the snapshots acme-base-v1 is made of
        var alice = api.Alice();
        var used = await alice.CallAsync("DescribeSnapshots", ("RegionId", Region), ("Usage", "image"));
        var snapshotId = used["Snapshots"].GetProperty("Snapshot")[0].GetProperty("SnapshotId").GetString()!;

        // Act
        var response = await alice.CallAsync("DeleteSnapshot", ("SnapshotId", snapshotId));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("SnapshotCreatedImage", response.Code);
    }

    [Theory]
    [InlineData("Status", "sleeping", 404, "InvalidStatus.NotFound")]
    [InlineData("SnapshotIds", "not-json", 403, "InvalidSnapshotIds.Malformed")]
    [InlineData("MaxResults", "500", 400, "InvalidParameter")]
    public async Task DescribeSnapshots_WithABadParameter_AnswersItsEcsCode(string name, string value, int status, string code)
    {
        // Act
        var response = await api.Alice().CallAsync("DescribeSnapshots", new Dictionary<string, string> { ["RegionId"] = Region, [name] = value });

        // Assert
        Assert.Equal((HttpStatusCode)status, response.Status);
        Assert.Equal(code, response.Code);
    }

    [Fact]
    public async Task DescribeSnapshots_PagesWithNextToken()
    {
        // Act
        var first = await api.Alice().CallAsync("DescribeSnapshots", ("RegionId", Region), ("MaxResults", "1"));
        var second = await api.Alice().CallAsync("DescribeSnapshots", ("RegionId", Region), ("MaxResults", "1"), ("NextToken", first["NextToken"].GetString()!));

        // Assert
        Assert.NotEqual(
            first["Snapshots"].GetProperty("Snapshot")[0].GetProperty("SnapshotId").GetString(),
            second["Snapshots"].GetProperty("Snapshot")[0].GetProperty("SnapshotId").GetString());
    }

    [Fact]
    public async Task DescribeInstances_ByJsonIds_ReportsCpuAndMemoryAsNumbers()
    {
        // Arrange
        var alice = api.Alice();
        var instanceId = await EcsApiImageTests.RunningInstanceAsync(alice);

        // Act
        var response = await alice.CallAsync("DescribeInstances", ("RegionId", Region), ("InstanceIds", $"[\"{instanceId}\"]"));

        // Assert
        var instance = Assert.Single(response["Instances"].GetProperty("Instance").EnumerateArray());
        Assert.Equal(JsonValueKind.Number, instance.GetProperty("Cpu").ValueKind);
        Assert.Equal(8192, instance.GetProperty("Memory").GetInt32());
        Assert.Equal("ecs.g7", instance.GetProperty("InstanceTypeFamily").GetString());
    }

    [Fact]
    public async Task RunInstances_StopInstance_ReplaceSystemDisk_StartInstance_AndDeleteInstance()
    {
        // Arrange
        var alice = api.Alice();

        // Act: launch one from a public image
        var run = await alice.CallAsync("RunInstances", ("RegionId", Region), ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"), ("InstanceName", "api-run-1"), ("SystemDisk.Category", "cloud_essd"));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        var instanceId = run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
        await WaitForInstanceAsync(alice, instanceId, "Running");
        var stop = await alice.CallAsync("StopInstance", ("InstanceId", instanceId));
        await WaitForInstanceAsync(alice, instanceId, "Stopped");
        var replaced = await alice.CallAsync("ReplaceSystemDisk", ("InstanceId", instanceId), ("ImageId", "ubuntu_22_04_x64_20G_alibase_20240130.vhd"));
        await WaitForInstanceAsync(alice, instanceId, "Running");
        var stopAgain = await alice.CallAsync("StopInstance", ("InstanceId", instanceId));
        await WaitForInstanceAsync(alice, instanceId, "Stopped");
        var start = await alice.CallAsync("StartInstance", ("InstanceId", instanceId));
        await WaitForInstanceAsync(alice, instanceId, "Running");
        var deleted = await alice.CallAsync("DeleteInstance", ("InstanceId", instanceId), ("Force", "true"));
        var gone = await alice.CallAsync("DeleteInstance", ("InstanceId", instanceId));

        // Assert
        Assert.Equal(HttpStatusCode.OK, stop.Status);
        Assert.True(replaced.Status == HttpStatusCode.OK, replaced.ToString());
        Assert.StartsWith("d-", replaced["DiskId"].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stopAgain.Status);
        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.True(deleted.Status == HttpStatusCode.OK, deleted.ToString());
        Assert.Equal("InvalidInstanceId.NotFound", gone.Code);
    }

    [Fact]
    public async Task RunInstances_WithAnIncompatibleImage_AnswersTheCompatibilityCode_AndWithoutImage_MissingParameter()
    {
        // Act: an arm64 image on an x86 type; no image at all
        var arm = await api.Alice().CallAsync("RunInstances", ("RegionId", Region), ("InstanceType", "ecs.g7.large"), ("ImageId", "aliyun_3_arm64_20G_alibase_20250101.vhd"));
        var none = await api.Alice().CallAsync("RunInstances", ("RegionId", Region), ("InstanceType", "ecs.g7.large"));

        // Assert
        Assert.True((int)arm.Status is 400 or 403, arm.ToString());
        Assert.NotNull(arm.Code);
        Assert.Equal("MissingParameter", none.Code);
    }

    [Fact]
    public async Task StartInstance_OnARunningInstance_IsIncorrectInstanceStatus()
    {
        // Arrange
        var instanceId = await EcsApiImageTests.RunningInstanceAsync(api.Alice());

        // Act
        var response = await api.Alice().CallAsync("StartInstance", ("InstanceId", instanceId));

        // Assert
        Assert.Equal("IncorrectInstanceStatus", response.Code);
    }

    [Fact]
    public async Task DescribeTaskAttribute_AndCancelTask_OnAnUnknownTask_AreInvalidTaskIdNotFound()
    {
        // Act
        var attribute = await api.Alice().CallAsync("DescribeTaskAttribute", ("RegionId", Region), ("TaskId", "t-nosuchtask"));
        var cancel = await api.Alice().CallAsync("CancelTask", ("RegionId", Region), ("TaskId", "t-nosuchtask"));
        var list = await api.Alice().CallAsync("DescribeTasks", ("RegionId", Region), ("PageSize", "100"));

        // Assert
        Assert.Equal("InvalidTaskId.NotFound", attribute.Code);
        Assert.Equal("InvalidTaskId.NotFound", cancel.Code);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(JsonValueKind.Array, list["TaskSet"].GetProperty("Task").ValueKind);
    }

    private static async Task<JsonElement> WaitForSnapshotAsync(EcsTestClient client, string snapshotId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.CallAsync("DescribeSnapshots", ("RegionId", Region), ("SnapshotIds", $"[\"{snapshotId}\"]"));
            var snapshots = response["Snapshots"].GetProperty("Snapshot");
            if (snapshots.GetArrayLength() == 1 && snapshots[0].GetProperty("Status").GetString() == status)
            {
                return snapshots[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"{snapshotId} did not become {status}: {response}");
            await Task.Delay(200);
        }
    }

    private static async Task WaitForInstanceAsync(EcsTestClient client, string instanceId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.CallAsync("DescribeInstances", ("RegionId", Region), ("InstanceIds", $"[\"{instanceId}\"]"));
            var instances = response["Instances"].GetProperty("Instance");
            if (instances.GetArrayLength() == 1 && instances[0].GetProperty("Status").GetString() == status)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{instanceId} did not become {status}: {response}");
            await Task.Delay(200);
        }
    }
}
