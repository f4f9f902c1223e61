namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The option checks this library knows, by <c>{behavior or criterion name}.{option path}</c>. They apply to typed and
/// <c>Custom</c> behaviors and criteria alike, and only to values known at synthesis.
/// </summary>
internal static class RuleOptionChecks
{
    private static readonly RuleOptionCheck MatchOneOf = RuleOptionCheck.OneOf("IS_ONE_OF", "IS_NOT_ONE_OF");

    /// <summary>Checks of behavior options.</summary>
    public static readonly IReadOnlyDictionary<string, RuleOptionCheck> Behaviors = new Dictionary<string, RuleOptionCheck>(StringComparer.Ordinal)
    {
        ["origin.hostname"] = RuleOptionCheck.Hostname,
        ["origin.httpPort"] = RuleOptionCheck.Port,
        ["origin.httpsPort"] = RuleOptionCheck.Port,
        ["origin.originType"] = RuleOptionCheck.OneOf("CUSTOMER", "NET_STORAGE", "MEDIA_SERVICE_LIVE", "EDGE_LOAD_BALANCING_ORIGIN_GROUP", "SAAS_DYNAMIC_ORIGIN"),
        ["origin.forwardHostHeader"] = RuleOptionCheck.OneOf("REQUEST_HOST_HEADER", "ORIGIN_HOSTNAME", "CUSTOM"),
        ["origin.customForwardHostHeader"] = RuleOptionCheck.Hostname,
        ["origin.cacheKeyHostname"] = RuleOptionCheck.OneOf("REQUEST_HOST_HEADER", "ORIGIN_HOSTNAME"),
        ["origin.verificationMode"] = RuleOptionCheck.OneOf("PLATFORM_SETTINGS", "CUSTOM", "THIRD_PARTY"),
        ["origin.originCertsToHonor"] = RuleOptionCheck.OneOf("COMBO", "STANDARD_CERTIFICATE_AUTHORITIES", "CUSTOM_CERTIFICATE_AUTHORITIES", "CUSTOM_CERTIFICATES"),
        ["origin.trueClientIpHeader"] = RuleOptionCheck.HeaderName,
        ["cpCode.value.id"] = RuleOptionCheck.CpCodeId,
        ["caching.behavior"] = RuleOptionCheck.OneOf("MAX_AGE", "NO_STORE", "BYPASS_CACHE", "CACHE_CONTROL", "CACHE_CONTROL_AND_EXPIRES", "EXPIRES"),
        ["caching.ttl"] = RuleOptionCheck.Ttl,
        ["caching.defaultTtl"] = RuleOptionCheck.Ttl,
        ["edgeWorker.edgeWorkerId"] = RuleOptionCheck.EdgeWorkerId,
        ["modifyOutgoingRequestHeader.action"] = RuleOptionCheck.OneOf("ADD", "MODIFY", "DELETE", "REGEX"),
        ["modifyOutgoingRequestHeader.customHeaderName"] = RuleOptionCheck.HeaderName,
        ["modifyIncomingRequestHeader.customHeaderName"] = RuleOptionCheck.HeaderName,
        ["modifyOutgoingResponseHeader.customHeaderName"] = RuleOptionCheck.HeaderName,
        ["modifyIncomingResponseHeader.customHeaderName"] = RuleOptionCheck.HeaderName,
        ["setVariable.variableName"] = RuleOptionCheck.VariableName,
        ["setVariable.valueSource"] = RuleOptionCheck.OneOf("EXPRESSION", "EXTRACT", "GENERATE"),
        ["setVariable.transform"] = RuleOptionCheck.Code,
        ["siteShield.ssmap.value"] = RuleOptionCheck.Hostname,
        ["originCharacteristics.authenticationMethod"] = RuleOptionCheck.Code,
        ["originCharacteristics.country"] = RuleOptionCheck.Code,
        ["downstreamCache.behavior"] = RuleOptionCheck.OneOf("ALLOW", "MUST_REVALIDATE", "BUST", "TUNNEL_ORIGIN", "NONE"),
        ["downstreamCache.allowBehavior"] = RuleOptionCheck.OneOf("LESSER", "GREATER", "REMAINING_LIFETIME", "FROM_MAX_AGE", "FROM_VALUE", "PASS_ORIGIN"),
        ["downstreamCache.sendHeaders"] = RuleOptionCheck.OneOf("CACHE_CONTROL_AND_EXPIRES", "CACHE_CONTROL", "EXPIRES", "PASS_ORIGIN"),
        ["gzipResponse.behavior"] = RuleOptionCheck.OneOf("ORIGIN_RESPONSE", "ALWAYS", "NEVER"),
        ["denyAccess.reason"] = RuleOptionCheck.DenyReason,
        ["allowCloudletsOrigins.purgeOriginQueryParameter"] = RuleOptionCheck.QueryParameterName,
    };

    /// <summary>Checks of criterion options.</summary>
    public static readonly IReadOnlyDictionary<string, RuleOptionCheck> Criteria = new Dictionary<string, RuleOptionCheck>(StringComparer.Ordinal)
    {
        ["path.matchOperator"] = RuleOptionCheck.OneOf("MATCHES_ONE_OF", "DOES_NOT_MATCH_ONE_OF"),
        ["path.values"] = RuleOptionCheck.NonEmptyList,
        ["hostname.matchOperator"] = MatchOneOf,
        ["hostname.values"] = RuleOptionCheck.NonEmptyList,
        ["requestHeader.headerName"] = RuleOptionCheck.HeaderName,
        ["requestHeader.matchOperator"] = RuleOptionCheck.OneOf("IS_ONE_OF", "IS_NOT_ONE_OF", "EXISTS", "DOES_NOT_EXIST"),
        ["requestHeader.values"] = RuleOptionCheck.NonEmptyList,
        ["requestMethod.matchOperator"] = RuleOptionCheck.OneOf("IS", "IS_NOT"),
        ["requestMethod.value"] = RuleOptionCheck.OneOf("GET", "POST", "HEAD", "PUT", "PATCH", "HTTP_DELETE", "OPTIONS"),
        ["fileExtension.matchOperator"] = MatchOneOf,
        ["fileExtension.values"] = RuleOptionCheck.NonEmptyList,
        ["cloudletsOrigin.originId"] = RuleOptionCheck.ConditionalOriginId,
    };
}
