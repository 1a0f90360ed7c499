using System.Text.Json;
using EcsConsole.Domain.KeyPairs;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>CreateKeyPair, ImportKeyPair, DescribeKeyPairs and DeleteKeyPairs on <see cref="KeyPairService"/>.</summary>
internal static class KeyPairActions
{
    /// <summary>DescribeKeyPairs answers at most 50 key pairs a page.</summary>
    private const int MaxPageSize = 50;

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("CreateKeyPair", p => (Name: p.Get("KeyPairName"), Tags: p.Tags(), Group: p.Get("ResourceGroupId")), async (call, region, a) =>
            (await call.Service<KeyPairService>().CreateAsync(call.Actor, new CreateKeyPairRequest(region.Id, a.Name) { Tags = a.Tags, ResourceGroupId = a.Group }, call.Ct))
                .Reply(created => new
                {
                    call.RequestId, created.KeyPairId, KeyPairName = created.Name, KeyPairFingerPrint = created.FingerPrint, PrivateKeyBody = created.PrivateKeyPem,
                }),
            changing: true),
        EcsAction.InRegion("ImportKeyPair", p => (Name: p.Get("KeyPairName"), Body: p.Get("PublicKeyBody"), Tags: p.Tags(), Group: p.Get("ResourceGroupId")),
            async (call, region, a) =>
                (await call.Service<KeyPairService>().ImportAsync(call.Actor,
                        new ImportKeyPairRequest(region.Id, a.Name, a.Body) { Tags = a.Tags, ResourceGroupId = a.Group }, call.Ct))
                    .Reply(imported => new { call.RequestId, KeyPairName = imported.Name, KeyPairFingerPrint = imported.FingerPrint }),
            changing: true),
        EcsAction.InRegion("DescribeKeyPairs", BindDescribe, DescribeAsync),
        EcsAction.InRegion("DeleteKeyPairs", BindNames, async (call, region, names) =>
            call.Done(await call.Service<KeyPairService>().DeleteAsync(call.Actor, region.Id, names, call.Ct)),
            changing: true),
    ];

    private sealed record DescribeFilter(KeyPairQuery Query, bool IncludePublicKey, ApiPaging Paging);

    private static DescribeFilter BindDescribe(ApiParameters p)
    {
        var query = new KeyPairQuery
        {
            Name = p.Get("KeyPairName"), FingerPrint = p.Get("KeyPairFingerPrint"), Tags = p.Tags("Tag", ImageActions.MaxTagFilters), ResourceGroupId = p.Get("ResourceGroupId"),
        };
        var include = p.Bool("IncludePublicKey") ?? false;
        var paging = new ApiPaging(PagingStyle.Pages, p.Int("PageNumber", 1, ApiParameters.MaxPageNumber) ?? 1, p.Int("PageSize", 1, MaxPageSize) ?? 10,
            null, null, UsesTokens: false);
        return new DescribeFilter(query, include, paging);
    }

    private static async Task<ApiReply> DescribeAsync(ApiCall call, Region region, DescribeFilter f)
    {
        var pairs = await call.Service<KeyPairService>().ListAsync(call.Actor, region.Id, f.Query, call.Ct);
        return f.Paging.Of(pairs).Pages(call, "KeyPairs", "KeyPair", k => new
        {
            CreationTime = ApiTime.Format(k.CreationTime),
            KeyPairFingerPrint = k.FingerPrint,
            KeyPairName = k.Name,
            PublicKey = f.IncludePublicKey ? k.PublicKey : "",
            ResourceGroupId = k.ResourceGroupId,
            Tags = new { Tag = k.Tags.Select(t => new { TagKey = t.Key, TagValue = t.Value }).ToList() },
        });
    }

    /// <summary><c>KeyPairNames</c>: a JSON array of 1 to 100 names (<c>["a","b"]</c>); anything else is <c>InvalidKeyPairNames.ValueNotSupported</c>.</summary>
    private static IReadOnlyList<string> BindNames(ApiParameters p)
    {
        var text = p.Required("KeyPairNames");
        if (text.Length == 0)
        {
            return [];
        }

        try
        {
            var names = JsonSerializer.Deserialize<List<string?>>(text);
            if (names is { Count: > 0 and <= KeyPairValidation.MaxNamesPerCall } && names.All(n => !string.IsNullOrWhiteSpace(n)))
            {
                return [.. names.Select(n => n!)];
            }
        }
        catch (JsonException)
        {
        }

        p.Fail(KeyPairErrors.NamesNotSupported($"give a JSON array of 1 to {KeyPairValidation.MaxNamesPerCall} key pair names, such as [\"my-key\"]."));
        return [];
    }
}
