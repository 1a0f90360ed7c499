using EcsConsole.Domain.Snapshots;
using EcsConsole.Web.Api;
using EcsConsole.Web.Api.Calls;

namespace EcsConsole.Tests.Api.Calls;

/// <summary>The policies page's "Equivalent API call" binds back, through the action's own binding, into the request the page sent (ADR-014).</summary>
public sealed class AutoSnapshotPolicyCallsRoundTripTests
{
    [Theory]
    [InlineData(30)]
    [InlineData(-1)]
    public void CreateAutoSnapshotPolicy_BindsBackToTheSameRequest(int retentionDays)
    {
        // Arrange
        var request = new CreateAutoSnapshotPolicyRequest("cn-hangzhou", "nightly", [2, 14], [1, 3, 5], retentionDays);

        // Act
        var parameters = new ApiParameters(AutoSnapshotPolicyCalls.Create(request).ToWire());
        var bound = AutoSnapshotPolicyActions.BindCreate(parameters);

        // Assert
        Assert.Null(parameters.Error);
        Assert.Equal(("cn-hangzhou", "nightly", "2,14", "1,3,5", retentionDays),
            (parameters.Values["regionId"], bound.Name, string.Join(',', bound.Hours), string.Join(',', bound.Weekdays), bound.RetentionDays));
    }
}
