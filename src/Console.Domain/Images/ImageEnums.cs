namespace EcsConsole.Domain.Images;

/// <summary>Image status, spelled as ECS spells it (domain-rules §1.3).</summary>
public enum ImageStatus
{
    Creating,
    Waiting,
    Available,
    UnAvailable,
    CreateFailed,
    Deprecated,
}

/// <summary>CPU architecture: ECS words <c>i386</c>, <c>x86_64</c>, <c>arm64</c>.</summary>
public enum ImageArchitecture
{
    I386,
    X86_64,
    Arm64,
}

/// <summary>OS type: ECS words <c>linux</c>, <c>windows</c>.</summary>
public enum OsType
{
    Linux,
    Windows,
}

/// <summary>Boot mode: ECS words <c>BIOS</c>, <c>UEFI</c>, <c>UEFI-Preferred</c>.</summary>
public enum BootMode
{
    Bios,
    Uefi,
    UefiPreferred,
}

/// <summary>
/// Who publishes the image. Community images are <see cref="Custom"/> images with <see cref="Image.IsPublic"/> set;
/// shared images are <see cref="Custom"/> images of another account with an <c>ImageShare</c> to the viewer.
/// </summary>
public enum ImageKind
{
    /// <summary>Published by the platform in every region (ImageOwnerAlias <c>system</c>).</summary>
    Public,

    /// <summary>Made by an account (ImageOwnerAlias <c>self</c> for the owner, <c>others</c> for everyone else).</summary>
    Custom,

    /// <summary>A Marketplace product's image (ImageOwnerAlias <c>marketplace</c>).</summary>
    Marketplace,
}

/// <summary>How an image came to be.</summary>
public enum ImageSource
{
    Platform,
    Instance,
    Snapshots,
    Copy,
    Import,
    Marketplace,

    /// <summary>A Simple Application Server custom image shared to ECS (SAS-06): no owner account, shared with its account.</summary>
    Sas,
}

/// <summary>ImageOwnerAlias as DescribeImages reports it to a caller.</summary>
public enum ImageOwnerAlias
{
    System,
    Self,
    Others,
    Marketplace,
}

/// <summary>The disk a mapping describes.</summary>
public enum DiskMappingType
{
    System,
    Data,
}

/// <summary>Conversions between the enums and the exact words ECS uses on the wire and in the console.</summary>
public static class ImageWords
{
    public static string ToEcs(this ImageArchitecture a) => a switch
    {
        ImageArchitecture.I386 => "i386",
        ImageArchitecture.X86_64 => "x86_64",
        ImageArchitecture.Arm64 => "arm64",
    };

    public static string ToEcs(this OsType t) => t switch
    {
        OsType.Linux => "linux",
        OsType.Windows => "windows",
    };

    public static string ToEcs(this BootMode b) => b switch
    {
        BootMode.Bios => "BIOS",
        BootMode.Uefi => "UEFI",
        BootMode.UefiPreferred => "UEFI-Preferred",
    };

    public static string ToEcs(this ImageOwnerAlias a) => a switch
    {
        ImageOwnerAlias.System => "system",
        ImageOwnerAlias.Self => "self",
        ImageOwnerAlias.Others => "others",
        ImageOwnerAlias.Marketplace => "marketplace",
    };

    public static string ToEcs(this DiskMappingType t) => t switch
    {
        DiskMappingType.System => "system",
        DiskMappingType.Data => "data",
    };

    public static ImageArchitecture? ParseArchitecture(string? s) => s switch
    {
        "i386" => ImageArchitecture.I386,
        "x86_64" => ImageArchitecture.X86_64,
        "arm64" => ImageArchitecture.Arm64,
        _ => null,
    };

    public static OsType? ParseOsType(string? s) => s switch
    {
        "linux" => OsType.Linux,
        "windows" => OsType.Windows,
        _ => null,
    };

    public static BootMode? ParseBootMode(string? s) => s switch
    {
        "BIOS" => BootMode.Bios,
        "UEFI" => BootMode.Uefi,
        "UEFI-Preferred" => BootMode.UefiPreferred,
        _ => null,
    };
}
