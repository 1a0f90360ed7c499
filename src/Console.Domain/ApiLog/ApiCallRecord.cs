using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.ApiLog;

/// <summary>
/// One ECS API call as the <c>/api-log</c> page shows it (ADR-013): written after the answer, off the call's path, by
/// <see cref="ApiCallLogWriter"/>. Only calls whose AccessKey ID names a key are recorded (the account is known); the
/// parameters are stored with their secrets redacted (<see cref="ApiParameterRedaction"/>).
/// </summary>
public sealed class ApiCallRecord
{
    /// <summary>The order calls were written in; newest first on the page.</summary>
    public long Id { get; private set; }

    /// <summary>The <c>RequestId</c> the API answered with (body and <c>x-acs-request-id</c>).</summary>
    public required string RequestId { get; init; }

    /// <summary>When the call arrived, on the product's clock.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The action asked for (as sent: an unknown one too).</summary>
    public required string Action { get; init; }

    /// <summary>The key's user's account (null for a user without one).</summary>
    public string? AccountId { get; set; }

    public required string UserId { get; init; }

    /// <summary>The key's user's email: the caller's, or read when the record is written for a call refused before the caller was known.</summary>
    public string UserEmail { get; set; } = "";

    public required string AccessKeyId { get; init; }

    /// <summary>The HTTP status answered.</summary>
    public int HttpStatus { get; init; }

    /// <summary>The ECS error code answered; null for a success.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>How long the call took in the console, in milliseconds (from its arrival to its answer written).</summary>
    public double DurationMs { get; init; }

    /// <summary>The query and form parameters as a JSON object, secrets redacted, long values cut.</summary>
    public required string Parameters { get; init; }
}

internal sealed class ApiCallRecordConfiguration : IEntityTypeConfiguration<ApiCallRecord>
{
    public void Configure(EntityTypeBuilder<ApiCallRecord> builder)
    {
        builder.ToTable("ApiCalls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.RequestId).HasMaxLength(36);
        builder.Property(c => c.Action).HasMaxLength(ApiCallRecords.MaxActionLength);
        builder.Property(c => c.UserId).HasMaxLength(64);
        builder.Property(c => c.UserEmail).HasMaxLength(256);
        builder.Property(c => c.AccessKeyId).HasMaxLength(64);
        builder.Property(c => c.ErrorCode).HasMaxLength(128);
        // No index on RequestId (issue #20): nothing looks a call up by it, and a random GUID's index made every insert
        // and every prune write a page at a random place in it (about 4 KB of write-ahead log per call under wrk).
        // The two indexes left grow at their ends.
        builder.HasIndex(c => new { c.AccountId, c.Id });
        builder.HasIndex(c => c.Time);
    }
}

/// <summary>Limits of what one record keeps.</summary>
public static class ApiCallRecords
{
    public const int MaxActionLength = 64;

    /// <summary>Cuts a value to <paramref name="max"/> characters.</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
