using System.Text.Json;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Images;

/// <summary>What a CreateImage task carries: the snapshots it is taking (none when made from existing snapshots).</summary>
public sealed record CreateImagePayload(IReadOnlyList<string> NewSnapshotIds, string? InstanceId);

/// <summary>
/// Builds a custom image: while the task runs the image is <c>Creating</c> with the task's progress; the snapshots
/// taken of an instance's disks complete by 70% (stage <c>Snapshotting</c>), then the image is assembled
/// (<c>Building</c>) and becomes <c>Available</c>. If the image vanished meanwhile the task fails cleanly.
/// </summary>
public sealed class CreateImageHandler : ImageBuildTaskHandler
{
    public override AsyncTaskType Type => AsyncTaskType.CreateImage;

    protected override int SnapshotsDoneAt => 70;

    public override string StageAt(int progress) => progress < SnapshotsDoneAt ? "Snapshotting" : "Building";

    public static string Serialize(CreateImagePayload payload) => JsonSerializer.Serialize(payload);

    /// <summary>The snapshots being taken of an instance's disks (none when made from existing snapshots).</summary>
    protected override IReadOnlyList<string> NewSnapshotIds(AsyncTask task) =>
        task.Payload is null ? [] : JsonSerializer.Deserialize<CreateImagePayload>(task.Payload)?.NewSnapshotIds ?? [];
}
