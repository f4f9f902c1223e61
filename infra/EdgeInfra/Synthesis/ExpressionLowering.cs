using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using EdgeInfra.Expressions;
using EdgeInfra.Yaml;

namespace EdgeInfra;

/// <summary>States expressions in Pulumi YAML: literals escaped, references as <c>${...}</c>, functions as <c>fn::</c> objects.</summary>
internal sealed class ExpressionLowering(StackGraph graph)
{
    private readonly SortedDictionary<string, YamlValue> _variables = new(StringComparer.Ordinal);

    /// <summary>The program variables the lowered expressions need: invokes whose result is navigated deeper than <c>return</c> allows.</summary>
    public IReadOnlyDictionary<string, YamlValue> Variables => _variables;

    /// <summary>
    /// A literal string as Pulumi YAML must write it so that it reads back as the same text. Pulumi YAML reads
    /// <c>$$</c> as <c>$</c> and <c>${</c> as the start of an interpolation, and leaves any other <c>$</c> alone; so a
    /// run of <c>$</c> is doubled when it is longer than one or is followed by <c>{</c>, and left as is otherwise
    /// (which keeps URNs such as <c>a$b</c> readable by readers that do not unescape). When the literal is followed by a
    /// reference (<paramref name="followedByReference"/>), a final run of <c>$</c> is followed by the reference's
    /// <c>${</c> and is doubled too: <c>$</c> then <c>${x}</c> is written <c>$$${x}</c>, not <c>$${x}</c>, which would
    /// read as the text <c>${x}</c>.
    /// </summary>
    public static string EscapeLiteral(string text, bool followedByReference = false)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length;)
        {
            if (text[i] != '$')
            {
                escaped.Append(text[i++]);
                continue;
            }

            var run = 0;
            while (i + run < text.Length && text[i + run] == '$')
            {
                run++;
            }

            var followedByBrace = i + run < text.Length ? text[i + run] == '{' : followedByReference;
            escaped.Append('$', run > 1 || followedByBrace ? run * 2 : 1);
            i += run;
        }

        return escaped.ToString();
    }

    /// <summary>The reference <c>${name.path}</c> to a resource, or null for expressions that are not references.</summary>
    public static string? Reference(Expression expression) => expression switch
    {
        ResourceReferenceExpression r => "${" + r.Resource.LogicalName + r.Path.Render() + "}",
        ConfigReferenceExpression c => "${" + c.Key + c.Path.Render() + "}",
        _ => null,
    };

    public YamlValue Lower(Expression expression) => expression switch
    {
        LiteralExpression literal => Literal(literal.Value),
        ListExpression list => LowerList(list),
        ObjectExpression obj => LowerObject(obj),
        ResourceReferenceExpression or ConfigReferenceExpression => new YamlString(Reference(expression)!),
        InterpolationExpression interpolation => Interpolation(interpolation),
        InvokeExpression invoke => Invoke(invoke),
        BuiltinCallExpression call => Builtin(call),
        AssetExpression asset => YamlMapping.Of((AssetExpression.FunctionKey(asset.Kind), Lower(asset.Value))),
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.Describe(), "No Pulumi YAML form is known for this expression."),
    };

    private YamlSequence LowerList(ListExpression list)
    {
        var items = ImmutableArray.CreateBuilder<YamlValue>(list.Items.Length);
        foreach (var item in list.Items)
        {
            items.Add(Lower(item));
        }

        return new YamlSequence(items.MoveToImmutable());
    }

    private YamlMapping LowerObject(ObjectExpression obj)
    {
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, YamlValue>>(obj.Properties.Count);
        foreach (var (key, value) in obj.Properties)
        {
            entries.Add(new(EscapeLiteral(key), Lower(value)));
        }

        return new YamlMapping(entries.MoveToImmutable());
    }

    private static YamlValue Literal(object? value) => value switch
    {
        null => YamlPlain.Null,
        string text => new YamlString(EscapeLiteral(text)),
        bool flag => new YamlPlain(flag ? "true" : "false"),
        long integer => new YamlPlain(integer.ToString(CultureInfo.InvariantCulture)),
        double number => new YamlPlain(FormatNumber(number)),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    private static string FormatNumber(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    private YamlValue Interpolation(InterpolationExpression interpolation)
    {
        if (interpolation.Parts.Length == 1 && interpolation.Parts[0] is not LiteralExpression { Value: string })
        {
            return Lower(interpolation.Parts[0]);
        }

        if (interpolation.Parts.All(p => p is LiteralExpression { Value: string } || Reference(p) is not null))
        {
            var text = new StringBuilder();
            for (var i = 0; i < interpolation.Parts.Length; i++)
            {
                var part = interpolation.Parts[i];
                var followedByReference = i + 1 < interpolation.Parts.Length && interpolation.Parts[i + 1] is not LiteralExpression { Value: string };
                text.Append(part is LiteralExpression { Value: string s } ? EscapeLiteral(s, followedByReference) : Reference(part));
            }

            return new YamlString(text.ToString());
        }

        return YamlMapping.Of((BuiltinCallExpression.FunctionKey(BuiltinFunction.Join), new YamlSequence(
            [new YamlString(string.Empty), new YamlSequence([.. interpolation.Parts.Select(Lower)])])));
    }

    private YamlValue Invoke(InvokeExpression invoke)
    {
        if (invoke.Path.IsEmpty)
        {
            return InlineInvoke(invoke);
        }

        // The same call always gets the same variable: its name is derived from the call's own text.
        var call = InlineInvoke(invoke.WithoutPath());
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(YamlWriter.Write(call))));
        var name = $"invoke-{invoke.Function[(invoke.Function.LastIndexOf(':') + 1)..]}-{digest[..8]}";
        _variables[name] = call;
        return new YamlString("${" + name + invoke.Path.Render() + "}");
    }

    private YamlValue InlineInvoke(InvokeExpression invoke)
    {
        var body = new List<(string, YamlValue)>
        {
            ("function", new YamlString(invoke.Function)),
            ("arguments", Lower(invoke.Arguments)),
        };
        var options = new List<(string, YamlValue)>();
        if (invoke.Options.DependsOn.Count > 0)
        {
            options.Add(("dependsOn", new YamlSequence([.. invoke.Options.DependsOn
                .Select(r => r.LogicalName)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(name => (YamlValue)new YamlString("${" + name + "}"))])));
        }

        if (invoke.Options.Provider is { } provider)
        {
            options.Add(("provider", new YamlString("${" + provider.LogicalName + "}")));
        }
        else if (graph.VersionOf(invoke) is { } version)
        {
            options.Add(("version", new YamlString(version)));
        }

        if (options.Count > 0)
        {
            body.Add(("options", YamlMapping.Of([.. options])));
        }

        if (invoke.Return is not null)
        {
            body.Add(("return", new YamlString(invoke.Return)));
        }

        return YamlMapping.Of(("fn::invoke", YamlMapping.Of([.. body])));
    }

    private YamlValue Builtin(BuiltinCallExpression call)
    {
        var key = BuiltinCallExpression.FunctionKey(call.Function);
        YamlValue arguments = call.Arguments.Length == 1
            ? Lower(call.Arguments[0])
            : new YamlSequence([.. call.Arguments.Select(Lower)]);
        return YamlMapping.Of((key, arguments));
    }
}
