using System.Globalization;
using System.Text;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// Ways to make and combine outputs, each stated in the program as an interpolation or a Pulumi YAML built-in
/// (<c>fn::join</c>, <c>fn::select</c>, <c>fn::split</c>, <c>fn::toJSON</c>, <c>fn::toBase64</c>,
/// <c>fn::fromBase64</c>, <c>fn::secret</c>, <c>fn::readFile</c>).
/// </summary>
public static class Output
{
    /// <summary>An output holding the plain value <paramref name="value"/>.</summary>
    public static Output<T> Create<T>(T value) => new(ExpressionFactory.FromValue(value));

    /// <summary>An output of <paramref name="value"/> that the engine keeps secret: <c>fn::secret</c>.</summary>
    public static Output<T> CreateSecret<T>(Input<T> value) =>
        new(new BuiltinCallExpression(BuiltinFunction.Secret, [ExpressionFactory.FromValue(value)]));

    /// <summary>
    /// A string made from an interpolated string whose holes may be outputs:
    /// <c>Output.Format($"https://{host}/x")</c> is stated <c>"https://${host.hostname}/x"</c>.
    /// Plain values in the holes are formatted with the invariant culture; outputs take no format specifier.
    /// </summary>
    public static Output<string> Format(FormattableString formattable)
    {
        ArgumentNullException.ThrowIfNull(formattable);
        return new Output<string>(new InterpolationExpression(FormatParts(formattable.Format, formattable.GetArguments())));
    }

