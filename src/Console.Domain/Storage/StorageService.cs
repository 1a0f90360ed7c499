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
            EcsError? error = !IsBucketName(name) ? StorageErrors.BucketNameMalformed()
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

    /// <summary>The largest object the console downloads (<see cref="GetObjectForDownloadAsync"/>): 64 MiB.</summary>
    public const long MaxDownloadBytes = 64L * 1024 * 1024;

    /// <summary>
    /// One object of one of the actor's buckets, to download: anyone of the bucket's account may read it (as
    /// <see cref="ListObjectsAsync"/>). Codes: <see cref="StorageErrors.BucketNotFoundCode"/>,
    /// <see cref="StorageErrors.ObjectNotFoundCode"/>, <see cref="StorageErrors.ObjectTooLargeCode"/> (over <see cref="MaxDownloadBytes"/>).
    /// </summary>
    public async Task<Result<OssObject>> GetObjectForDownloadAsync(Actor actor, string regionId, string bucketName, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (actor.AccountId is null || !await db.OssBuckets.AnyAsync(b => b.Name == bucketName && b.AccountId == actor.AccountId && b.RegionId == regionId, ct))
        {
            return StorageErrors.BucketNotFound(bucketName);
        }

        var item = await db.OssObjects.AsNoTracking().FirstOrDefaultAsync(o => o.BucketName == bucketName && o.Key == key, ct);
        return item is null ? StorageErrors.ObjectNotFound(key)
            : item.SizeBytes > MaxDownloadBytes ? StorageErrors.ObjectTooLarge(key, MaxDownloadBytes)
            : item;
    }

    /// <summary>
    /// The simulated content of an object: <paramref name="length"/> bytes, the same for the same key every time (the
    /// key's name repeated as a line), written to <paramref name="output"/> in 64 KiB pieces, never held whole in memory.
    /// </summary>
    public static async Task WriteContentAsync(string key, long length, Stream output, CancellationToken ct = default)
    {
        var line = System.Text.Encoding.UTF8.GetBytes($"EcsConsole simulated OSS object {key}\n");
        var chunk = new byte[64 * 1024];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = line[i % line.Length];
        }

        // Each piece continues the pattern where the last one stopped, so the content does not depend on the piece size.
        long written = 0;
        while (written < length)
        {
            var offset = (int)(written % line.Length);
            var count = (int)Math.Min(chunk.Length - line.Length, length - written);
            await output.WriteAsync(chunk.AsMemory(offset, count), ct);
            written += count;
        }
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

    /// <summary>An OSS bucket name: 3-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen.</summary>
    public static bool IsBucketName(string? name) => BucketName().IsMatch(name ?? "");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
