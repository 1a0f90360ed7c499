using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Tasks;

/// <summary>The one task runner: steps on the clock, commits with the resource, resumes after a crash, cancels.</summary>
public sealed class AsyncTaskEngineTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync() => await _db.WithDemoWorldAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    /// <summary>A progressing snapshot of web-1's data disk with its Processing task, as the snapshot service makes them.</summary>
    private static async Task<(string SnapshotId, string TaskId)> StartSnapshotTaskAsync(
        Microsoft.EntityFrameworkCore.IDbContextFactory<EcsConsole.Domain.Persistence.ConsoleDbContext> factory, AsyncTaskEngine engine,
        DateTimeOffset now, bool cancellable = true)
    {
        await using var db = await factory.CreateDbContextAsync();
        var disk = await db.Disks.FirstAsync(d => d.AccountId == DemoWorld.AcmeAccountId && d.Type == "data");
        var snapshot = new Snapshot
        {
            Id = "s-bp1enginetest000000000", RegionId = disk.RegionId, AccountId = disk.AccountId, Name = "engine-test",
            SourceDiskId = disk.Id, SourceDiskType = "data", SourceDiskSizeGiB = disk.SizeGiB, CreationTime = now,
        };
        snapshot.ReportProgress(0);
        db.Snapshots.Add(snapshot);
        var task = new AsyncTask
        {
            Id = "t-bp1enginetest000000000", RegionId = disk.RegionId, AccountId = disk.AccountId, Type = AsyncTaskType.CreateSnapshot,
            ResourceId = snapshot.Id, Cancellable = cancellable, CreatedAt = now, UpdatedAt = now, DueAt = engine.FirstDueAt(now),
        };
        db.AsyncTasks.Add(task);
        await db.SaveChangesAsync();
        return (snapshot.Id, task.Id);
    }

    private async Task<(AsyncTask Task, Snapshot? Snapshot)> ReadAsync(string taskId, string snapshotId)
    {
        await using var db = _db.NewContext();
        return (await db.AsyncTasks.SingleAsync(t => t.Id == taskId), await db.Snapshots.SingleOrDefaultAsync(s => s.Id == snapshotId));
    }

    [Fact]
    public async Task RunDue_StepsTenPercentPerStep_AndFinishesAfterTheTaskDuration()
    {
        // Arrange
        var changes = new List<ResourceChange>();
        var notifier = new ChangeNotifier();
        using var _ = notifier.Subscribe(changes.Add);
        var engine = EngineFactory.Create(_db.Factory, _db.Time, notifier);
        var (snapshotId, taskId) = await StartSnapshotTaskAsync(_db.Factory, engine, _db.Time.GetUtcNow());

        // Act
        await engine.RunStepsAsync(_db.Time, 4);
        var halfway = await ReadAsync(taskId, snapshotId);
        await engine.RunStepsAsync(_db.Time, 6);
        var done = await ReadAsync(taskId, snapshotId);

        // Assert
        Assert.Equal((AsyncTaskStatus.Processing, 40, "Snapshotting"), (halfway.Task.Status, halfway.Task.Progress, halfway.Task.Stage));
        Assert.Equal((SnapshotStatus.Progressing, 40), (halfway.Snapshot!.Status, halfway.Snapshot.Progress));
        Assert.Equal((AsyncTaskStatus.Finished, 100), (done.Task.Status, done.Task.Progress));
        Assert.Equal(SnapshotStatus.Accomplished, done.Snapshot!.Status);
        Assert.Equal(_db.Time.GetUtcNow(), done.Task.FinishedAt);
        Assert.Contains(changes, c => c.Kind == ResourceKind.Snapshot && c.ResourceId == snapshotId);
        Assert.Contains(changes, c => c.Kind == ResourceKind.Task && c.ResourceId == taskId);
    }

    [Fact]
    public async Task RunDue_BeforeTheNextStepIsDue_DoesNothing()
    {
        // Arrange
        var engine = EngineFactory.Create(_db.Factory, _db.Time);
        var (_, taskId) = await StartSnapshotTaskAsync(_db.Factory, engine, _db.Time.GetUtcNow());

        // Act
        _db.Time.Advance(engine.StepDuration - TimeSpan.FromMilliseconds(1));
        var advanced = await engine.RunDueAsync();

        // Assert
        Assert.Equal(0, advanced);
        Assert.Equal(0, (await ReadAsync(taskId, "")).Task.Progress);
    }

    [Fact]
    public async Task RunDue_WhenTheResourceVanished_FailsTheTaskCleanlyWithTheCode()
    {
        // Arrange
        var engine = EngineFactory.Create(_db.Factory, _db.Time);
        var (snapshotId, taskId) = await StartSnapshotTaskAsync(_db.Factory, engine, _db.Time.GetUtcNow());
        await using (var db = _db.NewContext())
        {
            await db.Snapshots.Where(s => s.Id == snapshotId).ExecuteDeleteAsync();
        }

        // Act
        await engine.RunStepsAsync(_db.Time, 1);

        // Assert
        var (task, _) = await ReadAsync(taskId, snapshotId);
        Assert.Equal((AsyncTaskStatus.Failed, SnapshotErrors.NotFoundCode), (task.Status, task.ErrorCode));
    }

    [Fact]
    public async Task Cancel_ACancellableTask_RemovesWhatItMadeAndEndsCancelled()
    {
        // Arrange
        var engine = EngineFactory.Create(_db.Factory, _db.Time);
        var (snapshotId, taskId) = await StartSnapshotTaskAsync(_db.Factory, engine, _db.Time.GetUtcNow());
        await engine.RunStepsAsync(_db.Time, 3);
        var tasks = new TaskService(_db.Factory, engine, new IdGenerator(), _db.Time);

        // Act
        var result = await tasks.CancelAsync(await _db.ActorAsync(DemoWorld.Alice), taskId);
        await engine.RunStepsAsync(_db.Time, 10);

        // Assert
        Assert.True(result.IsSuccess);
        var (task, snapshot) = await ReadAsync(taskId, snapshotId);
        Assert.Equal((AsyncTaskStatus.Cancelled, 30), (task.Status, task.Progress));
        Assert.Null(snapshot);
    }

    [Theory]
    [InlineData(DemoWorld.Bob, CommonErrors.ForbiddenCode, true)]
    [InlineData(DemoWorld.Dave, TaskErrors.NotFoundCode, true)]
    [InlineData(DemoWorld.Root, TaskErrors.NotFoundCode, true)]
    [InlineData(DemoWorld.Alice, TaskErrors.TaskActionNotSupportCode, false)]
    public async Task Cancel_WhenNotAllowed_ReturnsTheCodeAndChangesNothing(string who, string code, bool cancellable)
    {
        // Arrange
        var engine = EngineFactory.Create(_db.Factory, _db.Time);
        var (snapshotId, taskId) = await StartSnapshotTaskAsync(_db.Factory, engine, _db.Time.GetUtcNow(), cancellable);
        var tasks = new TaskService(_db.Factory, engine, new IdGenerator(), _db.Time);

        // Act
        var result = await tasks.CancelAsync(await _db.ActorAsync(who), taskId);

        // Assert
        Assert.Equal(code, result.Error?.Code);
        var (task, snapshot) = await ReadAsync(taskId, snapshotId);
        Assert.Equal(AsyncTaskStatus.Processing, task.Status);
        Assert.NotNull(snapshot);
    }

    [Fact]
    public async Task Cancel_AFinishedTask_ReturnsIncorrectTaskStatus()
    {
        // Arrange
        var engine = EngineFactory.Create(_db.Factory, _db.Time);
        var (_, taskId) = await StartSnapshotTaskAsync(_db.Factory, engine, _db.Time.GetUtcNow());
        await engine.RunStepsAsync(_db.Time, 10);
        var tasks = new TaskService(_db.Factory, engine, new IdGenerator(), _db.Time);

        // Act
        var result = await tasks.CancelAsync(await _db.ActorAsync(DemoWorld.Alice), taskId);

        // Assert
        Assert.Equal(TaskErrors.IncorrectStatusCode, result.Error?.Code);
    }

    [Fact]
    public async Task ASecondHostOverTheSameFile_FinishesATaskTheFirstOneLeft()
    {
        // Arrange: a database file, and a first host that dies in the middle of a step (its lease held)
        await using var file = await TempDatabaseFile.CreateSeededAsync(_db.Time);
        var factory = file.Factory;
        var first = EngineFactory.Create(factory, _db.Time);
        var (snapshotId, taskId) = await StartSnapshotTaskAsync(factory, first, _db.Time.GetUtcNow());
        await first.RunStepsAsync(_db.Time, 5);
        await using (var db = factory.CreateDbContext())
        {
            var until = _db.Time.GetUtcNow() + AsyncTaskEngine.LeaseDuration;
            await db.AsyncTasks.Where(t => t.Id == taskId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, first.RunnerId).SetProperty(t => t.LeaseUntil, until));
        }

        // Act: a new host with a new engine over the same file
        var second = EngineFactory.Create(factory, _db.Time);
        await second.RunStepsAsync(_db.Time, 1);
        int progressWhileLeased;
        await using (var db = factory.CreateDbContext())
        {
            progressWhileLeased = (await db.AsyncTasks.SingleAsync(t => t.Id == taskId)).Progress;
        }

        _db.Time.Advance(AsyncTaskEngine.LeaseDuration);
        await second.RunStepsAsync(_db.Time, 6);

        // Assert: it waited for the dead host's lease, then finished the job
        await using var check = factory.CreateDbContext();
        var task = await check.AsyncTasks.SingleAsync(t => t.Id == taskId);
        Assert.Equal(50, progressWhileLeased);
        Assert.Equal((AsyncTaskStatus.Finished, 100, (string?)null), (task.Status, task.Progress, task.LeaseOwner));
        Assert.Equal(SnapshotStatus.Accomplished, (await check.Snapshots.SingleAsync(s => s.Id == snapshotId)).Status);
    }

    [Fact]
    public async Task TwoRunnersRacingForOneDueTask_StepItOnce()
    {
        // Arrange: two engines (two nodes) over one database file, one task due
        await using var file = await TempDatabaseFile.CreateSeededAsync(_db.Time);
        var nodeA = EngineFactory.Create(file.Factory, _db.Time);
        var nodeB = EngineFactory.Create(file.Factory, _db.Time);
        var (_, taskId) = await StartSnapshotTaskAsync(file.Factory, nodeA, _db.Time.GetUtcNow());
        _db.Time.Advance(nodeA.StepDuration);

        // Act: both run what is due at the same moment, several times over
        var advanced = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => Task.Run(() => (n % 2 == 0 ? nodeA : nodeB).RunDueAsync())));

        // Assert: one lease won, one step taken
        await using var db = file.Factory.CreateDbContext();
        var task = await db.AsyncTasks.SingleAsync(t => t.Id == taskId);
        Assert.Equal(1, advanced.Sum());
        Assert.Equal(AsyncTaskEngine.StepPercent, task.Progress);
    }
}
