using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Sharing;

namespace EcsConsole.Web.Api;

/// <summary>Sharing and copying images (ecs-openapi §2.8–2.12): share permissions (accounts and the group all), CopyImage and CancelCopyImage.</summary>
internal static class SharingActions
{
    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("DescribeImageSharePermission", p => (ImageId: p.Required("ImageId"), Paging: ApiPaging.Read(p, PagingStyle.Pages)), async (call, region, a) =>
            (await call.Service<SharingService>().GetAsync(call.Actor, region.Id, a.ImageId, call.Ct)).Reply(permission =>
            {
                var accounts = permission.Accounts;
                var page = a.Paging.Of(accounts).Value;
                return new
                {
                    call.RequestId,
                    RegionId = region.Id,
                    a.ImageId,
                    TotalCount = accounts.Count,
                    page.PageNumber,
                    page.PageSize,
                    Accounts = new { Account = page.Items.Select(id => new { AliyunId = id, SharedTime = ApiTime.Format(permission.SharedTimes[id]) }).ToList() },
                    ShareGroups = new { ShareGroup = permission.IsPublic ? [new { Group = "all" }] : Array.Empty<object>() },
                };
            })),
        EcsAction.InRegion("ModifyImageSharePermission", p => (ImageId: p.Required("ImageId"), IsPublic: p.Bool("IsPublic"), Launch: RefuseLaunchPermission(p)), async (call, region, a) =>
            call.Done(await call.Service<SharingService>().ModifyAsync(call.Actor, region.Id, a.ImageId,
                new ModifySharePermissionRequest(call.P.List("AddAccount"), call.P.List("RemoveAccount"), a.IsPublic), call.Ct)),
            changing: true),
        EcsAction.InRegion("ModifyImageShareGroupPermission", p => p.Required("ImageId"), async (call, region, imageId) =>
            call.Done(await call.Service<SharingService>().ModifyGroupsAsync(call.Actor, region.Id, imageId, call.P.List("AddGroup"), call.P.List("RemoveGroup"), call.Ct)),
            changing: true),
        EcsAction.InRegion("CopyImage", p => (ImageId: p.Required("ImageId"), Destination: p.Required("DestinationRegionId"), Encrypted: p.Bool("Encrypted") ?? false),
            async (call, region, a) =>
                (await call.Service<CopyImageService>().CopyAsync(call.Actor, new CopyImageRequest(region.Id, a.ImageId, a.Destination,
                    call.P.Get("DestinationImageName"), call.P.Get("DestinationDescription"), a.Encrypted)
                    { Tags = call.P.Tags(), KmsKeyId = call.P.Get("KMSKeyId"), ResourceGroupId = call.P.Get("ResourceGroupId") }, call.Ct))
                    .Reply(copied => new { call.RequestId, copied.ImageId }),
            changing: true).WithClientToken(),
        EcsAction.InRegion("CancelCopyImage", p => p.Required("ImageId"), async (call, region, imageId) =>
            call.Done(await call.Service<CopyImageService>().CancelCopyAsync(call.Actor, region.Id, imageId, call.Ct)), changing: true),
    ];

    /// <summary>
    /// <c>LaunchPermission</c> is hidden from the public API (ecs-openapi §2.8) and its meaning unpublished; ECS's error table
    /// names <c>ForbiddenParameter.LaunchPermission</c>, which is what an account outside Alibaba Cloud gets for it here.
    /// </summary>
    private static bool RefuseLaunchPermission(ApiParameters p)
    {
        if (p.Get("LaunchPermission") is null)
        {
            return false;
        }

        p.Fail(ApiErrors.Invalid("ForbiddenParameter.LaunchPermission", 400, "LaunchPermission is not open to this account: share with AddAccount.N or IsPublic."));
        return true;
    }
}
