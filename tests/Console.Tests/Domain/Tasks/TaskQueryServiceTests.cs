using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Domain.Tasks;

/// <summary>The task list: the actor's account and region only, newest first.</summary>
public sealed class TaskQueryServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private TaskQueryService _service = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _service = new TaskQueryService(_db.Factory);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task AddTaskAsync(string id, string accountId, string regionId, int minutesAgo, AsyncTaskStatus status = AsyncTaskStatus.Processing)
    {
        await using var db = _db.NewContext();
        var created = _db.Time.GetUtcNow().AddMinutes(-minutesAgo);
        db.AsyncTasks.Add(new AsyncTask
        {
            Id = id,
            RegionId = regionId,
            AccountId = accountId,
            Type = AsyncTaskType.CopyImage,
            ResourceId = "m-bp1copy000000000000",
            Status = status,
            Progress = 45,
            Stage = "Transferring",
            CreatedAt = created,
            UpdatedAt = created,
            DueAt = created,
            ErrorCode = status == AsyncTaskStatus.Failed ? "InvalidImageId.NotFound" : null,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task List_InTheDemoWorld_IsEmpty()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var tasks = await _service.ListAsync(alice, "cn-hangzhou");

        // Assert
        Assert.Empty(tasks);
    }

    [Fact]
    public async Task List_ReturnsTheAccountsTasksInTheRegionNewestFirst()
    {
        // Arrange
        await AddTaskAsync("t-bp1older0000000000000", DemoWorld.AcmeAccountId, "cn-hangzhou", minutesAgo: 30, AsyncTaskStatus.Failed);
        await AddTaskAsync("t-bp1newest000000000000", DemoWorld.AcmeAccountId, "cn-hangzhou", minutesAgo: 1);
        await AddTaskAsync("t-bp1middle000000000000", DemoWorld.AcmeAccountId, "cn-hangzhou", minutesAgo: 10, AsyncTaskStatus.Finished);
        await AddTaskAsync("t-uf1elsewhere000000000", DemoWorld.AcmeAccountId, "cn-shanghai", minutesAgo: 5);
        await AddTaskAsync("t-bp1globex00000000000", DemoWorld.GlobexAccountId, "cn-hangzhou", minutesAgo: 5);
        var bob = await _db.ActorAsync(DemoWorld.Bob);

        // Act
        var tasks = await _service.ListAsync(bob, "cn-hangzhou");

        // Assert
        Assert.Equal(["t-bp1newest000000000000", "t-bp1middle000000000000", "t-bp1older0000000000000"], tasks.Select(t => t.Id));
        var failed = tasks[2];
        Assert.Equal((AsyncTaskStatus.Failed, "InvalidImageId.NotFound"), (failed.Status, failed.ErrorCode));
        Assert.Equal((AsyncTaskType.CopyImage, 45, "Transferring"), (tasks[0].Type, tasks[0].Progress, tasks[0].Stage));
    }

    [Fact]
    public async Task List_ForThePlatformAdminWithoutAnAccount_IsEmpty()
    {
        // Arrange
        await AddTaskAsync("t-bp1newest000000000000", DemoWorld.AcmeAccountId, "cn-hangzhou", minutesAgo: 1);
        var root = await _db.ActorAsync(DemoWorld.Root);

        // Act
        var tasks = await _service.ListAsync(root, "cn-hangzhou");

        // Assert
        Assert.Empty(tasks);
    }

    [Fact]
    public async Task RemainingSeconds_OfACopyInProgress_AreTheWaitForItsNextStepAndTheStepsAfter()
    {
        // Arrange: a copy at 45% whose next step is due now; 10-second jobs step 10% a second (IMG-ATTR-07, CPY-08)
        await AddTaskAsync("t-bp1copying000000000000", DemoWorld.AcmeAccountId, "cn-hangzhou", minutesAgo: 0);
        var service = new TaskQueryService(_db.Factory, EngineFactory.Create(_db.Factory, _db.Time));
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var remaining = await service.RemainingSecondsAsync(alice, "cn-hangzhou", ["m-bp1copy000000000000", "m-bp1other00000000000"]);

        // Assert: 45% → 55, 65, 75, 85, 95, 100: six steps, the first due now
        Assert.Equal(5, remaining["m-bp1copy000000000000"]);
        Assert.False(remaining.ContainsKey("m-bp1other00000000000"));
    }
}
