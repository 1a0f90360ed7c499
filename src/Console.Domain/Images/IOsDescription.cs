namespace EcsConsole.Domain.Images;

/// <summary>
/// The operating system an image carries or a server runs, as ECS reports it (OSName, OSType, Platform, Architecture,
/// BootMode, Features.NvmeSupport). Stored alike wherever it appears (<see cref="Persistence.WellKnownColumnsConvention"/>).
/// </summary>
public interface IOsDescription
{
    /// <summary>Display name, e.g. <c>Alibaba Cloud Linux 3.2104 LTS 64 bit</c>.</summary>
    string OsName { get; }

    OsType OsType { get; }

    /// <summary>Platform, e.g. <c>Aliyun</c>, <c>Ubuntu</c>, <c>Windows Server 2022</c>.</summary>
    string Platform { get; }

    ImageArchitecture Architecture { get; }

    BootMode BootMode { get; }

    bool NvmeSupport { get; }
}
