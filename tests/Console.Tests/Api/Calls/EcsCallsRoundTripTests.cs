using System.Net;
using System.Text.Json;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Storage;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api;
using EcsConsole.Web.Api.Calls;

namespace EcsConsole.Tests.Api.Calls;

/// <summary>
/// What the "Equivalent API call" panel shows is what the API binds back into the same request (ADR-014): the panel's
/// parameters go through the action's own binding (or, where the binding reads inside its handler, through the API),
/// and the request that comes out is the one the dialog sent.
/// </summary>
public sealed class EcsCallsRoundTripTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public void CreateImage_FromSnapshots_BindsBackToTheSameRequest()
    {
        // Arrange
        var request = new CreateImageRequest
        {
            RegionId = Region,
            SystemSnapshotId = "s-system",
            DataDisks = [new DataDiskSpec("s-data-1"), new DataDiskSpec("s-data-2", 80)],
            Name = "it's \"quoted\"",
            Description = "two words",
            Family = "fam",
            Tags = [("env", "prod"), ("empty", "")],
        };

        // Act
        var bound = Bind(EcsCalls.CreateImage(request), ImageActions.BindCreateImage, out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(Json(request with { RegionId = "" }), Json(bound));
    }

    [Fact]
    public void CreateImage_FromAnInstance_BindsBackToTheSameRequest()
    {
        // Arrange
        var request = new CreateImageRequest { RegionId = Region, InstanceId = "i-web", Name = "from-web", Tags = [("k", "v")] };

        // Act
        var bound = Bind(EcsCalls.CreateImage(request), ImageActions.BindCreateImage, out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(Json(request with { RegionId = "" }), Json(bound));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ImageStatus.Deprecated)]
    [InlineData(ImageStatus.Available)]
    public void ModifyImageAttribute_EditDeprecateAndRestore_BindBackToTheSameChange(ImageStatus? status)
    {
        // Arrange
        var request = status is null ? new ModifyImageRequest("new name", "new description", "fam", BootMode.UefiPreferred) : new ModifyImageRequest();

        // Act
        var bound = Bind(EcsCalls.ModifyImageAttribute(Region, "m-1", request, status), ImageActions.BindModifyImageAttribute, out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(("m-1", request, status), bound);
    }

    [Fact]
    public void ImportImage_WithDataDisks_BindsBackToTheSameRequest()
    {
        // Arrange
        var request = new ImportImageRequest
        {
            RegionId = Region,
            OssBucket = "bucket",
            OssObject = "system.qcow2",
            Name = "imported",
            Description = "d",
            OsType = OsType.Windows,
            Platform = "Windows Server 2022",
            Architecture = ImageArchitecture.Arm64,
            BootMode = BootMode.Uefi,
            LicenseType = "BYOL",
            SystemDiskSizeGiB = 50,
            Format = "QCOW2",
            DataDisks = [new ImportDataDisk("data-1.raw"), new ImportDataDisk("data-2.raw", 100, "other-bucket")],
        };

        // Act
        var bound = Bind(EcsCalls.ImportImage(request), ImportExportActions.BindImportImage, out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(Json(request with { RegionId = "" }), Json(bound));
    }

    [Fact]
    public void RunInstances_ASubscriptionOrderWithDataDisks_BindsBackToTheSameOrder()
    {
        // Arrange
        var request = new RunInstancesRequest
        {
            RegionId = Region,
            ZoneId = "cn-hangzhou-h",
            InstanceTypeId = "ecs.g7.large",
            ImageId = "m-1",
            ChargeType = InstanceChargeType.PrePaid,
            PeriodMonths = 3,
            SystemDiskCategory = "cloud_auto",
            SystemDiskSizeGiB = 60,
            DataDisks = [new DiskSpec("cloud_essd", 100), new DiskSpec("cloud_efficiency", 40, "s-1")],
            Amount = 2,
            InstanceName = "web",
            Password = "Pa$$w0rd'!",
        };

        // Act
        var bound = Bind(EcsCalls.RunInstances(request), InstanceActions.BindRunInstances, out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(
            (request.InstanceTypeId, request.ImageId, request.Amount, request.SystemDiskSizeGiB, request.PeriodMonths, request.ChargeType, Json(request.DataDisks)),
            (bound.Type, bound.ImageId, bound.Amount, bound.SystemSize, bound.Period, bound.ChargeType, Json(bound.DataDisks)));
        var wire = EcsCalls.RunInstances(request).ToWire();
        Assert.Equal((request.ZoneId, request.SystemDiskCategory, request.InstanceName, request.Password),
            (wire["ZoneId"], wire["SystemDisk.Category"], wire["InstanceName"], wire["Password"]));
    }

    [Fact]
    public void CreateImagePipeline_WithImageOptionsAndAccounts_BindsBackToTheSameTemplate()
    {
        // Arrange
        var request = new CreateImagePipelineRequest
        {
            RegionId = Region,
            Name = "nightly",
            Description = "builds 'nightly'",
            BaseImageType = "IMAGE",
            BaseImage = "m-1",
            BuildContent = "RUN echo \"hi\"\nRUN yum -y update",
            InstanceType = "ecs.g7.large",
            SystemDiskSize = 40,
            DeleteInstanceOnFailure = false,
            RepairMode = "Standard",
            ImageName = "nightly",
            ImageNameSuffix = "disable",
            ImageFamily = "nightly-fam",
            ImageDescription = "built",
            ToRegionIds = ["cn-shanghai", "cn-beijing"],
            AddAccounts = [DemoWorld.GlobexAccountId],
            Tags = [new BuilderTag("made-by", "panel")],
        };

        // Act
        var bound = Bind(EcsCalls.CreateImagePipeline(request), ImageBuilderActions.BindCreateImagePipeline, out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(Json(request with { RegionId = "" }), Json(bound));
    }

    [Fact]
    public async Task CreateImageComponent_ThroughTheApi_MakesTheComponentTheDialogAsksFor()
    {
        // Arrange
        var alice = api.Alice();
        var call = EcsCalls.CreateImageComponent(new CreateImageComponentRequest
        {
            RegionId = Region, Name = "panel-component", ComponentVersion = "1.0.0", SystemType = "Linux", ComponentType = "Build",
            Content = "RUN echo 'it works'", Description = "from the panel",
        });

        // Act
        var created = await alice.CallAsync(call.Action, call.ToWire());
        var described = await alice.CallAsync("DescribeImageComponents", ("RegionId", Region), ("ImageComponentId.1", created["ImageComponentId"].GetString()!));

        // Assert
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var component = described["ImageComponent"].GetProperty("ImageComponentSet")[0];
        Assert.Equal(("panel-component", "RUN echo 'it works'", "from the panel"),
            (component.GetProperty("Name").GetString(), component.GetProperty("Content").GetString(), component.GetProperty("Description").GetString()));
    }

    [Fact]
    public async Task CopyImage_ThroughTheApi_MakesTheCopyTheDialogAsksFor()
    {
        // Arrange
        var alice = api.Alice();
        var source = await AcmeBaseAsync(alice);
        var call = EcsCalls.CopyImage(new CopyImageRequest(Region, source, "cn-shanghai", "copy-of-base", "it's a \"copy\" $(not run)", Encrypted: true));

        // Act
        var copied = await alice.CallAsync(call.Action, call.ToWire());
        var copy = await alice.CallAsync("DescribeImages", ("RegionId", "cn-shanghai"), ("ImageId", copied["ImageId"].GetString()!), ("Status", "ALL"));

        // Assert
        Assert.True(copied.Status == HttpStatusCode.OK, copied.ToString());
        var image = copy["Images"].GetProperty("Image")[0];
        Assert.Equal(("copy-of-base", "it's a \"copy\" $(not run)"), (image.GetProperty("ImageName").GetString(), image.GetProperty("Description").GetString()));
    }

    [Fact]
    public async Task ModifyImageSharePermission_ThroughTheApi_SharesWithTheAccountTheDialogAdds()
    {
        // Arrange
        var alice = api.Alice();
        var image = await AcmeBaseAsync(alice);
        var call = EcsCalls.ModifyImageSharePermission(Region, image, new ModifySharePermissionRequest(AddAccounts: [DemoWorld.InitechAccountId]));

        // Act
        var shared = await alice.CallAsync(call.Action, call.ToWire());
        var permission = await alice.CallAsync("DescribeImageSharePermission", ("RegionId", Region), ("ImageId", image));

        // Assert
        Assert.True(shared.Status == HttpStatusCode.OK, shared.ToString());
        Assert.Contains(permission["Accounts"].GetProperty("Account").EnumerateArray(), a => a.GetProperty("AliyunId").GetString() == DemoWorld.InitechAccountId);
    }

    [Fact]
    public async Task ExportImage_ThroughTheApi_StartsTheExportTheDialogAsksFor()
    {
        // Arrange
        var alice = api.Alice();
        var call = EcsCalls.ExportImage(new ExportImageRequest(Region, await AcmeBaseAsync(alice), "acme-images-hangzhou", "panel", "raw"));

        // Act
        var exported = await alice.CallAsync(call.Action, call.ToWire());

        // Assert
        Assert.True(exported.Status == HttpStatusCode.OK, exported.ToString());
        Assert.StartsWith("t-", exported["TaskId"].GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> AcmeBaseAsync(EcsTestClient alice)
    {
        var found = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"));
        return found["Images"].GetProperty("Image")[0].GetProperty("ImageId").GetString()!;
    }

    private static T Bind<T>(EcsCall call, Func<ApiParameters, T> bind, out string? error)
    {
        var parameters = new ApiParameters(call.ToWire());
        var bound = bind(parameters);
        error = parameters.Error?.Code;
        return bound;
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { IncludeFields = true });
}
