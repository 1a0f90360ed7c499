namespace EcsConsole.Domain.Images;

/// <summary>
/// ModifyImageAttribute on a custom image (UI-MOD-01). Every field is optional: null or empty keeps the current
/// value (VAL-NAME-05, VAL-DESC-01), so a description cannot be cleared and a family, once set, can be changed but
/// never removed (FAM-10).
/// </summary>
/// <param name="Name">New image name (VAL-NAME-01..07).</param>
/// <param name="Description">New description (VAL-DESC-01).</param>
/// <param name="Family">New image family (VAL-FAM-01/02, FAM-11).</param>
/// <param name="BootMode">New boot mode; refused for an image instances run from (UI-MOD-01).</param>
/// <param name="NvmeSupport">Whether the image has the NVMe driver (<c>Features.NvmeSupport</c>: supported/unsupported).</param>
/// <param name="ImdsSupport">Metadata access (<c>Features.ImdsSupport</c>): v1 may become v2, never back (UI-MOD-01).</param>
/// <param name="LicenseType">Only <c>BYOL</c> may be set (UI-MOD-01).</param>
public sealed record ModifyImageRequest(string? Name = null, string? Description = null, string? Family = null, BootMode? BootMode = null,
    bool? NvmeSupport = null, string? ImdsSupport = null, string? LicenseType = null);
