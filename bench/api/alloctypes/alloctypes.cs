#:package Microsoft.Diagnostics.Tracing.TraceEvent@3.1.21
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
// What a process allocates, by type (issue #20): reads a .nettrace holding the runtime's GC AllocationTick events (one
// about every 100 KB allocated, naming the type of the object that crossed it), so the shares are a sample, good to a
// percent or so over a few hundred MB. Collect from a running process, e.g. the console inside the API bench while wrk
// runs: `dotnet tool run dotnet-trace collect -p PID --providers Microsoft-Windows-DotNETRuntime:0x1:5 --duration
// 00:00:00:08 -o /tmp/alloc.nettrace`, then `dotnet run bench/api/alloctypes/alloctypes.cs -- /tmp/alloc.nettrace [TOP=40]`.
using Microsoft.Diagnostics.Tracing;

var byType = new Dictionary<string, long>();
long total = 0;
using (var source = new EventPipeEventSource(args[0]))
{
    source.Clr.GCAllocationTick += e =>
    {
        total += e.AllocationAmount64;
        var name = e.TypeName ?? "?";
        byType[name] = byType.GetValueOrDefault(name) + e.AllocationAmount64;
    };
    source.Process();
}

System.Console.WriteLine($"sampled {total / 1024 / 1024} MB");
foreach (var (name, bytes) in byType.OrderByDescending(kv => kv.Value).Take(args.Length > 1 ? int.Parse(args[1]) : 40))
{
    System.Console.WriteLine($"{100.0 * bytes / total,6:F1}%  {name}");
}
