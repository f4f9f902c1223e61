using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A stack config value. <see cref="Value"/> gives the value for decisions that shape the graph, such as counts: read
/// that way it is copied into the program. Given to a resource (as an <see cref="Input{T}"/> or a
/// <see cref="ValidatedInput{T}"/>), it is stated as the reference <c>${key}</c>, never as its value, so the program
/// stays the same text for every value of the key. Copy versus reference is always an explicit choice: there is no
/// implicit conversion to <typeparamref name="T"/>.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
[System.Diagnostics.DebuggerDisplay("{Key}{Path.Render()} = {Value}")]
public sealed class ConfigValue<T> : IInput
{
    internal ConfigValue(string key, T value, PropertyPath path, bool isSet)
    {
        Key = key;
        Value = value;
        Path = path;
        IsSet = isSet;
    }

    /// <summary>The key as the program references it.</summary>
    public string Key { get; }

    /// <summary>The value, for synthesis-time decisions.</summary>
    public T Value { get; }

    /// <summary>The path into a structured value.</summary>
    public PropertyPath Path { get; }

    /// <summary>False when the key is not set and <see cref="Value"/> is the default the program gave; the value is then stated as a literal.</summary>
    public bool IsSet { get; }

    /// <summary>Not to be used: a silent copy of the value into the program.</summary>
    [Obsolete("A config value does not convert to its value silently: give it to a resource as a reference (Input<T> or ValidatedInput<T>), or read .Value deliberately to copy it into the program (only for values that shape the graph).", error: true)]
    public static implicit operator T(ConfigValue<T> config) => config is null ? default! : config.Value;

    /// <summary>The reference <c>${key}</c>, to give to a resource.</summary>
    public static implicit operator Input<T>(ConfigValue<T> config) => config is null ? null! : Input<T>.FromExpression(config.ToExpression());

    /// <summary>The reference <c>${key}</c> as an output.</summary>
    public Output<T> ToOutput() => new(ToExpression());

    /// <summary>The item at <paramref name="index"/> of a list value: <c>${key[index]}</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is not a list, or has no such item.</exception>
    public ConfigValue<TItem> Item<TItem>(int index)
    {
        if (Value is not IReadOnlyList<TItem> items || index < 0 || index >= items.Count)
        {
            throw new InvalidOperationException($"Config '{Key}{Path.Render()}' has no item {index}.");
        }

        return new ConfigValue<TItem>(Key, items[index], Path.Append(PathSegment.Item(index)), IsSet);
    }

    /// <summary>The property <paramref name="name"/> of an object value, whose value <paramref name="select"/> reads: <c>${key.name}</c>.</summary>
    public ConfigValue<TProperty> Property<TProperty>(string name, Func<T, TProperty> select)
    {
        ArgumentNullException.ThrowIfNull(select);
        return new ConfigValue<TProperty>(Key, select(Value), Path.Append(PathSegment.Property(name)), IsSet);
    }

    /// <inheritdoc />
    public Expression ToExpression() => IsSet
        ? new ConfigReferenceExpression(Key, Path, isSecret: false)
        : ExpressionFactory.FromValue(Value);

    /// <summary>
    /// Not available: a C# <c>$"…"</c> would copy the value into the text silently. Build text with
    /// <see cref="Output.Format"/> or <see cref="ValidatedInput.Format"/> (they keep the reference), or read
    /// <see cref="Value"/> deliberately.
    /// </summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public override string ToString() => throw new InvalidOperationException(
        $"Config '{Key}{Path.Render()}' does not convert to text: build text with Output.Format or ValidatedInput.Format to keep the reference, or read .Value to copy it deliberately.");
}
