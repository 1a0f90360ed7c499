using System.Net;
using System.Text;
using System.Text.Json;

namespace EcsConsole.Tests.Api.Support;

/// <summary>How a test call is signed and sent.</summary>
public enum EcsSigning
{
    /// <summary>ACS3-HMAC-SHA256, as the typed SDKs send by default: POST, parameters in the query, action in headers.</summary>
    V3,

    /// <summary>HMAC-SHA1 in the query string, as the typed SDK with <c>signatureAlgorithm: 'v2'</c> sends (POST).</summary>
    V1,

    /// <summary>HMAC-SHA1, every parameter in a form body, as pop-core's POST mode sends.</summary>
    V1Form,

    /// <summary>HMAC-SHA1 with GET, as pop-core's default.</summary>
    V1Get,
}

/// <summary>An ECS API response: status, body, and the error code when there is one.</summary>
public sealed record EcsResponse(HttpStatusCode Status, JsonElement Body)
{
    /// <summary>The parameters the call sent and the console ignored (its <c>x-ecsconsole-ignored-parameters</c> header).</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("Code", out var code) ? code.GetString() : null;

    public JsonElement this[string name] => Body.GetProperty(name);

    public override string ToString() => $"{(int)Status} {Body}";
}

/// <summary>
/// Calls the console's ECS API the way the official SDKs do, signed by <see cref="EcsTestSigner"/>. Every call has a fresh
/// nonce and the current time unless a test overrides them to provoke an authentication failure.
/// </summary>
public sealed class EcsTestClient(HttpClient http, string accessKeyId, string secret, EcsSigning signing = EcsSigning.V3)
{
    public const string Host = "localhost";

    public EcsSigning Signing { get; } = signing;

    /// <summary>Overrides for authentication tests.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public string? Nonce { get; init; }

    public string? SecretOverride { get; init; }

    public string? Version { get; init; }

    public async Task<EcsResponse> CallAsync(string action, IReadOnlyDictionary<string, string>? parameters = null)
    {
        parameters ??= new Dictionary<string, string>();
        var time = (Timestamp ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Nonce ?? Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        var key = SecretOverride ?? secret;
        using var request = Signing == EcsSigning.V3 ? V3(action, parameters, time, nonce, key) : V1(action, parameters, time, nonce, key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return new EcsResponse(response.StatusCode, json.RootElement.Clone())
        {
            Ignored = response.Headers.TryGetValues(EcsConsole.Web.Api.ApiAuthentication.IgnoredParametersHeader, out var ignored)
                ? [.. ignored.SelectMany(v => v.Split(','))]
                : [],
        };
    }

    public Task<EcsResponse> CallAsync(string action, params (string Name, string Value)[] parameters) =>
        CallAsync(action, parameters.ToDictionary(p => p.Name, p => p.Value));

    private HttpRequestMessage V3(string action, IReadOnlyDictionary<string, string> parameters, string time, string nonce, string key)
    {
        var headers = new Dictionary<string, string>
        {
            ["host"] = Host,
            ["x-acs-action"] = action,
            ["x-acs-version"] = Version ?? "2014-05-26",
            ["x-acs-date"] = time,
            ["x-acs-signature-nonce"] = nonce,
            ["x-acs-content-sha256"] = EcsTestSigner.Sha256Hex([]),
        };
        var signature = EcsTestSigner.V3Signature("POST", parameters, headers, headers["x-acs-content-sha256"], key);
        var request = new HttpRequestMessage(HttpMethod.Post, "/?" + Query(parameters)) { Content = new ByteArrayContent([]) };
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Host = Host;
        request.Headers.TryAddWithoutValidation("Authorization",
            $"ACS3-HMAC-SHA256 Credential={accessKeyId},SignedHeaders={string.Join(";", headers.Keys.Order(StringComparer.Ordinal))},Signature={signature}");
        return request;
    }

    private HttpRequestMessage V1(string action, IReadOnlyDictionary<string, string> parameters, string time, string nonce, string key)
    {
        var all = new Dictionary<string, string>(parameters)
        {
            ["Action"] = action,
            ["Version"] = Version ?? "2014-05-26",
            ["Format"] = "JSON",
            ["Timestamp"] = time,
            ["SignatureNonce"] = nonce,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["AccessKeyId"] = accessKeyId,
        };
        var method = Signing == EcsSigning.V1Get ? "GET" : "POST";
        all["Signature"] = EcsTestSigner.V1Signature(method, all, key);
        var request = Signing == EcsSigning.V1Form
            ? new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(Query(all), Encoding.UTF8, "application/x-www-form-urlencoded") }
            : new HttpRequestMessage(new HttpMethod(method), "/?" + Query(all));
        request.Headers.Host = Host;
        return request;
    }

    private static string Query(IReadOnlyDictionary<string, string> parameters) =>
        string.Join("&", parameters.Select(p => EcsTestSigner.Encode(p.Key) + "=" + EcsTestSigner.Encode(p.Value)));
}
