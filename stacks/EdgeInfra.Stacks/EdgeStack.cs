using System.Globalization;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Components;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Application;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Identity;

namespace EdgeInfra.Stacks;

/// <summary>
/// The repository's stack: one <see cref="EdgeFrontedApplication"/> (an Akamai property and edge gateway in front of
/// origin VMs in one or more Azure regions) in its own resource group. Every difference between stacks (regions,
/// VM counts and sizes, activation on PRODUCTION, retention, locks) comes from <c>Pulumi.{stack}.yaml</c>; the code
/// never looks at the stack's name.
/// </summary>
public sealed class EdgeStack : Stack
{
    /// <summary>The edge-gateway bundle, relative to the project folder.</summary>
    public const string EdgeGatewayBundle = "components/edgeworkers/bundles/edge-gateway";

    /// <summary>Builds the stack from the current stack's config, checked against the system clock.</summary>
    public EdgeStack()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Builds the stack from the current stack's config; times in the config are checked against <paramref name="clock"/>.</summary>
    /// <exception cref="SynthesisException">The config breaks a rule; every problem is listed, naming its config key.</exception>
    public EdgeStack(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var config = new Config();
        new StackConfigCheck(config, clock.GetUtcNow(), clock is RecordingClock recording ? recording.Until : null).Run();
        var jwt = config.GetObject<JwtConfig>("jwt")?.Value;
        var entra = config.GetObject<EntraConfig>("entra");
        var location = config.Require("location");
        var environment = config.Require("environment");
        var locked = config.GetBoolean("lockStatefulResources", false).Value;
        var tags = new Dictionary<string, Input<string>> { ["environment"] = environment };

        var resourceGroup = new ResourceGroup("rg", new ResourceGroupArgs
        {
            ResourceGroupName = config.Require("resourceGroupName"),
            Location = location,
            Tags = new InputMap<string> { ["environment"] = environment, ["managedBy"] = "edge-infra" },
        }, new CustomResourceOptions { Protect = locked ? true : null });

        var app = new EdgeFrontedApplication("app", new EdgeFrontedApplicationArgs
        {
            ResourceGroupName = resourceGroup.Name,
            Location = location,
            Tags = tags,
            Lock = locked ? LockSpec.CanNotDelete : LockSpec.None,
            ContractId = config.Require("akamaiContractId"),
            GroupId = config.Require("akamaiGroupId"),
            ProductId = config.Require("akamaiProductId"),
            PropertyName = config.Require("propertyName"),
            Hostnames = config.RequireObject<IReadOnlyList<string>>("hostnames"),
            EdgeHostname = config.Require("edgeHostname"),
            ActivationContacts = config.RequireObject<IReadOnlyList<string>>("activationContacts"),
            ActivationNote = config.Require("activationNote"),
            ActivateProduction = config.GetBoolean("activateProduction", false).Value,
            AcknowledgeProductionRuleWarnings = config.GetBoolean("acknowledgeProductionRuleWarnings")?.Value,
            EdgeCidrs = config.RequireObject<string[]>("edgeCidrs").Value,
            SiteShieldMap = config.Get("siteShieldMap")?.Value,
            EdgeWorkerBundleDirectory = EdgeGatewayBundle,
            Routes = [.. (config.GetObject<RouteConfig[]>("routes")?.Value ?? []).Select(Route)],
            Jwt = jwt is null ? null : Jwt(jwt),
            EntraApi = entra is null ? null : Entra(entra),
            JwtHmacSecret = jwt?.Algorithms?.Contains("HS256") == true ? config.RequireSecret("jwtHmacKey") : null,
            Flavor = Flavor(config.Require("originFlavor").Value),
            AdminSshPublicKey = config.Get("adminSshPublicKey"),
            Regions = [.. config.RequireObject<RegionConfig[]>("regions").Value.Select(Region)],
            VaultName = config.Require("vaultName"),
            OriginSecret = new GeneratedSecretSpec
            {
                ExpiresOn = Date(config, "originSecretExpiresOn"),
                Keepers = new Dictionary<string, Input<string>> { ["rotation"] = config.Require("originSecretRotation") },
            },
            LogRetentionDays = config.RequireInt32("logRetentionDays").Value,
            AlertEmails = (ValidatedInputList<string>?)config.GetObject<IReadOnlyList<string>>("alertEmails") ?? [],
            BackupDailyRetentionDays = config.RequireInt32("backupDailyRetentionDays").Value,
            BackupWeeklyRetentionWeeks = config.GetInt32("backupWeeklyRetentionWeeks")?.Value,
            EdgeLogs = config.GetObject<EdgeLogsConfig>("edgeLogs") is { } logs ? EdgeLogs(logs) : null,
            OriginCaGenerations = config.GetObject<int[]>("originCaGenerations")?.Value ?? [1],
            OriginCaIssuingGeneration = config.GetInt32("originCaIssuingGeneration")?.Value ?? 1,
        });

        ResourceGroupName = resourceGroup.Name;
        EdgeHostname = app.EdgeHostname;
        OriginHostname = app.OriginHostname;
        VaultUri = app.VaultUri;
        WorkspaceId = app.WorkspaceId;
        PropertyStagingVersion = app.PropertyStagingVersion;
        if (app.PropertyProductionVersion is { } productionVersion)
        {
            // Only stacks that activate PRODUCTION have this output.
            RegisterOutputs(new Dictionary<string, object?> { ["propertyProductionVersion"] = productionVersion });
        }

        EdgeWorkerVersion = app.EdgeWorkerVersion;
    }

