using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;

namespace EcsConsole.Domain.Snapshots;

/// <summary>A new automatic snapshot policy (CreateAutoSnapshotPolicy, the Create Policy dialog).</summary>
public sealed record CreateAutoSnapshotPolicyRequest(string RegionId, string? Name, IReadOnlyList<int> Hours, IReadOnlyList<int> Weekdays, int RetentionDays)
{
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

    /// <summary>The resource group of the new policy, else the account's default (<c>InvalidResourceGroup.NotFound</c>).</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>ASP-04: the policy's cross-region copy settings.</summary>
    public CrossRegionCopy? Copy { get; init; }

    /// <summary>SDP-15: <c>AssociatedWithDisk</c> (or null, the same) or <c>AssociatedWithInstanceTag</c>.</summary>
    public string? AssociationType { get; init; }

    /// <summary>SDP-15: <c>TargetTags.N</c>, the instance tags of an <c>AssociatedWithInstanceTag</c> policy (an empty value matches any).</summary>
    public IReadOnlyList<(string Key, string Value)> TargetTags { get; init; } = [];
}

/// <summary>
/// ASP-04: <c>EnableCrossRegionCopy</c>, the one region of <c>TargetCopyRegions</c>, <c>CopiedSnapshotsRetentionDays</c>
/// (-1 or 1–65536) and <c>CopyEncryptionConfiguration</c> (<see cref="Encrypted"/>, <see cref="KmsKeyId"/>).
/// </summary>
public sealed record CrossRegionCopy(bool Enabled, string? TargetRegionId, int? RetentionDays, bool Encrypted, string? KmsKeyId);

/// <summary>What DescribeAutoSnapshotPolicyEx filters on; every field optional.</summary>
public sealed record AutoSnapshotPolicyQuery
{
    public string? PolicyId { get; init; }

    public string? Name { get; init; }

    public string? ResourceGroupId { get; init; }

    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];
}

/// <summary>A policy as it is listed: its rows and the disks it is applied to.</summary>
public sealed record AutoSnapshotPolicyView(
    string Id, string RegionId, string Name, IReadOnlyList<int> Hours, IReadOnlyList<int> Weekdays, int RetentionDays, DateTimeOffset CreationTime,
    DateTimeOffset NextRunAt, string ResourceGroupId, IReadOnlyList<(string Key, string Value)> Tags, IReadOnlyList<string> DiskIds)
{
    /// <summary>ASP-04: the cross-region copy settings it was made with (off: <c>Enabled=false</c>, no region, -1 days).</summary>
    public CrossRegionCopy Copy { get; init; } = new(false, null, null, false, null);

    /// <summary>SDP-15: <c>AssociatedWithDisk</c> or <c>AssociatedWithInstanceTag</c>.</summary>
    public string AssociationType { get; init; } = AutoSnapshotPolicyService.AssociatedWithDisk;

    /// <summary>SDP-15: the instance tags whose instances' disks it covers, by key.</summary>
    public IReadOnlyList<(string Key, string Value)> TargetTags { get; init; } = [];
}

/// <summary>
/// Automatic snapshot policies (SNP-01, SNP-12; docs/rules/auto-snapshot-policies.md): made, applied to and cancelled
/// from disks, deleted. Every change needs an Operator or Admin, is audited against the policy and published; the runs
/// themselves are <see cref="AutoSnapshotScheduleService"/>'s.
/// </summary>
public sealed class AutoSnapshotPolicyService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, ChangeNotifier changes)
{
    /// <summary>SNP-12: policies of one account in one region.</summary>
    public const int MaxPerRegion = 100;

    /// <summary>SNP-12 (current ECS): policies applied to one disk.</summary>
    public const int MaxPoliciesPerDisk = 10;

    /// <summary>The longest retention ECS takes, in days (-1 keeps the snapshots until deleted).</summary>
    public const int MaxRetentionDays = 65536;

    /// <summary>Disks named by one ApplyAutoSnapshotPolicy or CancelAutoSnapshotPolicy.</summary>
    public const int MaxDisksPerCall = 100;

