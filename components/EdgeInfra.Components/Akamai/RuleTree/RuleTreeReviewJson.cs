using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeInfra.Expressions;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// Writes a rule-tree document as indented JSON for review: keys in ordinal order, values known at synthesis as they
/// are, and deploy-time values as placeholders in the program's own notation (<c>"${prop-cp-code.id}"</c>,
/// <c>"${originHostname}"</c>; a deploy-time integer as <c>"${integer: …}"</c>).
/// </summary>
internal static class RuleTreeReviewJson
{
    /// <summary>The review text of <paramref name="document"/>, ending with a newline.</summary>
    public static string Write(SortedDictionary<string, object?> document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteNode(writer, document);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNode(Utf8JsonWriter writer, object? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case JsonIntegerFromText integer:
                if (RuleTreeValues.TryKnown(integer.Text, out var known) && known is string digits)
                {
                    writer.WriteNumberValue(long.Parse(digits.StartsWith(integer.Prefix, StringComparison.Ordinal) ? digits[integer.Prefix.Length..] : digits, System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteStringValue($"${{integer: {Placeholder(integer.Text.ToExpression())} without '{integer.Prefix}'}}");
                }

                break;
            case IInput input:
                var expression = input.ToExpression();
                if (expression is LiteralExpression literal)
                {
                    WriteNode(writer, literal.Value);
                }
                else
                {
                    writer.WriteStringValue(Rendered(expression));
                }

                break;
            case SortedDictionary<string, object?> dictionary:
                writer.WriteStartObject();
                foreach (var (key, value) in dictionary)
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A value of type {node.GetType().FullName} cannot be stated in a rule tree.");
        }
    }

    /// <summary>A deploy-time string as the program states it: an interpolation as its text, anything else as <c>${…}</c>.</summary>
    private static string Rendered(Expression expression) =>
        expression is InterpolationExpression interpolation ? Interpolated(interpolation) : "${" + Placeholder(expression) + "}";

    private static string Interpolated(InterpolationExpression interpolation) =>
        string.Concat(interpolation.Parts.Select(part => part is LiteralExpression { Value: string text } ? text : "${" + Placeholder(part) + "}"));

    /// <summary>A deploy-time value in the program's notation, without the enclosing <c>${}</c>.</summary>
    private static string Placeholder(Expression expression) => expression switch
    {
        LiteralExpression { Value: string text } => text,
        LiteralExpression literal => RuleTreeValues.Show(literal.Value),
        ResourceReferenceExpression reference => reference.Resource.LogicalName + reference.Path.Render(),
        ConfigReferenceExpression config => config.Key + config.Path.Render(),
        InterpolationExpression interpolation => $"'{Interpolated(interpolation)}'",
        BuiltinCallExpression call => $"{BuiltinCallExpression.FunctionKey(call.Function)}({string.Join(", ", call.Arguments.Select(Placeholder))})",
        ListExpression list => "[" + string.Join(", ", list.Children.Select(Placeholder)) + "]",
        _ => expression.Describe(),
    };
}
