using System.Globalization;
using System.Text;

namespace EcsConsole.Web.Api.Calls;

/// <summary>
/// An <see cref="EcsCall"/> written for a person to run (ADR-014): a Node.js snippet for the official SDK
/// (<c>@alicloud/ecs20140526</c>: camelCase model fields, nested and repeated parameters as the SDK's model classes) and
/// an <c>aliyun</c> CLI line (RPC syntax, repeated parameters flattened as <c>--Tag.1.Key</c>). Values are escaped for
/// a JavaScript string and quoted for a POSIX shell; a secret stays in an environment variable.
/// </summary>
public static class EcsCallText
{
    /// <summary>The environment variable a secret parameter is read from in the snippet and the CLI line.</summary>
    public static string SecretVariable(EcsParameter p) => "ECS_" + p.Name.Replace('.', '_').ToUpperInvariant();

    /// <summary>The <c>aliyun ecs Action --Name value …</c> line.</summary>
    public static string CliLine(EcsCall call)
    {
        var line = new StringBuilder("aliyun ecs ").Append(call.Action);
        foreach (var p in call.Parameters)
        {
            line.Append(" --").Append(p.Name).Append(' ').Append(p.Secret ? $"\"${SecretVariable(p)}\"" : ShellQuote(p.Value));
        }

        return line.ToString();
    }

    /// <summary>
    /// A Node.js snippet making <paramref name="calls"/> in order with the official SDK against <paramref name="endpoint"/>
    /// (host:port); with several calls, their requests and responses are numbered.
    /// </summary>
    public static string NodeSnippet(IReadOnlyList<EcsCall> calls, string endpoint, bool https = false)
    {
        var text = new StringBuilder()
            .AppendLine("const $Ecs20140526 = require('@alicloud/ecs20140526');")
            .AppendLine("const { $OpenApiUtil } = require('@alicloud/openapi-core');")
            .AppendLine()
            .AppendLine("const client = new $Ecs20140526.default(new $OpenApiUtil.Config({")
            .AppendLine("  accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,")
            .AppendLine("  accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,")
            .Append("  endpoint: ").Append(JsString(endpoint)).AppendLine(",")
            .Append("  protocol: ").Append(https ? "'https'" : "'http'").AppendLine(",")
            .AppendLine("}));");
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            var suffix = calls.Count > 1 ? (i + 1).ToString(CultureInfo.InvariantCulture) : "";
            var requestClass = call.Action + "Request";
            text.Append("const request").Append(suffix).Append(" = new $Ecs20140526.").Append(requestClass).Append('(');
            JsObject.Of(call.Parameters).Write(text, requestClass, indent: 0);
            text.AppendLine(");")
                .Append("const response").Append(suffix).Append(" = await client.").Append(CamelCase(call.Action))
                .Append("(request").Append(suffix).AppendLine(");")
                .Append("console.log(response").Append(suffix).AppendLine(".body);");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>One <c>aliyun</c> line per call.</summary>
    public static string CliLines(IReadOnlyList<EcsCall> calls) => string.Join('\n', calls.Select(CliLine));

    /// <summary>The SDK's field name for a wire name: the first letter lower-cased, unless the name starts with an acronym (<c>OSType</c>, <c>OSSBucket</c>).</summary>
    public static string CamelCase(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && char.IsUpper(name[1]) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>A single-quoted JavaScript string literal.</summary>
    public static string JsString(string value)
    {
        var s = new StringBuilder("'");
        foreach (var c in value)
        {
            s.Append(c switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when c < ' ' || c is '\u007f' or '\u2028' or '\u2029' => $@"\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return s.Append('\'').ToString();
    }

    /// <summary>A word a POSIX shell reads back as <paramref name="value"/>: bare when safe, else single-quoted.</summary>
    public static string ShellQuote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "_@%+=:,./-".Contains(c))
            ? value
            : "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    /// <summary>Parameters grouped the way the SDK's models nest them: <c>A.B</c> an object, <c>A.N</c> a list, <c>A.N.B</c> a list of objects.</summary>
    private sealed class JsObject
    {
        private readonly List<(string Name, object Value)> _fields = [];

        public static JsObject Of(IEnumerable<EcsParameter> parameters)
        {
            var root = new JsObject();
            foreach (var p in parameters)
            {
                root.Put(p.Name.Split('.'), 0, p);
            }

            return root;
        }

        private void Put(string[] path, int at, EcsParameter p)
        {
            var name = path[at];
            if (at == path.Length - 1)
            {
                _fields.Add((name, p));
                return;
            }

            if (IsIndex(path[at + 1]))
            {
                var list = Field<SortedDictionary<int, object>>(name);
                var index = int.Parse(path[at + 1], CultureInfo.InvariantCulture);
                if (at + 1 == path.Length - 1)
                {
                    list[index] = p;
                }
                else
                {
                    if (!list.TryGetValue(index, out var item))
                    {
                        list[index] = item = new JsObject();
                    }

                    ((JsObject)item).Put(path, at + 2, p);
                }
            }
            else
            {
                Field<JsObject>(name).Put(path, at + 1, p);
            }
        }

        private T Field<T>(string name)
            where T : new()
        {
            foreach (var (n, v) in _fields)
            {
                if (n == name && v is T found)
                {
                    return found;
                }
            }

            var created = new T();
            _fields.Add((name, created));
            return created;
        }

        public void Write(StringBuilder s, string className, int indent)
        {
            var pad = new string(' ', indent + 2);
            s.AppendLine("{");
            foreach (var (name, value) in _fields)
            {
                s.Append(pad).Append(CamelCase(name)).Append(": ");
                WriteValue(s, value, className + name, indent + 2);
                s.AppendLine(",");
            }

            s.Append(new string(' ', indent)).Append('}');
        }

        private static void WriteValue(StringBuilder s, object value, string className, int indent)
        {
            switch (value)
            {
                case EcsParameter p:
                    s.Append(Literal(p));
                    break;
                case JsObject o:
                    s.Append("new $Ecs20140526.").Append(className).Append('(');
                    o.Write(s, className, indent);
                    s.Append(')');
                    break;
                case SortedDictionary<int, object> list:
                    s.AppendLine("[");
                    foreach (var item in list.Values)
                    {
                        s.Append(new string(' ', indent + 2));
                        WriteValue(s, item, className, indent + 2);
                        s.AppendLine(",");
                    }

                    s.Append(new string(' ', indent)).Append(']');
                    break;
            }
        }

        private static string Literal(EcsParameter p) => p switch
        {
            { Secret: true } => "process.env." + SecretVariable(p),
            { Kind: EcsValueKind.Number or EcsValueKind.Boolean } => p.Value,
            _ => JsString(p.Value),
        };

        private static bool IsIndex(string segment) => segment.Length is > 0 and < 10 && segment.All(char.IsAsciiDigit);
    }
}
