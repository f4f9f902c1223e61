using System.Collections;
using System.Collections.Immutable;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>A map with string keys given to a resource: entries that are each an input, or one output that is a whole map.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class InputMap<T> : IInput, IEnumerable<KeyValuePair<string, Input<T>>>
{
    private readonly Dictionary<string, Input<T>> _entries = new(StringComparer.Ordinal);
    private readonly Output<ImmutableDictionary<string, T>>? _whole;

    /// <summary>Creates an empty map; add entries with <see cref="Add"/>, the indexer or a collection initializer.</summary>
    public InputMap()
    {
    }

    private InputMap(Output<ImmutableDictionary<string, T>> whole) => _whole = whole;

    /// <summary>Sets the entry <paramref name="key"/>.</summary>
    public Input<T> this[string key]
    {
        set
        {
            EnsureEntries();
            _entries[key] = value;
        }
    }

    /// <summary>Adds the entry <paramref name="key"/>; a key given twice is an error.</summary>
    public void Add(string key, Input<T> value)
    {
        EnsureEntries();
        if (!_entries.TryAdd(key, value))
        {
            throw new ArgumentException($"The key '{key}' is given twice.", nameof(key));
        }
    }

    /// <summary>A map of the plain values <paramref name="values"/>.</summary>
    public static implicit operator InputMap<T>(Dictionary<string, T> values)
    {
        var map = new InputMap<T>();
        foreach (var (key, value) in values)
        {
            map.Add(key, value);
        }

        return map;
    }

    /// <summary>A map that is the deploy-time map <paramref name="output"/>.</summary>
    public static implicit operator InputMap<T>(Output<ImmutableDictionary<string, T>> output) => new(output);

    /// <inheritdoc />
    public Expression ToExpression() =>
        _whole is not null
            ? _whole.Expression
            : new ObjectExpression(_entries.Select(e => new KeyValuePair<string, Expression>(e.Key, ExpressionFactory.FromValue(e.Value))));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, Input<T>>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void EnsureEntries()
    {
        if (_whole is not null)
        {
            throw new InvalidOperationException("This map is one deploy-time output; entries cannot be added to it.");
        }
    }
}
