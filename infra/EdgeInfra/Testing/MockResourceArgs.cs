using System.Collections.Immutable;
using System.Text;

namespace EdgeInfra.Testing;

/// <summary>A resource the tested program registers, as <see cref="IMocks.NewResourceAsync"/> sees it.</summary>
public sealed record MockResourceArgs
{
    /// <summary>The type token, e.g. <c>azure-native:keyvault:Vault</c> or <c>pulumi:providers:azure-native</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The logical name, as the program states it (with any component prefix).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The input properties, resolved to plain values: null, strings, booleans, <see cref="long"/> and
    /// <see cref="double"/> numbers, <see cref="ImmutableArray{T}"/> lists, <see cref="ImmutableDictionary{TKey, TValue}"/>
    /// objects, and <see cref="SecretValue"/>, <see cref="ResourceValue"/> and <see cref="AssetValue"/> values.
    /// </summary>
    public ImmutableDictionary<string, object?> Inputs { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>The logical name of the resource's explicit provider, own or inherited; null for the default provider.</summary>
    public string? Provider { get; init; }

    /// <summary>
    /// The id of an existing resource the program reads rather than creates: the evaluated <c>get</c> id (see
    /// <see cref="CustomResource.Get"/>), or the stack name of a <see cref="StackReference"/>; null for a resource
    /// the program creates, whose id comes from the mock. The run keeps this id whatever id the mock returns.
    /// </summary>
    public string? Id { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Type = ").Append(Type)
            .Append(", Name = ").Append(Name)
            .Append(", Inputs = ").Append(ValueText.Render(Inputs))
            .Append(", Provider = ").Append(Provider ?? "null")
            .Append(", Id = ").Append(Id ?? "null");
        return true;
    }
}
