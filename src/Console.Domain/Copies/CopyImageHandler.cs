using System.Text.Json;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Copies;

/// <summary>What a CopyImage task carries: where the copy comes from, and the snapshots it fills in the destination.</summary>
public sealed record CopyImagePayload(string SourceImageId, string SourceRegionId, IReadOnlyList<string> NewSnapshotIds);

/// <summary>
/// Fills an image copy (domain-rules §4). The task lives in the destination region. A copy queued behind the
/// account's limit of concurrent copies in that region (<see cref="QuotaCatalogue.ConcurrentCopies"/>, CPY-09) is
/// <c>Waiting</c> and its task holds (<see cref="ReadyAsync"/> returns false) until fewer copies are running; it then
/// becomes <c>Creating</c> at 0%. The snapshots are transferred by 90% (stage <c>Transferring</c>), then the image is
/// registered (<c>Finishing</c>) and becomes <c>Available</c>. A copy that vanished fails the task; a failed copy is
/// <c>CreateFailed</c>; a cancelled copy is removed with its new snapshots. The source is never touched.
/// </summary>
public sealed class CopyImageHandler : ImageBuildTaskHandler
{
    public override AsyncTaskType Type => AsyncTaskType.CopyImage;

    protected override int SnapshotsDoneAt => 90;

    public override string StageAt(int progress) => progress < SnapshotsDoneAt ? "Transferring" : "Finishing";

    public static string Serialize(CopyImagePayload payload) => JsonSerializer.Serialize(payload);

    public static CopyImagePayload? Deserialize(string? payload) =>
        payload is null ? null : JsonSerializer.Deserialize<CopyImagePayload>(payload);

    /// <summary>A Waiting copy starts only while fewer of the account's copies than its limit are Creating in the region.</summary>
    public override async Task<bool> ReadyAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var image = await db.Images.FirstAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct);
        if (image.Status != ImageStatus.Waiting)
        {
            return true;
        }

        var limit = await QuotaLimits.GetAsync(db, task.AccountId, task.RegionId, QuotaCatalogue.ConcurrentCopies, ct);
        var running = await db.Images.CountAsync(i => i.RegionId == task.RegionId && i.OwnerAccountId == task.AccountId && i.IsCopied
            && i.Status == ImageStatus.Creating && i.Key != image.Key, ct);
        if (running >= limit)
        {
            return false;
        }

        image.ReportProgress(0);
        return true;
    }

    protected override IReadOnlyList<string> NewSnapshotIds(AsyncTask task) => Deserialize(task.Payload)?.NewSnapshotIds ?? [];

    /// <summary>A copy that vanished still publishes the snapshots it was filling.</summary>
    protected override IReadOnlyList<ResourceChange> Changes(AsyncTask task, Image? image, IEnumerable<Snapshot> snapshots) =>
        image is null ? [.. SnapshotChanges(task, snapshots)] : base.Changes(task, image, snapshots);
}
