using System.Globalization;
using System.Text.Json;
using EcsConsole.Domain.Common;

namespace EcsConsole.Web.Api;

/// <summary>
/// The request's parameters (query merged with a form body), read the way ECS flattens them (ecs-openapi §1.7):
/// lists as <c>Name.1</c>, <c>Name.2</c> (1-based, gaps allowed), lists of objects as <c>Name.N.Field</c> (field names
/// case-insensitive, for the legacy <c>Tag.N.key</c>), nested objects as <c>Parent.Field</c>, a few lists as one
/// JSON-array or comma-separated string. A reader never throws on bad input: the first malformed or missing parameter
/// is kept in <see cref="Error"/>, and the action returns it after reading what it needs.
/// </summary>
public sealed class ApiParameters(IReadOnlyDictionary<string, string> values)
{
    /// <summary>The protocol's own parameters (ecs-openapi §1): the signature reads them before any action runs.</summary>
    public static readonly System.Collections.Frozen.FrozenSet<string> Protocol = System.Collections.Frozen.FrozenSet.ToFrozenSet(
    [
        "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce",
        "SignatureType", "Timestamp", "SecurityToken",
    ], StringComparer.Ordinal);

    /// <summary>Beyond any list EcsConsole holds, and small enough that page × size never overflows.</summary>
    public const int MaxPageNumber = 1_000_000;

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    /// <summary>The first problem met while reading; null while every read was fine.</summary>
    public EcsError? Error { get; private set; }

    /// <summary>
    /// The names an action asked for (a list's or an object's name covers its <c>Name.N</c>/<c>Name.Field</c>): what was
    /// sent and never asked for was ignored (<see cref="Unread"/>).
    /// </summary>
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>The value, or null when absent. An empty value counts as absent for optional parameters.</summary>
    public string? Get(string name)
    {
        _read.Add(name);
        return Values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
    }

    /// <summary>
    /// The parameters sent with a value that nothing asked for, besides <paramref name="handledElsewhere"/> (the
    /// signature's, read before the parameters are): each was ignored by the call, in name order.
    /// </summary>
    public IReadOnlyList<string> Unread(IReadOnlySet<string> handledElsewhere) =>
        [.. Values.Where(kv => kv.Value.Length > 0 && !handledElsewhere.Contains(kv.Key) && !IsRead(kv.Key)).Select(kv => kv.Key).Order(StringComparer.Ordinal)];

