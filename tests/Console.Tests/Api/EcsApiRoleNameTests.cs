using System.Net;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// ExportImage's and ImportImage's <c>RoleName</c> (EXP-02/09, IMP-06): every account has authorised ECS with the default
/// role; any other role authorises nothing and is <c>NoSetRoletoECSServiceAcount</c> / 403.
/// </summary>
public sealed class EcsApiRoleNameTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    private async Task<EcsResponse> ExportAsync(string roleName) =>
        await api.Alice().CallAsync("ExportImage", ("RegionId", Region), ("ImageId", await new SeededWorldCalls(api).NewImageAsync(Guid.NewGuid().ToString("N")[..8])),
            ("OSSBucket", "acme-images-hangzhou"), ("OSSPrefix", "role" + Guid.NewGuid().ToString("N")[..6]), ("RoleName", roleName));

    private Task<EcsResponse> ImportAsync(string roleName) =>
        api.Alice().CallAsync("ImportImage", ("RegionId", Region), ("ImageName", "role-" + Guid.NewGuid().ToString("N")[..8]),
            ("DiskDeviceMapping.1.OSSBucket", "acme-images-hangzhou"), ("DiskDeviceMapping.1.OSSObject", "imports/web-base.qcow2"), ("Platform", "Aliyun"),
            ("RoleName", roleName));

    [Fact]
    public async Task ExportImage_WithTheDefaultRole_Starts_AndWithAnotherRole_IsNoSetRoletoECSServiceAcount_403()
    {
        // Act
        var withDefault = await ExportAsync("AliyunECSImageExportDefaultRole");
        var withOther = await ExportAsync("MyExportRole");

        // Assert
        Assert.True(withDefault.Status == HttpStatusCode.OK, withDefault.ToString());
        Assert.Equal((HttpStatusCode.Forbidden, "NoSetRoletoECSServiceAcount"), (withOther.Status, withOther.Code));
    }

    [Fact]
    public async Task ImportImage_WithTheDefaultRole_Starts_AndWithAnotherRole_IsNoSetRoletoECSServiceAcount_403()
    {
        // Act
        var withDefault = await ImportAsync("AliyunECSImageImportDefaultRole");
        var withOther = await ImportAsync("AliyunECSImageExportDefaultRole");

        // Assert
        Assert.True(withDefault.Status == HttpStatusCode.OK, withDefault.ToString());
        Assert.Equal((HttpStatusCode.Forbidden, "NoSetRoletoECSServiceAcount"), (withOther.Status, withOther.Code));
    }
}
