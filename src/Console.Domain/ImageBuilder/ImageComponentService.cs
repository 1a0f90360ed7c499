using EcsConsole.Domain.Quotas;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>CreateImageComponent (image-builder.md §5.1). Enumerations arrive as text so that bad values get their codes.</summary>
public sealed record CreateImageComponentRequest : NewBuilderResourceRequest
{
    /// <summary><c>Linux</c> (default) or <c>Windows</c>.</summary>
    public string? SystemType { get; init; }

    /// <summary><c>Build</c> (default) or <c>Test</c>.</summary>
    public string? ComponentType { get; init; }

    /// <summary><c>major.minor.patch</c>; empty: the next major version of the name (IB-11).</summary>
    public string? ComponentVersion { get; init; }

    public string? Content { get; init; }
}

/// <summary>DescribeImageComponents filters (IB-17).</summary>
public sealed record ImageComponentQuery : BuilderListQuery
{
    public IReadOnlyList<string> ImageComponentIds { get; init; } = [];

    public string? Name { get; init; }

    public string? ComponentVersion { get; init; }

    public string? ComponentType { get; init; }

    public string? SystemType { get; init; }

    /// <summary><c>SELF</c>, <c>ALIYUN</c>, or null for both.</summary>
    public string? Owner { get; init; }
}