    /// <summary>
    /// The list of <paramref name="values"/>, like Pulumi's <c>Output.All</c>: stated as a YAML list of their
    /// expressions (<c>[${a.id}, ${b.id}]</c>). There is no <c>Apply</c> to run on it; pass it to a property, or
    /// combine it with <see cref="Join"/> (<c>fn::join</c>, strings), <see cref="JsonSerialize{T}(Output{T})"/> (<c>fn::toJSON</c>)
    /// or <see cref="Select{T}"/> (<c>fn::select</c>).
    /// </summary>
    public static Output<System.Collections.Immutable.ImmutableArray<T>> All<T>(params Input<T>[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(new ListExpression(values.Select(v => ExpressionFactory.FromValue(v))));
    }

    /// <summary>The list of the outputs <paramref name="values"/>: see <see cref="All{T}(Input{T}[])"/>.</summary>
    public static Output<System.Collections.Immutable.ImmutableArray<T>> All<T>(params Output<T>[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(new ListExpression(values.Select(v => v.Expression)));
    }

    /// <summary>
    /// The two values as a two-item list, like Pulumi's <c>Output.Tuple</c>: stated as <c>[first, second]</c>. A YAML
    /// program has no tuples and no <c>Apply</c>, so the value is a list of untyped items; pass it to
    /// <see cref="JsonSerialize{T}(Output{T})"/> (<c>fn::toJSON</c>) or take an item with <see cref="Output{T}.GetItem{TItem}"/>.
    /// </summary>
    public static Output<System.Collections.Immutable.ImmutableArray<object>> Tuple<T1, T2>(Output<T1> first, Output<T2> second) =>
        new(new ListExpression([first.Expression, second.Expression]));

    /// <summary>
    /// The three values as a three-item list, like Pulumi's <c>Output.Tuple</c>: stated as <c>[first, second, third]</c>;
    /// see <see cref="Tuple{T1, T2}"/>.
    /// </summary>
    public static Output<System.Collections.Immutable.ImmutableArray<object>> Tuple<T1, T2, T3>(Output<T1> first, Output<T2> second, Output<T3> third) =>
        new(new ListExpression([first.Expression, second.Expression, third.Expression]));

    /// <summary>The items of <paramref name="values"/> joined with <paramref name="delimiter"/>: <c>fn::join</c>.</summary>
    public static Output<string> Join(Input<string> delimiter, InputList<string> values) =>
        new(new BuiltinCallExpression(BuiltinFunction.Join, [ExpressionFactory.FromValue(delimiter), values.ToExpression()]));

    /// <summary>The item at <paramref name="index"/> of <paramref name="values"/>: <c>fn::select</c>.</summary>
    public static Output<T> Select<T>(Input<int> index, InputList<T> values) =>
        new(new BuiltinCallExpression(BuiltinFunction.Select, [ExpressionFactory.FromValue(index), values.ToExpression()]));

    /// <summary><paramref name="source"/> split at each <paramref name="delimiter"/>: <c>fn::split</c>.</summary>
    public static Output<System.Collections.Immutable.ImmutableArray<string>> Split(Input<string> delimiter, Input<string> source) =>
        new(new BuiltinCallExpression(BuiltinFunction.Split, [ExpressionFactory.FromValue(delimiter), ExpressionFactory.FromValue(source)]));

    /// <summary><paramref name="value"/> serialized as JSON at deploy time: <c>fn::toJSON</c>.</summary>
    public static Output<string> JsonSerialize<T>(Input<T> value) =>
        new(new BuiltinCallExpression(BuiltinFunction.ToJson, [ExpressionFactory.FromValue(value)]));

    /// <summary>The output <paramref name="value"/> serialized as JSON at deploy time: <c>fn::toJSON</c>.</summary>
    public static Output<string> JsonSerialize<T>(Output<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new BuiltinCallExpression(BuiltinFunction.ToJson, [value.Expression]));
    }

    /// <summary>The Base64 encoding of <paramref name="value"/>: <c>fn::toBase64</c>.</summary>
    public static Output<string> ToBase64(Input<string> value) =>
        new(new BuiltinCallExpression(BuiltinFunction.ToBase64, [ExpressionFactory.FromValue(value)]));

    /// <summary>The text that the Base64 string <paramref name="value"/> encodes: <c>fn::fromBase64</c>.</summary>
    public static Output<string> FromBase64(Input<string> value) =>
        new(new BuiltinCallExpression(BuiltinFunction.FromBase64, [ExpressionFactory.FromValue(value)]));

    /// <summary>The content of the file at <paramref name="path"/>, relative to the project folder: <c>fn::readFile</c>.</summary>
    public static Output<string> ReadFile(Input<string> path) =>
        new(new BuiltinCallExpression(BuiltinFunction.ReadFile, [ExpressionFactory.FromValue(path)]));

    /// <summary>
    /// The parts of a composite format string: its text and the plain arguments formatted with the invariant culture
    /// become literal text, each output a part of its own. The format string is read here rather than formatted with
    /// stand-ins for the outputs, so no text of the format string or of an argument can be mistaken for an output.
    /// </summary>
    private static List<Expression> FormatParts(string format, object?[] arguments)
    {
        var parts = new List<Expression>();
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c is '{' or '}' && i + 1 < format.Length && format[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                throw new FormatException($"Output.Format: the format string has an unmatched '}}' at {i.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = format.IndexOf('}', i + 1);
            if (end < 0)
            {
                throw new FormatException($"Output.Format: the format string has an unmatched '{{' at {i.ToString(CultureInfo.InvariantCulture)}.");
            }

            var item = format[(i + 1)..end];
            var specifier = item.IndexOfAny([',', ':']);
            var indexText = (specifier < 0 ? item : item[..specifier]).Trim();
            if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= arguments.Length)
            {
                throw new FormatException($"Output.Format: '{{{item}}}' does not name one of the {arguments.Length.ToString(CultureInfo.InvariantCulture)} arguments.");
            }

            if (arguments[index] is IInput input)
            {
                if (specifier >= 0)
                {
                    var what = item[specifier] == ':' ? "format" : "alignment";
                    throw new FormatException($"Output.Format: hole {index.ToString(CultureInfo.InvariantCulture)} is a deploy-time value and cannot take the {what} '{item[(specifier + 1)..]}'.");
                }

                // Text and nested interpolations join this one, so the program states one string, not a join of joins.
                var expression = input.ToExpression();
                foreach (var part in expression is InterpolationExpression nested ? nested.Parts : [expression])
                {
                    if (part is LiteralExpression { Value: string text })
                    {
                        literal.Append(text);
                        continue;
                    }

                    if (literal.Length > 0)
                    {
                        parts.Add(new LiteralExpression(literal.ToString()));
                        literal.Clear();
                    }

                    parts.Add(part);
                }
            }
            else
            {
                literal.Append(string.Format(CultureInfo.InvariantCulture, "{0" + (specifier < 0 ? string.Empty : item[specifier..]) + "}", arguments[index]));
            }

            i = end;
        }

        if (literal.Length > 0)
        {
            parts.Add(new LiteralExpression(literal.ToString()));
        }

        return parts;
    }
}
