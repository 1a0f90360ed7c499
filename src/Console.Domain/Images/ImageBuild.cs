using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Domain.Images;

/// <summary>
/// How an image under construction and the snapshots it is made of move together, for every task that builds one
/// (create, copy, import): the snapshots complete at <c>snapshotsDoneAt</c>% of the job, the image at 100%.
/// </summary>
internal static class ImageBuild
{
    public static void Advance(Image image, IEnumerable<Snapshot> snapshots, int progress, int snapshotsDoneAt)
    {
        image.ReportProgress(progress);
        var snapshotProgress = Math.Min(100, progress * 100 / snapshotsDoneAt);
        foreach (var snapshot in snapshots)
        {
            if (snapshotProgress >= 100)
            {
                snapshot.MarkAccomplished();
            }
            else
            {
                snapshot.ReportProgress(snapshotProgress);
            }
        }
    }

    public static void Finish(Image image, IEnumerable<Snapshot> snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            snapshot.MarkAccomplished();
        }

        image.MarkAvailable();
    }

    /// <summary>The image ends CreateFailed; snapshots already accomplished are kept as they are (IMG-ST-05).</summary>
    public static void Fail(Image? image, IEnumerable<Snapshot> snapshots)
    {
        image?.MarkFailed();
        foreach (var snapshot in snapshots.Where(s => s.Status != SnapshotStatus.Accomplished))
        {
            snapshot.MarkFailed();
        }
    }
}
