namespace EdgeInfra.Components.Akamai;

/// <summary>
/// A behavior of a rule (<c>{"name": ..., "options": {...}}</c>), with Property Manager's behavior and option names
/// for the pinned <see cref="RuleFormat"/>. Typed factories cover the behaviors an edge-plus-origin property needs;
/// <see cref="Custom"/> states any other. Options are checked when the tree is validated.
/// </summary>
public sealed class Behavior
{
    private Behavior(string name, IReadOnlyDictionary<string, object?> options)
    {
        Name = name;
        Options = options;
    }

    /// <summary>The behavior's name, e.g. <c>origin</c>.</summary>
    public string Name { get; }

    /// <summary>The options by name, in ordinal order: plain values, inputs, lists and dictionaries.</summary>
    public IReadOnlyDictionary<string, object?> Options { get; }

    /// <summary>Where the edge fetches content (<c>origin</c>), a customer origin as <paramref name="options"/> say.</summary>
    public static Behavior Origin(OriginOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Custom("origin", options.ToOptions());
    }

    /// <summary>The CP code traffic is reported and billed under (<c>cpCode</c>, <c>value: {id}</c>), by its number.</summary>
    public static Behavior CpCode(Input<int> id) =>
        Custom("cpCode", new Dictionary<string, object?> { ["value"] = new Dictionary<string, object?> { ["id"] = id } });

    /// <summary>
    /// The CP code (<c>cpCode</c>) of an <c>akamai:index/cpCode:CpCode</c>, from its id (<c>cpc_12345</c> or <c>12345</c>,
    /// usually known at deploy time): the <c>cpc_</c> prefix is cut and the number written as a JSON integer.
    /// </summary>
    public static Behavior CpCodeOf(Input<string> cpCodeId) =>
        Custom("cpCode", new Dictionary<string, object?> { ["value"] = new Dictionary<string, object?> { ["id"] = new JsonIntegerFromText(cpCodeId, "cpc_") } });

    /// <summary>How long the edge caches (<c>caching</c>), as <paramref name="options"/> say.</summary>
    public static Behavior Caching(CachingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Custom("caching", options.ToOptions());
    }

    /// <summary>Runs the EdgeWorker <paramref name="edgeWorkerId"/> (<c>edgeWorker</c>; Property Manager takes the id as text).</summary>
    public static Behavior EdgeWorker(Input<string> edgeWorkerId, bool enabled = true) =>
        Custom("edgeWorker", new Dictionary<string, object?> { ["enabled"] = enabled, ["edgeWorkerId"] = edgeWorkerId });

    /// <summary>
    /// Runs the EdgeWorker whose numeric id is <paramref name="edgeWorkerId"/>, e.g. an
    /// <c>akamai:index/edgeWorker:EdgeWorker</c>'s <c>edgeworkerId</c> output, written as text: <c>fn::toJSON</c> of a
    /// number is its digits (an interpolation <c>"${ew.edgeworkerId}"</c> alone would keep the number).
    /// </summary>
    public static Behavior EdgeWorker(Output<int> edgeWorkerId, bool enabled = true) =>
        EdgeWorker(Output.JsonSerialize<int>(edgeWorkerId), enabled);

    /// <summary>Whether POST requests are allowed (<c>allowPost</c>); by default with a body length required.</summary>
    public static Behavior AllowPost(bool enabled = true, bool allowWithoutContentLength = false) =>
        Custom("allowPost", new Dictionary<string, object?> { ["enabled"] = enabled, ["allowWithoutContentLength"] = allowWithoutContentLength });

