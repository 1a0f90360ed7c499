using System.Net;
using System.Text.Json;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>DescribeDisks' and DescribeSnapshots' filters (#21 part 1): each keeps exactly the rows whose answered value it names.</summary>
public sealed class EcsApiDiskSnapshotFilterTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    private async Task<List<JsonElement>> ListAsync(string action, string wrapper, string item, params (string, string)[] filter)
    {
        var answer = await api.Alice().CallAsync(action, [("RegionId", Region), ("PageSize", "100"), .. filter]);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Empty(answer.Ignored);
        return [.. answer[wrapper].GetProperty(item).EnumerateArray()];
    }

    private Task<List<JsonElement>> DisksAsync(params (string, string)[] filter) => ListAsync("DescribeDisks", "Disks", "Disk", filter);

    private Task<List<JsonElement>> SnapshotsAsync(params (string, string)[] filter) => ListAsync("DescribeSnapshots", "Snapshots", "Snapshot", filter);

    [Fact]
    public async Task DescribeDisks_ByStatusAndPortability_KeepsTheMatchingDisks()
    {
        // Act
        var all = await DisksAsync();
        var inUse = await DisksAsync(("Status", "In_use"));
        var systemDisks = await DisksAsync(("Portable", "false"));

        // Assert
        Assert.NotEmpty(inUse);
        Assert.Equal(all.Count(d => d.GetProperty("Status").GetString() == "In_use"), inUse.Count);
        Assert.All(inUse, d => Assert.NotEqual("", d.GetProperty("InstanceId").GetString()));
        Assert.NotEmpty(systemDisks);
        Assert.All(systemDisks, d => Assert.Equal("system", d.GetProperty("Type").GetString()));
    }

    [Theory]
    [InlineData("EnableShared", "true")]
    [InlineData("MultiAttach", "Enabled")]
    [InlineData("DiskChargeType", "PrePaid")]
    [InlineData("LockReason", "security")]
    [InlineData("Tag.1.Key", "team")]
    public async Task DescribeDisks_AskingForWhatNoDiskHasHere_KeepsNone(string name, string value)
    {
        // Act
        var disks = await DisksAsync((name, value));

        // Assert
        Assert.Empty(disks);
    }

    [Fact]
    public async Task DescribeSnapshots_ByLinkEncryptionAndCategory_KeepsTheMatchingSnapshots()
    {
        // Arrange
        var all = await SnapshotsAsync();
        var link = all[0].GetProperty("SnapshotLinkId").GetString()!;

        // Act
        var linked = await SnapshotsAsync(("SnapshotLinkId", link));
        var encrypted = await SnapshotsAsync(("Encrypted", "true"));
        var flash = await SnapshotsAsync(("Category", "flash"));

        // Assert
        Assert.Equal(all.Count(s => s.GetProperty("SnapshotLinkId").GetString() == link), linked.Count);
        Assert.All(encrypted, s => Assert.True(s.GetProperty("Encrypted").GetBoolean()));
        Assert.Equal(all.Count(s => s.GetProperty("Encrypted").GetBoolean()), encrypted.Count);
        Assert.Empty(flash);
    }

    [Theory]
    [InlineData("DescribeDisks", "Encrypted", "maybe", "InvalidParameter")]
    [InlineData("DescribeSnapshots", "Encrypted", "maybe", "InvalidParameter")]
    [InlineData("DescribeInstances", "IoOptimized", "maybe", "InvalidParameter")]
    [InlineData("DescribeDisks", "Tag.1.Value", "orphan", "InvalidTag.Mismatch")]
    [InlineData("DescribeInstances", "Tag.1.Value", "orphan", "InvalidTag.Mismatch")]
    public async Task AFilterReadBadly_IsRefusedWithItsCode_NotIgnored(string action, string name, string value, string code)
    {
        // Act
        var answer = await api.Alice().CallAsync(action, ("RegionId", Region), (name, value));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, code), (answer.Status, answer.Code));
    }
}
