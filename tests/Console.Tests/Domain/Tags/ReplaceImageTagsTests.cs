using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tags;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Tags;

/// <summary>The console's Edit Tags: the image's whole set of tags replaced in one write, with TagResources' rules.</summary>
public sealed class ReplaceImageTagsTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly TestDatabase _db = new();
    private TagService _tags = null!;
    private ImageCatalogService _catalog = null!;
    private string _acmeImage = "";
    private string _globexImage = "";

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _tags = new TagService(_db.Factory, _db.Time, new ChangeNotifier());
        _catalog = new ImageCatalogService(_db.Factory);
        await using var db = _db.NewContext();
        _acmeImage = await db.Images.Where(i => i.Name == "acme-base-v1").Select(i => i.Id).SingleAsync();
        _globexImage = await db.Images.Where(i => i.Name == "globex-shared-tools").Select(i => i.Id).SingleAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<IReadOnlyList<(string Key, string Value)>> TagsOfAcmeImageAsync()
    {
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        return (await _tags.ListAsync(alice, Hangzhou, "image", [_acmeImage], [])).Value.Select(t => (t.TagKey, t.TagValue)).ToList();
    }

    [Fact]
    public async Task Replace_AddsChangesAndRemoves_InOneAuditedWrite_AndTheCustomTabShowsTheTags()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _tags.TagAsync(alice, Hangzhou, "image", [_acmeImage], [("tier", "gold"), ("old", "x")]);

        // Act
        var result = await _tags.ReplaceImageTagsAsync(alice, Hangzhou, _acmeImage, [("tier", "silver"), ("team", "web")]);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([("team", "web"), ("tier", "silver")], await TagsOfAcmeImageAsync());
        var row = (await _catalog.ListAsync(alice, new ImageListQuery { RegionId = Hangzhou, Tab = ImageTab.Custom })).Value.Items.Single(i => i.Id == _acmeImage);
        Assert.Equal(["team", "tier"], row.Tags.Select(t => t.Key));
        await using var db = _db.NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.TagResources && a.ResourceId == _acmeImage && a.ErrorCode == null));
    }

    [Fact]
    public async Task Replace_WithNoTags_RemovesThemAll_AuditedAsUntagResources()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _tags.TagAsync(alice, Hangzhou, "image", [_acmeImage], [("tier", "gold")]);

        // Act
        var result = await _tags.ReplaceImageTagsAsync(alice, Hangzhou, _acmeImage, []);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Empty(await TagsOfAcmeImageAsync());
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.UntagResources && a.ResourceId == _acmeImage));
    }

    [Theory]
    [InlineData("aliyun-key", "v", "InvalidTagKey.Malformed")]
    [InlineData("acs:key", "v", "InvalidTagKey.Malformed")]
    [InlineData("key", "acs:value", "InvalidTagValue.Malformed")]
    public async Task Replace_WithATagTheRulesRefuse_IsRefusedWithItsCode_AndChangesNothing(string key, string value, string code)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _tags.TagAsync(alice, Hangzhou, "image", [_acmeImage], [("tier", "gold")]);

        // Act
        var result = await _tags.ReplaceImageTagsAsync(alice, Hangzhou, _acmeImage, [("team", "web"), (key, value)]);

        // Assert
        Assert.Equal(code, result.Error?.Code);
        Assert.Equal([("tier", "gold")], await TagsOfAcmeImageAsync());
    }

    [Fact]
    public async Task Replace_WithMoreThanTwentyTags_IsQuotaExceedTags()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var tags = Enumerable.Range(1, ImageValidation.MaxTags + 1).Select(n => ($"k{n}", "v")).ToList();

        // Act
        var result = await _tags.ReplaceImageTagsAsync(alice, Hangzhou, _acmeImage, tags);

        // Assert
        Assert.Equal(ImageErrors.TagQuota(ImageValidation.MaxTags).Code, result.Error?.Code);
        Assert.Empty(await TagsOfAcmeImageAsync());
    }

    [Fact]
    public async Task Replace_ByAReadOnlyMember_IsForbidden()
    {
        // Act
        var result = await _tags.ReplaceImageTagsAsync(await _db.ActorAsync(DemoWorld.Bob), Hangzhou, _acmeImage, [("tier", "gold")]);

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, result.Error?.Code);
    }

    [Fact]
    public async Task Replace_OnAnotherAccountsImageSharedWithTheAccount_IsForbidden_AsTagResourcesIs()
    {
        // Act
        var result = await _tags.ReplaceImageTagsAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, _globexImage, [("tier", "gold")]);

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, result.Error?.Code);
    }
}
