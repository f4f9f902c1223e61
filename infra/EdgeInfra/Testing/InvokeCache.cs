using System.Collections.Immutable;

namespace EdgeInfra.Testing;

/// <summary>Makes each distinct provider function call once per run (the same function, provider and arguments), and records the calls made.</summary>
internal sealed class InvokeCache(IMocks mocks)
{
    private readonly Dictionary<string, ImmutableDictionary<string, object?>> _results = new(StringComparer.Ordinal);
    private readonly List<MockCallArgs> _calls = [];

    /// <summary>The calls made, in order; a live view.</summary>
    public IReadOnlyList<MockCallArgs> Calls => _calls.AsReadOnly();

    /// <summary>The result of <paramref name="call"/>, from the mock the first time, then from the cache.</summary>
    /// <exception cref="EvaluationException">The mock threw, or returned something that is no result.</exception>
    public async Task<ImmutableDictionary<string, object?>> CallAsync(MockCallArgs call, EvaluationSite site)
    {
        var key = call.Token + "\n" + call.Provider + "\n" + ValueText.Render(call.Args);
        if (_results.TryGetValue(key, out var cached))
        {
            return cached;
        }

        _calls.Add(call);
        object? result;
        try
        {
            result = await mocks.CallAsync(call);
        }
        catch (Exception e)
        {
            throw site.Error($"the mock's CallAsync for {call.Token} threw {e.GetType().Name}: {e.Message}", e);
        }

        ImmutableDictionary<string, object?> normalized;
        try
        {
            normalized = MockValues.NormalizeObject(result);
        }
        catch (InvalidOperationException e)
        {
            throw site.Error($"the result the mock's CallAsync returned for {call.Token} cannot be read: {e.Message}", e);
        }

        _results[key] = normalized;
        return normalized;
    }
}