    private bool IsRead(string key)
    {
        if (_read.Contains(key))
        {
            return true;
        }

        for (var dot = key.IndexOf('.'); dot > 0; dot = key.IndexOf('.', dot + 1))
        {
            if (_read.Contains(key[..dot]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value; records <c>MissingParameter</c> when absent or empty.</summary>
    public string Required(string name)
    {
        if (Get(name) is { } value)
        {
            return value;
        }

        Fail(CommonErrors.MissingParameter(name));
        return "";
    }

    /// <summary>Records an error unless one is already kept (the first one wins).</summary>
    public void Fail(EcsError error) => Error ??= error;

    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Get(name) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Fail(CommonErrors.InvalidParameter(name, min == int.MinValue ? "it must be an integer." : $"it must be an integer from {min} to {max}."));
            return null;
        }

        return value;
    }

    public bool? Bool(string name)
    {
        switch (Get(name)?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Fail(CommonErrors.InvalidParameter(name, "it must be true or false."));
                return null;
        }
    }

    /// <summary><c>Name.1</c>, <c>Name.2</c>, … in index order; empty values are skipped.</summary>
    public IReadOnlyList<string> List(string name)
    {
        _read.Add(name);
        var prefix = name + ".";
        return
        [
            .. Values.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && IsIndex(kv.Key.AsSpan(prefix.Length)) && kv.Value.Length > 0)
                .OrderBy(kv => long.Parse(kv.Key.AsSpan(prefix.Length), CultureInfo.InvariantCulture))
                .Select(kv => kv.Value),
        ];
    }

    /// <summary><c>Name.N.Field</c> grouped by N, in index order; each object's fields are case-insensitive.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Objects(string name)
    {
        _read.Add(name);
        var prefix = name + ".";
        var groups = new SortedDictionary<long, Dictionary<string, string>>();
        foreach (var (key, value) in Values)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.AsSpan(prefix.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0 || !IsIndex(rest[..dot]))
            {
                continue;
            }

            var index = long.Parse(rest[..dot], CultureInfo.InvariantCulture);
            if (!groups.TryGetValue(index, out var fields))
            {
                groups[index] = fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            fields[rest[(dot + 1)..].ToString()] = value;
        }

        return [.. groups.Values];
    }

    /// <summary><c>Tag.N.Key</c>/<c>Tag.N.Value</c> pairs (the value may be empty; a pair without a key is dropped).</summary>
    public IReadOnlyList<(string Key, string Value)> Tags(string name = "Tag") =>
        [.. Objects(name).Where(o => o.ContainsKey("Key")).Select(o => (o["Key"], o.GetValueOrDefault("Value") ?? ""))];

    /// <summary>
    /// Tag filters of a Describe call: at most <paramref name="max"/>, else <c>InvalidTagCount</c>; a value without its key
    /// is <c>InvalidTag.Mismatch</c> (IMG-Q-08). None are returned after either.
    /// </summary>
    public IReadOnlyList<(string Key, string Value)> Tags(string name, int max)
    {
        if (Objects(name).Any(o => string.IsNullOrEmpty(o.GetValueOrDefault("Key")) && !string.IsNullOrEmpty(o.GetValueOrDefault("Value"))))
        {
            Fail(ApiErrors.Invalid("InvalidTag.Mismatch", 400, $"Each {name}.N.Value needs its {name}.N.Key."));
            return [];
        }

        var tags = Tags(name);
        if (tags.Count <= max)
        {
            return tags;
        }

        Fail(ApiErrors.Invalid("InvalidTagCount", 400, $"A call filters by at most {max} tags."));
        return [];
    }

    /// <summary>
    /// A list sent as one JSON-array string (<c>InstanceIds=["i-1","i-2"]</c>); records <paramref name="malformed"/>, or
    /// <c>InvalidParameter</c>, when it is not an array of strings or holds more than <paramref name="max"/> items.
    /// </summary>
    public IReadOnlyList<string> JsonList(string name, int max = 100, EcsError? malformed = null)
    {
        if (Get(name) is not { } text)
        {
            return [];
        }

        try
        {
            var items = JsonSerializer.Deserialize<List<string?>>(text);
            var ids = items?.Where(i => !string.IsNullOrEmpty(i)).Select(i => i!).ToList() ?? [];
            if (ids.Count > max)
            {
                Fail(malformed ?? CommonErrors.InvalidParameter(name, $"it can hold at most {max} IDs."));
            }

            return ids;
        }
        catch (JsonException)
        {
            Fail(malformed ?? CommonErrors.InvalidParameter(name, "it must be a JSON array of strings."));
            return [];
        }
    }

    /// <summary>A comma-separated list (<c>Status=Available,Creating</c>), trimmed, empty items dropped.</summary>
    public IReadOnlyList<string> CommaList(string name) =>
        Get(name) is { } text ? [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [];

    /// <summary>A comma-separated list of at most <paramref name="max"/> items; records <paramref name="tooMany"/> (and returns none) past it.</summary>
    public IReadOnlyList<string> CommaList(string name, int max, EcsError tooMany)
    {
        var items = CommaList(name);
        if (items.Count <= max)
        {
            return items;
        }

        Fail(tooMany);
        return [];
    }

    /// <summary>ECS time (<c>yyyy-MM-ddTHH:mm:ssZ</c> or <c>yyyy-MM-ddTHH:mmZ</c>), parsed leniently; records <c>InvalidParameter</c>.</summary>
    public DateTimeOffset? Time(string name, string? value = null)
    {
        var text = value ?? Get(name);
        if (text is null)
        {
            return null;
        }

        if (ApiTime.TryParse(text, out var time))
        {
            return time;
        }

        Fail(CommonErrors.InvalidParameter(name, "it must be a UTC time such as 2025-01-01T00:00Z."));
        return null;
    }

    /// <summary>
    /// A word of an ECS enumeration, parsed by <paramref name="parse"/>; an unknown word records the operation's own
    /// <paramref name="code"/> with <paramref name="status"/> (ecs-openapi §2).
    /// </summary>
    public T? Word<T>(string name, Func<string?, T?> parse, string code, int status)
        where T : struct
    {
        if (Get(name) is not { } text)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Fail(ApiErrors.Invalid(code, status, $"The specified {name} \"{text}\" is not valid."));
        }

        return value;
    }

    /// <summary>Records <paramref name="error"/> and stands in for the value that could not be read.</summary>
    public T? Invalid<T>(EcsError error)
    {
        Fail(error);
        return default;
    }

    private static bool IsIndex(ReadOnlySpan<char> text) => text.Length is > 0 and < 10 && text.IndexOfAnyExceptInRange('0', '9') < 0;
}

/// <summary>ECS's time format on the wire.</summary>
public static class ApiTime
{
    private static readonly string[] Formats =
        ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c> in UTC.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? time) => time is { } t ? Format(t) : null;

    public static bool TryParse(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
