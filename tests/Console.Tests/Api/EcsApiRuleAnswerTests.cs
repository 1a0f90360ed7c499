using System.Net;
using System.Text.Json;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Answers corrected to the rule books (issue #21 part 2, ADR-016): each asserts the code and the HTTP status, or the
/// field and its JSON type, that domain-rules.md and ecs-openapi.md give.
/// </summary>
public sealed class EcsApiRuleAnswerTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task ExportImage_OfAnEncryptedImage_IsImageNotSupported_400()
    {
        // Arrange: EXP-08
        var imageId = await ImageWithAsync("acme-base-v1", image => image.Property(i => i.Encrypted).CurrentValue = true);

        // Act
        var response = await api.Alice().CallAsync("ExportImage", ("RegionId", Region), ("ImageId", imageId), ("OSSBucket", "acme-images-hangzhou"));
        await ImageWithAsync("acme-base-v1", image => image.Property(i => i.Encrypted).CurrentValue = false);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ImageNotSupported", response.Code);
    }

    [Fact]
    public async Task ModifyImageAttribute_OfAnImageStillBeingCreated_IsInvalidStatusImageIsCreating_403()
    {
        // Arrange: FAM-07
        var imageId = await ImageWithAsync("acme-base-v1", image => image.Property(i => i.Status).CurrentValue = ImageStatus.Creating);

        // Act
        var response = await api.Alice().CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("Description", "still building"));
        await ImageWithAsync("acme-base-v1", image => image.Property(i => i.Status).CurrentValue = ImageStatus.Available);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("InvalidStatus.ImageIsCreating", response.Code);
    }

    [Fact]
    public async Task DescribeImageSharePermission_GivesEachAccountsSharedTime()
    {
        // Arrange: ecs-openapi §2.9
        var alice = api.Alice();
        var imageId = await ImageWithAsync("acme-base-v1", _ => { });
        var shared = await alice.CallAsync("ModifyImageSharePermission", ("RegionId", Region), ("ImageId", imageId), ("AddAccount.1", DemoWorld.GlobexAccountId));
        Assert.True(shared.Status == HttpStatusCode.OK, shared.ToString());

        // Act
        var permission = await alice.CallAsync("DescribeImageSharePermission", ("RegionId", Region), ("ImageId", imageId));

        // Assert
        var account = permission["Accounts"].GetProperty("Account").EnumerateArray().Single(a => a.GetProperty("AliyunId").GetString() == DemoWorld.GlobexAccountId);
        Assert.Equal(JsonValueKind.String, account.GetProperty("SharedTime").ValueKind);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", account.GetProperty("SharedTime").GetString());
    }

    [Fact]
    public async Task CopyImage_WithinItsRegion_WithoutAName_TakesAFreeCopyName()
    {
        // Arrange: CPY-06 — the source holds its own name in its region
        var imageId = await ImageWithAsync("acme-base-v1", _ => { });

        // Act
        var copied = await api.Alice().CallAsync("CopyImage", ("RegionId", Region), ("ImageId", imageId), ("DestinationRegionId", Region), ("Encrypted", "true"));

        // Assert
        Assert.True(copied.Status == HttpStatusCode.OK, copied.ToString());
        await using var db = await DbAsync();
        Assert.Equal("acme-base-v1-copy", await db.Images.Where(i => i.Id == copied["ImageId"].GetString()).Select(i => i.Name).SingleAsync());
    }

    private async Task<string> ImageWithAsync(string name, Action<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Image>> change)
    {
        await using var db = await DbAsync();
        var image = await db.Images.SingleAsync(i => i.Name == name && i.RegionId == Region);
        change(db.Entry(image));
        await db.SaveChangesAsync();
        return image.Id;
    }

    private Task<ConsoleDbContext> DbAsync() =>
        api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
}
