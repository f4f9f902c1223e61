namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The options of the <c>downstreamCache</c> behavior: what the edge tells browsers and other downstream caches.
/// Defaults are the conservative ones: downstream caches may keep a response no longer than the edge does, and
/// responses marked private stay uncached.
/// </summary>
public sealed record DownstreamCacheOptions
{
    /// <summary>
    /// The policy (<c>behavior</c>): <c>ALLOW</c> (caching, as <see cref="AllowBehavior"/> says), <c>MUST_REVALIDATE</c>,
    /// <c>BUST</c> (no downstream caching), <c>TUNNEL_ORIGIN</c> or <c>NONE</c>. Default: <c>ALLOW</c>.
    /// </summary>
    public string Behavior { get; init; } = "ALLOW";

    /// <summary>
    /// With <c>ALLOW</c>, how long downstream caches may keep a response (<c>allowBehavior</c>): <c>LESSER</c>,
    /// <c>GREATER</c>, <c>REMAINING_LIFETIME</c>, <c>FROM_MAX_AGE</c>, <c>FROM_VALUE</c> or <c>PASS_ORIGIN</c>. Default: <c>LESSER</c>.
    /// </summary>
    public string AllowBehavior { get; init; } = "LESSER";

    /// <summary>
    /// With <c>ALLOW</c>, the headers sent (<c>sendHeaders</c>): <c>CACHE_CONTROL_AND_EXPIRES</c>, <c>CACHE_CONTROL</c>,
    /// <c>EXPIRES</c> or <c>PASS_ORIGIN</c>. Default: <c>CACHE_CONTROL_AND_EXPIRES</c>.
    /// </summary>
    public string SendHeaders { get; init; } = "CACHE_CONTROL_AND_EXPIRES";

    /// <summary>With <c>ALLOW</c>, whether to add <c>Cache-Control: private</c> (<c>sendPrivate</c>). Default: false.</summary>
    public bool SendPrivate { get; init; }

    /// <summary>No downstream caching (<c>BUST</c>).</summary>
    public static DownstreamCacheOptions Bust() => new() { Behavior = "BUST" };

    /// <summary>The <c>downstreamCache</c> behavior's options.</summary>
    internal Dictionary<string, object?> ToOptions()
    {
        var options = new Dictionary<string, object?> { ["behavior"] = Behavior };
        if (Behavior == "ALLOW")
        {
            options["allowBehavior"] = AllowBehavior;
            options["sendHeaders"] = SendHeaders;
            options["sendPrivate"] = SendPrivate;
        }

        return options;
    }
}
