using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Sas;
using EcsConsole.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Affordances;

/// <summary>ADR-011 for SAS custom images and servers: <see cref="SasAffordances"/> and <see cref="SasImageService"/> agree.</summary>
public sealed partial class AffordanceAgreementTests
{
    public static TheoryData<string, ImageStatus, SasImageAction, bool> SasImageCases()
    {
        var cases = new TheoryData<string, ImageStatus, SasImageAction, bool>();
        foreach (var action in Enum.GetValues<SasImageAction>())
        {
            foreach (var status in new[] { ImageStatus.Available, ImageStatus.Creating, ImageStatus.CreateFailed })
            {
                cases.Add(DemoWorld.Alice, status, action, false);
                cases.Add(DemoWorld.Alice, status, action, true);
            }

            cases.Add(DemoWorld.Bob, ImageStatus.Available, action, false);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(SasImageCases))]
    public async Task SasImage_AffordanceAndServiceAgree(string user, ImageStatus status, SasImageAction action, bool quotaFull)
    {
        var sas = _services.Get<SasImageService>();
        var id = await NewSasImageAsync(status, quotaFull);

        var actor = await _db.ActorAsync(user);
        var list = await sas.ListAsync(actor, Hangzhou);
        var answer = SasAffordances.Check(actor, list.Images.Single(i => i.Id == id), action, list.Quota);

        var refused = action switch
        {
            SasImageAction.Share => (await sas.ModifyShareStatusAsync(actor, Hangzhou, id, share: true)).Error,
            SasImageAction.Copy => (await sas.CopyAsync(actor, new CopySasImageRequest(Hangzhou, id, "cn-shanghai"))).Error,
            SasImageAction.CreateServer => (await _services.Get<SasServerService>()
                .CreateAsync(actor, new CreateSasServersRequest(Hangzhou, id, SasPlans.All[^1].Id, "agreement-server"))).Error,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        Assert.Equal(answer?.Code, refused?.Code);
    }

    [Theory]
    [InlineData(DemoWorld.Alice, false)]
    [InlineData(DemoWorld.Alice, true)]
    [InlineData(DemoWorld.Bob, false)]
    public async Task SasCreateImage_FromTheImagesPage_AffordanceAndServiceAgree(string user, bool quotaFull)
    {
        if (quotaFull)
        {
            await NewSasImageAsync(ImageStatus.Available, quotaFull: true);
        }

        var actor = await _db.ActorAsync(user);
        var answer = SasAffordances.CheckCreateImage(actor, await _services.Get<SasImageService>().GetQuotaAsync(actor));

        var refused = (await CreateSasImageAsync(actor, (await WordPressAsync(actor)).Server.Id, await WordPressSystemSnapshotAsync())).Error;

        Assert.Equal(answer?.Code, refused?.Code);
    }

    [Theory]
    [InlineData(DemoWorld.Alice, true)]
    [InlineData(DemoWorld.Alice, false)]
    [InlineData(DemoWorld.Bob, true)]
    public async Task SasCreateImage_FromAServerRow_AffordanceAndServiceAgree(string user, bool withSystemSnapshot)
    {
        if (!withSystemSnapshot)
        {
            await using var db = _db.NewContext();
            db.SasSnapshots.RemoveRange(db.SasSnapshots.Where(s => s.Name == "sas-wordpress-1-system"));
            await db.SaveChangesAsync();
        }

        var actor = await _db.ActorAsync(user);
        var view = await WordPressAsync(actor);
        var answer = SasAffordances.CheckCreateImage(actor, view);

        // What the create dialog sends from the row: the server and its newest system-disk snapshot, if any.
        var snapshot = view.Snapshots.FirstOrDefault(s => s.DiskType == SasRules.SystemDisk)?.Id;
        var refused = (await CreateSasImageAsync(actor, view.Server.Id, snapshot)).Error;

        Assert.Equal(answer?.Code, refused?.Code);
    }

    private async Task<SasServerView> WordPressAsync(Actor actor) =>
        (await _services.Get<SasServerService>().ListAsync(actor, Hangzhou)).Single(v => v.Server.Name == "sas-wordpress-1");

    private async Task<string> WordPressSystemSnapshotAsync()
    {
        await using var db = _db.NewContext();
        return await db.SasSnapshots.Where(s => s.Name == "sas-wordpress-1-system").Select(s => s.Id).SingleAsync();
    }

    private Task<Result<SasImage>> CreateSasImageAsync(Actor actor, string serverId, string? systemSnapshotId) =>
        _services.Get<SasImageService>().CreateAsync(actor, new CreateSasImageRequest(Hangzhou, serverId, "agreement-image", systemSnapshotId));

    /// <summary>Alice's custom image of sas-wordpress-1 in <paramref name="status"/>; with copies of it until the quota is used up when asked.</summary>
    private async Task<string> NewSasImageAsync(ImageStatus status, bool quotaFull)
    {
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var created = (await CreateSasImageAsync(alice, (await WordPressAsync(alice)).Server.Id, await WordPressSystemSnapshotAsync())).Value;
        var quota = await _services.Get<SasImageService>().GetQuotaAsync(alice);

        await using var db = _db.NewContext();
        var image = await db.SasImages.SingleAsync(i => i.Id == created.Id);
        if (status == ImageStatus.Creating)
        {
            image.ReportProgress(50);
        }
        else if (status == ImageStatus.CreateFailed)
        {
            image.MarkFailed();
        }

        var ids = new IdGenerator();
        for (var i = quota.Used; quotaFull && i < quota.Limit; i++)
        {
            db.SasImages.Add(new SasImage
            {
                Id = ids.NewImageId("bp"), RegionId = Hangzhou, AccountId = image.AccountId, Name = $"filler-{i}", SourceServerId = image.SourceServerId,
                SystemSnapshotId = image.SystemSnapshotId, OsName = image.OsName, OsType = image.OsType, Platform = image.Platform,
                Architecture = image.Architecture, BootMode = image.BootMode, SizeGiB = image.SizeGiB, CreationTime = image.CreationTime,
            });
        }

        await db.SaveChangesAsync();
        return created.Id;
    }
}
