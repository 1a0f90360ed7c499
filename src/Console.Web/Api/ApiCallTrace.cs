using System.Diagnostics;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.ApiLog;

namespace EcsConsole.Web.Api;

/// <summary>
/// What the API learns about a call on its way (ADR-013): the action, the AccessKey once it is found, the parameters once
/// they are read, the account once the caller is known. Carried as a request feature; when the answer is written the
/// middleware hands the record to the <see cref="ApiCallQueue"/> (no database write on the call's path). A call whose
/// AccessKey ID names no key (or that never named one) has no account to show it to and is not recorded.
/// </summary>
internal sealed class ApiCallTrace(DateTimeOffset arrived)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private string? _action;
    private AccessKeyCredential? _key;
    private string? _accountId;
    private string? _email;
    private IEnumerable<KeyValuePair<string, string>>? _parameters;

    public static ApiCallTrace? Of(HttpContext http) => http.Features.Get<ApiCallTrace>();

    /// <summary>The call named a key that exists: from here on it is recorded.</summary>
    public void Key(string action, AccessKeyCredential key, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        _action = action;
        _key = key;
        _parameters ??= parameters;
    }

    /// <summary>Every parameter (query and body), once read.</summary>
    public void Parameters(IEnumerable<KeyValuePair<string, string>> parameters) => _parameters = parameters;

    /// <summary>The caller as the database has it now.</summary>
    public void Caller(string? accountId, string email)
    {
        _accountId = accountId;
        _email = email;
    }

    /// <summary>The record of the answered call, or null when it is not recorded.</summary>
    public ApiCallRecord? Finish(string requestId, ApiReply reply) => _key is null || _action is null ? null : new ApiCallRecord
    {
        RequestId = requestId,
        Time = arrived,
        Action = ApiCallRecords.Cut(_action, ApiCallRecords.MaxActionLength),
        AccountId = _accountId,
        UserId = _key.UserId,
        UserEmail = _email ?? "",
        AccessKeyId = _key.Id,
        HttpStatus = reply.Error?.HttpStatus ?? StatusCodes.Status200OK,
        ErrorCode = reply.Error?.Code,
        DurationMs = Math.Round(Stopwatch.GetElapsedTime(_started).TotalMilliseconds, 2),
        Parameters = ApiParameterRedaction.ToJson(_parameters ?? []),
    };
}