    /// <summary>SDP-15: the policy covers the disks it is applied to (the default).</summary>
    public const string AssociatedWithDisk = "AssociatedWithDisk";

    /// <summary>SDP-15: the policy covers the disks of the instances carrying its target tags.</summary>
    public const string AssociatedWithInstanceTag = "AssociatedWithInstanceTag";

    /// <summary>SDP-15: <c>TargetTags.N</c> takes N from 1 to 5.</summary>
    public const int MaxTargetTags = 5;

    private static readonly NameRule PolicyName = new(128, ":_-", "it may contain only letters, digits, Chinese characters, colons (:), underscores (_) and hyphens (-).",
        NameRule.NoLeadingUrl);

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>
    /// The policy's checks, first wins (the console's dialog runs them too): <see cref="AutoSnapshotPolicyErrors.NameMalformedCode"/>,
    /// <c>InvalidParameter</c> (timePoints: 1–24 hours 0–23; repeatWeekdays: 1–7 days 1–7; retentionDays: -1 or 1–65,536), the tag rules.
    /// </summary>
    public static EcsError? Problem(CreateAutoSnapshotPolicyRequest request)
    {
        if (PolicyName.Problem(request.Name) is { } why)
        {
            return AutoSnapshotPolicyErrors.NameMalformed(why);
        }

        if (request.Hours.Count is 0 or > 24 || request.Hours.Any(h => h is < 0 or > 23))
        {
            return CommonErrors.InvalidParameter("timePoints", "give a JSON array of 1 to 24 hours from 0 to 23, such as [\"2\"].");
        }

        if (request.Weekdays.Count is 0 or > 7 || request.Weekdays.Any(d => d is < 1 or > 7))
        {
            return CommonErrors.InvalidParameter("repeatWeekdays", "give a JSON array of 1 to 7 days from 1 (Monday) to 7 (Sunday), such as [\"1\",\"4\"].");
        }

        if (request.RetentionDays is not (-1 or (>= 1 and <= MaxRetentionDays)))
        {
            return CommonErrors.InvalidParameter("retentionDays", $"it must be -1 (keep until deleted) or from 1 to {MaxRetentionDays}.");
        }

        return ImageValidation.Tags(request.Tags) ?? CopyProblem(request.Copy) ?? AssociationProblem(request);
    }

    /// <summary>
    /// SDP-15: <c>AssociationType</c> is <c>AssociatedWithDisk</c> or <c>AssociatedWithInstanceTag</c>; the latter needs 1 to
    /// 5 <c>TargetTags</c> (the tag rules, a value may be empty), the former takes none.
    /// </summary>
    private static EcsError? AssociationProblem(CreateAutoSnapshotPolicyRequest request)
    {
        if (request.AssociationType is not (null or AssociatedWithDisk or AssociatedWithInstanceTag))
        {
            return CommonErrors.InvalidParameter("AssociationType", $"it must be {AssociatedWithDisk} or {AssociatedWithInstanceTag}.");
        }

        if (request.AssociationType != AssociatedWithInstanceTag)
        {
            return request.TargetTags.Count == 0 ? null
                : CommonErrors.InvalidParameter("TargetTags", $"target tags are taken only with AssociationType={AssociatedWithInstanceTag}.");
        }

        if (request.TargetTags.Count == 0)
        {
            return CommonErrors.MissingParameter("TargetTags");
        }

        return request.TargetTags.Count > MaxTargetTags
            ? CommonErrors.InvalidParameter("TargetTags", $"give at most {MaxTargetTags} target tags.")
            : ImageValidation.Tags(request.TargetTags);
    }

    /// <summary>ASP-04: the shape of the cross-region copy settings, before any lookup.</summary>
    private static EcsError? CopyProblem(CrossRegionCopy? copy)
    {
        if (copy is null)
        {
            return null;
        }

        if (copy.RetentionDays is { } days && days is not (-1 or (>= 1 and <= MaxRetentionDays)))
        {
            return CommonErrors.InvalidParameter("CopiedSnapshotsRetentionDays", $"it must be -1 (keep until deleted) or from 1 to {MaxRetentionDays}.");
        }

        if (copy.Enabled && copy.TargetRegionId is null)
        {
            return CommonErrors.MissingParameter("TargetCopyRegions");
        }

        return copy.KmsKeyId is { Length: > 0 } key ? copy.Encrypted ? CopyErrors.KmsKeyNotFound(key) : CopyErrors.EncryptedIllegal() : null;
    }

