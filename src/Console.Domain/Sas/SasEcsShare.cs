using EcsConsole.Domain.Images;
using EcsConsole.Domain.Sharing;

namespace EcsConsole.Domain.Sas;

/// <summary>
/// How a SAS custom image shared to ECS exists in ECS (SAS-06/07; ADR-003). Sharing writes a real ECS
/// <see cref="Image"/> row in the same region under the same <c>m-</c> ID — <see cref="ImageKind.Custom"/>,
/// <see cref="ImageSource.Sas"/>, with <b>no owner account</b> — plus an <see cref="ImageShare"/> to the SAS image's
/// account. Every ECS rule then treats it as a shared image without a line of SAS code: the Shared Images tab and
/// <c>ImageVisibility</c> show it to the account (through the share), the buy page and replace-system-disk can use it,
/// and <c>Access.OwnedImageForWriteAsync</c> refuses to modify, delete or share it (<c>Forbidden</c>: nobody owns it);
/// a same-region ECS copy makes it the account's own (SAS-08). Unsharing drops the share (invisible at once) and marks
/// the row <c>UnAvailable</c>, so instances launched from it keep their image reference; sharing again reactivates the
/// row. Deleting or releasing the SAS image removes the row.
/// </summary>
internal static class SasEcsShare
{
    public static async Task ShareAsync(ConsoleDbContext db, SasImage sas, DateTimeOffset now, CancellationToken ct)
    {
        var image = await db.Images.FirstOrDefaultAsync(i => i.RegionId == sas.RegionId && i.Id == sas.Id, ct);
        if (image is null)
        {
            db.Images.Add(ToEcs(sas));
        }
        else
        {
            image.MarkAvailable();
        }

        if (!await db.ImageShares.AnyAsync(s => s.RegionId == sas.RegionId && s.ImageId == sas.Id && s.AccountId == sas.AccountId, ct))
        {
            db.ImageShares.Add(new ImageShare { ImageId = sas.Id, RegionId = sas.RegionId, AccountId = sas.AccountId, SharedAt = now });
        }

        sas.SetSharedToEcs(true);
    }

    public static async Task UnshareAsync(ConsoleDbContext db, SasImage sas, CancellationToken ct)
    {
        db.ImageShares.RemoveRange(await db.ImageShares.Where(s => s.RegionId == sas.RegionId && s.ImageId == sas.Id).ToListAsync(ct));
        var image = await db.Images.FirstOrDefaultAsync(i => i.RegionId == sas.RegionId && i.Id == sas.Id && i.Source == ImageSource.Sas, ct);
        image?.MarkUnavailable();
        sas.SetSharedToEcs(false);
    }

    /// <summary>The SAS image is gone (deleted, released): so is its ECS side.</summary>
    public static async Task RemoveAsync(ConsoleDbContext db, SasImage sas, CancellationToken ct)
    {
        db.ImageShares.RemoveRange(await db.ImageShares.Where(s => s.RegionId == sas.RegionId && s.ImageId == sas.Id).ToListAsync(ct));
        var image = await db.Images.FirstOrDefaultAsync(i => i.RegionId == sas.RegionId && i.Id == sas.Id && i.Source == ImageSource.Sas, ct);
        if (image is not null)
        {
            db.Images.Remove(image);
        }
    }

    /// <summary>The ECS view of a SAS image: its OS, architecture, boot mode and NVMe support drive ECS compatibility.</summary>
    private static Image ToEcs(SasImage sas)
    {
        var mappings = new List<ImageDiskMapping>
        {
            new() { Type = DiskMappingType.System, Device = "/dev/xvda", SnapshotId = sas.SystemSnapshotId, SizeGiB = sas.SizeGiB },
        };
        if (sas is { DataSnapshotId: { } data, DataDiskSizeGiB: { } dataSize })
        {
            mappings.Add(new ImageDiskMapping { Type = DiskMappingType.Data, Device = "/dev/xvdb", SnapshotId = data, SizeGiB = dataSize });
        }

        return new Image
        {
            Id = sas.Id,
            RegionId = sas.RegionId,
            Kind = ImageKind.Custom,
            OwnerAccountId = null,
            Name = sas.Name,
            Description = sas.Description ?? "Shared from Simple Application Server",
            OsName = sas.OsName,
            OsType = sas.OsType,
            Platform = sas.Platform,
            Architecture = sas.Architecture,
            SizeGiB = sas.SizeGiB,
            BootMode = sas.BootMode,
            NvmeSupport = sas.NvmeSupport,
            IsSupportCloudinit = sas.OsType == OsType.Linux,
            CreationTime = sas.CreationTime,
            Source = ImageSource.Sas,
            SupplierName = "Simple Application Server",
            DiskMappings = mappings,
        };
    }
}
