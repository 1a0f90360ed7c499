using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tags;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Tags;

/// <summary>TagResources / UntagResources / ListTagResources on images (ecs-openapi §2.25, VAL-TAG rules).</summary>
public sealed class TagServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly TestDatabase _db = new();
    private readonly List<ResourceChange> _published = [];
    private TagService _tags = null!;
    private string _acmeImage = "";
    private string _globexImage = "";

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        var changes = new ChangeNotifier();
        changes.Subscribe(_published.Add);
        _tags = new TagService(_db.Factory, _db.Time, changes);
        await using var db = _db.NewContext();
        _acmeImage = await db.Images.Where(i => i.Name == "acme-base-v1").Select(i => i.Id).SingleAsync();
        _globexImage = await db.Images.Where(i => i.Name == "globex-shared-tools").Select(i => i.Id).SingleAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task Tag_AddsAndOverwrites_IsAudited_AndPublished()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var first = await _tags.TagAsync(alice, Hangzhou, "image", [_acmeImage], [("tier", "gold"), ("team", "web")]);
        var second = await _tags.TagAsync(alice, Hangzhou, "image", [_acmeImage], [("tier", "silver")]);
        var listed = await _tags.ListAsync(alice, Hangzhou, "image", [_acmeImage], []);

        // Assert
        Assert.True(first.IsSuccess);
        Assert.True(second.IsSuccess);
        Assert.Equal("silver", listed.Value.Single(t => t.TagKey == "tier").TagValue);
        Assert.Contains(listed.Value, t => t.TagKey == "team");
        Assert.Contains(_published, c => c.ResourceId == _acmeImage);
        await using var db = _db.NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "TagResources" && a.ResourceId == _acmeImage && a.ErrorCode == null));
    }

    [Fact]
    public async Task Tag_BeyondTwentyTagsOnAnImage_IsQuotaExceedTags_AndChangesNothing()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _tags.TagAsync(alice, Hangzhou, "image", [_acmeImage], [("owner", "alice")]);
        var before = (await _tags.ListAsync(alice, Hangzhou, "image", [_acmeImage], [])).Value.Count;
        var tags = Enumerable.Range(0, ImageValidation.MaxTags).Select(i => ($"key{i}", "v")).ToList();

        // Act
        var result = await _tags.TagAsync(alice, Hangzhou, "image", [_acmeImage], tags);
        var after = (await _tags.ListAsync(alice, Hangzhou, "image", [_acmeImage], [])).Value.Count;

        // Assert: one tag plus twenty new ones are too many
        Assert.Equal(1, before);
        Assert.Equal(ImageErrors.TagQuotaCode, result.Error?.Code);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Tag_AnotherAccountsImage_IsForbiddenWhenShared_AndABadKeyIsMalformed()
    {
        // Arrange: Globex's image is shared with Acme, so Alice sees it but may not change it
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var others = await _tags.TagAsync(alice, Hangzhou, "image", [_globexImage], [("a", "b")]);
        var malformed = await _tags.TagAsync(alice, Hangzhou, "image", [_acmeImage], [("acs:reserved", "b")]);
        var unknown = await _tags.TagAsync(alice, Hangzhou, "image", ["m-nosuchimage"], [("a", "b")]);

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, others.Error?.Code);
        Assert.Equal(ImageErrors.TagKeyMalformedCode, malformed.Error?.Code);
        Assert.Equal(ImageErrors.NotFoundCode, unknown.Error?.Code);
    }

    [Fact]
    public async Task Tag_ByAReadOnlyMember_IsForbidden()
    {
        // Act
        var result = await _tags.TagAsync(await _db.ActorAsync(DemoWorld.Bob), Hangzhou, "image", [_acmeImage], [("a", "b")]);

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, result.Error?.Code);
    }

    [Fact]
    public async Task Untag_ByKey_OrAll_RemovesTags()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _tags.TagAsync(alice, Hangzhou, "image", [_acmeImage], [("x", "1"), ("y", "2")]);

        // Act
        await _tags.UntagAsync(alice, Hangzhou, "image", [_acmeImage], ["x"], all: false);
        var afterKey = await _tags.ListAsync(alice, Hangzhou, "image", [_acmeImage], []);
        await _tags.UntagAsync(alice, Hangzhou, "image", [_acmeImage], [], all: true);
        var afterAll = await _tags.ListAsync(alice, Hangzhou, "image", [_acmeImage], []);

        // Assert
        Assert.DoesNotContain(afterKey.Value, t => t.TagKey == "x");
        Assert.Contains(afterKey.Value, t => t.TagKey == "y");
        Assert.Empty(afterAll.Value);
    }

    [Fact]
    public async Task AnotherResourceType_IsInvalidResourceTypeNotFound()
    {
        // Act
        var result = await _tags.TagAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, "router", ["vrt-x"], [("a", "b")]);

        // Assert
        Assert.Equal(TagErrors.ResourceTypeNotFoundCode, result.Error?.Code);
    }
}
