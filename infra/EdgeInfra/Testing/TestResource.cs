using System.Collections.Immutable;

namespace EdgeInfra.Testing;

/// <summary>A custom resource (or provider) of a tested stack, with its resolved inputs and the outputs the mock gave it.</summary>
public sealed class TestResource
{
    internal TestResource(
        CustomResource resource,
        EffectiveOptions options,
        string? id,
        string urn,
        ImmutableDictionary<string, object?> inputs,
        ImmutableDictionary<string, object?> outputs)
    {
        Resource = resource;
        Options = options;
        Id = id;
        Urn = urn;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The logical name, as the program states it.</summary>
    public string LogicalName => Resource.LogicalName;

    /// <summary>The type token.</summary>
    public string Type => Resource.GetResourceType();

    /// <summary>The id the mock gave.</summary>
    public string? Id { get; }

    /// <summary>The URN: <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;type&gt;::&lt;logical name&gt;</c>, the type prefixed by its custom parents' types.</summary>
    public string Urn { get; }

    /// <summary>The input properties, resolved to plain values (see <see cref="MockResourceArgs.Inputs"/>).</summary>
    public ImmutableDictionary<string, object?> Inputs { get; }

    /// <summary>The output properties: the state the mock returned, with <c>id</c> and <c>urn</c>; secret outputs are <see cref="SecretValue"/>s.</summary>
    public ImmutableDictionary<string, object?> Outputs { get; }

    /// <summary>The resource object of the stack graph.</summary>
    public CustomResource Resource { get; }

    /// <summary>The effective options the program states the resource with.</summary>
    public EffectiveOptions Options { get; }

    /// <inheritdoc />
    public override string ToString() => $"{LogicalName} ({Type})";
}
