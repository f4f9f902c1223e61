using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Schemas;

/// <summary>
/// Classifies YAML scalars as the YAML 1.2 core schema does: quoted and block scalars are strings; plain scalars are
/// null, booleans, integers or floats when they look like one, and strings otherwise.
/// </summary>
internal static partial class YamlScalars
{
    public static ScalarKind Classify(YamlScalarNode node)
    {
        string value = node.Value ?? string.Empty;
        if (!node.Tag.IsEmpty)
        {
            switch (node.Tag.Value)
            {
                case "tag:yaml.org,2002:str":
                    return ScalarKind.String;
                case "tag:yaml.org,2002:int":
                    return ScalarKind.Integer;
                case "tag:yaml.org,2002:float":
                    return ScalarKind.Float;
                case "tag:yaml.org,2002:bool":
                    return ScalarKind.Boolean;
                case "tag:yaml.org,2002:null":
                    return ScalarKind.Null;
            }
        }

        if (node.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return ScalarKind.String;
        }

        return ClassifyPlain(value);
    }

    /// <summary>True when a node is a null scalar (<c>null</c>, <c>~</c> or empty).</summary>
    public static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && Classify(scalar) == ScalarKind.Null;

    public static ScalarKind ClassifyPlain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return ScalarKind.Null;
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return ScalarKind.Boolean;
        }

        if (IntegerPattern().IsMatch(value))
        {
            return ScalarKind.Integer;
        }

        if (FloatPattern().IsMatch(value))
        {
            return ScalarKind.Float;
        }

        return ScalarKind.String;
    }

    /// <summary>True when a scalar of the given kind and text equals a JSON value of a schema (an enum value or a const).</summary>
    public static bool EqualsJson(ScalarKind kind, string text, JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                return kind == ScalarKind.String && text == json.GetString();
            case JsonValueKind.True:
            case JsonValueKind.False:
                return kind == ScalarKind.Boolean && text.Equals(json.ValueKind == JsonValueKind.True ? "true" : "false", StringComparison.OrdinalIgnoreCase);
            case JsonValueKind.Number:
                return kind is ScalarKind.Integer or ScalarKind.Float
                    && TryGetNumber(text, out double number)
                    && json.TryGetDouble(out double expected)
                    && number.Equals(expected);
            case JsonValueKind.Null:
                return kind == ScalarKind.Null;
            default:
                return false;
        }
    }

    private static bool TryGetNumber(string text, out double number)
    {
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            bool ok = long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex);
            number = hex;
            return ok;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            try
            {
                number = Convert.ToInt64(text[2..], 8);
                return true;
            }
            catch (FormatException)
            {
                number = 0;
                return false;
            }
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    [GeneratedRegex("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
