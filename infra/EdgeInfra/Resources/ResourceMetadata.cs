using System.Collections.Immutable;

namespace EdgeInfra;

/// <summary>
/// What a provider schema says of a resource type beyond its shape, generated with its bindings: the inputs it
/// requires, the inputs whose change replaces the resource, and the inputs and outputs that are secret.
/// </summary>
/// <param name="Token">The type token.</param>
/// <param name="RequiredInputs">Input properties the resource requires.</param>
/// <param name="ReplaceOnChanges">Input properties whose change replaces the resource (<c>willReplaceOnChanges</c>).</param>
/// <param name="SecretInputs">Input properties that are secret.</param>
/// <param name="SecretOutputs">Output properties that are secret.</param>
public sealed record ResourceMetadata(
    string Token,
    ImmutableArray<string> RequiredInputs,
    ImmutableArray<string> ReplaceOnChanges,
    ImmutableArray<string> SecretInputs,
    ImmutableArray<string> SecretOutputs);
