namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The options of the <c>caching</c> behavior, with Property Manager's option names. A TTL is digits and a unit:
/// <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c> (<c>30s</c>, <c>10m</c>, <c>1d</c>).
/// </summary>
public sealed record CachingOptions
{
    /// <summary>
    /// How the edge caches (<c>behavior</c>): <c>MAX_AGE</c> (for <see cref="Ttl"/>), <c>NO_STORE</c>,
    /// <c>BYPASS_CACHE</c>, <c>CACHE_CONTROL</c>, <c>CACHE_CONTROL_AND_EXPIRES</c> or <c>EXPIRES</c> (the last three
    /// honor the origin, with <see cref="DefaultTtl"/> when it says nothing). Default: <c>NO_STORE</c>.
    /// </summary>
    public string Behavior { get; init; } = "NO_STORE";

    /// <summary>How long to cache with <c>MAX_AGE</c> (<c>ttl</c>); required then. Default: null.</summary>
    public string? Ttl { get; init; }

    /// <summary>How long to cache when the origin says nothing, with <c>CACHE_CONTROL</c>, <c>CACHE_CONTROL_AND_EXPIRES</c> or <c>EXPIRES</c> (<c>defaultTtl</c>). Default: <c>0s</c>.</summary>
    public string DefaultTtl { get; init; } = "0s";

    /// <summary>Whether stale content must be revalidated rather than served when the origin is unreachable (<c>mustRevalidate</c>). Default: false.</summary>
    public bool MustRevalidate { get; init; }

    /// <summary>Caches for <paramref name="ttl"/> whatever the origin says (<c>MAX_AGE</c>).</summary>
    public static CachingOptions MaxAge(string ttl) => new() { Behavior = "MAX_AGE", Ttl = ttl };

    /// <summary>Never caches (<c>NO_STORE</c>).</summary>
    public static CachingOptions NoStore() => new() { Behavior = "NO_STORE" };

    /// <summary>The <c>caching</c> behavior's options.</summary>
    internal Dictionary<string, object?> ToOptions()
    {
        var options = new Dictionary<string, object?> { ["behavior"] = Behavior };
        switch (Behavior)
        {
            case "MAX_AGE":
                options["mustRevalidate"] = MustRevalidate;
                options["ttl"] = Ttl;
                break;
            case "CACHE_CONTROL" or "CACHE_CONTROL_AND_EXPIRES" or "EXPIRES":
                options["mustRevalidate"] = MustRevalidate;
                options["defaultTtl"] = DefaultTtl;
                break;
        }

        return options;
    }
}
