using EcsConsole.Domain.Common;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Sas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Storage;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Sas;

/// <summary>
/// Every SAS operation that changes something × who tries it (as <c>PermissionMatrixTests</c> does for ECS), and every
/// changing ECS operation on the ECS side of a SAS image shared to ECS: the account sees it, but nobody owns it.
/// </summary>
public sealed class SasPermissionMatrixTests
{
    private const string Hangzhou = "cn-hangzhou";
    private const string OwnerAdmin = DemoWorld.Alice;
    private const string OwnerReadOnly = DemoWorld.Bob;
    private const string OtherAccount = DemoWorld.Dave;
    private const string PlatformAdmin = DemoWorld.Root;

    public static TheoryData<string, string, string?> Matrix => new()
    {
        // SAS operation, actor, expected code (null = allowed)
        { "CreateCustomImage", OwnerAdmin, null },
        { "CreateCustomImage", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CreateCustomImage", OtherAccount, SasErrors.ServerNotFoundCode },
        { "CreateCustomImage", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "DeleteCustomImages", OwnerAdmin, null },
        { "DeleteCustomImages", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "DeleteCustomImages", OtherAccount, SasErrors.ImageNotFoundCode },
        { "DeleteCustomImages", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "ModifyImageShareStatus", OwnerAdmin, null },
        { "ModifyImageShareStatus", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "ModifyImageShareStatus", OtherAccount, SasErrors.ImageNotFoundCode },
        { "ModifyImageShareStatus", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "CopyCustomImage", OwnerAdmin, null },
        { "CopyCustomImage", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CopyCustomImage", OtherAccount, SasErrors.ImageNotFoundCode },
        { "CopyCustomImage", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "CreateSnapshot", OwnerAdmin, null },
        { "CreateSnapshot", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CreateSnapshot", OtherAccount, SnapshotErrors.DiskNotFoundCode },
        { "CreateSnapshot", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "ReleaseInstance", OwnerAdmin, null },
        { "ReleaseInstance", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "ReleaseInstance", OtherAccount, SasErrors.ServerNotFoundCode },
        { "ReleaseInstance", PlatformAdmin, CommonErrors.ForbiddenCode },
        { "CreateInstances", OwnerAdmin, null },
        { "CreateInstances", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CreateInstances", OtherAccount, SasErrors.ImageNotFoundCode },
        { "CreateInstances", PlatformAdmin, CommonErrors.ForbiddenCode },
    };

    public static TheoryData<string, string, string?> EcsSideMatrix => new()
    {
        // ECS operation on the shared SAS image, actor, expected code
        { "ModifyImageAttribute", OwnerAdmin, CommonErrors.ForbiddenCode },
        { "ModifyImageAttribute", OtherAccount, ImageErrors.NotFoundCode },
        { "DeprecateImage", OwnerAdmin, CommonErrors.ForbiddenCode },
        { "DeleteImage", OwnerAdmin, CommonErrors.ForbiddenCode },
        { "DeleteImage", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "DeleteImage", OtherAccount, ImageErrors.NotFoundCode },
        { "ModifyImageSharePermission", OwnerAdmin, CommonErrors.ForbiddenCode },
        { "ExportImage", OwnerAdmin, CommonErrors.ForbiddenCode },
        { "CopyImageToAnotherRegion", OwnerAdmin, CopyErrors.SameRegionOnlyCode },
        { "CopyImageInItsRegion", OwnerAdmin, null },
        { "CopyImageInItsRegion", OwnerReadOnly, CommonErrors.ForbiddenCode },
        { "CopyImageInItsRegion", OtherAccount, ImageErrors.NotFoundCode },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task SasOperation_ByActor_IsAllowedOrRefusedWithTheExactCode(string operation, string actorEmail, string? expected)
    {
        // Arrange: Acme's custom image of sas-wordpress-1
        await using var world = new TestDatabase();
        await world.WithDemoWorldAsync();
        var (images, servers, image) = await ArrangeAsync(world, share: false);
        SasServer wordpress;
        string systemSnapshot;
        await using (var db = world.NewContext())
        {
            wordpress = await db.SasServers.Include(s => s.Disks).SingleAsync(s => s.Name == "sas-wordpress-1");
            systemSnapshot = await db.SasSnapshots.Where(s => s.Name == "sas-wordpress-1-system").Select(s => s.Id).SingleAsync();
        }

        var actor = await world.ActorAsync(actorEmail);

        // Act
        EcsError? error = operation switch
        {
            "CreateCustomImage" => (await images.CreateAsync(actor, new CreateSasImageRequest(Hangzhou, wordpress.Id, "matrix-image", systemSnapshot))).Error,
            "DeleteCustomImages" => (await images.DeleteAsync(actor, Hangzhou, [image])).Error,
            "ModifyImageShareStatus" => (await images.ModifyShareStatusAsync(actor, Hangzhou, image, share: true)).Error,
            "CopyCustomImage" => (await images.CopyAsync(actor, new CopySasImageRequest(Hangzhou, image, "cn-shanghai"))).Error,
            "CreateSnapshot" => (await servers.CreateSnapshotAsync(actor, new CreateSasSnapshotRequest(Hangzhou, wordpress.Disks[0].Id, null))).Error,
            "ReleaseInstance" => (await servers.ReleaseAsync(actor, Hangzhou, wordpress.Id, SasReleaseReason.Refund)).Error,
            "CreateInstances" => (await servers.CreateAsync(actor, new CreateSasServersRequest(Hangzhou, image, SasPlans.All[^1].Id, "matrix-server"))).Error,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "an operation the matrix does not know"),
        };

        // Assert
        Assert.True(expected == error?.Code, $"{operation} by {actorEmail}: expected {expected ?? "allowed"}, got {error?.ToString() ?? "allowed"}");
    }

    [Theory]
    [MemberData(nameof(EcsSideMatrix))]
    public async Task EcsOperation_OnASasImageSharedToEcs_ByActor_IsRefusedUnlessItCopiesWithinTheRegion(string operation, string actorEmail, string? expected)
    {
        // Arrange: Acme's custom image of sas-wordpress-1, shared to ECS
        await using var world = new TestDatabase();
        await world.WithDemoWorldAsync();
        var (_, _, image) = await ArrangeAsync(world, share: true);
        var actor = await world.ActorAsync(actorEmail);
        var notifier = new ChangeNotifier();
        var engine = EngineFactory.Create(world.Factory, world.Time);
        var ids = new IdGenerator();
        var tasks = new TaskService(world.Factory, engine, ids, world.Time);
        var lifecycle = new ImageLifecycleService(world.Factory, world.Time, notifier);
        var copies = new CopyImageService(world.Factory, ids, world.Time, tasks, engine, notifier);

        // Act
        EcsError? error = operation switch
        {
            "ModifyImageAttribute" => (await lifecycle.ModifyAsync(actor, Hangzhou, image, new ModifyImageRequest(Description: "matrix"))).Error,
            "DeprecateImage" => (await lifecycle.DeprecateAsync(actor, Hangzhou, image)).Error,
            "DeleteImage" => (await lifecycle.DeleteAsync(actor, Hangzhou, new DeleteImagesRequest([image], Force: true))).Error,
            "ModifyImageSharePermission" => (await new SharingService(world.Factory, world.Time, notifier)
                .ModifyAsync(actor, Hangzhou, image, new ModifySharePermissionRequest(AddAccounts: [DemoWorld.InitechAccountId]))).Error,
            "ExportImage" => (await new ExportImageService(world.Factory, world.Time, tasks, notifier)
                .ExportAsync(actor, new ExportImageRequest(Hangzhou, image, "acme-images-hangzhou"))).Error,
            "CopyImageToAnotherRegion" => (await copies.CopyAsync(actor, new CopyImageRequest(Hangzhou, image, "cn-shanghai", "matrix-copy", null))).Error,
            "CopyImageInItsRegion" => (await copies.CopyAsync(actor, new CopyImageRequest(Hangzhou, image, Hangzhou, "matrix-copy", null))).Error,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "an operation the matrix does not know"),
        };

        // Assert
        Assert.True(expected == error?.Code, $"{operation} by {actorEmail}: expected {expected ?? "allowed"}, got {error?.ToString() ?? "allowed"}");
    }

    private static async Task<(SasImageService Images, SasServerService Servers, string ImageId)> ArrangeAsync(TestDatabase world, bool share)
    {
        var engine = EngineFactory.Create(world.Factory, world.Time);
        var ids = new IdGenerator();
        var notifier = new ChangeNotifier();
        var images = new SasImageService(world.Factory, ids, world.Time, new TaskService(world.Factory, engine, ids, world.Time), notifier);
        var servers = new SasServerService(world.Factory, ids, world.Time, notifier);
        await using var db = world.NewContext();
        var wordpress = await db.SasServers.Where(s => s.Name == "sas-wordpress-1").Select(s => s.Id).SingleAsync();
        var snapshot = await db.SasSnapshots.Where(s => s.Name == "sas-wordpress-1-system").Select(s => s.Id).SingleAsync();
        var alice = await world.ActorAsync(OwnerAdmin);
        var image = (await images.CreateAsync(alice, new CreateSasImageRequest(Hangzhou, wordpress, "matrix-base", snapshot))).Value;
        if (share)
        {
            Assert.True((await images.ModifyShareStatusAsync(alice, Hangzhou, image.Id, share: true)).IsSuccess);
        }

        return (images, servers, image.Id);
    }
}
