using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EcsConsole.E2E.Support;

/// <summary>
/// The console's ECS-compatible API as a suite calls it: V1 (HMAC-SHA1, GET) requests signed as pop-core signs them,
/// with an AccessKey pair (the seeded pairs of ui-contract §2, or one created on the AccessKeys page).
/// </summary>
public sealed class EcsApi(string baseUrl, string accessKeyId, string accessKeySecret) : IDisposable
{
    /// <summary>Alice's seeded pair (Acme admin).</summary>
    public static EcsApi AsAlice(string baseUrl) => new(baseUrl, "LTAI5tDemoAlice000000001", "DemoAliceSecret000000000000000001");

    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl) };

    /// <summary>Calls <paramref name="action"/> and returns its JSON body; a non-success answer fails the test with the body.</summary>
    public async Task<JsonDocument> CallAsync(string action, IReadOnlyDictionary<string, string> parameters)
    {
        var (status, body) = await SendAsync(action, parameters);
        Assert.True(status is >= 200 and < 300, body.RootElement.ToString());
        return body;
    }

    /// <summary>Calls <paramref name="action"/> and returns its HTTP status and JSON body, success or not.</summary>
    public async Task<(int Status, JsonDocument Body)> SendAsync(string action, IReadOnlyDictionary<string, string> parameters)
    {
        var signed = new Dictionary<string, string>(parameters)
        {
            ["Action"] = action,
            ["Version"] = "2014-05-26",
            ["Format"] = "JSON",
            ["AccessKeyId"] = accessKeyId,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["Timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        var canonical = string.Join("&", signed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var stringToSign = "GET&%2F&" + Uri.EscapeDataString(canonical);
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
        using var response = await _http.GetAsync("/?" + canonical + "&Signature=" + Uri.EscapeDataString(signature));
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(body));
    }

    /// <summary>The ID of the instance named <paramref name="name"/> in <paramref name="regionId"/> (DescribeInstances), exactly one.</summary>
    public async Task<string> InstanceIdAsync(string regionId, string name)
    {
        using var found = await CallAsync("DescribeInstances", new Dictionary<string, string> { ["RegionId"] = regionId, ["InstanceName"] = name });
        var instance = Assert.Single(found.RootElement.GetProperty("Instances").GetProperty("Instance").EnumerateArray());
        return instance.GetProperty("InstanceId").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}
