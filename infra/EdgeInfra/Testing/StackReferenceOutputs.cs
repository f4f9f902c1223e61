using System.Collections.Immutable;

namespace EdgeInfra.Testing;

/// <summary>
/// The state a mock gives a <see cref="StackReference"/>: <c>outputs</c> (name → value) and, optionally,
/// <c>secretOutputNames</c>. The outputs named there are secrets, as the engine keeps the other stack's secret
/// outputs secret; a mock may also return <see cref="SecretValue"/>s in <c>outputs</c> directly.
/// </summary>
internal static class StackReferenceOutputs
{
    /// <summary>The state of <paramref name="resource"/> with the outputs named in <c>secretOutputNames</c> made secret; other resources' state unchanged.</summary>
    public static ImmutableDictionary<string, object?> MarkSecrets(CustomResource resource, ImmutableDictionary<string, object?> state)
    {
        if (resource is not StackReference
            || state.GetValueOrDefault("outputs") is not ImmutableDictionary<string, object?> outputs
            || state.GetValueOrDefault("secretOutputNames") is not ImmutableArray<object?> secretNames)
        {
            return state;
        }

        foreach (var name in secretNames.OfType<string>())
        {
            if (outputs.TryGetValue(name, out var value) && value is not null)
            {
                outputs = outputs.SetItem(name, SecretValue.Wrap(value));
            }
        }

        return state.SetItem("outputs", outputs);
    }
}