    /// <summary>
    /// Lets the request method <paramref name="method"/> through the edge: <c>allowPost</c> (body length required),
    /// <c>allowPut</c>, <c>allowPatch</c>, <c>allowDelete</c> (no body) or <c>allowOptions</c>. GET and HEAD need no
    /// behavior; any method without one is answered 501 by the edge.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="method"/> is not POST, PUT, PATCH, DELETE or OPTIONS.</exception>
    public static Behavior AllowMethod(string method) => method switch
    {
        "POST" => AllowPost(),
        "PUT" => Custom("allowPut", new Dictionary<string, object?> { ["enabled"] = true }),
        "PATCH" => Custom("allowPatch", new Dictionary<string, object?> { ["enabled"] = true }),
        "DELETE" => Custom("allowDelete", new Dictionary<string, object?> { ["enabled"] = true, ["allowBody"] = false }),
        "OPTIONS" => Custom("allowOptions", new Dictionary<string, object?> { ["enabled"] = true }),
        _ => throw new ArgumentException($"'{method}' is not a method a behavior allows: POST, PUT, PATCH, DELETE or OPTIONS", nameof(method)),
    };

    /// <summary>
    /// Sends origin requests only from the small set of edge addresses Akamai publishes for Origin IP ACL
    /// (<c>originIpAcl</c>), so an origin firewall that admits only those ranges admits the edge.
    /// </summary>
    public static Behavior OriginIpAcl() =>
        Custom("originIpAcl", new Dictionary<string, object?> { ["enable"] = true });

    /// <summary>
    /// Answers with a redirect to the same host, path and query over HTTPS (<c>redirect</c>, <paramref name="responseCode"/>
    /// 301 by default); meant for a rule that matches <see cref="Criterion.RequestProtocol"/> <c>HTTP</c>.
    /// </summary>
    public static Behavior RedirectToHttps(int responseCode = 301) =>
        Custom("redirect", new Dictionary<string, object?>
        {
            ["destinationProtocol"] = "HTTPS",
            ["destinationHostname"] = "SAME_AS_REQUEST",
            ["destinationPath"] = "SAME_AS_REQUEST",
            ["queryString"] = "APPEND",
            ["responseCode"] = responseCode,
            ["mobileDefaultChoice"] = "DEFAULT",
        });

    /// <summary>
    /// Tells browsers to use only HTTPS for the hostname (<c>httpStrictTransportSecurity</c>), for
    /// <paramref name="maxAge"/> (a Property Manager duration, default <c>ONE_YEAR</c>).
    /// </summary>
    public static Behavior StrictTransportSecurity(string maxAge = "ONE_YEAR") =>
        Custom("httpStrictTransportSecurity", new Dictionary<string, object?>
        {
            ["enable"] = true,
            ["maxAge"] = maxAge,
            ["includeSubDomains"] = false,
            ["preload"] = false,
            ["redirect"] = false,
        });

    /// <summary>
    /// Replaces the path and query of the request sent to the origin with <paramref name="targetUrl"/> (<c>rewriteUrl</c>,
    /// <c>behavior: REWRITE</c>, the client's query string dropped); the client sees no redirect.
    /// </summary>
    public static Behavior RewriteUrl(string targetUrl) => RewriteUrlOf(targetUrl);

    /// <summary>
    /// Replaces the path and query of the request sent to the origin with <paramref name="targetUrl"/>, which may be
    /// known at deployment only (<c>rewriteUrl</c>, <c>behavior: REWRITE</c>, the client's query string dropped).
    /// </summary>
    public static Behavior RewriteUrl(Input<string> targetUrl) => RewriteUrlOf(targetUrl);

    private static Behavior RewriteUrlOf(object targetUrl) =>
        Custom("rewriteUrl", new Dictionary<string, object?>
        {
            ["behavior"] = "REWRITE",
            ["targetUrl"] = targetUrl,
            ["keepQueryString"] = false,
        });

    /// <summary>
    /// Presents the mTLS Origin Keystore client certificate version <paramref name="clientCertificateVersionGuid"/> to the
    /// origin (<c>mtlsOriginKeystore</c>, Property Manager's "mTLS Edge Server to Origin"); with
    /// <paramref name="requireOriginRequest"/> (<c>authClientCert</c>) the edge connects only when the origin asks for
    /// the certificate, so an origin that stopped requiring it is not silently served without mTLS.
    /// </summary>
    public static Behavior MtlsOriginKeystore(Input<string> clientCertificateVersionGuid, bool requireOriginRequest = true) =>
        Custom("mtlsOriginKeystore", new Dictionary<string, object?>
        {
            ["enable"] = true,
            ["clientCertificateVersionGuid"] = clientCertificateVersionGuid,
            ["authClientCert"] = requireOriginRequest,
        });

