using EcsConsole.Domain.Instances;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>
/// The temporary pay-as-you-go instances that builds and image updates launch (IB-101, OOS-12), through
/// <see cref="InstanceService"/> as the user who started the work. Each has a name of its own, so a step repeated after
/// a crash finds the instance it launched instead of launching a second one.
/// </summary>
internal static class IntermediateInstances
{
    /// <summary>The instance of the account named <paramref name="name"/> in the region, or a new one from the image.</summary>
    public static async Task<Result<string>> LaunchOnceAsync(ConsoleDbContext db, InstanceService instances, Actor actor, string regionId, string name,
        string instanceTypeId, string imageId, int? systemDiskSizeGiB, CancellationToken ct)
    {
        var existing = await db.Instances.AsNoTracking()
            .Where(i => i.AccountId == actor.AccountId && i.RegionId == regionId && i.Name == name).Select(i => i.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        var launched = await instances.RunAsync(actor, new RunInstancesRequest
        {
            RegionId = regionId,
            InstanceTypeId = instanceTypeId,
            ImageId = imageId,
            ChargeType = InstanceChargeType.PostPaid,
            SystemDiskSizeGiB = systemDiskSizeGiB,
            DataDisks = [],
            InstanceName = name,
        }, ct);
        return launched.IsSuccess ? launched.Value[0] : launched.Error;
    }

    /// <summary>An instance on its way between states cannot be released yet (INS-05); the caller waits a step.</summary>
    public static bool IsSettling(Instance instance) =>
        instance.Status is InstanceStatus.Pending or InstanceStatus.Starting or InstanceStatus.Stopping;
}