    /// <summary>
    /// CreateAutoSnapshotPolicy. Codes: <c>Forbidden</c>, those of <see cref="Problem"/>, <c>InvalidRegionId.NotFound</c>,
    /// <c>InvalidResourceGroup.NotFound</c>, <see cref="AutoSnapshotPolicyErrors.QuotaCode"/> (SNP-12).
    /// </summary>
    public Task<Result<string>> CreateAsync(Actor actor, CreateAutoSnapshotPolicyRequest request, CancellationToken ct = default) =>
        _write.CreateAsync<string>(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.CreateAutoSnapshotPolicy, ResourceKind.AutoSnapshotPolicy, null, request.RegionId),
            auditDenied: true, async scope =>
            {
                if (Problem(request) is { } invalid)
                {
                    return invalid;
                }

                var db = scope.Db;
                var account = scope.Actor.AccountId!;
                if (await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RegionId, ct) is not { } region)
                {
                    return CommonErrors.RegionNotFound(request.RegionId);
                }

                if (request.Copy?.TargetRegionId is { } target)
                {
                    if (target == region.Id)
                    {
                        return SnapshotErrors.CopyInSameRegion();
                    }

                    if (!await db.Regions.AnyAsync(r => r.Id == target, ct))
                    {
                        return CopyErrors.DestinationRegionNotFound(target);
                    }
                }

                var group = await ResourceGroupRules.ResolveAsync(db, account, request.ResourceGroupId, ct);
                if (!group.IsSuccess)
                {
                    return group.Error;
                }

                if (await db.AutoSnapshotPolicies.CountAsync(p => p.AccountId == account && p.RegionId == request.RegionId, ct) >= MaxPerRegion)
                {
                    return AutoSnapshotPolicyErrors.Quota(MaxPerRegion);
                }

