namespace EdgeInfra.Components.Akamai;

/// <summary>
/// A match condition of a rule (<c>{"name": ..., "options": {...}}</c>), with Property Manager's own criterion and
/// option names. Typed factories cover the common criteria; <see cref="Custom"/> states any other. Options are checked
/// when the tree is validated, each error naming its path in the tree.
/// </summary>
public sealed class Criterion
{
    private Criterion(string name, IReadOnlyDictionary<string, object?> options)
    {
        Name = name;
        Options = options;
    }

    /// <summary>The criterion's name, e.g. <c>path</c>.</summary>
    public string Name { get; }

    /// <summary>The options by name: plain values, inputs, lists and dictionaries.</summary>
    public IReadOnlyDictionary<string, object?> Options { get; }

    /// <summary>
    /// The request path matches one of <paramref name="values"/> (<c>path</c>; wildcards <c>*</c> and <c>?</c>).
    /// <paramref name="matchOperator"/>: <c>MATCHES_ONE_OF</c> (default) or <c>DOES_NOT_MATCH_ONE_OF</c>.
    /// </summary>
    public static Criterion Path(IReadOnlyList<string> values, string matchOperator = "MATCHES_ONE_OF", bool matchCaseSensitive = false, bool normalize = false) =>
        Custom("path", new Dictionary<string, object?>
        {
            ["matchOperator"] = matchOperator,
            ["values"] = (values ?? []).ToArray(),
            ["matchCaseSensitive"] = matchCaseSensitive,
            ["normalize"] = normalize,
        });

    /// <summary>
    /// The requested hostname is one of <paramref name="values"/> (<c>hostname</c>; wildcards allowed).
    /// <paramref name="matchOperator"/>: <c>IS_ONE_OF</c> (default) or <c>IS_NOT_ONE_OF</c>.
    /// </summary>
    public static Criterion Hostname(IReadOnlyList<string> values, string matchOperator = "IS_ONE_OF") =>
        Custom("hostname", new Dictionary<string, object?>
        {
            ["matchOperator"] = matchOperator,
            ["values"] = (values ?? []).ToArray(),
        });

    /// <summary>
    /// The requested hostname is one of <paramref name="values"/>, stated as they are given: <c>${hostnames}</c> when
    /// they come from config, the plain names otherwise (see <see cref="Hostname(IReadOnlyList{string}, string)"/>).
    /// </summary>
    public static Criterion Hostname(ValidatedInputList<string> values, string matchOperator = "IS_ONE_OF")
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Any(value => value.IsReference)
            ? Custom("hostname", new Dictionary<string, object?> { ["matchOperator"] = matchOperator, ["values"] = values })
            : Hostname(values.Values, matchOperator);
    }

    /// <summary>
    /// The request header <paramref name="headerName"/> has one of <paramref name="values"/> (<c>requestHeader</c>).
    /// <paramref name="matchOperator"/>: <c>IS_ONE_OF</c> (default), <c>IS_NOT_ONE_OF</c>, <c>EXISTS</c> or
    /// <c>DOES_NOT_EXIST</c> (the last two take no values). Values match case-sensitively by default.
    /// </summary>
    public static Criterion RequestHeader(string headerName, IReadOnlyList<string> values, string matchOperator = "IS_ONE_OF", bool matchCaseSensitiveValue = true)
    {
        var options = new Dictionary<string, object?>
        {
            ["headerName"] = headerName,
            ["matchOperator"] = matchOperator,
            ["matchWildcardName"] = false,
        };
        if (matchOperator is not ("EXISTS" or "DOES_NOT_EXIST"))
        {
            options["values"] = values;
            options["matchWildcardValue"] = false;
            options["matchCaseSensitiveValue"] = matchCaseSensitiveValue;
        }

        return Custom("requestHeader", options);
    }

    /// <summary>
    /// The request method is <paramref name="method"/> (<c>requestMethod</c>): <c>GET</c>, <c>POST</c>, <c>HEAD</c>,
    /// <c>PUT</c>, <c>PATCH</c>, <c>HTTP_DELETE</c> or <c>OPTIONS</c>. <paramref name="matchOperator"/>: <c>IS</c>
    /// (default) or <c>IS_NOT</c>.
    /// </summary>
    public static Criterion RequestMethod(string method, string matchOperator = "IS") =>
        Custom("requestMethod", new Dictionary<string, object?>
        {
            ["matchOperator"] = matchOperator,
            ["value"] = method,
        });

    /// <summary>The client reached the edge over <paramref name="protocol"/> (<c>requestProtocol</c>): <c>HTTP</c> or <c>HTTPS</c>.</summary>
    public static Criterion RequestProtocol(string protocol) =>
        Custom("requestProtocol", new Dictionary<string, object?> { ["value"] = protocol });

    /// <summary>
    /// The requested file's extension is one of <paramref name="values"/>, without the dot (<c>fileExtension</c>).
    /// <paramref name="matchOperator"/>: <c>IS_ONE_OF</c> (default) or <c>IS_NOT_ONE_OF</c>.
    /// </summary>
    public static Criterion FileExtension(IReadOnlyList<string> values, string matchOperator = "IS_ONE_OF", bool matchCaseSensitive = false) =>
        Custom("fileExtension", new Dictionary<string, object?>
        {
            ["matchOperator"] = matchOperator,
            ["values"] = (values ?? []).ToArray(),
            ["matchCaseSensitive"] = matchCaseSensitive,
        });

    /// <summary>
    /// The request was routed to the conditional origin <paramref name="originId"/> (<c>cloudletsOrigin</c>,
    /// "Conditional Origin ID"; letters, digits and underscores), e.g. by an EdgeWorker's
    /// <c>request.route({ origin })</c>. Akamai wants it as the rule's only criterion, with an <c>origin</c> behavior
    /// beside it and <see cref="Behavior.AllowConditionalOrigins"/> in a parent rule.
    /// </summary>
    public static Criterion ConditionalOriginId(string originId) =>
        Custom("cloudletsOrigin", new Dictionary<string, object?> { ["originId"] = originId });

    /// <summary>
    /// The client presented a certificate in the TLS handshake with the edge (<c>clientCertificate</c>,
    /// <c>isCertificatePresent</c> true) whose validity is <paramref name="validity"/> (<c>isCertificateValid</c>:
    /// <c>VALID</c>, the default, <c>INVALID</c> or <c>IGNORE</c>); <c>enforceMtls</c> false, so the match does not
    /// depend on an <c>enforceMtlsSettings</c> behavior (https://techdocs.akamai.com/terraform/docs/client-certificate).
    /// </summary>
    public static Criterion ClientCertificate(string validity = "VALID") =>
        Custom("clientCertificate", new Dictionary<string, object?>
        {
            ["isCertificatePresent"] = true,
            ["isCertificateValid"] = validity,
            ["enforceMtls"] = false,
        });

    /// <summary>
    /// Any criterion, stated as given: <paramref name="name"/> and <paramref name="options"/> use Property Manager's
    /// names for the pinned <see cref="RuleFormat"/>. Option values may be plain values, inputs, lists and string-keyed
    /// dictionaries. Options this library knows (match operators, header names) are still checked.
    /// </summary>
    public static Criterion Custom(string name, IReadOnlyDictionary<string, object?> options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        return new Criterion(name, new SortedDictionary<string, object?>(options.ToDictionary(), StringComparer.Ordinal));
    }
}
