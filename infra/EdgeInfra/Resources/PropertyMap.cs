using System.Collections;

namespace EdgeInfra;

/// <summary>
/// Input properties by name, for resources and nested objects that have no generated argument type:
/// <c>new PropertyMap { ["location"] = location, ["sku"] = new PropertyMap { ["name"] = "standard" } }</c>.
/// Values may be plain values, inputs, outputs, lists, dictionaries and argument objects.
/// </summary>
public sealed class PropertyMap : ResourceArgs, IEnumerable<KeyValuePair<string, object?>>
{
    private readonly SortedDictionary<string, object?> _properties = new(StringComparer.Ordinal);

    /// <summary>Sets the property <paramref name="name"/>.</summary>
    public object? this[string name]
    {
        get => _properties[name];
        set => _properties[name] = value;
    }

    /// <summary>Adds the property <paramref name="name"/>; a name given twice is an error.</summary>
    public void Add(string name, object? value)
    {
        if (!_properties.TryAdd(name, value))
        {
            throw new ArgumentException($"The property '{name}' is given twice.", nameof(name));
        }
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, object?>> GetInputs() => _properties;
}