                var policy = new AutoSnapshotPolicy
                {
                    Id = ids.NewAutoSnapshotPolicyId(region.Infix),
                    AccountId = account,
                    RegionId = region.Id,
                    Name = request.Name ?? "",
                    TimePoints = AutoSnapshotSchedule.Store(request.Hours),
                    RepeatWeekdays = AutoSnapshotSchedule.Store(request.Weekdays),
                    RetentionDays = request.RetentionDays,
                    ResourceGroupId = group.Value,
                    CreationTime = scope.Now,
                    NextRunAt = AutoSnapshotSchedule.Next(scope.Now, request.Hours, request.Weekdays),
                    Tags = [.. request.Tags.Select(t => new AutoSnapshotPolicyTag { TagKey = t.Key, TagValue = t.Value ?? "" })],
                    EnableCrossRegionCopy = request.Copy?.Enabled ?? false,
                    TargetCopyRegions = request.Copy?.TargetRegionId,
                    CopiedSnapshotsRetentionDays = request.Copy?.RetentionDays,
                    CopyEncrypted = request.Copy?.Encrypted ?? false,
                    AssociationType = request.AssociationType == AssociatedWithInstanceTag ? AssociatedWithInstanceTag : null,
                    TargetTags = [.. request.TargetTags.Select(t => new AutoSnapshotPolicyTargetTag { TagKey = t.Key, TagValue = t.Value ?? "" })],
                };
                db.AutoSnapshotPolicies.Add(policy);
                return policy.Id;
            }, id => id, ct);

    /// <summary>The account's policies in the region (DescribeAutoSnapshotPolicyEx, the policies page), oldest first; nothing for a member-less actor.</summary>
    public async Task<IReadOnlyList<AutoSnapshotPolicyView>> ListAsync(Actor actor, string regionId, AutoSnapshotPolicyQuery? query = null, CancellationToken ct = default)
    {
        if (actor.AccountId is not { } account)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var policies = await db.AutoSnapshotPolicies.AsNoTracking().Include(p => p.Tags)
            .Where(p => p.AccountId == account && p.RegionId == regionId).ToListAsync(ct);
        var groups = await ResourceGroupRules.FilterAsync(db, account, query?.ResourceGroupId, ct);
        var disks = await AppliedAsync(db, account, regionId, ct);
        return
        [
            .. policies
                .Where(p => ResourceGroupRules.Keeps(groups, p.ResourceGroupId))
                .Where(p => string.IsNullOrEmpty(query?.PolicyId) || p.Id == query.PolicyId)
                .Where(p => string.IsNullOrEmpty(query?.Name) || p.Name == query.Name)
                .Where(p => query is null || query.Tags.All(t => p.Tags.Any(x => x.TagKey == t.Key && (string.IsNullOrEmpty(t.Value) || x.TagValue == t.Value))))
                .OrderBy(p => p.CreationTime).ThenBy(p => p.Id, StringComparer.Ordinal)
                .Select(p => new AutoSnapshotPolicyView(p.Id, p.RegionId, p.Name, p.Hours, p.Weekdays, p.RetentionDays, p.CreationTime, p.NextRunAt,
                    ResourceGroupRules.Effective(p.ResourceGroupId, p.AccountId)!,
                    [.. p.Tags.OrderBy(t => t.TagKey, StringComparer.Ordinal).Select(t => (t.TagKey, t.TagValue))],
                    [.. disks.Where(a => a.PolicyId == p.Id).Select(a => a.DiskId)])
                {
                    Copy = new CrossRegionCopy(p.EnableCrossRegionCopy, p.TargetCopyRegions, p.CopiedSnapshotsRetentionDays, p.CopyEncrypted, null),
                    AssociationType = p.AssociationType ?? AssociatedWithDisk,
                    TargetTags = [.. p.TargetTags.OrderBy(t => t.TagKey, StringComparer.Ordinal).Select(t => (t.TagKey, t.TagValue))],
                }),
        ];
    }

    /// <summary>The policies applied to each of the account's disks in the region (DescribeDisks' <c>AutoSnapshotPolicyId</c>), first applied first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> PoliciesOfDisksAsync(Actor actor, string regionId, CancellationToken ct = default)
    {
        if (actor.AccountId is not { } account)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await AppliedAsync(db, account, regionId, ct))
            .GroupBy(a => a.DiskId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.PolicyId)], StringComparer.Ordinal);
    }

    /// <summary>
    /// ApplyAutoSnapshotPolicy: the policy goes on each disk (already there: nothing changes). Codes: <c>Forbidden</c>,
    /// <see cref="AutoSnapshotPolicyErrors.ParameterInvalidCode"/> (404: the policy, or a disk, is not the account's in the
    /// region), <see cref="AutoSnapshotPolicyErrors.QuotaCode"/> (a disk would carry more than <see cref="MaxPoliciesPerDisk"/>).
    /// </summary>
    public Task<Result> ApplyAsync(Actor actor, string regionId, string policyId, IReadOnlyList<string> diskIds, CancellationToken ct = default) =>
        _write.ChangeAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.ApplyAutoSnapshotPolicy, ResourceKind.AutoSnapshotPolicy, policyId, regionId),
            auditDenied: true, async scope =>
            {
                var db = scope.Db;
                var account = scope.Actor.AccountId!;
                var policy = await db.AutoSnapshotPolicies.FirstOrDefaultAsync(p => p.Id == policyId && p.AccountId == account && p.RegionId == regionId, ct);
                if (policy is null)
                {
                    return AutoSnapshotPolicyErrors.NotFound(policyId);
                }

                if (await UnknownDiskAsync(db, account, regionId, diskIds, ct) is { } unknown)
                {
                    return unknown;
                }

                var applied = await db.DiskAutoSnapshotPolicies.Where(a => diskIds.Contains(a.DiskId)).ToListAsync(ct);
                foreach (var diskId in diskIds.Distinct(StringComparer.Ordinal))
                {
                    if (applied.Any(a => a.DiskId == diskId && a.PolicyId == policyId))
                    {
                        continue;
                    }

                    if (applied.Count(a => a.DiskId == diskId) >= MaxPoliciesPerDisk)
                    {
                        return AutoSnapshotPolicyErrors.PerDiskQuota(diskId, MaxPoliciesPerDisk);
                    }

                    db.DiskAutoSnapshotPolicies.Add(new DiskAutoSnapshotPolicy { AccountId = account, RegionId = regionId, DiskId = diskId, PolicyId = policyId, AppliedAt = scope.Now });
                    scope.Publish(new ResourceChange(ResourceKind.Disk, diskId, regionId, account));
                }

                // A policy that had no disk was not run: its next run is the first of its hours from now on.
                if (policy.NextRunAt <= scope.Now)
                {
                    policy.NextRunAt = AutoSnapshotSchedule.Next(scope.Now, policy.Hours, policy.Weekdays);
                }

                return null;
            }, ct);

    /// <summary>
    /// CancelAutoSnapshotPolicy: the policy named (or, none named, every policy) comes off each disk. Codes: <c>Forbidden</c>,
    /// <see cref="AutoSnapshotPolicyErrors.ParameterInvalidCode"/> (404: a disk, or the policy named, is not the account's in the region).
    /// </summary>
    public Task<Result> CancelAsync(Actor actor, string regionId, IReadOnlyList<string> diskIds, string? policyId = null, CancellationToken ct = default) =>
        _write.ChangeAsync(actor, WriteRight.CanWrite,
            new AuditTarget(AuditActions.CancelAutoSnapshotPolicy, policyId is null ? ResourceKind.Disk : ResourceKind.AutoSnapshotPolicy, policyId ?? string.Join(',', diskIds), regionId),
            auditDenied: true, async scope =>
            {
                var db = scope.Db;
                var account = scope.Actor.AccountId!;
                if (policyId is not null && !await db.AutoSnapshotPolicies.AnyAsync(p => p.Id == policyId && p.AccountId == account && p.RegionId == regionId, ct))
                {
                    return AutoSnapshotPolicyErrors.NotFound(policyId);
                }

                if (await UnknownDiskAsync(db, account, regionId, diskIds, ct) is { } unknown)
                {
                    return unknown;
                }

                var applied = await db.DiskAutoSnapshotPolicies
                    .Where(a => a.AccountId == account && diskIds.Contains(a.DiskId) && (policyId == null || a.PolicyId == policyId)).ToListAsync(ct);
                db.DiskAutoSnapshotPolicies.RemoveRange(applied);
                foreach (var diskId in applied.Select(a => a.DiskId).Distinct())
                {
                    scope.Publish(new ResourceChange(ResourceKind.Disk, diskId, regionId, account));
                }

                return null;
            }, ct, publish: policyId is not null);

    /// <summary>
    /// DeleteAutoSnapshotPolicy: the policy is deleted and comes off the disks it was applied to (they no longer run it, as
    /// on ECS); the automatic snapshots it took stay, kept by their own retention. Codes: <c>Forbidden</c>,
    /// <see cref="AutoSnapshotPolicyErrors.ParameterInvalidCode"/> (404).
    /// </summary>
    public Task<Result> DeleteAsync(Actor actor, string regionId, string policyId, CancellationToken ct = default) =>
        _write.ChangeAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.DeleteAutoSnapshotPolicy, ResourceKind.AutoSnapshotPolicy, policyId, regionId),
            auditDenied: true, async scope =>
            {
                var db = scope.Db;
                var account = scope.Actor.AccountId!;
                var policy = await db.AutoSnapshotPolicies.Include(p => p.Tags).FirstOrDefaultAsync(p => p.Id == policyId && p.AccountId == account && p.RegionId == regionId, ct);
                if (policy is null)
                {
                    return AutoSnapshotPolicyErrors.NotFound(policyId);
                }

                var applied = await db.DiskAutoSnapshotPolicies.Where(a => a.PolicyId == policyId).ToListAsync(ct);
                db.DiskAutoSnapshotPolicies.RemoveRange(applied);
                foreach (var diskId in applied.Select(a => a.DiskId))
                {
                    scope.Publish(new ResourceChange(ResourceKind.Disk, diskId, regionId, account));
                }

                db.AutoSnapshotPolicies.Remove(policy);
                return null;
            }, ct);

    /// <summary>
    /// A disk released (SNP-08, ASP-14): it leaves its policies, and, with <paramref name="autoSnapshotsToo"/>, its automatic
    /// snapshots go with it (<c>DeleteAutoSnapshot=true</c>, as DescribeDisks answers), save one an image or a disk was made
    /// of. A replaced system disk only leaves its policies (SNP-09). Runs in the caller's write, before it saves.
    /// </summary>
    internal static async Task ReleaseWithDiskAsync(ConsoleDbContext db, string diskId, bool autoSnapshotsToo, CancellationToken ct)
    {
        db.DiskAutoSnapshotPolicies.RemoveRange(await db.DiskAutoSnapshotPolicies.Where(a => a.DiskId == diskId).ToListAsync(ct));
        if (!autoSnapshotsToo)
        {
            return;
        }

        var autos = await db.Snapshots.Where(s => s.SourceDiskId == diskId && s.SnapshotType == "auto"
            && !db.ImageDiskMappings.Any(m => m.SnapshotId == s.Id) && !db.Disks.Any(d => d.SourceSnapshotId == s.Id)).ToListAsync(ct);
        var ids = autos.Select(s => s.Id).ToList();
        db.AsyncTasks.RemoveRange(await db.AsyncTasks.Where(t => ids.Contains(t.ResourceId) && t.Status == Tasks.AsyncTaskStatus.Processing).ToListAsync(ct));
        db.Snapshots.RemoveRange(autos);
    }

    private static async Task<EcsError?> UnknownDiskAsync(ConsoleDbContext db, string account, string regionId, IReadOnlyList<string> diskIds, CancellationToken ct)
    {
        if (diskIds.Count is 0 or > MaxDisksPerCall)
        {
            return AutoSnapshotPolicyErrors.DisksInvalid($"give a JSON array of 1 to {MaxDisksPerCall} disk IDs.");
        }

        var known = await db.Disks.AsNoTracking().Where(d => d.AccountId == account && d.RegionId == regionId && diskIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        return diskIds.FirstOrDefault(id => !known.Contains(id)) is { } missing
            ? AutoSnapshotPolicyErrors.DisksInvalid($"the disk \"{missing}\" does not exist in the region.")
            : null;
    }

    /// <summary>
    /// SDP-15: the disks an <c>AssociatedWithInstanceTag</c> policy covers: those of the account's instances in the policy's
    /// region that carry every target tag (an empty target value matches any value of the key); none for another policy.
    /// </summary>
    internal static async Task<List<Disk>> TaggedDisksAsync(ConsoleDbContext db, AutoSnapshotPolicy policy, CancellationToken ct)
    {
        if (!policy.ByInstanceTag || policy.TargetTags.Count == 0)
        {
            return [];
        }

        var instances = await db.Instances.AsNoTracking().Where(i => i.AccountId == policy.AccountId && i.RegionId == policy.RegionId)
            .Select(i => new { i.Id, i.Tags }).ToListAsync(ct);
        var matched = instances
            .Where(i => policy.TargetTags.All(t => i.Tags.Any(x => x.TagKey == t.TagKey && (t.TagValue.Length == 0 || x.TagValue == t.TagValue))))
            .Select(i => i.Id).ToList();
        return matched.Count == 0 ? [] : await db.Disks.AsNoTracking().Where(d => d.InstanceId != null && matched.Contains(d.InstanceId)).ToListAsync(ct);
    }

    /// <summary>The policies applied to the account's disks that still exist in the region, first applied first.</summary>
    private static async Task<List<DiskAutoSnapshotPolicy>> AppliedAsync(ConsoleDbContext db, string account, string regionId, CancellationToken ct) =>
        (await db.DiskAutoSnapshotPolicies.AsNoTracking()
            .Where(a => a.AccountId == account && a.RegionId == regionId && db.Disks.Any(d => d.Id == a.DiskId))
            .ToListAsync(ct))
        .OrderBy(a => a.AppliedAt).ThenBy(a => a.PolicyId, StringComparer.Ordinal).ToList();
}
