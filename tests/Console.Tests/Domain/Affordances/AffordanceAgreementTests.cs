using EcsConsole.Domain.Common;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Storage;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Affordances;

/// <summary>
/// ADR-011: the affordance query and the service agree. For each action and each status of the resource, what the
/// query answers (allowed, or the refusal's code) is what the service does when the action is taken.
/// </summary>
public sealed partial class AffordanceAgreementTests : IAsyncLifetime
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

    public static TheoryData<string, InstanceStatus, InstanceAction> InstanceCases()
    {
        var cases = new TheoryData<string, InstanceStatus, InstanceAction>();
        foreach (var action in Enum.GetValues<InstanceAction>())
        {
            foreach (var status in Enum.GetValues<InstanceStatus>())
            {
                cases.Add(DemoWorld.Alice, status, action);
            }

            cases.Add(DemoWorld.Bob, InstanceStatus.Stopped, action);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(InstanceCases))]
    public async Task Instance_AffordanceAndServiceAgree(string user, InstanceStatus status, InstanceAction action)
    {
        string id;
        await using (var db = _db.NewContext())
        {
            var instance = await db.Instances.SingleAsync(i => i.Name == "db-1");
            instance.Status = status;
            await db.SaveChangesAsync();
            id = instance.Id;
        }

        var actor = await _db.ActorAsync(user);
        var row = (await _services.Get<InstanceQueryService>().ListAsync(actor, Hangzhou)).Single(i => i.Id == id);
        var answer = InstanceAffordances.Check(actor, row, action, _db.Time.GetUtcNow());

        var instances = _services.Get<InstanceService>();
        var refused = action switch
        {
            InstanceAction.Start => (await instances.StartAsync(actor, Hangzhou, id)).Error,
            InstanceAction.Stop => (await instances.StopAsync(actor, Hangzhou, id)).Error,
            InstanceAction.ReplaceSystemDisk => (await instances.ReplaceSystemDiskAsync(actor, new ReplaceSystemDiskRequest
            {
                RegionId = Hangzhou, InstanceId = id, ImageId = row.ImageId, Password = "Secret@123",
            })).Error,
            InstanceAction.Release => (await instances.ReleaseAsync(actor, Hangzhou, id, force: true)).Error,
            InstanceAction.CreateImage => (await _services.Get<CreateImageService>().CreateAsync(actor,
                new CreateImageRequest { RegionId = Hangzhou, InstanceId = id, Name = "agreement-image" })).Error,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        Assert.Equal(answer?.Code, refused?.Code);
    }

    public static TheoryData<string, ImageStatus, ImageAction> ImageCases()
    {
        var cases = new TheoryData<string, ImageStatus, ImageAction>();
        foreach (var action in new[] { ImageAction.Deprecate, ImageAction.Share, ImageAction.Copy, ImageAction.Export })
        {
            foreach (var status in Enum.GetValues<ImageStatus>().Where(s => s != ImageStatus.Waiting))
            {
                cases.Add(DemoWorld.Alice, status, action);
            }

            cases.Add(DemoWorld.Bob, ImageStatus.Available, action);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(ImageCases))]
    public async Task Image_AffordanceAndServiceAgree(string user, ImageStatus status, ImageAction action)
    {
        string id;
        await using (var db = _db.NewContext())
        {
            var image = await db.Images.SingleAsync(i => i.Name == "acme-base-v1");
            db.Entry(image).Property(i => i.Status).CurrentValue = status;
            await db.SaveChangesAsync();
            id = image.Id;
        }

        var actor = await _db.ActorAsync(user);
        var page = await _services.Get<ImageCatalogService>().ListAsync(actor, new ImageListQuery { RegionId = Hangzhou, Tab = ImageTab.Custom, Statuses = [status] });
        var row = page.Value.Items.Single(i => i.Id == id);
        var answer = ImageAffordances.Check(actor, row, action);

        var refused = action switch
        {
            ImageAction.Deprecate => (await _services.Get<ImageLifecycleService>().DeprecateAsync(actor, Hangzhou, id)).Error,
            ImageAction.Share => (await _services.Get<SharingService>().ModifyAsync(actor, Hangzhou, id,
                new ModifySharePermissionRequest(AddAccounts: [DemoWorld.InitechAccountId]))).Error,
            ImageAction.Copy => (await _services.Get<CopyImageService>().CopyAsync(actor,
                new CopyImageRequest(Hangzhou, id, "cn-shanghai", "agreement-copy", null))).Error,
            ImageAction.Export => (await _services.Get<ExportImageService>().ExportAsync(actor,
                new ExportImageRequest(Hangzhou, id, "acme-images-hangzhou"))).Error,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        Assert.Equal(answer?.Code, refused?.Code);
    }
}
