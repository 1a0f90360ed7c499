using System.Collections.Frozen;

namespace EcsConsole.Web.Api;

/// <summary>
/// The table of supported ECS actions (architecture.md, "The API adapter"; ADR-009): every area registers its actions,
/// each with its name, whether it changes state, its parameter binding and its handler. No rules live here.
/// </summary>
public static class EcsActions
{
    public static FrozenDictionary<string, EcsAction> All { get; } =
        new[]
        {
            ImageActions.All, SharingActions.All, ImportExportActions.All, CatalogueActions.All, TaskActions.All, StorageActions.All,
            InstanceActions.All, TagActions.All, ImageBuilderActions.All, KeyPairActions.All, PriceActions.All, ResourceGroupActions.All, InstanceTypeActions.All,
            InstanceLifecycleActions.All, NetworkActions.All, AvailableResourceActions.All, DiskActions.All,
            AutoSnapshotPolicyActions.All,
            SnapshotActions.All,
        }.SelectMany(a => a).ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
}
