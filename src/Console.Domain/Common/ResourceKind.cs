namespace EcsConsole.Domain.Common;

/// <summary>
/// What kind of resource a change or an audit entry is about. The one list of them: services name the kind, the audit
/// log stores its <see cref="ResourceKinds.WireName"/>, and pages filter live changes by it.
/// </summary>
public enum ResourceKind
{
    Image,
    Snapshot,
    Task,
    Instance,
    Bucket,
    BucketObject,
    Quota,
    AccessKey,
    User,
    Account,
    MarketplaceProduct,
    SasImage,
    SasServer,
    SasSnapshot,
    ImageComponent,
    ImagePipeline,
    ImagePipelineExecution,
    ImageUpdateExecution,

    /// <summary>An SSH key pair, by name in its region.</summary>
    KeyPair,

    /// <summary>An injected fault of the simulation control (ui-contract §7), audited when it fires.</summary>
    SimulationFault,

    /// <summary>The whole demo world (a simulation reset): every page reloads.</summary>
    World,

    /// <summary>A recorded ECS API call (the <c>/api-log</c> page, ADR-013); published once per account per written batch.</summary>
    ApiCall,

    /// <summary>A cloud disk (the <c>/disks</c> page), attached or not.</summary>
    Disk,

    /// <summary>An automatic snapshot policy (the <c>/snapshots/policies</c> page).</summary>
    AutoSnapshotPolicy,
    /// <summary>A snapshot-consistent group (SNP-11): snapshots of several disks taken together.</summary>
    SnapshotGroup,
}

/// <summary>The stored and shown names of <see cref="ResourceKind"/>.</summary>
public static class ResourceKinds
{
    /// <summary>The name the audit log stores and shows for a kind (e.g. <c>image</c>, <c>imagepipeline</c>).</summary>
    public static string WireName(this ResourceKind kind) => kind switch
    {
        ResourceKind.Image => "image",
        ResourceKind.Snapshot => "snapshot",
        ResourceKind.Task => "task",
        ResourceKind.Instance => "instance",
        ResourceKind.Bucket => "bucket",
        ResourceKind.BucketObject => "object",
        ResourceKind.Quota => "quota",
        ResourceKind.AccessKey => "accesskey",
        ResourceKind.User => "user",
        ResourceKind.Account => "account",
        ResourceKind.MarketplaceProduct => "marketplace-product",
        ResourceKind.SasImage => "sas-image",
        ResourceKind.SasServer => "sas-server",
        ResourceKind.SasSnapshot => "sas-snapshot",
        ResourceKind.ImageComponent => "imagecomponent",
        ResourceKind.ImagePipeline => "imagepipeline",
        ResourceKind.ImagePipelineExecution => "imagepipelineexecution",
        ResourceKind.ImageUpdateExecution => "oosexecution",
        ResourceKind.KeyPair => "keypair",
        ResourceKind.SimulationFault => "simulation-fault",
        ResourceKind.World => "world",
        ResourceKind.ApiCall => "api-call",
        ResourceKind.Disk => "disk",
        ResourceKind.AutoSnapshotPolicy => "snapshotpolicy",
        ResourceKind.SnapshotGroup => "snapshotgroup",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