/// <summary>
/// Image components (IB-10…18): create a version, list (own and system components), delete one version. Only an
/// Operator or Admin of the account creates and deletes; every member lists. Every change is audited.
/// </summary>
public sealed class ImageComponentService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    public const ResourceKind ResourceType = ResourceKind.ImageComponent;

    /// <summary>
    /// Creates a component version. Codes, in order: <c>Forbidden</c>; <c>InvalidRegionId.NotFound</c>;
    /// <see cref="ImageBuilderErrors.NameMalformedCode"/>, <see cref="ImageBuilderErrors.DescriptionMalformedCode"/>, tag codes;
    /// <see cref="ImageBuilderErrors.SystemTypeCode"/>, <see cref="ImageBuilderErrors.ComponentTypeCode"/>,
    /// <see cref="ImageBuilderErrors.ComponentVersionCode"/>; <see cref="ImageBuilderErrors.MissingContentCode"/> and the
    /// content codes of <see cref="BuildContentRules"/>; <see cref="ImageBuilderErrors.ComponentVersionExistCode"/>;
    /// <see cref="ImageBuilderErrors.ComponentQuotaCode"/> (checked in the write transaction).
    /// </summary>
    public Task<Result<string>> CreateAsync(Actor actor, CreateImageComponentRequest request, CancellationToken ct = default) =>
        _write.CreateAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.CreateImageComponent, ResourceType, null, request.RegionId), auditDenied: false,
            scope => CreateInTransactionAsync(scope.Db, actor, request, ct), id => id, ct);

    /// <summary>
    /// DescribeImageComponents: own components of the region and the system components, newest first, filtered and paged.
    /// Codes: <see cref="ImageBuilderErrors.ComponentIdSizeCode"/>, <see cref="ImageBuilderErrors.OwnerCode"/>,
    /// <see cref="ImageBuilderErrors.ComponentTypeCode"/>, <see cref="ImageBuilderErrors.SystemTypeCode"/>,
    /// <see cref="ImageBuilderErrors.ComponentVersionCode"/>, <see cref="ImageBuilderErrors.NextTokenCode"/>, <c>InvalidParameter</c> (MaxResults).
    /// </summary>
    public async Task<Result<TokenPage<ImageComponent>>> ListAsync(Actor actor, ImageComponentQuery query, CancellationToken ct = default)
    {
        if (query.ImageComponentIds.Count > 20)
        {
            return ImageBuilderErrors.ComponentIdSize();
        }

        if (query.Owner is not (null or "" or "SELF" or "ALIYUN"))
        {
            return ImageBuilderErrors.Owner();
        }

        ComponentType? type = null;
        if (!string.IsNullOrEmpty(query.ComponentType))
        {
            if (!BuilderRules.TryParseName<ComponentType>(query.ComponentType, out var parsed))
            {
                return ImageBuilderErrors.ComponentTypeInvalid(query.ComponentType);
            }

            type = parsed;
        }

        BuildSystemType? system = null;
        if (!string.IsNullOrEmpty(query.SystemType))
        {
            if (!BuilderRules.TryParseName<BuildSystemType>(query.SystemType, out var parsed))
            {
                return ImageBuilderErrors.SystemType(query.SystemType);
            }

            system = parsed;
        }

        if (!string.IsNullOrEmpty(query.ComponentVersion) && !VersionPatternOk(query.ComponentVersion))
        {
            return ImageBuilderErrors.ComponentVersion();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var own = query.Owner == "ALIYUN" || actor.AccountId is null
            ? []
            : await db.ImageComponents.AsNoTracking().Where(c => c.AccountId == actor.AccountId && c.RegionId == query.RegionId).ToListAsync(ct);
        var all = own.OrderByDescending(c => c.CreationTime).ThenByDescending(c => c.Id, StringComparer.Ordinal)
            .Concat(query.Owner == "SELF" ? [] : SystemComponents.For(query.RegionId))
            .Where(c => query.ImageComponentIds.Count == 0 || query.ImageComponentIds.Contains(c.Id))
            .Where(c => string.IsNullOrEmpty(query.Name) || c.Name == query.Name)
            .Where(c => string.IsNullOrEmpty(query.Name) || string.IsNullOrEmpty(query.ComponentVersion) || VersionMatches(query.ComponentVersion, c.Version))
            .Where(c => type is null || c.ComponentType == type)
            .Where(c => system is null || c.SystemType == system);
        var groups = await ResourceGroupRules.FilterAsync(db, actor.AccountId, query.ResourceGroupId, ct);
        return query.Page(all.Where(c => ResourceGroupRules.Keeps(groups, c.ResourceGroupId)), c => c.Tags);
    }

    /// <summary>One component the actor can see (own or system), or <see cref="ImageBuilderErrors.ComponentNotFoundCode"/>.</summary>
    public async Task<Result<ImageComponent>> GetAsync(Actor actor, string regionId, string componentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ImageComponents.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == componentId && c.RegionId == regionId && c.AccountId == actor.AccountId, ct);
        return found ?? SystemComponents.For(regionId).FirstOrDefault(c => c.Id == componentId) ?? (Result<ImageComponent>)ImageBuilderErrors.ComponentNotFound(componentId);
    }

    /// <summary>
    /// DeleteImageComponent (IB-16): one version by ID. Codes: <c>Forbidden</c> (read-only member, or a system
    /// component); <see cref="ImageBuilderErrors.ComponentNotFoundCode"/> (unknown here, unlike DeleteImage);
    /// <see cref="ImageBuilderErrors.ComponentInUseCode"/> (a template of the account references it).
    /// </summary>
    public Task<Result> DeleteAsync(Actor actor, string regionId, string componentId, CancellationToken ct = default) =>
        _write.ChangeAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.DeleteImageComponent, ResourceType, componentId, regionId), auditDenied: false, async scope =>
        {
            var db = scope.Db;
            var component = await db.ImageComponents.FirstOrDefaultAsync(c => c.Id == componentId && c.RegionId == regionId && c.AccountId == actor.AccountId, ct);
            if (component is null)
            {
                return SystemComponents.For(regionId).Any(c => c.Id == componentId)
                    ? CommonErrors.Forbidden("System components are read-only.")
                    : ImageBuilderErrors.ComponentNotFound(componentId);
            }

            var pipelines = await db.ImagePipelines.AsNoTracking()
                .Where(p => p.AccountId == actor.AccountId && p.RegionId == regionId)
                .Select(p => new { p.Id, p.ComponentReferences }).ToListAsync(ct);
            var user = pipelines.FirstOrDefault(p => p.ComponentReferences
                .Any(r => ComponentReference.TryParse(r, out var reference) && reference.Matches(component)));
            if (user is not null)
            {
                return ImageBuilderErrors.ComponentInUse(componentId, user.Id);
            }

            db.ImageComponents.Remove(component);
            return null;
        }, ct);

    private async Task<Result<string>> CreateInTransactionAsync(ConsoleDbContext db, Actor actor, CreateImageComponentRequest request, CancellationToken ct)
    {
        var found = await BuilderRules.NewResourceAsync(db, request, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var region = found.Value;

        var system = BuildSystemType.Linux;
        if (!string.IsNullOrEmpty(request.SystemType) && !BuilderRules.TryParseName(request.SystemType, out system))
        {
            return ImageBuilderErrors.SystemType(request.SystemType);
        }

        var type = ComponentType.Build;
        if (!string.IsNullOrEmpty(request.ComponentType) && !BuilderRules.TryParseName(request.ComponentType, out type))
        {
            return ImageBuilderErrors.ComponentTypeInvalid(request.ComponentType);
        }

        (int Major, int Minor, int Patch)? version = null;
        if (!string.IsNullOrEmpty(request.ComponentVersion))
        {
            if (ParseVersion(request.ComponentVersion) is not { } parsedVersion)
            {
                return ImageBuilderErrors.ComponentVersion();
            }

            version = parsedVersion;
        }

        if (string.IsNullOrWhiteSpace(request.Content))
        {
            return ImageBuilderErrors.MissingContent();
        }

        var content = BuildContentRules.Parse(request.Content, ContentKind.Component, system);
        if (!content.IsSuccess)
        {
            return content.Error;
        }

        var id = ids.NewImageComponentId(region.Infix);
        var name = string.IsNullOrEmpty(request.Name) ? id : request.Name;
        var versions = await db.ImageComponents.AsNoTracking()
            .Where(c => c.AccountId == actor.AccountId && c.RegionId == region.Id && c.Name == name)
            .Select(c => new { c.Major, c.Minor, c.Patch }).ToListAsync(ct);
        var chosen = version ?? (versions.Count == 0 ? 1 : versions.Max(v => v.Major) + 1, 0, 0);
        if (versions.Any(v => v.Major == chosen.Major && v.Minor == chosen.Minor && v.Patch == chosen.Patch))
        {
            return ImageBuilderErrors.ComponentVersionExist();
        }

        var group = await ResourceGroupRules.ResolveAsync(db, actor.AccountId!, request.ResourceGroupId, ct);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var limit = await QuotaLimits.GetAsync(db, actor.AccountId!, region.Id, QuotaCatalogue.ImageComponentCount, ct);
        if (await db.ImageComponents.CountAsync(c => c.AccountId == actor.AccountId && c.RegionId == region.Id, ct) >= limit)
        {
            return ImageBuilderErrors.ComponentQuota(limit);
        }

        db.ImageComponents.Add(new ImageComponent
        {
            Id = id,
            RegionId = region.Id,
            AccountId = actor.AccountId,
            Name = name,
            Version = $"{chosen.Major}.{chosen.Minor}.{chosen.Patch}",
            Major = chosen.Major,
            Minor = chosen.Minor,
            Patch = chosen.Patch,
            ComponentType = type,
            SystemType = system,
            Content = request.Content,
            Description = string.IsNullOrEmpty(request.Description) ? null : request.Description,
            Parameters = [.. content.Value.Parameters],
            Tags = [.. request.Tags],
            CreationTime = time.GetUtcNow(),
            ResourceGroupId = group.Value,
        });
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>IB-11: <c>x.y.z</c>, each a non-negative integer.</summary>
    public static (int Major, int Minor, int Patch)? ParseVersion(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length is > 0 and <= 9 && p.All(char.IsAsciiDigit))
            ? (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    private static bool VersionPatternOk(string pattern)
    {
        var parts = pattern.Split('.');
        return parts.Length == 3 && parts.Count(p => p == "*") <= 1 && parts.All(p => p == "*" || (p.Length is > 0 and <= 9 && p.All(char.IsAsciiDigit)));
    }

    private static bool VersionMatches(string pattern, string version) =>
        pattern.Split('.').Zip(version.Split('.')).All(p => p.First == "*" || p.First == p.Second);
}
