using System.Text.Json;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Web.Api;
using EcsConsole.Web.Api.Calls;

namespace EcsConsole.Tests.Api.Calls;

/// <summary>The snapshots page's Edit and Copy "Equivalent API call" binds back, through the action's own binding, into the request the page sent (ADR-014).</summary>
public sealed class SnapshotCallsRoundTripTests
{
    [Fact]
    public void CopySnapshot_BindsBackToTheSameRequest()
    {
        // Arrange
        var request = new CopySnapshotRequest("cn-hangzhou", "s-source", "cn-beijing", "copied-1", "two words", Encrypted: true) { RetentionDays = 30 };

        // Act
        var parameters = new ApiParameters(SnapshotCalls.CopySnapshot(request).ToWire());
        var bound = SnapshotActions.BindCopy(parameters);

        // Assert
        Assert.Null(parameters.Error);
        Assert.Equal(Json(request with { RegionId = "" }), Json(bound));
    }

    [Fact]
    public void ModifySnapshotAttribute_BindsBackToTheSameRequest()
    {
        // Arrange
        var request = new ModifySnapshotRequest("cn-hangzhou", "s-edited", "renamed-1", null) { RetentionDays = 7 };

        // Act
        var parameters = new ApiParameters(SnapshotCalls.ModifySnapshotAttribute(request).ToWire());
        var bound = SnapshotActions.BindModify(parameters);

        // Assert
        Assert.Null(parameters.Error);
        Assert.Equal(Json(request with { RegionId = "" }), Json(bound));
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value);
}
