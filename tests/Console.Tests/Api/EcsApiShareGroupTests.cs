using System.Net;
using EcsConsole.Domain.Sharing;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>ModifyImageShareGroupPermission: the group <c>all</c> is the community publish (SHR-18's <c>ShareGroups</c>).</summary>
public sealed class EcsApiShareGroupTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    private async Task<string> AcmeBaseAsync()
    {
        var found = await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"));
        return found["Images"].GetProperty("Image")[0].GetProperty("ImageId").GetString()!;
    }

    private async Task<IReadOnlyList<string?>> GroupsAsync(string imageId)
    {
        var permission = await api.Alice().CallAsync("DescribeImageSharePermission", ("RegionId", Region), ("ImageId", imageId));
        return [.. permission["ShareGroups"].GetProperty("ShareGroup").EnumerateArray().Select(g => g.GetProperty("Group").GetString())];
    }

    [Fact]
    public async Task AddingTheGroupAll_PublishesTheImage_AndRemovingItUnpublishes()
    {
        // Arrange
        var image = await AcmeBaseAsync();

        // Act
        var published = await api.Alice().CallAsync("ModifyImageShareGroupPermission", ("RegionId", Region), ("ImageId", image), ("AddGroup.1", "all"));
        var groupsWhilePublished = await GroupsAsync(image);
        var unpublished = await api.Alice().CallAsync("ModifyImageShareGroupPermission", ("RegionId", Region), ("ImageId", image), ("RemoveGroup.1", "all"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.Equal(["all"], groupsWhilePublished);
        Assert.Equal(HttpStatusCode.OK, unpublished.Status);
        Assert.Empty(await GroupsAsync(image));
    }

    [Fact]
    public async Task AnyOtherGroup_IsInvalidGroupMalformed_AndChangesNothing()
    {
        // Arrange
        var image = await AcmeBaseAsync();

        // Act
        var response = await api.Alice().CallAsync("ModifyImageShareGroupPermission", ("RegionId", Region), ("ImageId", image), ("AddGroup.1", "everyone"));

        // Assert
        Assert.Equal((HttpStatusCode.NotFound, SharingErrors.GroupMalformedCode), (response.Status, response.Code));
        Assert.Empty(await GroupsAsync(image));
    }

    [Fact]
    public async Task AReadOnlyMember_CannotPublish()
    {
        // Arrange
        var image = await AcmeBaseAsync();

        // Act
        var response = await api.As(EcsConsole.Domain.Seeding.DemoWorld.Bob).CallAsync("ModifyImageShareGroupPermission", ("RegionId", Region), ("ImageId", image), ("AddGroup.1", "all"));

        // Assert
        Assert.Equal("Forbidden", response.Code);
        Assert.Empty(await GroupsAsync(image));
    }
}