    /// <summary>Presents no client certificate to this rule's origin (<c>mtlsOriginKeystore</c> off), e.g. a third party's.</summary>
    public static Behavior NoMtlsOriginKeystore() =>
        Custom("mtlsOriginKeystore", new Dictionary<string, object?> { ["enable"] = false });

    /// <summary>Serves HTTP/2 to clients (<c>http2</c>; its only option is the empty <c>enabled</c> Property Manager expects).</summary>
    public static Behavior Http2() =>
        Custom("http2", new Dictionary<string, object?> { ["enabled"] = "" });

    /// <summary>Adds, modifies or deletes a header of the request sent to the origin (<c>modifyOutgoingRequestHeader</c>).</summary>
    public static Behavior ModifyOutgoingRequestHeader(HeaderModification modification)
    {
        ArgumentNullException.ThrowIfNull(modification);
        return Custom("modifyOutgoingRequestHeader", modification.ToOptions());
    }

    /// <summary>
    /// Sets the user variable <paramref name="variableName"/> (declared in the default rule) to the expression
    /// <paramref name="expression"/> (<c>setVariable</c>, <c>valueSource: EXPRESSION</c>), transformed by
    /// <paramref name="transform"/> (default <c>NONE</c>).
    /// </summary>
    public static Behavior SetVariable(string variableName, Input<string> expression, string transform = "NONE") =>
        Custom("setVariable", new Dictionary<string, object?>
        {
            ["variableName"] = variableName,
            ["valueSource"] = "EXPRESSION",
            ["variableValue"] = expression,
            ["transform"] = transform,
        });

    /// <summary>
    /// Sends the property's request logs to the DataStream 2 streams <paramref name="streamIds"/> (<c>datastream</c>,
    /// <c>streamType: LOG</c>, <c>logEnabled: true</c>, <c>logStreamName</c> the streams' ids as strings, as rule
    /// formats since v2023-05-30 take them), sampling <paramref name="samplingPercentage"/> percent of requests and,
    /// with <paramref name="collectMidgressTraffic"/>, traffic between edge servers too. The beacon options
    /// (<c>enabled</c>, <c>datastreamIds</c>) belong to the <c>BEACON</c> stream types and are not stated. Pass a
    /// stream's id, e.g. <see cref="EdgeLogStream.StreamId"/>: Akamai assigns it when the stream is created.
    /// </summary>
    public static Behavior DataStream(IReadOnlyList<Input<string>> streamIds, int samplingPercentage = 100, bool collectMidgressTraffic = false)
    {
        ArgumentNullException.ThrowIfNull(streamIds);
        return Custom("datastream", new Dictionary<string, object?>
        {
            ["streamType"] = "LOG",
            ["logEnabled"] = true,
            ["logStreamName"] = streamIds.ToList(),
            ["samplingPercentage"] = samplingPercentage,
            ["collectMidgressTraffic"] = collectMidgressTraffic,
        });
    }

    /// <summary>Lets only the Site Shield map <paramref name="map"/> (e.g. <c>s123.akamaiedge.net</c>) reach the origin (<c>siteShield</c>, <c>ssmap.value</c>).</summary>
    public static Behavior SiteShield(string map) =>
        Custom("siteShield", new Dictionary<string, object?> { ["ssmap"] = new Dictionary<string, object?> { ["value"] = map } });

