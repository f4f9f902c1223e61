using System.Collections.Immutable;
using System.Text;
using EdgeInfra.Expressions;

namespace EdgeInfra.Testing;

/// <summary>
/// The Pulumi YAML built-in functions, applied to evaluated arguments. A result computed from a secret is a
/// secret; <c>fn::select</c> keeps the marks of the item it selects.
/// </summary>
internal static class BuiltinFunctions
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The result of <paramref name="function"/> applied to <paramref name="arguments"/>; <c>fn::readFile</c> reads relative to <paramref name="projectDirectory"/>.</summary>
    /// <exception cref="InvalidOperationException">The arguments are not what the function takes; the message starts with the function's key.</exception>
    public static object? Apply(BuiltinFunction function, IReadOnlyList<object?> arguments, string projectDirectory) => function switch
    {
        BuiltinFunction.Join => Join(arguments[0], arguments[1]),
        BuiltinFunction.Select => Select(arguments[0], arguments[1]),
        BuiltinFunction.Split => Split(arguments[0], arguments[1]),
        BuiltinFunction.ToJson => ToJson(arguments[0]),
        BuiltinFunction.ToBase64 => ToBase64(arguments[0]),
        BuiltinFunction.FromBase64 => FromBase64(arguments[0]),
        BuiltinFunction.Secret => SecretValue.Wrap(arguments[0]),
        BuiltinFunction.ReadFile => ReadFile(arguments[0], projectDirectory),
        _ => throw new InvalidOperationException($"{BuiltinCallExpression.FunctionKey(function)} cannot be evaluated."),
    };

    private static object? Join(object? delimiter, object? values)
    {
        const string Key = "fn::join";
        var separator = SecretValue.Reveal(delimiter, out var delimiterIsSecret) ?? string.Empty;
        var items = SecretValue.Reveal(values, out var valuesAreSecret);
        if (separator is not string separatorText)
        {
            throw Wrong(Key, "the delimiter", separator, "a string");
        }

        if (items is not ImmutableArray<object?> list)
        {
            throw Wrong(Key, "the values", items, "a list of strings");
        }

        var texts = new List<string>(list.Length);
        for (var i = 0; i < list.Length; i++)
        {
            texts.Add(list[i] as string ?? throw Wrong(Key, $"item {i} of the values", list[i], "a string"));
        }

        return SecretValue.WrapIf(delimiterIsSecret || valuesAreSecret, string.Join(separatorText, texts));
    }

    private static object? Select(object? index, object? values)
    {
        const string Key = "fn::select";
        var position = SecretValue.Reveal(index, out var indexIsSecret);
        var isSecret = indexIsSecret;
        if (values is SecretValue secretValues)
        {
            isSecret = true;
            values = secretValues.Value;
        }

        var whole = position switch
        {
            long integer => integer,
            double number when number == Math.Floor(number) && Math.Abs(number) < long.MaxValue => (long)number,
            _ => throw Wrong(Key, "the index", position, "a whole number"),
        };
        if (values is not ImmutableArray<object?> list)
        {
            throw Wrong(Key, "the values", values, "a list");
        }

        if (whole < 0 || whole >= list.Length)
        {
            throw new InvalidOperationException($"{Key}: index {whole} is out of range of a list of length {list.Length} ({ValueText.Render(list)}).");
        }

        return SecretValue.WrapIf(isSecret, list[(int)whole]);
    }

    private static object? Split(object? delimiter, object? source)
    {
        const string Key = "fn::split";
        var separator = SecretValue.Reveal(delimiter, out var delimiterIsSecret);
        var text = SecretValue.Reveal(source, out var sourceIsSecret);
        if (separator is not string separatorText)
        {
            throw Wrong(Key, "the delimiter", separator, "a string");
        }

        if (text is not string sourceText)
        {
            throw Wrong(Key, "the source", text, "a string");
        }

        var parts = sourceText.Split(separatorText).Select(part => (object?)part).ToImmutableArray();
        return SecretValue.WrapIf(delimiterIsSecret || sourceIsSecret, parts);
    }

    private static object? ToJson(object? value)
    {
        var plain = SecretValue.Reveal(value, out var isSecret);
        try
        {
            return SecretValue.WrapIf(isSecret, DeterministicJson.Serialize(plain));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException("fn::toJSON: " + e.Message, e);
        }
    }

    private static object? ToBase64(object? value)
    {
        var plain = SecretValue.Reveal(value, out var isSecret);
        var text = plain as string ?? throw Wrong("fn::toBase64", "the value", plain, "a string");
        return SecretValue.WrapIf(isSecret, Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    private static object? FromBase64(object? value)
    {
        const string Key = "fn::fromBase64";
        var plain = SecretValue.Reveal(value, out var isSecret);
        var text = plain as string ?? throw Wrong(Key, "the value", plain, "a string");
        try
        {
            return SecretValue.WrapIf(isSecret, StrictUtf8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{Key}: {ValueText.Render(text)} is not Base64: {e.Message}", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidOperationException($"{Key}: {ValueText.Render(text)} does not encode UTF-8 text.", e);
        }
    }

    private static object? ReadFile(object? path, string projectDirectory)
    {
        const string Key = "fn::readFile";
        var plain = SecretValue.Reveal(path, out var isSecret);
        var relative = plain as string ?? throw Wrong(Key, "the path", plain, "a string");
        var fullPath = Path.GetFullPath(Path.Combine(projectDirectory, relative));
        try
        {
            return SecretValue.WrapIf(isSecret, File.ReadAllText(fullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{Key}: cannot read '{relative}' ({fullPath}): {e.Message}", e);
        }
    }

    private static InvalidOperationException Wrong(string key, string what, object? value, string expected) =>
        new($"{key}: {what} is {ValueText.KindOf(value)} ({ValueText.Render(value)}), not {expected}.");
}
