using System.Text.Json;
using EcsConsole.Domain.Instances;
using EcsConsole.Web.Api;
using EcsConsole.Web.Api.Calls;

namespace EcsConsole.Tests.Api.Calls;

/// <summary>The disks page's "Equivalent API call" binds back, through the action's own binding, into the request the page sent (ADR-014).</summary>
public sealed class DiskCallsRoundTripTests
{
    [Fact]
    public void CreateDisk_BindsBackToTheSameRequest()
    {
        // Arrange
        var request = new CreateDiskRequest
        {
            RegionId = "cn-hangzhou", ZoneId = "cn-hangzhou-h", Category = "cloud_essd", SizeGiB = 40, Name = "data-1", Description = "two words",
            Encrypted = true, PerformanceLevel = "PL2", ResourceGroupId = "rg-test",
        };

        // Act
        var bound = Bind(DiskCalls.CreateDisk(request), DiskActions.BindCreateDisk, out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(Json(request with { RegionId = "" }), Json(bound));
    }

    [Fact]
    public void AttachDisk_BindsBackToTheSameRequest()
    {
        // Arrange
        var request = new AttachDiskRequest("d-data", "i-web") { DeleteWithInstance = true, Device = "/dev/xvdc" };

        // Act
        var bound = Bind(DiskCalls.AttachDisk(request), DiskActions.BindAttachDisk, out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(Json(request), Json(bound));
    }

    private static T Bind<T>(EcsCall call, Func<ApiParameters, T> bind, out string? error)
    {
        var parameters = new ApiParameters(call.ToWire());
        var bound = bind(parameters);
        error = parameters.Error?.Code;
        return bound;
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value);
}
