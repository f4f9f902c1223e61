using System.Text.Json;

namespace EdgeInfra.Schemas;

/// <summary>
/// The type specification of one property of a Pulumi package schema: a primitive <see cref="Type"/>,
/// an array (<see cref="Items"/>), a map (<see cref="AdditionalProperties"/>), a <see cref="Ref"/> to a named
/// type or built-in, or a union (<see cref="OneOf"/>), plus the flags and values the schema attaches.
/// </summary>
public sealed class PropertySpec
{
    /// <summary>The primitive type: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>array</c> or <c>object</c>; null when absent.</summary>
    public string? Type { get; init; }

    /// <summary>The element type of an array.</summary>
    public PropertySpec? Items { get; init; }

    /// <summary>The value type of a map (an <c>object</c> with string keys).</summary>
    public PropertySpec? AdditionalProperties { get; init; }

    /// <summary>The <c>$ref</c>, when the property refers to a named type or built-in.</summary>
    public SchemaReference? Ref { get; init; }

    /// <summary>The alternatives of a union; empty when the property is no union.</summary>
    public IReadOnlyList<PropertySpec> OneOf { get; init; } = [];

    /// <summary>The discriminator of an object union, when the schema gives one.</summary>
    public DiscriminatorSpec? Discriminator { get; init; }

    /// <summary>True when the property's value is secret.</summary>
    public bool Secret { get; init; }

    /// <summary>True when a change of the property replaces the resource.</summary>
    public bool WillReplaceOnChanges { get; init; }

    /// <summary>The only value the property may take, when the schema fixes one.</summary>
    public JsonElement? Const { get; init; }

    /// <summary>The value the provider uses when the property is not set.</summary>
    public JsonElement? Default { get; init; }

    /// <summary>Why the property is deprecated, when it is.</summary>
    public string? DeprecationMessage { get; init; }

    /// <summary>A short description of the type, such as <c>string</c>, <c>array&lt;integer&gt;</c> or a type token.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => PropertySpecDescription.Describe(this);
}
