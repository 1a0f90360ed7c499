using EcsConsole.Domain.Images;
using EcsConsole.Domain.Overview;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Overview;

/// <summary>What the Overview shows first (issue #24): images being made, tasks failed in the last day, quotas from 80%.</summary>
public sealed class OverviewAttentionServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly TestDatabase _db = new();
    private DomainServices _services = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _services = new DomainServices(_db);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private OverviewAttentionService Service => _services.Get<OverviewAttentionService>();

    private async Task<string> InstanceIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Instances.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
    }

    private async Task AddTaskAsync(string id, string accountId, AsyncTaskStatus status, TimeSpan finishedAgo)
    {
        await using var db = _db.NewContext();
        var finished = _db.Time.GetUtcNow() - finishedAgo;
        db.AsyncTasks.Add(new AsyncTask
        {
            Id = id,
            RegionId = Hangzhou,
            AccountId = accountId,
            Type = AsyncTaskType.CopyImage,
            ResourceId = "m-bp1copy000000000000",
            Status = status,
            Progress = 40,
            Stage = "Transferring",
            CreatedAt = finished.AddMinutes(-5),
            UpdatedAt = finished,
            DueAt = finished,
            FinishedAt = finished,
            ErrorCode = status == AsyncTaskStatus.Failed ? "InternalError" : null,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Get_InTheDemoWorld_HasNothingToAttendTo()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var attention = await Service.GetAsync(alice, Hangzhou);

        // Assert
        Assert.True(attention.IsEmpty);
    }

    [Fact]
    public async Task Get_WhileAnImageIsBeingCreated_ShowsItWithItsProgressUntilItIsAvailable()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var created = await _services.Get<CreateImageService>().CreateAsync(alice,
            new CreateImageRequest { RegionId = Hangzhou, InstanceId = await InstanceIdAsync("web-1"), Name = "golden-web" });
        await _services.RunStepsAsync(2);

        // Act
        var during = await Service.GetAsync(alice, Hangzhou);
        await _services.RunUntilAsync(async () => (await Service.GetAsync(alice, Hangzhou)).ImagesInProgress.Count == 0);
        var after = await Service.GetAsync(alice, Hangzhou);

        // Assert
        var image = Assert.Single(during.ImagesInProgress);
        Assert.Equal((created.Value.ImageId, "golden-web", ImageStatus.Creating, false), (image.ImageId, image.Name, image.Status, image.IsCopy));
        Assert.InRange(image.Progress, 1, 99);
        Assert.Empty(after.ImagesInProgress);
    }

    [Fact]
    public async Task Get_ShowsOnlyTheAccountsTasksThatFailedWithinTheLastDay()
    {
        // Arrange
        await AddTaskAsync("t-bp1recentfail0000000", DemoWorld.AcmeAccountId, AsyncTaskStatus.Failed, TimeSpan.FromHours(2));
        await AddTaskAsync("t-bp1oldfail00000000000", DemoWorld.AcmeAccountId, AsyncTaskStatus.Failed, TimeSpan.FromHours(25));
        await AddTaskAsync("t-bp1finished0000000000", DemoWorld.AcmeAccountId, AsyncTaskStatus.Finished, TimeSpan.FromHours(1));
        await AddTaskAsync("t-bp1globexfail00000000", DemoWorld.GlobexAccountId, AsyncTaskStatus.Failed, TimeSpan.FromHours(1));
        var bob = await _db.ActorAsync(DemoWorld.Bob);

        // Act
        var attention = await Service.GetAsync(bob, Hangzhou);

        // Assert
        var failed = Assert.Single(attention.FailedTasks);
        Assert.Equal(("t-bp1recentfail0000000", "InternalError"), (failed.TaskId, failed.ErrorCode));
    }

    [Fact]
    public async Task Get_ShowsAQuotaFromEightyPercentOfItsLimit_ToAnyMemberOfTheAccount()
    {
        // Arrange: Acme owns one custom image in Hangzhou.
        var root = await _db.ActorAsync(DemoWorld.Root);
        var admin = _services.Get<QuotaAdminService>();
        await admin.SetLimitAsync(root, DemoWorld.AcmeAccountId, Hangzhou, QuotaCatalogue.ImageCount, 1);
        await admin.SetLimitAsync(root, DemoWorld.GlobexAccountId, Hangzhou, QuotaCatalogue.ImageCount, 1);
        var bob = await _db.ActorAsync(DemoWorld.Bob);

        // Act
        var attention = await Service.GetAsync(bob, Hangzhou);
        var elsewhere = await Service.GetAsync(bob, "cn-shanghai");

        // Assert
        var quota = Assert.Single(attention.QuotasNearLimit);
        Assert.Equal((DemoWorld.AcmeAccountId, QuotaCatalogue.ImageCount, 1, 1), (quota.AccountId, quota.QuotaName, quota.Used, quota.Limit));
        Assert.Empty(elsewhere.QuotasNearLimit);
    }

    [Fact]
    public async Task Get_AtHalfOfALimit_ShowsNoQuota()
    {
        // Arrange: one image of a limit of 2 is 50%.
        var root = await _db.ActorAsync(DemoWorld.Root);
        await _services.Get<QuotaAdminService>().SetLimitAsync(root, DemoWorld.AcmeAccountId, Hangzhou, QuotaCatalogue.ImageCount, 2);
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var attention = await Service.GetAsync(alice, Hangzhou);

        // Assert
        Assert.Empty(attention.QuotasNearLimit);
    }

    [Fact]
    public async Task Get_ForThePlatformAdminWithoutAnAccount_HasNothing()
    {
        // Arrange
        var root = await _db.ActorAsync(DemoWorld.Root);

        // Act
        var attention = await Service.GetAsync(root, Hangzhou);

        // Assert
        Assert.True(attention.IsEmpty);
    }
}
