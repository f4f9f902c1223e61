using System.Collections.Immutable;

namespace EdgeInfra.Testing;

/// <summary>
/// Mocks that echo: each resource gets the id <c>&lt;name&gt;_id</c> and its inputs as its output state; each
/// function call returns the result given for its token, or an empty result. Override the methods for more.
/// </summary>
public class EchoMocks : IMocks
{
    private readonly IReadOnlyDictionary<string, object> _callResults;

    /// <summary>Mocks whose calls all return an empty result.</summary>
    public EchoMocks()
        : this(new Dictionary<string, object>())
    {
    }

    /// <summary>Mocks whose calls return the result in <paramref name="callResults"/> for their function token (a dictionary with string keys), or an empty result.</summary>
    public EchoMocks(IReadOnlyDictionary<string, object> callResults) =>
        _callResults = callResults ?? throw new ArgumentNullException(nameof(callResults));

    /// <inheritdoc />
    public virtual Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Task.FromResult<(string? id, object state)>((args.Name + "_id", args.Inputs));
    }

    /// <inheritdoc />
    public virtual Task<object> CallAsync(MockCallArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Task.FromResult(_callResults.TryGetValue(args.Token, out var result) ? result : ImmutableDictionary<string, object?>.Empty);
    }
}
