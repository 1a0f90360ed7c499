using System.Text.Json;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

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
public sealed class CopyImageHandler : IAsyncTaskHandler
{
    private const int TransferredAt = 90;

    public AsyncTaskType Type => AsyncTaskType.CopyImage;

    public string StageAt(int progress) => progress < TransferredAt ? "Transferring" : "Finishing";

    public static string Serialize(CopyImagePayload payload) => JsonSerializer.Serialize(payload);

    public static CopyImagePayload? Deserialize(string? payload) =>
        payload is null ? null : JsonSerializer.Deserialize<CopyImagePayload>(payload);

    public async Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        await db.Images.AnyAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct) ? null : ImageErrors.NotFound(task.ResourceId);

    /// <summary>A Waiting copy starts only while fewer of the account's copies than its limit are Creating in the region.</summary>
    public async Task<bool> ReadyAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
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

    public async Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct)
    {
        var (image, snapshots) = await LoadAsync(db, task, ct);
        ImageBuild.Advance(image, snapshots, progress, TransferredAt);

        return Changes(task, image, snapshots);
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var (image, snapshots) = await LoadAsync(db, task, ct);
        ImageBuild.Finish(image, snapshots);
        return Changes(task, image, snapshots);
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFailedAsync(ConsoleDbContext db, AsyncTask task, EcsError error, CancellationToken ct)
    {
        var image = await db.Images.FirstOrDefaultAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct);
        var snapshots = await NewSnapshotsAsync(db, task, ct);
        ImageBuild.Fail(image, snapshots);

        return image is null ? [.. SnapshotChanges(task, snapshots)] : Changes(task, image, snapshots);
    }

    /// <summary>CancelCopyImage (CPY-20): the copy and its new snapshots go; the source stays as it was.</summary>
    public async Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var image = await db.Images.Include(i => i.DiskMappings).Include(i => i.Tags)
            .FirstOrDefaultAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct);
        var snapshots = await NewSnapshotsAsync(db, task, ct);
        db.Snapshots.RemoveRange(snapshots);
        if (image is not null)
        {
            db.Images.Remove(image);
        }

        return image is null ? [.. SnapshotChanges(task, snapshots)] : Changes(task, image, snapshots);
    }

    private static async Task<(Image Image, List<Snapshot> Snapshots)> LoadAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        (await db.Images.FirstAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct), await NewSnapshotsAsync(db, task, ct));

    private static async Task<List<Snapshot>> NewSnapshotsAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var ids = Deserialize(task.Payload)?.NewSnapshotIds ?? [];
        return ids.Count == 0 ? [] : await db.Snapshots.Where(s => ids.Contains(s.Id) && s.RegionId == task.RegionId).ToListAsync(ct);
    }

    private static IEnumerable<ResourceChange> SnapshotChanges(AsyncTask task, IEnumerable<Snapshot> snapshots) =>
        snapshots.Select(s => new ResourceChange(ResourceKind.Snapshot, s.Id, task.RegionId, task.AccountId));

    private static List<ResourceChange> Changes(AsyncTask task, Image image, IEnumerable<Snapshot> snapshots) =>
        [new(ResourceKind.Image, image.Id, task.RegionId, task.AccountId), .. SnapshotChanges(task, snapshots)];
}
