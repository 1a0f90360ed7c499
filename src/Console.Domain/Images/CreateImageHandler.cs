using System.Text.Json;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Domain.Images;

/// <summary>What a CreateImage task carries: the snapshots it is taking (none when made from existing snapshots).</summary>
public sealed record CreateImagePayload(IReadOnlyList<string> NewSnapshotIds, string? InstanceId);

/// <summary>
/// Builds a custom image: while the task runs the image is <c>Creating</c> with the task's progress; the snapshots
/// taken of an instance's disks complete by 70% (stage <c>Snapshotting</c>), then the image is assembled
/// (<c>Building</c>) and becomes <c>Available</c>. If the image vanished meanwhile the task fails cleanly.
/// </summary>
public sealed class CreateImageHandler : IAsyncTaskHandler
{
    private const int SnapshotsDoneAt = 70;

    public AsyncTaskType Type => AsyncTaskType.CreateImage;

    public string StageAt(int progress) => progress < SnapshotsDoneAt ? "Snapshotting" : "Building";

    public static string Serialize(CreateImagePayload payload) => JsonSerializer.Serialize(payload);

    public async Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        await db.Images.AnyAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct) ? null : ImageErrors.NotFound(task.ResourceId);

    public async Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct)
    {
        var (image, snapshots) = await LoadAsync(db, task, ct);
        ImageBuild.Advance(image, snapshots, progress, SnapshotsDoneAt);

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

        return image is null ? [] : Changes(task, image, snapshots);
    }

    public async Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        // CreateImage tasks are not cancellable; if one ever is, nothing half-made may stay behind.
        var image = await db.Images.FirstOrDefaultAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct);
        var snapshots = await NewSnapshotsAsync(db, task, ct);
        db.Snapshots.RemoveRange(snapshots);
        if (image is not null)
        {
            db.Images.Remove(image);
        }

        return image is null ? [] : Changes(task, image, snapshots);
    }

    private static async Task<(Image Image, List<Snapshot> Snapshots)> LoadAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        (await db.Images.FirstAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct), await NewSnapshotsAsync(db, task, ct));

    private static async Task<List<Snapshot>> NewSnapshotsAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var ids = task.Payload is null ? [] : JsonSerializer.Deserialize<CreateImagePayload>(task.Payload)?.NewSnapshotIds ?? [];
        return ids.Count == 0 ? [] : await db.Snapshots.Where(s => ids.Contains(s.Id)).ToListAsync(ct);
    }

    private static List<ResourceChange> Changes(AsyncTask task, Image image, IEnumerable<Snapshot> snapshots) =>
    [
        new(ResourceKind.Image, image.Id, task.RegionId, task.AccountId),
        .. snapshots.Select(s => new ResourceChange(ResourceKind.Snapshot, s.Id, task.RegionId, task.AccountId)),
    ];
}
