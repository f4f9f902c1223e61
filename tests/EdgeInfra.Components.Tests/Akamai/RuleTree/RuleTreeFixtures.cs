using EdgeInfra.Components.Akamai;
using EdgeInfra.Expressions;

namespace EdgeInfra.Components.Tests.Akamai.RuleTrees;

/// <summary>Rule trees for the tests: the smallest valid one and one with every typed behavior and criterion.</summary>
internal static class RuleTreeFixtures
{
    /// <summary>A deploy-time value: the config value <paramref name="key"/>.</summary>
    public static Output<T> Config<T>(string key) => new(new ConfigReferenceExpression(key, PropertyPath.Empty, isSecret: false));

    public static RuleTree Minimal() => new(new Rule
    {
        Name = "default",
        Behaviors =
        [
            Behavior.Origin(new OriginOptions { Hostname = "origin.example.com" }),
            Behavior.CpCode(12345),
        ],
    });

    public static RuleTree Full() => new(new Rule
    {
        Name = "default",
        Comments = "Edge in front of the origin VMs.",
        IsSecure = true,
        Variables =
        [
            RuleVariable.Visible("PMUSER_ROUTE", "blue", "Which origin pool serves the request."),
            RuleVariable.Secret("PMUSER_ORIGIN_SECRET", "The per-environment secret the origin checks."),
        ],
        Behaviors =
        [
            Behavior.Origin(new OriginOptions { Hostname = Config<string>("originHostname"), ForwardHostHeader = "ORIGIN_HOSTNAME", CacheKeyHostname = "ORIGIN_HOSTNAME" }),
            Behavior.CpCodeOf(Config<string>("cpCodeId")),
            Behavior.OriginCharacteristics(country: "EUROPE"),
            Behavior.SiteShield("s123.akamaiedge.net"),
            Behavior.Http2(),
            Behavior.AllowPost(),
            Behavior.GzipResponse(),
            Behavior.Caching(CachingOptions.NoStore()),
            Behavior.DownstreamCache(new DownstreamCacheOptions()),
            Behavior.SetVariable("PMUSER_ORIGIN_SECRET", Config<string>("originSecret")),
            Behavior.ModifyOutgoingRequestHeader(HeaderModification.Add("X-Origin-Secret", "{{user.PMUSER_ORIGIN_SECRET}}")),
            Behavior.EdgeWorker(Config<int>("edgeWorkerId")),
        ],
        Children =
        [
            new Rule
            {
                Name = "Static assets",
                Criteria = [Criterion.FileExtension(["css", "js", "png"]), Criterion.Path(["/static/*"])],
                CriteriaMustSatisfy = CriteriaMatch.Any,
                Behaviors = [Behavior.Caching(CachingOptions.MaxAge("1d")), Behavior.DownstreamCache(DownstreamCacheOptions.Bust())],
            },
            new Rule
            {
                Name = "API",
                Comments = "Never cached; deletes the client's own secret header.",
                Criteria = [Criterion.Hostname(["api.example.com"]), Criterion.RequestMethod("POST")],
                Behaviors =
                [
                    Behavior.Caching(new CachingOptions { Behavior = "BYPASS_CACHE" }),
                    Behavior.ModifyOutgoingRequestHeader(HeaderModification.Delete("X-Client-Secret")),
                    Behavior.ModifyOutgoingRequestHeader(HeaderModification.Modify("X-Route", "{{user.PMUSER_ROUTE}}")),
                ],
                Children =
                [
                    new Rule
                    {
                        Name = "Block debug",
                        Criteria = [Criterion.RequestHeader("X-Debug", [], matchOperator: "EXISTS")],
                        Behaviors = [Behavior.DenyAccess("debug-header")],
                    },
                ],
            },
            new Rule
            {
                Name = "Legacy origin",
                Criteria = [Criterion.Custom("cloudletsOrigin", new Dictionary<string, object?> { ["originId"] = "legacy" })],
                Behaviors =
                [
                    Behavior.Origin(new OriginOptions { Hostname = "legacy.example.com", HttpsPort = 8443, VerificationMode = "PLATFORM_SETTINGS", EnableTrueClientIp = false }),
                    Behavior.Custom("prefreshCache", new Dictionary<string, object?> { ["enabled"] = true, ["prefreshval"] = 90 }),
                ],
            },
        ],
    });
}
