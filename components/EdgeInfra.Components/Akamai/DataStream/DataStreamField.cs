namespace EdgeInfra.Components.Akamai;

/// <summary>
/// A DataStream 2 data set field: Akamai's numeric id (the <c>datasetFields</c> input of
/// <c>akamai:index/datastream:Datastream</c>) and its name in Akamai's "Data set parameters" reference. The order of
/// the ids in a stream is the order of the fields in the logs.
/// </summary>
/// <param name="Id">Akamai's data set field id.</param>
/// <param name="Name">The field's name in Akamai's documentation.</param>
public sealed record DataStreamField(int Id, string Name)
{
    /// <summary>1100 Request time: when the edge server accepted the request (Unix epoch seconds).</summary>
    public static DataStreamField RequestTime { get; } = new(1100, "Request time");

    /// <summary>1002 Request ID: the edge's identifier of the request, to correlate with origin logs.</summary>
    public static DataStreamField RequestId { get; } = new(1002, "Request ID");

    /// <summary>1000 CP code: the content provider code the request was billed and reported under.</summary>
    public static DataStreamField CpCode { get; } = new(1000, "CP code");

    /// <summary>1006 Client IP: the requesting client's IPv4 or IPv6 address.</summary>
    public static DataStreamField ClientIp { get; } = new(1006, "Client IP");

    /// <summary>1011 Request host: the Host header of the request.</summary>
    public static DataStreamField RequestHost { get; } = new(1011, "Request host");

    /// <summary>1012 Request method: the HTTP method.</summary>
    public static DataStreamField RequestMethod { get; } = new(1012, "Request method");

    /// <summary>1013 Request path: the path of the request, without the query string.</summary>
    public static DataStreamField RequestPath { get; } = new(1013, "Request path");

    /// <summary>1009 Protocol type: HTTP or HTTPS.</summary>
    public static DataStreamField ProtocolType { get; } = new(1009, "Protocol type");

    /// <summary>1008 HTTP status code: the status returned to the client.</summary>
    public static DataStreamField HttpStatusCode { get; } = new(1008, "HTTP status code");

    /// <summary>1005 Bytes: the content bytes served in the response body.</summary>
    public static DataStreamField Bytes { get; } = new(1005, "Bytes");

    /// <summary>1017 User-Agent: the URI-encoded User-Agent header of the request.</summary>
    public static DataStreamField UserAgent { get; } = new(1017, "User-Agent");

    /// <summary>1032 Referer: the Referer header of the request.</summary>
    public static DataStreamField Referer { get; } = new(1032, "Referer");

    /// <summary>1066 Edge IP: the IP address of the edge server that served the response.</summary>
    public static DataStreamField EdgeIp { get; } = new(1066, "Edge IP");

    /// <summary>2002 TLS version: the TLS protocol version of the client connection ("SSL version" in Akamai's DataStream 1 mapping).</summary>
    public static DataStreamField TlsVersion { get; } = new(2002, "TLS version");

    /// <summary>2010 Cache status: 1 when served from the edge cache, 0 when forwarded to a parent or the origin.</summary>
    public static DataStreamField CacheStatus { get; } = new(2010, "Cache status");

    /// <summary>
    /// The fields an audit trail of edge traffic needs (SOC 2 CC7.2/CC7.3: who did what, when, from where, with which
    /// result): when (request time), which request (request id, CP code), who (client IP, user agent, referer), what
    /// (host, method, path, protocol), the outcome (status, bytes, cache status), where it was served (edge IP) and
    /// how the connection was secured (TLS version). In this order: 1100, 1002, 1000, 1006, 1011, 1012, 1013, 1009,
    /// 1008, 1005, 1017, 1032, 1066, 2002, 2010.
    /// </summary>
    public static IReadOnlyList<DataStreamField> AuditTrail { get; } =
    [
        RequestTime, RequestId, CpCode, ClientIp, RequestHost, RequestMethod, RequestPath, ProtocolType,
        HttpStatusCode, Bytes, UserAgent, Referer, EdgeIp, TlsVersion, CacheStatus,
    ];
}
