using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A list a component both checks at synthesis and gives to resources, item by item or whole. Made from a list
/// <see cref="ConfigValue{T}"/>, the program states <c>${key}</c> for the whole list and <c>${key[i]}</c> for an
/// item, never a copy of the values; written as a collection (<c>["a", "b"]</c>), it states each item as its
/// <see cref="ValidatedInput{T}"/> does. Only its length is read into the program's shape (one resource or entry per
/// item). <see cref="Values"/> are for checks and messages.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(ValidatedInputList), nameof(ValidatedInputList.Create))]
public sealed class ValidatedInputList<T> : IInput, IReadOnlyList<ValidatedInput<T>>
{
    private readonly ImmutableArray<ValidatedInput<T>> _items;
    private readonly Expression? _whole;

    internal ValidatedInputList(ImmutableArray<ValidatedInput<T>> items, Expression? whole)
    {
        _items = items;
        _whole = whole;
    }

    /// <summary>An empty list.</summary>
    public static ValidatedInputList<T> Empty { get; } = new([], null);

    /// <summary>The values, read at synthesis for checks and messages only.</summary>
    public IReadOnlyList<T> Values => [.. _items.Select(item => item is null ? default! : item.Value)];

    /// <summary>The number of items.</summary>
    public int Count => _items.Length;

    /// <summary>The item at <paramref name="index"/>: <c>${key[index]}</c> when the list came from config.</summary>
    public ValidatedInput<T> this[int index] => _items[index];

    /// <summary>A list config value: <c>${key}</c> whole, <c>${key[i]}</c> item by item.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(config))]
    public static implicit operator ValidatedInputList<T>?(ConfigValue<IReadOnlyList<T>>? config) =>
        config is null ? null : new([.. Enumerable.Range(0, config.Value.Count).Select(i => (ValidatedInput<T>)config.Item<T>(i)!)], config.ToExpression());

    /// <summary>A list of plain values, each stated as a literal.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(values))]
    public static implicit operator ValidatedInputList<T>?(T[]? values) =>
        values is null ? null : new([.. values.Select(value => (ValidatedInput<T>)value!)], null);

    /// <summary>The list to give to a resource: <c>${key}</c> when the list came from config, else its items.</summary>
    public static implicit operator InputList<T>(ValidatedInputList<T> list) => list is null ? null! : list.ToInputList();

    /// <summary>The list to give to a resource: <c>${key}</c> when the list came from config, else its items.</summary>
    public InputList<T> ToInputList() => _whole is null
        ? [.. _items.Select(item => (Input<T>)item)]
        : new Output<ImmutableArray<T>>(_whole);

    /// <inheritdoc />
    public Expression ToExpression() => _whole ?? new ListExpression(_items.Select(item => item.ToExpression()));

    /// <inheritdoc />
    public IEnumerator<ValidatedInput<T>> GetEnumerator() => ((IEnumerable<ValidatedInput<T>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Not available: it would copy the values into text. Read <see cref="Values"/> for a message.</summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public override string ToString() => throw new InvalidOperationException(
        $"A ValidatedInputList<{typeof(T).Name}> ({ToExpression().Describe()}) does not convert to text: read .Values for a message.");
}

/// <summary>Builds <see cref="ValidatedInputList{T}"/> values.</summary>
public static class ValidatedInputList
{
    /// <summary>The list of <paramref name="items"/>, each stated as its own input (a collection expression's builder).</summary>
    public static ValidatedInputList<T> Create<T>(ReadOnlySpan<ValidatedInput<T>> items) => new([.. items], null);
}
