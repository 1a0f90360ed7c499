using System.Text.RegularExpressions;

namespace EcsConsole.Domain.Storage;

/// <summary>The simulated OSS of each account and region: buckets, and objects with a size.</summary>
public sealed partial class StorageService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time)
{
    private readonly AuditedWrite _write = new(dbFactory, time); // buckets and objects are not published

    /// <summary>The actor's buckets in the region.</summary>
    public async Task<IReadOnlyList<OssBucket>> ListBucketsAsync(Actor actor, string regionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OssBuckets.AsNoTracking().Where(b => b.AccountId == actor.AccountId && b.RegionId == regionId).OrderBy(b => b.Name).ToListAsync(ct);
    }

    /// <summary>Creates a bucket. Codes: <c>Forbidden</c>, <see cref="StorageErrors.BucketNameMalformedCode"/>, <see cref="StorageErrors.BucketExistsCode"/>.</summary>
    public async Task<Result<OssBucket>> CreateBucketAsync(Actor actor, string regionId, string name, CancellationToken ct = default)
    {
        return await _write.RunAsync<OssBucket>(actor, WriteRight.CanWrite, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            scope.Audit(new AuditTarget(AuditActions.PutBucket, ResourceKind.Bucket, name, regionId));
            EcsError? error = !BucketName().IsMatch(name ?? "") ? StorageErrors.BucketNameMalformed()
                : await db.OssBuckets.AnyAsync(b => b.Name == name, ct) ? StorageErrors.BucketExists(name!)
                : !await db.Regions.AnyAsync(r => r.Id == regionId, ct) ? CommonErrors.RegionNotFound(regionId)
                : null;
            if (error is not null)
            {
                return error;
            }

            var bucket = new OssBucket { Name = name!, RegionId = regionId, AccountId = actor.AccountId!, CreatedAt = scope.Now };
            db.OssBuckets.Add(bucket);
            return bucket;
        }, ct);
    }

    /// <summary>Deletes an empty bucket. Codes: <c>Forbidden</c>, <see cref="StorageErrors.BucketNotFoundCode"/>, <see cref="StorageErrors.BucketNotEmptyCode"/>.</summary>
    public async Task<Result> DeleteBucketAsync(Actor actor, string regionId, string name, CancellationToken ct = default)
    {
        // An unknown bucket is refused unaudited; the right is checked once it is found.
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var bucket = await db.OssBuckets.FirstOrDefaultAsync(b => b.Name == name && b.AccountId == actor.AccountId && b.RegionId == regionId, ct);
            if (bucket is null)
            {
                return StorageErrors.BucketNotFound(name);
            }

            scope.Audit(new AuditTarget(AuditActions.DeleteBucket, ResourceKind.Bucket, name, regionId));
            if ((await scope.CheckCanWriteAsync(ct) ?? (await db.OssObjects.AnyAsync(o => o.BucketName == name, ct) ? StorageErrors.BucketNotEmpty(name) : null)) is { } error)
            {
                return error;
            }

            db.OssBuckets.Remove(bucket);
            return true;
        }, ct);
        return outcome.ToResult();
    }

    /// <summary>The objects of one of the actor's buckets. Code: <see cref="StorageErrors.BucketNotFoundCode"/>.</summary>
    public async Task<Result<IReadOnlyList<OssObject>>> ListObjectsAsync(Actor actor, string regionId, string bucketName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.OssBuckets.AnyAsync(b => b.Name == bucketName && b.AccountId == actor.AccountId && b.RegionId == regionId, ct))
        {
            return StorageErrors.BucketNotFound(bucketName);
        }

        return await db.OssObjects.AsNoTracking().Where(o => o.BucketName == bucketName).OrderBy(o => o.Key).ToListAsync(ct);
    }

    /// <summary>
    /// A simulated upload (the object is recorded with its size; no data moves), so people can stage an image file to
    /// import. Codes: <c>Forbidden</c>, <see cref="StorageErrors.BucketNotFoundCode"/>, <see cref="StorageErrors.ObjectKeyMalformedCode"/>.
    /// </summary>
    public async Task<Result<OssObject>> PutObjectAsync(Actor actor, string regionId, string bucketName, string key, long sizeBytes, CancellationToken ct = default)
    {
        // An unknown bucket is refused unaudited; the right is checked once it is found.
        return await _write.RunAsync<OssObject>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            if (!await db.OssBuckets.AnyAsync(b => b.Name == bucketName && b.AccountId == actor.AccountId && b.RegionId == regionId, ct))
            {
                return StorageErrors.BucketNotFound(bucketName);
            }

            scope.Audit(new AuditTarget(AuditActions.PutObject, ResourceKind.BucketObject, $"{bucketName}/{key}", regionId));
            if ((await scope.CheckCanWriteAsync(ct)
                ?? (string.IsNullOrWhiteSpace(key) || key.Length > 1023 || key[0] is '/' or '\\' ? StorageErrors.ObjectKeyMalformed() : null)) is { } error)
            {
                return error;
            }

            var item = new OssObject { BucketName = bucketName, Key = key, SizeBytes = Math.Max(0, sizeBytes), CreatedAt = scope.Now, Format = FormatOf(key) };
            await db.OssObjects.Where(o => o.BucketName == bucketName && o.Key == key).ExecuteDeleteAsync(ct);
            db.OssObjects.Add(item);
            return item;
        }, ct);
    }

    /// <summary>The image format a key's suffix names (RAW, VHD, QCOW2, VMDK, VDI), or null.</summary>
    public static string? FormatOf(string key)
    {
        var lower = key.ToLowerInvariant();
        return lower.EndsWith(".qcow2", StringComparison.Ordinal) ? "QCOW2"
            : lower.EndsWith(".vhd", StringComparison.Ordinal) ? "VHD"
            : lower.EndsWith(".vmdk", StringComparison.Ordinal) ? "VMDK"
            : lower.EndsWith(".vdi", StringComparison.Ordinal) ? "VDI"
            : lower.EndsWith(".raw", StringComparison.Ordinal) || lower.EndsWith(".raw.tar.gz", StringComparison.Ordinal) || lower.EndsWith(".img", StringComparison.Ordinal) ? "RAW"
            : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
