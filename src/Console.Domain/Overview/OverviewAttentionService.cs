using EcsConsole.Domain.Images;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Overview;

/// <summary>A custom image of the account still being made in the region: created, imported or copied here.</summary>
public sealed record ImageInProgress(string ImageId, string Name, ImageStatus Status, int Progress, bool IsCopy, string? SourceRegionId);

/// <summary>A task of the account in the region that failed within the last day.</summary>
public sealed record RecentFailedTask(string TaskId, AsyncTaskType Type, string ResourceId, string? ErrorCode, string? ErrorMessage,
    DateTimeOffset FailedAt);

/// <summary>What the Overview shows first, before the counts: work in progress, recent failures, quotas close to their limit.</summary>
public sealed record OverviewAttention(
    IReadOnlyList<ImageInProgress> ImagesInProgress,
    IReadOnlyList<RecentFailedTask> FailedTasks,
    IReadOnlyList<QuotaRow> QuotasNearLimit)
{
    public static OverviewAttention None { get; } = new([], [], []);

    public bool IsEmpty => ImagesInProgress.Count == 0 && FailedTasks.Count == 0 && QuotasNearLimit.Count == 0;
}

/// <summary>Reads what needs a person's attention on the Overview (issue #24), for the actor's account in one region.</summary>
public sealed class OverviewAttentionService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, QuotaService quotas)
{
    /// <summary>How far back the Overview looks for failed tasks.</summary>
    public static readonly TimeSpan FailedTaskWindow = TimeSpan.FromDays(1);

    /// <summary>The percentage of a limit from which a quota is shown as close to it.</summary>
    public const int QuotaWarningPercent = 80;

    /// <summary>
    /// The account's custom images in <paramref name="regionId"/> still <c>Creating</c> or <c>Waiting</c> (oldest first, with
    /// progress), its tasks there that failed in the last <see cref="FailedTaskWindow"/> of the simulated clock (newest first)
    /// and its quotas at least <see cref="QuotaWarningPercent"/>% used. An actor without an account has nothing to attend to.
    /// </summary>
    public async Task<OverviewAttention> GetAsync(Actor actor, string regionId, CancellationToken ct = default)
    {
        var since = time.GetUtcNow() - FailedTaskWindow;
        var (images, failed) = await dbFactory.ReadOwnAsync<(IReadOnlyList<ImageInProgress>, IReadOnlyList<RecentFailedTask>)>(actor, ([], []),
            async (db, account) =>
            {
                var images = await db.Images.AsNoTracking()
                    .Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == account && i.RegionId == regionId
                        && (i.Status == ImageStatus.Creating || i.Status == ImageStatus.Waiting))
                    .OrderBy(i => i.CreationTime).ThenBy(i => i.Id)
                    .Select(i => new ImageInProgress(i.Id, i.Name, i.Status, i.Progress, i.IsCopied, i.SourceRegionId))
                    .ToListAsync(ct);
                var failed = await db.AsyncTasks.AsNoTracking()
                    .Where(t => t.AccountId == account && t.RegionId == regionId && t.Status == AsyncTaskStatus.Failed
                        && t.FinishedAt != null && t.FinishedAt >= since)
                    .OrderByDescending(t => t.FinishedAt).ThenBy(t => t.Id)
                    .Select(t => new RecentFailedTask(t.Id, t.Type, t.ResourceId, t.ErrorCode, t.ErrorMessage, t.FinishedAt!.Value))
                    .ToListAsync(ct);
                return (images, failed);
            }, ct);
        return new OverviewAttention(images, failed, await quotas.NearLimitAsync(actor, regionId, QuotaWarningPercent, ct));
    }
}
