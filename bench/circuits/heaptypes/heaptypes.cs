#:package Microsoft.Diagnostics.Runtime@4.2.750101
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
// The live heap of a .NET process by type, exactly (issue #20): `dotnet gcdump report` prints one object's size for a
// whole type, which undercounts strings and arrays (a third of an open page's growth). Run right after a gcdump (its full
// GC leaves only live objects and free space): `dotnet run bench/circuits/heaptypes/heaptypes.cs -- PID [--components]`.
// Prints total bytes, then bytes, count and type, largest first; --components adds each Blazor component's render-tree
// buffers (frames in use / capacity of the current tree and of the one the next render is built in).
using Microsoft.Diagnostics.Runtime;

var pid = int.Parse(args[0]);
using var target = DataTarget.AttachToProcess(pid, suspend: true);
var clr = target.ClrVersions[0];
var runtime = clr.CreateRuntime(Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName)!, "libmscordaccore.so"), ignoreMismatch: true);
var types = new Dictionary<string, (long Bytes, long Count)>();
var components = new Dictionary<string, List<string>>();
long total = 0;
foreach (var obj in runtime.Heap.EnumerateObjects())
{
    if (obj.IsFree || obj.Type?.Name is not { } name)
    {
        continue;
    }

    total += (long)obj.Size;
    var (bytes, count) = types.GetValueOrDefault(name);
    types[name] = (bytes + (long)obj.Size, count + 1);
    if (args.Contains("--components") && name is "Microsoft.AspNetCore.Components.Rendering.ComponentState"
            or "Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState")
    {
        var component = obj.ReadObjectField("<Component>k__BackingField").Type?.Name ?? "?";
        var trees = $"{Tree(obj.ReadObjectField("<CurrentRenderTree>k__BackingField"))} next {Tree(obj.ReadObjectField("_nextRenderTree"))}";
        if (!components.TryGetValue(component, out var list))
        {
            components[component] = list = [];
        }

        list.Add(trees);
    }
}

Console.WriteLine($"{total}\tTOTAL");
foreach (var (name, (bytes, count)) in types.OrderByDescending(t => t.Value.Bytes))
{
    Console.WriteLine($"{bytes}\t{count}\t{name}");
}

foreach (var (component, trees) in components.OrderBy(c => c.Key))
{
    Console.WriteLine($"# {trees.Count,4} {component}: {string.Join(" | ", trees.GroupBy(t => t).OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Count()}x {g.Key}"))}");
}

static string Tree(ClrObject builder)
{
    if (builder.IsNull)
    {
        return "-";
    }

    var entries = builder.ReadObjectField("_entries");
    var items = entries.ReadObjectField("_items");
    return $"{entries.ReadField<int>("_itemsInUse")}/{(items.IsNull ? 0 : items.AsArray().Length)}";
}
