using System.Security.Cryptography;
using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.KeyPairs;

/// <summary>
/// SSH key pairs of an account, per region (CreateKeyPair, ImportKeyPair, DescribeKeyPairs, DeleteKeyPairs and the
/// <c>/key-pairs</c> page). Names are unique in an account's region; at most <see cref="MaxPerRegion"/> pairs a region.
/// Creating makes an RSA 2048 pair and answers its private key once — only the public key is kept. A pair an instance
/// logs on with cannot be deleted. Writes need an Operator or Admin; every one is audited and published.
/// </summary>
public sealed class KeyPairService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, ChangeNotifier changes)
{
    /// <summary>As on ECS: 500 key pairs in each region.</summary>
    public const int MaxPerRegion = 500;

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>
    /// The actor's key pairs in the region that match <paramref name="query"/>, by name, with the instances using each.
    /// Another account's pairs never show.
    /// </summary>
    public async Task<IReadOnlyList<KeyPairListItem>> ListAsync(Actor actor, string regionId, KeyPairQuery? query = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pairs = await db.KeyPairs.AsNoTracking().Include(k => k.Tags)
            .Where(k => k.AccountId == actor.AccountId && k.RegionId == regionId).ToListAsync(ct);
        if (await ResourceGroupRules.FilterAsync(db, actor.AccountId, query?.ResourceGroupId, ct) is { } groups)
        {
            pairs = [.. pairs.Where(k => ResourceGroupRules.Keeps(groups, k.ResourceGroupId))];
        }

        var users = await db.Instances.AsNoTracking()
            .Where(i => i.AccountId == actor.AccountId && i.RegionId == regionId && i.KeyPairName != null)
            .Select(i => new { i.Id, i.KeyPairName }).ToListAsync(ct);
        return [.. pairs.Where(k => Matches(k, query ?? new KeyPairQuery()))
            .OrderBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => new KeyPairListItem(k.Name, k.FingerPrint, k.PublicKey, k.CreationTime,
                [.. k.Tags.OrderBy(t => t.TagKey, StringComparer.Ordinal).Select(t => (t.TagKey, t.TagValue))],
                [.. users.Where(u => u.KeyPairName == k.Name).Select(u => u.Id).Order(StringComparer.Ordinal)])
            {
                ResourceGroupId = ResourceGroupRules.Effective(k.ResourceGroupId, k.AccountId)!,
            })];
    }

    /// <summary>
    /// A new RSA 2048 key pair; its private key (PKCS#8 PEM) is in the answer and nowhere else. Codes: <c>MissingParameter</c>,
    /// <see cref="KeyPairErrors.NameMalformedCode"/>, the tag rule codes, <see cref="ResourceGroupErrors.NotFoundCode"/>,
    /// <c>InvalidRegionId.NotFound</c>, <c>Forbidden</c>, <see cref="KeyPairErrors.AlreadyExistCode"/>, <see cref="KeyPairErrors.QuotaCode"/>.
    /// </summary>
    public async Task<Result<CreatedKeyPair>> CreateAsync(Actor actor, CreateKeyPairRequest request, CancellationToken ct = default)
    {
        // Made before the write: generating an RSA key takes long enough not to hold the serialising transaction for it.
        using var rsa = RSA.Create(2048);
        var publicKey = SshPublicKey.FromRsa(rsa);
        var target = new AuditTarget(AuditActions.CreateKeyPair, ResourceKind.KeyPair, request.Name, request.RegionId);
        return await _write.CreateAsync<CreatedKeyPair>(actor, WriteRight.CanWrite, target, auditDenied: true, async scope =>
        {
            if (Problem(request.Name, request.Tags) is { } invalid)
            {
                return invalid;
            }

            var added = await AddAsync(scope, request.RegionId, request.Name!, publicKey, request.Tags, request.ResourceGroupId, keyPairId: true, ct);
            return added.IsSuccess
                ? new CreatedKeyPair(request.Name!, added.Value.KeyPairId!, added.Value.FingerPrint, rsa.ExportPkcs8PrivateKeyPem())
                : added.Error;
        }, created => created.Name, ct);
    }

    /// <summary>
    /// Keeps a public key made elsewhere under a name; answers its fingerprint. Codes as <see cref="CreateAsync"/>, and
    /// <c>MissingParameter</c> / <see cref="KeyPairErrors.PublicKeyMalformedCode"/> for the public key.
    /// </summary>
    public Task<Result<KeyPairListItem>> ImportAsync(Actor actor, ImportKeyPairRequest request, CancellationToken ct = default)
    {
        var target = new AuditTarget(AuditActions.ImportKeyPair, ResourceKind.KeyPair, request.Name, request.RegionId);
        return _write.CreateAsync<KeyPairListItem>(actor, WriteRight.CanWrite, target, auditDenied: true, async scope =>
        {
            if (Problem(request.Name, request.Tags) is { } invalid)
            {
                return invalid;
            }

            if (string.IsNullOrWhiteSpace(request.PublicKeyBody))
            {
                return CommonErrors.MissingParameter("PublicKeyBody");
            }

            if (SshPublicKey.Parse(request.PublicKeyBody) is not { } publicKey)
            {
                return KeyPairErrors.PublicKeyMalformed();
            }

            var added = await AddAsync(scope, request.RegionId, request.Name!, publicKey, request.Tags, request.ResourceGroupId, keyPairId: false, ct);
            return added.IsSuccess
                ? new KeyPairListItem(added.Value.Name, added.Value.FingerPrint, added.Value.PublicKey, added.Value.CreationTime, request.Tags, [])
                {
                    ResourceGroupId = added.Value.ResourceGroupId!,
                }
                : added.Error;
        }, imported => imported.Name, ct);
    }

    /// <summary>
    /// Deletes the actor's key pairs named (1 to <see cref="KeyPairValidation.MaxNamesPerCall"/>), all or none; a name
    /// with no pair is passed over, as ECS does. Codes: <see cref="KeyPairErrors.NamesNotSupportedCode"/>,
    /// <see cref="KeyPairErrors.AttachedCode"/> (an instance logs on with it), <c>Forbidden</c>.
    /// </summary>
    public async Task<Result> DeleteAsync(Actor actor, string regionId, IReadOnlyList<string> names, CancellationToken ct = default)
    {
        var target = new AuditTarget(AuditActions.DeleteKeyPairs, ResourceKind.KeyPair, string.Join(',', names), regionId);
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.CanWrite, target, async scope =>
        {
            if (names.Count == 0 || names.Count > KeyPairValidation.MaxNamesPerCall || names.Any(string.IsNullOrWhiteSpace))
            {
                scope.Audit(target);
                return KeyPairErrors.NamesNotSupported($"name 1 to {KeyPairValidation.MaxNamesPerCall} key pairs.");
            }

            var pairs = await scope.Db.KeyPairs.Where(k => k.AccountId == scope.Actor.AccountId && k.RegionId == regionId && names.Contains(k.Name)).ToListAsync(ct);
            var attached = await scope.Db.Instances
                .Where(i => i.AccountId == scope.Actor.AccountId && i.RegionId == regionId && i.KeyPairName != null && names.Contains(i.KeyPairName))
                .Select(i => i.KeyPairName!).OrderBy(n => n).FirstOrDefaultAsync(ct);
            if (attached is not null)
            {
                scope.Audit(target with { ResourceId = attached });
                return KeyPairErrors.Attached(attached);
            }

            scope.Db.KeyPairs.RemoveRange(pairs);
            foreach (var pair in pairs)
            {
                scope.Audit(target with { ResourceId = pair.Name });
                scope.Publish(new ResourceChange(ResourceKind.KeyPair, pair.Name, regionId, scope.Actor.AccountId));
            }

            return true;
        }, ct);
        return outcome.ToResult();
    }

    private static EcsError? Problem(string? name, IReadOnlyList<(string Key, string Value)> tags) =>
        KeyPairValidation.Name(name) ?? ImageValidation.Tags(tags);

    /// <summary>Adds the pair after the region, name and quota checks, on the write's serialised context.</summary>
    private async Task<Result<KeyPair>> AddAsync(WriteScope scope, string regionId, string name, SshPublicKey publicKey,
        IReadOnlyList<(string Key, string Value)> tags, string? resourceGroupId, bool keyPairId, CancellationToken ct)
    {
        var db = scope.Db;
        var account = scope.Actor.AccountId!;
        if (await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, ct) is not { } region)
        {
            return CommonErrors.RegionNotFound(regionId);
        }

        var group = await ResourceGroupRules.ResolveAsync(db, account, resourceGroupId, ct);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        if (await db.KeyPairs.AnyAsync(k => k.AccountId == account && k.RegionId == regionId && k.Name == name, ct))
        {
            return KeyPairErrors.AlreadyExist(name);
        }

        if (await db.KeyPairs.CountAsync(k => k.AccountId == account && k.RegionId == regionId, ct) >= MaxPerRegion)
        {
            return KeyPairErrors.Quota(MaxPerRegion);
        }

        var pair = new KeyPair
        {
            AccountId = account,
            RegionId = regionId,
            Name = name,
            KeyPairId = keyPairId ? ids.NewKeyPairId(region.Infix) : null,
            FingerPrint = publicKey.FingerPrint,
            PublicKey = publicKey.ToString(),
            CreationTime = scope.Now,
            Tags = [.. tags.Select(t => new KeyPairTag { TagKey = t.Key, TagValue = t.Value ?? "" })],
            ResourceGroupId = group.Value,
        };
        db.KeyPairs.Add(pair);
        await db.SaveChangesAsync(ct);
        return pair;
    }

    private static bool Matches(KeyPair pair, KeyPairQuery query) =>
        (string.IsNullOrEmpty(query.Name) || Wildcard(query.Name, pair.Name))
        && (string.IsNullOrEmpty(query.FingerPrint) || string.Equals(pair.FingerPrint, query.FingerPrint, StringComparison.OrdinalIgnoreCase))
        && query.Tags.All(t => pair.Tags.Any(p => p.TagKey == t.Key && (string.IsNullOrEmpty(t.Value) || p.TagValue == t.Value)));

    /// <summary>ECS's fuzzy name search: <c>*</c> stands for any run of characters; without one the name must match exactly.</summary>
    private static bool Wildcard(string pattern, string name)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return name == pattern;
        }

        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal)
            || name.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var at = parts[0].Length;
        var end = name.Length - parts[^1].Length;
        foreach (var middle in parts[1..^1])
        {
            var found = name.IndexOf(middle, at, end - at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + middle.Length;
        }

        return true;
    }
}
