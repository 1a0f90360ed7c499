using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Sas;

/// <summary>
/// Fills a SAS custom image copy (SAS-09) in the destination region, one step at a time on the one task engine:
/// <c>Transferring</c> to 90%, then <c>Finishing</c>, then the copy is <c>Available</c>. A copy deleted or released
/// meanwhile fails the task. SAS offers no cancel for a copy.
/// </summary>
public sealed class SasCopyImageHandler : IAsyncTaskHandler
{
    private const int TransferredAt = 90;

    public AsyncTaskType Type => AsyncTaskType.SasCopyImage;

    public string StageAt(int progress) => progress < TransferredAt ? "Transferring" : "Finishing";

    public async Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        await db.SasImages.AnyAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct) ? null : SasErrors.ImageNotFound(task.ResourceId);

    public async Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct)
    {
        var image = await db.SasImages.FirstAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct);
        image.ReportProgress(progress);
        return [Change(task)];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var image = await db.SasImages.FirstAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct);
        image.MarkAvailable();
        return [Change(task)];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFailedAsync(ConsoleDbContext db, AsyncTask task, EcsError error, CancellationToken ct)
    {
        var image = await db.SasImages.FirstOrDefaultAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct);
        image?.MarkFailed();
        return [Change(task)];
    }

    public Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        throw new InvalidOperationException("SAS image copies are not cancellable.");

    private static ResourceChange Change(AsyncTask task) => new(SasImageService.Resource, task.ResourceId, task.RegionId, task.AccountId);
}
