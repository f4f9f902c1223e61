namespace EdgeInfra.Testing;

/// <summary>
/// Stands in for the providers while a stack is tested with <see cref="StackTest"/>, as Pulumi .NET's
/// <c>IMocks</c> does: it makes up the id and output state of each resource, and the result of each provider
/// function call.
/// </summary>
public interface IMocks
{
    /// <summary>
    /// The id and the output state of the resource <paramref name="args"/> describes. The state is a dictionary with
    /// string keys (returning <see cref="MockResourceArgs.Inputs"/> echoes the inputs); the run adds <c>id</c> and
    /// <c>urn</c> to it.
    /// </summary>
    Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args);

    /// <summary>The result of the provider function call <paramref name="args"/> describes: a dictionary with string keys, or null for none.</summary>
    Task<object> CallAsync(MockCallArgs args);
}
