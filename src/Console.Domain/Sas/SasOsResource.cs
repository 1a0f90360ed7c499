using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Sas;

/// <summary>
/// A Simple Application Server resource with an operating system: a server, or a custom image made of its disks, which
/// carries the server's OS (SAS-01).
/// </summary>
public abstract class SasOsResource : AccountResource, IOsDescription
{
    public required string OsName { get; init; }

    public required OsType OsType { get; init; }

    public required string Platform { get; init; }

    public required ImageArchitecture Architecture { get; init; }

    public required BootMode BootMode { get; init; }

    public bool NvmeSupport { get; init; }
}
