using System.Collections;
using System.Collections.Immutable;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>A list given to a resource: items that are each an input, or one output that is a whole list.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class InputList<T> : IInput, IEnumerable<Input<T>>
{
    private readonly List<Input<T>> _items = [];
    private readonly Output<ImmutableArray<T>>? _whole;

    /// <summary>Creates an empty list; add items with <see cref="Add(Input{T}[])"/> or a collection initializer.</summary>
    public InputList()
    {
    }

    private InputList(Output<ImmutableArray<T>> whole) => _whole = whole;

    /// <summary>Adds <paramref name="items"/>.</summary>
    /// <exception cref="InvalidOperationException">The list is one output and cannot take items.</exception>
    public void Add(params Input<T>[] items)
    {
        if (_whole is not null)
        {
            throw new InvalidOperationException("This list is one deploy-time output; items cannot be added to it.");
        }

        _items.AddRange(items);
    }

    /// <summary>A list of the plain values <paramref name="values"/>.</summary>
    public static implicit operator InputList<T>(T[] values) => FromValues(values);

    /// <summary>A list of the plain values <paramref name="values"/>.</summary>
    public static implicit operator InputList<T>(List<T> values) => FromValues(values);

    /// <summary>A list of the plain values <paramref name="values"/>.</summary>
    public static implicit operator InputList<T>(ImmutableArray<T> values) => FromValues(values);

    /// <summary>A list of the inputs <paramref name="values"/>.</summary>
    public static implicit operator InputList<T>(Input<T>[] values)
    {
        var list = new InputList<T>();
        list.Add(values);
        return list;
    }

    /// <summary>A list of the outputs <paramref name="values"/>.</summary>
    public static implicit operator InputList<T>(Output<T>[] values)
    {
        var list = new InputList<T>();
        list.Add(values.Select(v => (Input<T>)v).ToArray());
        return list;
    }

    /// <summary>A list that is the deploy-time list <paramref name="output"/>.</summary>
    public static implicit operator InputList<T>(Output<ImmutableArray<T>> output) => new(output);

    /// <summary>A list of the plain values <paramref name="values"/>.</summary>
    public static InputList<T> FromValues(IEnumerable<T> values)
    {
        var list = new InputList<T>();
        list.Add(values.Select(v => (Input<T>)v).ToArray());
        return list;
    }

    /// <inheritdoc />
    public Expression ToExpression() =>
        _whole is not null ? _whole.Expression : new ListExpression(_items.Select(i => ExpressionFactory.FromValue(i)));

    /// <inheritdoc />
    public IEnumerator<Input<T>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
