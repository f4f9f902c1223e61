using System.Collections.Immutable;

namespace EdgeInfra.Expressions;

/// <summary>An object (a map) whose values are expressions. Keys are kept in ordinal order, so output never depends on insertion order.</summary>
public sealed class ObjectExpression : Expression
{
    /// <summary>The object with no property.</summary>
    public static readonly ObjectExpression Empty = new([]);

    /// <summary>Creates an object of <paramref name="properties"/>; a key given twice is an error.</summary>
    public ObjectExpression(IEnumerable<KeyValuePair<string, Expression>> properties)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, Expression>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (!builder.TryAdd(key, value))
            {
                throw new ArgumentException($"The key '{key}' is given twice.", nameof(properties));
            }
        }

        Properties = builder.ToImmutable();
    }

    /// <summary>The properties, in ordinal key order.</summary>
    public ImmutableSortedDictionary<string, Expression> Properties { get; }

    /// <inheritdoc />
    public override IEnumerable<Expression> Children => Properties.Values;

    /// <inheritdoc />
    public override string Describe() => "object";
}
