namespace EdgeInfra.Components.Application;

/// <summary>
/// The request methods an edge property allows besides GET and HEAD, each switched on by its own Property Manager
/// behavior (<c>allowPost</c>, <c>allowPut</c>, <c>allowPatch</c>, <c>allowDelete</c>, <c>allowOptions</c>); without
/// it the edge answers 501 and the origin never sees the request.
/// </summary>
public static class HttpMethods
{
    /// <summary>The methods that need a behavior, in the order the behaviors are written.</summary>
    public static IReadOnlyList<string> Optional { get; } = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>What an API behind the edge usually needs: POST, PUT, PATCH and DELETE (OPTIONS only on request, since preflights are usually answered by the edge or the app's CORS policy).</summary>
    public static IReadOnlyList<string> ApiDefault { get; } = ["POST", "PUT", "PATCH", "DELETE"];
}