    /// <summary>
    /// Describes the origin to tune connections (<c>originCharacteristics</c>): how the origin authenticates the edge
    /// (<paramref name="authenticationMethod"/>, default <c>AUTOMATIC</c>) and where it is (<paramref name="country"/>,
    /// an Akamai region code such as <c>EUROPE</c> or <c>UNKNOWN</c>, the default).
    /// </summary>
    public static Behavior OriginCharacteristics(string authenticationMethod = "AUTOMATIC", string country = "UNKNOWN") =>
        Custom("originCharacteristics", new Dictionary<string, object?>
        {
            ["authenticationMethod"] = authenticationMethod,
            ["authenticationMethodTitle"] = "",
            ["country"] = country,
        });

    /// <summary>What browsers and other downstream caches are told (<c>downstreamCache</c>), as <paramref name="options"/> say.</summary>
    public static Behavior DownstreamCache(DownstreamCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Custom("downstreamCache", options.ToOptions());
    }

    /// <summary>Gzip-compresses responses (<c>gzipResponse</c>): <c>ORIGIN_RESPONSE</c> (the default; as the origin did), <c>ALWAYS</c> or <c>NEVER</c>.</summary>
    public static Behavior GzipResponse(string behavior = "ORIGIN_RESPONSE") =>
        Custom("gzipResponse", new Dictionary<string, object?> { ["behavior"] = behavior });

    /// <summary>Denies the request with a 403 (<c>denyAccess</c>), logging <paramref name="reason"/> (letters, digits, <c>_</c> and <c>-</c>).</summary>
    public static Behavior DenyAccess(string reason, bool enabled = true) =>
        Custom("denyAccess", new Dictionary<string, object?> { ["reason"] = reason, ["enabled"] = enabled });

    /// <summary>
    /// Repeats the client → edge mTLS checks for the request (<c>enforceMtlsSettings</c>): the client must have
    /// presented a certificate that chains to one of <paramref name="caSetIds"/> (Mutual TLS Edge Truststore CA set ids,
    /// <c>certificateAuthoritySet</c>; <c>enableAuthSet</c> true), with OCSP revocation checked when
    /// <paramref name="checkOcsp"/>; a request that fails is denied with Akamai's generic 403 (<c>enableDenyRequest</c>
    /// true). Akamai requires a <c>hostname</c> or <c>clientCertificate</c> criterion in the same rule
    /// (https://techdocs.akamai.com/property-mgr/reference/ga-enforce-mtls-settings).
    /// </summary>
    public static Behavior EnforceMtlsSettings(IReadOnlyList<Input<string>> caSetIds, bool checkOcsp = false) =>
        Custom("enforceMtlsSettings", new Dictionary<string, object?>
        {
            ["enableAuthSet"] = true,
            ["certificateAuthoritySet"] = (caSetIds ?? []).ToArray(),
            ["enableOcspStatus"] = checkOcsp,
            ["enableDenyRequest"] = true,
        });

    /// <summary>
    /// Lets child rules with a <see cref="Criterion.ConditionalOriginId"/> criterion define alternate origins
    /// (<c>allowCloudletsOrigins</c>, Property Manager's "Allow Conditional Origins"), which EdgeWorkers select with
    /// <c>request.route({ origin })</c>. Akamai wants it alone in its own rule; purge requests name the origin in the
    /// <paramref name="purgeOriginQueryParameter"/> query parameter.
    /// </summary>
    public static Behavior AllowConditionalOrigins(string purgeOriginQueryParameter = "originId") =>
        Custom("allowCloudletsOrigins", new Dictionary<string, object?>
        {
            ["enabled"] = true,
            ["honorBaseDirectory"] = false,
            ["purgeOriginQueryParameter"] = purgeOriginQueryParameter,
        });

    /// <summary>
    /// Any behavior, stated as given: <paramref name="name"/> and <paramref name="options"/> use Property Manager's
    /// names for the pinned <see cref="RuleFormat"/>. Option values may be plain values, inputs, lists and
    /// string-keyed dictionaries. Options this library knows (ports, TTLs, header and variable names, enumerations)
    /// are still checked.
    /// </summary>
    public static Behavior Custom(string name, IReadOnlyDictionary<string, object?> options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        return new Behavior(name, new SortedDictionary<string, object?>(options.ToDictionary(), StringComparer.Ordinal));
    }
}
