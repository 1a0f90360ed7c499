namespace EcsConsole.Domain.Sas;

/// <summary>A Simple Application Server plan: vCPUs, memory and bandwidth, with the system disk it comes with.</summary>
/// <param name="Id">The plan ID, as SAS ListPlans names them.</param>
/// <param name="Label">What the console shows and the server records (<see cref="SasServer.Plan"/>).</param>
/// <param name="SystemDiskGiB">The plan's system disk (ESSD), GiB: a custom image of more does not fit (SAS-14).</param>
public sealed record SasPlan(string Id, string Label, int SystemDiskGiB);

/// <summary>The plans a server can be created with (the same in every region here).</summary>
public static class SasPlans
{
    public static IReadOnlyList<SasPlan> All { get; } =
    [
        new("swas.s2.c2m1s40b200", "2 vCPU · 1 GiB · 200 Mbps", 40),
        new("swas.s2.c2m2s40b3", "2 vCPU · 2 GiB · 3 Mbps", 40),
        new("swas.s2.c2m4s60b5", "2 vCPU · 4 GiB · 5 Mbps", 60),
        new("swas.s2.c4m8s80b10", "4 vCPU · 8 GiB · 10 Mbps", 80),
        new("swas.s2.c4m16s100b15", "4 vCPU · 16 GiB · 15 Mbps", 100),
    ];

    public static SasPlan? Find(string? planId) => All.FirstOrDefault(p => p.Id == planId);
}
