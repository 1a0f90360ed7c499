using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Storage;

namespace EcsConsole.Web.Api;

/// <summary>ExportImage and ImportImage (ecs-openapi §2.10–2.11) between images and the simulated OSS.</summary>
internal static class ImportExportActions
{
    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("ExportImage", p => (ImageId: p.Required("ImageId"), Bucket: p.Required("OSSBucket")), async (call, region, a) =>
            (await call.Service<ExportImageService>().ExportAsync(call.Actor,
                new ExportImageRequest(region.Id, a.ImageId, a.Bucket, call.P.Get("OSSPrefix"), call.P.Get("ImageFormat") ?? "raw") { RoleName = call.P.Get("RoleName") }, call.Ct))
                .Reply(exported => new { call.RequestId, RegionId = region.Id, exported.TaskId }),
            changing: true),
        EcsAction.InRegion("ImportImage", BindImportImage, async (call, region, request) =>
            (await call.Service<ImportImageService>().ImportAsync(call.Actor, request with { RegionId = region.Id }, call.Ct))
                .Reply(imported => new { call.RequestId, RegionId = region.Id, imported.ImageId, imported.TaskId }),
            changing: true).WithClientToken(),
    ];

    /// <summary>The first <c>DiskDeviceMapping</c> is the system disk's file, the others data disks'.</summary>
    internal static ImportImageRequest BindImportImage(ApiParameters p)
    {
        var disks = p.Objects("DiskDeviceMapping");
        var system = disks.Count > 0 ? disks[0] : new Dictionary<string, string>();
        var bucket = system.GetValueOrDefault("OSSBucket");
        var file = system.GetValueOrDefault("OSSObject");
        if (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(file))
        {
            p.Fail(CommonErrors.MissingParameter(string.IsNullOrEmpty(bucket) ? "DiskDeviceMapping.1.OSSBucket" : "DiskDeviceMapping.1.OSSObject"));
        }

        var architecture = p.Word("Architecture", ImageWords.ParseArchitecture, "InvalidArchitecture.Malformed", 400);
        var osType = p.Word("OSType", ImageWords.ParseOsType, "InvalidOSType.Malformed", 400);
        var bootMode = p.Word("BootMode", ImageWords.ParseBootMode, "InvalidBootMode.Malformed", 400);
        var systemSize = DiskSize(p, system);
        var dataDisks = disks.Skip(1).Select(d => new ImportDataDisk(d.GetValueOrDefault("OSSObject") ?? "", DiskSize(p, d), d.GetValueOrDefault("OSSBucket"))).ToList();
        var request = new ImportImageRequest
        {
            RegionId = "",
            OssBucket = bucket ?? "",
            OssObject = file ?? "",
            Name = p.Get("ImageName"),
            Description = p.Get("Description"),
            Platform = p.Get("Platform") ?? "Others Linux",
            LicenseType = p.Get("LicenseType") ?? "Auto",
            ResourceGroupId = p.Get("ResourceGroupId"),
            RoleName = p.Get("RoleName"),
            Format = system.GetValueOrDefault("Format") is { Length: > 0 } format ? format : null,
            SystemDiskSizeGiB = systemSize,
            DataDisks = dataDisks,
            BootMode = bootMode, // null: the service's default for the architecture (IMP-10)
            NvmeSupport = p.Get("Features.NvmeSupport") switch
            {
                null or "unsupported" => false,
                "supported" => true,
                var other => p.Invalid<bool>(CommonErrors.InvalidParameter("Features.NvmeSupport", $"\"{other}\" must be supported or unsupported.")),
            },
            ImdsSupport = p.Get("Features.ImdsSupport") ?? "v1",
            ImageCheck = ImageActions.ImageCheck(p),
            Tags = p.Tags(),
        };
        return request with { Architecture = architecture ?? request.Architecture, OsType = osType ?? request.OsType };
    }

    private static int? DiskSize(ApiParameters p, IReadOnlyDictionary<string, string> disk)
    {
        var text = disk.GetValueOrDefault("DiskImageSize") ?? disk.GetValueOrDefault("DiskImSize");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var gib))
        {
            return gib;
        }

        p.Fail(ApiErrors.Invalid("InvalidImageSize", 400, "DiskImageSize must be a number of GiB."));
        return null;
    }
}
