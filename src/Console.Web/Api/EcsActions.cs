using System.Collections.Frozen;

namespace EcsConsole.Web.Api;

/// <summary>The table of supported ECS actions (architecture.md, "The API adapter"): one entry per action, no rules.</summary>
public static class EcsActions
{
    public static FrozenDictionary<string, ApiAction> All { get; } = Build();

    /// <summary>Actions that change something: <c>DryRun=true</c> stops them before the service is called.</summary>
    public static FrozenSet<string> Changing { get; } = new[]
    {
        "CreateImage", "CopyImage", "CancelCopyImage", "DeleteImage", "ModifyImageAttribute", "ModifyImageSharePermission", "ExportImage",
        "ImportImage", "CancelTask", "CreateSnapshot", "DeleteSnapshot", "RunInstances", "StartInstance", "StopInstance", "DeleteInstance",
        "ReplaceSystemDisk", "TagResources", "UntagResources",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, ApiAction> Build()
    {
        var actions = new Dictionary<string, ApiAction>(StringComparer.Ordinal);
        ImageActions.Register(actions);
        CatalogueActions.Register(actions);
        TaskActions.Register(actions);
        StorageActions.Register(actions);
        InstanceActions.Register(actions);
        TagActions.Register(actions);
        ImageBuilderActions.Register(actions);
        return actions.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