    /// <summary>The resource group's name.</summary>
    [Output]
    public Output<string> ResourceGroupName { get; }

    /// <summary>The edge hostname to CNAME the served hostnames to.</summary>
    [Output]
    public Output<string> EdgeHostname { get; }

    /// <summary>The first region's origin hostname (the property's default origin).</summary>
    [Output]
    public Output<string> OriginHostname { get; }

    /// <summary>The Key Vault's URI.</summary>
    [Output]
    public Output<string> VaultUri { get; }

    /// <summary>The Log Analytics workspace's resource id.</summary>
    [Output]
    public Output<string> WorkspaceId { get; }

    /// <summary>The property version active on STAGING.</summary>
    [Output]
    public Output<int> PropertyStagingVersion { get; }

    /// <summary>The EdgeWorker version the edge runs.</summary>
    [Output]
    public Output<string> EdgeWorkerVersion { get; }

    private static OriginFlavor Flavor(string value) => value switch
    {
        "nginx" => OriginFlavor.Nginx,
        "kong" => OriginFlavor.Kong,
        "iis" => OriginFlavor.Iis,
        _ => throw new ConfigException("edge-infra:originFlavor", $"'{value}' is not an origin flavor: nginx, kong or iis"),
    };

    private static EdgeGatewayJwt Jwt(JwtConfig jwt) => new()
    {
        Issuer = jwt.Issuer ?? string.Empty,
        Audience = jwt.Audience ?? string.Empty,
        JwksUrl = jwt.JwksUrl,
        Algorithms = jwt.Algorithms ?? ["RS256"],
    };

    private static RouteAccess Route(RouteConfig route) => new()
    {
        PathPrefix = route.PathPrefix ?? string.Empty,
        Scopes = route.Scopes ?? [],
        Roles = route.Roles ?? [],
    };

    /// <summary>
    /// The Entra ID registration <paramref name="config"/> describes. The identifier URI and each client's issuer and
    /// subject only reach resources: they stay references (<c>${entra.clients[0].subject}</c>); a client's name and
    /// roles shape the graph (resource names, assignments) and are copied.
    /// </summary>
    private static EntraApiSpec Entra(ConfigValue<EntraConfig> config)
    {
        var entra = config.Value;
        var clients = entra.Clients ?? [];
        return new EntraApiSpec
        {
            DisplayName = entra.DisplayName is null ? null : config.Property("displayName", e => e.DisplayName!),
            IdentifierUri = entra.IdentifierUri is null ? null : config.Property("identifierUri", e => e.IdentifierUri!),
            Clients = [.. clients.Select((client, i) =>
            {
                var item = config.Property("clients", e => e.Clients!).Item<EntraClientConfig>(i);
                return new EntraWorkloadClient
                {
                    Name = client.Name ?? string.Empty,
                    Issuer = item.Property("issuer", c => c.Issuer ?? string.Empty),
                    Subject = item.Property("subject", c => c.Subject ?? string.Empty),
                    AppRoles = client.Roles ?? [],
                };
            })],
        };
    }

    /// <summary>The region <paramref name="region"/> describes; what it leaves out keeps <see cref="OriginRegionSpec"/>'s defaults.</summary>
    private static OriginRegionSpec Region(RegionConfig region)
    {
        var spec = new OriginRegionSpec
        {
            Name = region.Name ?? string.Empty,
            Location = region.Location ?? string.Empty,
            AddressSpace = region.AddressSpace ?? string.Empty,
            OriginSubnet = region.OriginSubnet ?? string.Empty,
            DomainNameLabel = region.DomainNameLabel ?? string.Empty,
            BackupVaultName = region.BackupVaultName ?? string.Empty,
        };
        return spec with
        {
            VmCount = region.VmCount ?? spec.VmCount,
            Zones = region.Zones ?? spec.Zones,
            VmSize = region.VmSize ?? spec.VmSize,
            Countries = region.Countries ?? spec.Countries,
        };
    }

    /// <summary>The edge logs <paramref name="config"/> describes; the notification emails stay the reference <c>${edgeLogs.notificationEmails}</c>.</summary>
    private static EdgeLogsSpec EdgeLogs(ConfigValue<EdgeLogsConfig> config)
    {
        var logs = config.Value;
        var spec = new EdgeLogsSpec
        {
            StorageAccountName = logs.StorageAccountName ?? string.Empty,
            ContainerName = logs.ContainerName ?? string.Empty,
            NotificationEmails = logs.NotificationEmails is null ? [] : config.Property("notificationEmails", value => value.NotificationEmails ?? []),
        };
        return logs.RetentionDays is { } days ? spec with { RetentionDays = days } : spec;
    }

    private static DateTimeOffset Date(Config config, string key)
    {
        var text = config.Require(key).Value;
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw new ConfigException($"edge-infra:{key}", $"'{text}' is not a UTC time: yyyy-MM-ddTHH:mm:ssZ, e.g. 2027-06-30T00:00:00Z");
    }
}
