using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using EdgeInfra.Expressions;

namespace EdgeInfra.Testing;

/// <summary>Evaluated values as text, for messages and for telling calls apart: one text per value, keys in ordinal order.</summary>
internal static class ValueText
{
    /// <summary>The value as text: JSON-like, with secrets, resources and assets named.</summary>
    public static string Render(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    /// <summary>What kind of value it is, with its article: <c>a string</c>, <c>a list</c>, <c>null</c>.</summary>
    public static string KindOf(object? value) => value switch
    {
        null => "null",
        string => "a string",
        bool => "a boolean",
        long or double => "a number",
        ImmutableArray<object?> => "a list",
        ImmutableDictionary<string, object?> => "an object",
        SecretValue => "a secret",
        ResourceValue => "a resource",
        AssetValue asset => asset.Kind is AssetKind.FileArchive or AssetKind.RemoteArchive or AssetKind.AssetArchive ? "an archive" : "an asset",
        _ => "a " + value.GetType().Name,
    };

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                DeterministicJson.WriteString(text, s);
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case long integer:
                text.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                text.Append(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case SecretValue secret:
                text.Append("secret(");
                Write(text, secret.Value);
                text.Append(')');
                break;
            case ResourceValue resource:
                text.Append("resource(").Append(resource.Urn).Append(')');
                break;
            case AssetValue asset:
                text.Append(AssetExpression.FunctionKey(asset.Kind)).Append('(');
                Write(text, asset.Value);
                text.Append(')');
                break;
            case ImmutableArray<object?> list:
                text.Append('[');
                for (var i = 0; i < list.Length; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Write(text, list[i]);
                }

                text.Append(']');
                break;
            case ImmutableDictionary<string, object?> map:
                text.Append('{');
                var first = true;
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    text.Append(first ? string.Empty : ", ");
                    DeterministicJson.WriteString(text, key);
                    text.Append(": ");
                    Write(text, map[key]);
                    first = false;
                }

                text.Append('}');
                break;
            default:
                text.Append(value.GetType().Name).Append('(').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append(')');
                break;
        }
    }
}
