using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.ImageUpdates;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Storage;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Permissions;

/// <summary>
/// Every domain operation that changes something × who tries it: the owner's Admin, the owner's ReadOnly member, another
/// account, the recipient of a share, the platform admin. Each cell is "allowed" (null) or the exact ECS code. Another
/// account's private resource is NotFound, never Forbidden. Grows with each new operation.
/// </summary>
public sealed class PermissionMatrixTests
{
    private const string Hangzhou = "cn-hangzhou";
    private const string OwnerAdmin = DemoWorld.Alice;
    private const string OwnerReadOnly = DemoWorld.Bob;
    private const string OtherAccount = DemoWorld.Dave;
    private const string Recipient = DemoWorld.Carol;
    private const string PlatformAdmin = DemoWorld.Root;

    public static TheoryData<string, string, string?> Matrix => new()
    {
        // operation, actor, expected code (null = allowed)
        { "ModifyImageAttribute", OwnerAdmin, null },
        { "ModifyImageAttribute", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "ModifyImageAttribute", OtherAccount, ImageErrors.NotFoundCode },
        { "ModifyImageAttribute", Recipient, CommonErrors.ForbiddenCode },
        { "ModifyImageAttribute", PlatformAdmin, ImageErrors.NotFoundCode },
        { "DeprecateImage", OwnerAdmin, ImageErrors.UseSharedCode }, // allowed, but the image is shared (FAM-08)
        { "DeprecateImage", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "DeprecateImage", OtherAccount, ImageErrors.NotFoundCode },
        { "DeprecateImage", Recipient, CommonErrors.ForbiddenCode },
        { "DeprecateImage", PlatformAdmin, ImageErrors.NotFoundCode },
        { "DeleteImage", OwnerAdmin, ImageErrors.UseSharedCode }, // allowed, but the image is shared (DEL-04)
        { "DeleteImage", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "DeleteImage", OtherAccount, ImageErrors.NotFoundCode },
        { "DeleteImage", Recipient, CommonErrors.ForbiddenCode },
        { "DeleteImage", PlatformAdmin, ImageErrors.NotFoundCode },
        { "ModifyImageSharePermission", OwnerAdmin, null },
        { "ModifyImageSharePermission", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "ModifyImageSharePermission", OtherAccount, ImageErrors.NotFoundCode },
        { "ModifyImageSharePermission", Recipient, CommonErrors.ForbiddenCode },
        { "ModifyImageSharePermission", PlatformAdmin, ImageErrors.NotFoundCode },
        { "CopyImage", OwnerAdmin, null },
        { "CopyImage", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CopyImage", OtherAccount, ImageErrors.NotFoundCode },
        { "CopyImage", Recipient, CopyErrors.SameRegionOnlyCode },
        { "CopyImage", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "ExportImage", OwnerAdmin, null },
        { "ExportImage", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "ExportImage", OtherAccount, ImageErrors.NotFoundCode },
        { "ExportImage", Recipient, CommonErrors.ForbiddenCode },
        { "ExportImage", PlatformAdmin, ImageErrors.NotFoundCode },
        { "CreateImage", OwnerAdmin, null },
        { "CreateImage", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CreateImage", OtherAccount, InstanceErrors.NotFoundCode },
        { "CreateImage", Recipient, InstanceErrors.NotFoundCode },
        { "CreateImage", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "CreateSnapshot", OwnerAdmin, null },
        { "CreateSnapshot", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CreateSnapshot", OtherAccount, SnapshotErrors.DiskNotFoundCode },
        { "CreateSnapshot", Recipient, SnapshotErrors.DiskNotFoundCode },
        { "CreateSnapshot", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "DeleteSnapshot", OwnerAdmin, null },
        { "DeleteSnapshot", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "DeleteSnapshot", OtherAccount, SnapshotErrors.NotFoundCode },
        { "DeleteSnapshot", Recipient, SnapshotErrors.NotFoundCode },
        { "DeleteSnapshot", PlatformAdmin, SnapshotErrors.NotFoundCode },
        { "ImportImage", OwnerAdmin, null },
        { "ImportImage", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "ImportImage", OtherAccount, StorageErrors.BucketNotFoundCode },
        { "ImportImage", Recipient, StorageErrors.BucketNotFoundCode },
        { "ImportImage", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "RunInstances", OwnerAdmin, null },
        { "RunInstances", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "RunInstances", OtherAccount, ImageErrors.NotFoundCode },
        { "RunInstances", Recipient, null }, // recipients of a share may launch it
        { "RunInstances", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "StopInstance", OwnerAdmin, null },
        { "StopInstance", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "StopInstance", OtherAccount, InstanceErrors.NotFoundCode },
        { "StopInstance", Recipient, InstanceErrors.NotFoundCode },
        { "StopInstance", PlatformAdmin, InstanceErrors.NotFoundCode },
        { "StartInstance", OwnerAdmin, null },
        { "StartInstance", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "StartInstance", OtherAccount, InstanceErrors.NotFoundCode },
        { "StartInstance", Recipient, InstanceErrors.NotFoundCode },
        { "StartInstance", PlatformAdmin, InstanceErrors.NotFoundCode },
        { "RebootInstance", OwnerAdmin, null },
        { "RebootInstance", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "RebootInstance", OtherAccount, InstanceErrors.NotFoundCode },
        { "RebootInstance", Recipient, InstanceErrors.NotFoundCode },
        { "RebootInstance", PlatformAdmin, InstanceErrors.NotFoundCode },
        { "ModifyInstanceAttribute", OwnerAdmin, null },
        { "ModifyInstanceAttribute", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "ModifyInstanceAttribute", OtherAccount, InstanceErrors.NotFoundCode },
        { "ModifyInstanceAttribute", Recipient, InstanceErrors.NotFoundCode },
        { "ModifyInstanceAttribute", PlatformAdmin, InstanceErrors.NotFoundCode },
        { "StopInstances", OwnerAdmin, null },
        { "StopInstances", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "StopInstances", OtherAccount, InstanceErrors.NotFoundCode },
        { "StopInstances", Recipient, InstanceErrors.NotFoundCode },
        { "StopInstances", PlatformAdmin, InstanceErrors.NotFoundCode },
        { "DeleteInstances", OwnerAdmin, null },
        { "DeleteInstances", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "DeleteInstances", OtherAccount, InstanceErrors.NotFoundCode },
        { "DeleteInstances", Recipient, InstanceErrors.NotFoundCode },
        { "DeleteInstances", PlatformAdmin, InstanceErrors.NotFoundCode },
        { "DeleteInstance", OwnerAdmin, null },
        { "DeleteInstance", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "DeleteInstance", OtherAccount, InstanceErrors.NotFoundCode },
        { "DeleteInstance", Recipient, InstanceErrors.NotFoundCode },
        { "DeleteInstance", PlatformAdmin, InstanceErrors.NotFoundCode },
        { "ReplaceSystemDisk", OwnerAdmin, null },
        { "ReplaceSystemDisk", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "ReplaceSystemDisk", OtherAccount, InstanceErrors.NotFoundCode },
        { "ReplaceSystemDisk", Recipient, InstanceErrors.NotFoundCode },
        { "ReplaceSystemDisk", PlatformAdmin, InstanceErrors.NotFoundCode },
        { "CreateImageComponent", OwnerAdmin, null },
        { "CreateImageComponent", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CreateImageComponent", OtherAccount, null }, // in its own account: nothing of Acme's is involved
        { "CreateImageComponent", Recipient, null },
        { "CreateImageComponent", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "DeleteImageComponent", OwnerAdmin, null },
        { "DeleteImageComponent", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "DeleteImageComponent", OtherAccount, ImageBuilderErrors.ComponentNotFoundCode },
        { "DeleteImageComponent", Recipient, ImageBuilderErrors.ComponentNotFoundCode },
        { "DeleteImageComponent", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "CreateImagePipeline", OwnerAdmin, null },
        { "CreateImagePipeline", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CreateImagePipeline", OtherAccount, ImageBuilderErrors.BaseImageNotFoundCode },
        { "CreateImagePipeline", Recipient, null }, // recipients of a share may build from it (IB-30)
        { "CreateImagePipeline", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "DeleteImagePipeline", OwnerAdmin, null },
        { "DeleteImagePipeline", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "DeleteImagePipeline", OtherAccount, ImageBuilderErrors.PipelineNotFoundCode },
        { "DeleteImagePipeline", Recipient, ImageBuilderErrors.PipelineNotFoundCode },
        { "DeleteImagePipeline", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "StartImagePipelineExecution", OwnerAdmin, null },
        { "StartImagePipelineExecution", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "StartImagePipelineExecution", OtherAccount, ImageBuilderErrors.PipelineNotFoundCode },
        { "StartImagePipelineExecution", Recipient, ImageBuilderErrors.PipelineNotFoundCode },
        { "StartImagePipelineExecution", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "CancelImagePipelineExecution", OwnerAdmin, null },
        { "CancelImagePipelineExecution", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CancelImagePipelineExecution", OtherAccount, ImageBuilderErrors.ExecutionNotFoundCode },
        { "CancelImagePipelineExecution", Recipient, ImageBuilderErrors.ExecutionNotFoundCode },
        { "CancelImagePipelineExecution", PlatformAdmin, ImageBuilderErrors.ExecutionNotFoundCode }, // owns no builds, as for StopInstance
        { "UpdateImage", OwnerAdmin, null },
        { "UpdateImage", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "UpdateImage", OtherAccount, ImageErrors.NotFoundCode },
        { "UpdateImage", Recipient, null }, // any image RunInstances accepts (OOS-03), a shared one too
        { "UpdateImage", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "CancelImageUpdate", OwnerAdmin, null },
        { "CancelImageUpdate", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CancelImageUpdate", OtherAccount, ImageUpdateService.ExecutionNotFoundCode },
        { "CancelImageUpdate", Recipient, ImageUpdateService.ExecutionNotFoundCode },
        { "CancelImageUpdate", PlatformAdmin, ImageUpdateService.ExecutionNotFoundCode },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_ByActor_IsAllowedOrRefusedWithTheExactCode(string operation, string actorEmail, string? expected)
    {
        // Act
        var error = await RunAsync(operation, world => world.ActorAsync(actorEmail));

        // Assert
        Assert.True(expected == error?.Code, $"{operation} by {actorEmail}: expected {expected ?? "allowed"}, got {error?.ToString() ?? "allowed"}");
    }

    /// <summary>Every operation of the matrix × the ways an Admin takes a member's access away.</summary>
    public static TheoryData<string, string> Revocations
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var operation in Matrix.Select(row => (string)row[0]).Distinct())
            {
                foreach (var revocation in new[] { "demoted", "removed", "locked out" })
                {
                    data.Add(operation, revocation);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task Operation_ByAnOperatorWhoseAccessWasRevokedAfterTheActorWasRead_IsForbidden(string operation, string revocation)
    {
        // Arrange: eve, an Operator of Acme, as a page or an API call read her before the Admin acted
        async Task<Actor> RevokedEveAsync(TestDatabase world)
        {
            var members = new MemberService(world.Factory, world.Time, Microsoft.Extensions.Options.Options.Create(new Microsoft.AspNetCore.Identity.IdentityOptions()));
            var alice = await world.ActorAsync(OwnerAdmin);
            var eve = (await members.AddAsync(alice, "eve@acme.example", AccountRole.Operator)).Value;
            var stale = await world.ActorAsync(eve.Email);
            switch (revocation)
            {
                case "demoted":
                    Assert.True((await members.ChangeRoleAsync(alice, eve.UserId, AccountRole.ReadOnly)).IsSuccess);
                    break;
                case "removed":
                    Assert.True((await members.RemoveAsync(alice, eve.UserId)).IsSuccess);
                    break;
                default:
                    await using (var db = world.NewContext())
                    {
                        (await db.Users.SingleAsync(u => u.Id == eve.UserId)).LockoutEnd = world.Time.GetUtcNow().AddMinutes(5);
                        await db.SaveChangesAsync();
                    }

                    break;
            }

            return stale;
        }

        // Act
        var error = await RunAsync(operation, RevokedEveAsync);

        // Assert
        Assert.True(error?.Code == CommonErrors.ForbiddenCode, $"{operation} by an Operator {revocation} since: expected Forbidden, got {error?.ToString() ?? "allowed"}");
    }

    private static async Task<EcsError?> RunAsync(string operation, Func<TestDatabase, Task<Actor>> actorOf)
    {
        // Arrange: Acme's acme-base-v1, shared with Globex (carol is its recipient)
        await using var world = new TestDatabase();
        await world.WithDemoWorldAsync();
        var engine = EngineFactory.Create(world.Factory, world.Time);
        var ids = new IdGenerator();
        var tasks = new TaskService(world.Factory, engine, ids, world.Time);
        var notifier = new ChangeNotifier();
        string image, web1, web1Data, snapshot, db1;
        await using (var db = world.NewContext())
        {
            image = await db.Images.Where(i => i.Name == "acme-base-v1").Select(i => i.Id).SingleAsync();
            web1 = await db.Instances.Where(i => i.Name == "web-1").Select(i => i.Id).SingleAsync();
            web1Data = await db.Disks.Where(d => d.InstanceId == web1 && d.Type == "data").Select(d => d.Id).SingleAsync();
            snapshot = await db.Snapshots.Where(s => s.Name == "db-1-data-daily").Select(s => s.Id).SingleAsync();
            db1 = await db.Instances.Where(i => i.Name == "db-1").Select(i => i.Id).SingleAsync();
        }

        var instances = new InstanceService(world.Factory, ids, world.Time, tasks, notifier,
            new CompatibilityService(world.Factory, Microsoft.Extensions.Options.Options.Create(new InstanceOptions())));

        var sharing = new SharingService(world.Factory, world.Time, notifier);
        var owner = await world.ActorAsync(OwnerAdmin);
        await sharing.ModifyAsync(owner, Hangzhou, image, new ModifySharePermissionRequest(AddAccounts: [DemoWorld.GlobexAccountId]));
        var actor = await actorOf(world);
        var lifecycle = new ImageLifecycleService(world.Factory, world.Time, notifier);

        // Image Builder and image updates call other services from their task handlers: every service, one engine.
        await using var domain = new DomainServices(world);
        var components = domain.Get<ImageComponentService>();
        var pipelines = domain.Get<ImagePipelineService>();
        var builds = domain.Get<ImageBuildService>();
        var updates = domain.Get<ImageUpdateService>();

        async Task<string> Owned(Task<Result<string>> made)
        {
            var result = await made;
            Assert.True(result.IsSuccess, result.Error?.ToString());
            return result.Value;
        }

        Task<string> AcmeComponentAsync() =>
            Owned(components.CreateAsync(owner, new CreateImageComponentRequest { RegionId = Hangzhou, Name = "acme-component", Content = "RUN echo acme" }));

        Task<string> AcmeTemplateAsync() => Owned(pipelines.CreateAsync(owner, new CreateImagePipelineRequest
        {
            RegionId = Hangzhou, BaseImageType = "IMAGE", BaseImage = image, BuildContent = "RUN echo acme", InstanceType = "ecs.g7.large",
        }));

        async Task<string> AcmeBuildAsync() => await Owned(builds.StartAsync(owner, Hangzhou, await AcmeTemplateAsync()));

        Task<string> AcmeUpdateAsync() => Owned(updates.StartAsync(owner, new UpdateImageRequest
        {
            RegionId = Hangzhou, SourceImageId = image, InstanceType = "ecs.g7.large", TargetImageName = "acme-updated",
        }));

        EcsError? error = operation switch
        {
            "ModifyImageAttribute" => (await lifecycle.ModifyAsync(actor, Hangzhou, image, new ModifyImageRequest(Description: "matrix"))).Error,
            "DeprecateImage" => (await lifecycle.DeprecateAsync(actor, Hangzhou, image)).Error,
            "DeleteImage" => (await lifecycle.DeleteAsync(actor, Hangzhou, new DeleteImagesRequest([image]))).Error,
            "ModifyImageSharePermission" => (await sharing.ModifyAsync(actor, Hangzhou, image, new ModifySharePermissionRequest(AddAccounts: [DemoWorld.InitechAccountId]))).Error,
            "CopyImage" => (await new CopyImageService(world.Factory, ids, world.Time, tasks, engine, notifier)
                .CopyAsync(actor, new CopyImageRequest(Hangzhou, image, "cn-shanghai", "matrix-copy", null))).Error,
            "ExportImage" => (await new ExportImageService(world.Factory, world.Time, tasks, notifier)
                .ExportAsync(actor, new ExportImageRequest(Hangzhou, image, "acme-images-hangzhou"))).Error,
            "CreateImage" => (await new CreateImageService(world.Factory, ids, world.Time, tasks, notifier)
                .CreateAsync(actor, new CreateImageRequest { RegionId = Hangzhou, InstanceId = web1, Name = "matrix-image" })).Error,
            "CreateSnapshot" => (await new SnapshotService(world.Factory, ids, world.Time, tasks, engine, notifier)
                .CreateAsync(actor, new CreateSnapshotRequest(Hangzhou, web1Data, "matrix-snapshot", null))).Error,
            "DeleteSnapshot" => (await new SnapshotService(world.Factory, ids, world.Time, tasks, engine, notifier)
                .DeleteAsync(actor, Hangzhou, snapshot)).Error,
            "ImportImage" => (await new ImportImageService(world.Factory, ids, world.Time, tasks, notifier)
                .ImportAsync(actor, new ImportImageRequest { RegionId = Hangzhou, OssBucket = "acme-images-hangzhou", OssObject = "imports/web-base.qcow2", Name = "matrix-import" })).Error,
            "RunInstances" => (await instances.RunAsync(actor, new RunInstancesRequest
            {
                RegionId = Hangzhou, ZoneId = "cn-hangzhou-h", ImageId = image, InstanceTypeId = "ecs.g7.large", InstanceName = "matrix",
            })).Error,
            "StopInstance" => (await instances.StopAsync(actor, Hangzhou, web1)).Error,
            "StartInstance" => (await instances.StartAsync(actor, Hangzhou, db1)).Error,
            "DeleteInstance" => (await instances.ReleaseAsync(actor, Hangzhou, db1, force: false)).Error,
            "RebootInstance" => (await instances.RebootAsync(actor, Hangzhou, web1)).Error,
            "ModifyInstanceAttribute" => (await instances.ModifyAttributeAsync(actor, new ModifyInstanceAttributeRequest
            {
                RegionId = Hangzhou, InstanceId = web1, InstanceName = "matrix-renamed",
            })).Error,
            "StopInstances" => (await instances.StopManyAsync(actor, Hangzhou, [web1], BatchOptimization.AllTogether)).Error,
            "DeleteInstances" => (await instances.ReleaseManyAsync(actor, Hangzhou, [db1], force: false)).Error,
            "ReplaceSystemDisk" => (await instances.ReplaceSystemDiskAsync(actor, new ReplaceSystemDiskRequest
            {
                RegionId = Hangzhou, InstanceId = db1, ImageId = "debian_12_x64_20G_alibase_20250101.vhd",
            })).Error,
            "CreateImageComponent" => (await components.CreateAsync(actor, new CreateImageComponentRequest
            {
                RegionId = Hangzhou, Name = "matrix-component", Content = "RUN echo matrix",
            })).Error,
            "DeleteImageComponent" => (await components.DeleteAsync(actor, Hangzhou, await AcmeComponentAsync())).Error,
            "CreateImagePipeline" => (await pipelines.CreateAsync(actor, new CreateImagePipelineRequest
            {
                RegionId = Hangzhou, Name = "matrix-template", BaseImageType = "IMAGE", BaseImage = image, BuildContent = "RUN echo matrix", InstanceType = "ecs.g7.large",
            })).Error,
            "DeleteImagePipeline" => (await pipelines.DeleteAsync(actor, Hangzhou, await AcmeTemplateAsync())).Error,
            "StartImagePipelineExecution" => (await builds.StartAsync(actor, Hangzhou, await AcmeTemplateAsync())).Error,
            "CancelImagePipelineExecution" => (await builds.CancelAsync(actor, Hangzhou, await AcmeBuildAsync())).Error,
            "UpdateImage" => (await updates.StartAsync(actor, new UpdateImageRequest
            {
                RegionId = Hangzhou, SourceImageId = image, InstanceType = "ecs.g7.large", TargetImageName = "matrix-updated",
            })).Error,
            "CancelImageUpdate" => (await updates.CancelAsync(actor, Hangzhou, await AcmeUpdateAsync())).Error,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "an operation the matrix does not know"),
        };

        return error;
    }
}
