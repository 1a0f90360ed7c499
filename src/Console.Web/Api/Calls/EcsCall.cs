namespace EcsConsole.Web.Api.Calls;

/// <summary>How an SDK types a parameter's value (the JSON types of ecs-model-trees.txt): a string, a number or a boolean.</summary>
public enum EcsValueKind
{
    String,
    Number,
    Boolean,
}

/// <summary>
/// One parameter of an ECS call by its wire name (<c>RegionId</c>, <c>Tag.1.Key</c>, <c>SystemDisk.Size</c>) and its
/// value as the API reads it. A <see cref="Secret"/> (a password) is shown and copied as a placeholder, never as typed.
/// </summary>
public sealed record EcsParameter(string Name, string Value, EcsValueKind Kind = EcsValueKind.String, bool Secret = false);

/// <summary>
/// The ECS API call that does what a console dialog does (ADR-014): the action and its parameters in the order the
/// dialog's request names them. Built only by <see cref="EcsCalls"/>, next to the API's binding of the same action.
/// </summary>
public sealed record EcsCall(string Action, IReadOnlyList<EcsParameter> Parameters)
{
    /// <summary>The parameters as the API receives them (name → value), for the binders and the API itself.</summary>
    public IReadOnlyDictionary<string, string> ToWire() => Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}

/// <summary>Collects an action's parameters, leaving out what the request leaves unset (null or empty).</summary>
internal sealed class EcsCallBuilder(string action)
{
    private readonly List<EcsParameter> _parameters = [];

    public EcsCallBuilder Add(string name, string? value, bool secret = false)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _parameters.Add(new EcsParameter(name, value, EcsValueKind.String, secret));
        }

        return this;
    }

    public EcsCallBuilder Add(string name, int? value)
    {
        if (value is { } number)
        {
            _parameters.Add(new EcsParameter(name, number.ToString(System.Globalization.CultureInfo.InvariantCulture), EcsValueKind.Number));
        }

        return this;
    }

    public EcsCallBuilder Add(string name, bool? value)
    {
        if (value is { } flag)
        {
            _parameters.Add(new EcsParameter(name, flag ? "true" : "false", EcsValueKind.Boolean));
        }

        return this;
    }

    /// <summary><c>Name.1</c>, <c>Name.2</c>, … (ECS lists are 1-based); <paramref name="kind"/> is how the SDK types the items.</summary>
    public EcsCallBuilder List(string name, IEnumerable<string>? values, EcsValueKind kind = EcsValueKind.String)
    {
        var n = 0;
        foreach (var value in values ?? [])
        {
            if (!string.IsNullOrEmpty(value))
            {
                _parameters.Add(new EcsParameter($"{name}.{++n}", value, kind));
            }
        }

        return this;
    }

    /// <summary><c>Name.N.Field</c> for each item, the fields as <paramref name="fields"/> adds them under the prefix <c>Name.N.</c>.</summary>
    public EcsCallBuilder Objects<T>(string name, IEnumerable<T>? items, Action<EcsCallBuilder, string, T> fields)
    {
        var n = 0;
        foreach (var item in items ?? [])
        {
            fields(this, $"{name}.{++n}.", item);
        }

        return this;
    }

    /// <summary><c>Tag.N.Key</c> and <c>Tag.N.Value</c>.</summary>
    public EcsCallBuilder Tags(IEnumerable<(string Key, string Value)>? tags, string name = "Tag") =>
        Objects(name, tags, (b, prefix, tag) => b.Add(prefix + "Key", tag.Key).Add(prefix + "Value", tag.Value));

    public EcsCall Build() => new(action, [.. _parameters]);
}
