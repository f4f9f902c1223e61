using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>Arguments for origin clusters in tests: the required inputs, and every knob one at a time.</summary>
internal static class OriginVmClusterFixtures
{
    public const string SubnetId = "/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/origin";
    public const string KeyVaultId = "/subscriptions/s/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-app";
    public const string KeyVaultUri = "https://kv-app.vault.azure.net/";
    public const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9yaWdpbi1hZG1pbi1rZXktZm9yLXRlc3Rz ops@example";
    public const string WorkspaceId = "/subscriptions/s/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/logs";

    /// <summary>Stands for "what the flavor needs": an SSH key for Linux, none for Iis (and the reverse for the vault name).</summary>
    public const string Auto = "<auto>";

    /// <summary>How the edge's client certificate is known in the tests that turn edge mTLS on.</summary>
    public static readonly EdgeClientCertificateTrust EdgeClient = new() { CaSecretName = "edge-client-ca", CommonName = "shop.prod-origin-client" };

    /// <summary>
    /// Routes whose roles every flavor's tests enforce: nested prefixes (a scopes-only route opening part of a restricted
    /// one, and a stricter route inside that), role names and a prefix with dots (escaped in regular expressions), and a
    /// prefix that differs from another only after it ends (<c>/orders</c> must not cover <c>/ordersx</c>).
    /// </summary>
    public static readonly IReadOnlyList<RouteAccess> Routes =
    [
        new() { PathPrefix = "/orders", Scopes = ["orders.read"], Roles = ["Orders.Reader", "Orders.Admin"] },
        new() { PathPrefix = "/orders/public", Scopes = ["orders.read"] },
        new() { PathPrefix = "/orders/public/admin", Roles = ["Orders.Admin"] },
        new() { PathPrefix = "/reports.v1", Roles = ["api:reports-reader_2"] },
    ];

    /// <summary>Only the required inputs (and the SSH key or vault name the flavor needs), with edge mTLS when <paramref name="edgeClient"/> is given and the routes given.</summary>
    public static OriginVmClusterArgs Defaults(OriginFlavor flavor, EdgeClientCertificateTrust? edgeClient = null, IReadOnlyList<RouteAccess>? routes = null) => new()
    {
        ResourceGroupName = "rg-origin",
        Location = "westeurope",
        Flavor = flavor,
        SubnetId = SubnetId,
        DomainNameLabel = "origin-label",
        KeyVaultId = KeyVaultId,
        KeyVaultUri = KeyVaultUri,
        OriginSecretName = "origin-secret",
        AdminSshPublicKey = flavor == OriginFlavor.Iis ? null : SshKey,
        KeyVaultName = flavor == OriginFlavor.Iis ? (Input<string>)"kv-app" : null,
        TlsCertificateSecretName = TlsSecret,
        EdgeClientCertificate = edgeClient,
        Routes = routes ?? [],
    };

    /// <summary>The Key Vault secret of the server certificate, which every flavor needs.</summary>
    public const string TlsSecret = "origin-tls";

    /// <summary>The required inputs plus the knobs given; the other knobs keep valid values.</summary>
    public static OriginVmClusterArgs With(
        OriginFlavor flavor = OriginFlavor.Nginx,
        int count = 2,
        IReadOnlyList<string>? zones = null,
        string vmSize = "Standard_D2s_v5",
        string osDiskType = "Premium_LRS",
        string domainNameLabel = "origin-label",
        string originSecretName = "origin-secret",
        string adminUsername = "originadmin",
        string? adminSshPublicKey = Auto,
        string? keyVaultName = Auto,
        string? keyVaultResourceGroupName = null,
        string? adminPasswordSecretName = null,
        string originAuthHeaderName = "X-Origin-Auth",
        string? upstreamUrl = null,
        string? computerNamePrefix = null,
        IReadOnlyList<RoleAssignmentSpec>? roleAssignments = null,
        string? tlsCertificateSecretName = TlsSecret) => new()
    {
        ResourceGroupName = "rg-origin",
        Location = "westeurope",
        Flavor = flavor,
        SubnetId = SubnetId,
        DomainNameLabel = domainNameLabel,
        KeyVaultId = KeyVaultId,
        KeyVaultUri = KeyVaultUri,
        OriginSecretName = originSecretName,
        Count = count,
        Zones = zones ?? ["1", "2", "3"],
        VmSize = vmSize,
        OsDiskType = osDiskType,
        AdminUsername = adminUsername,
        AdminSshPublicKey = adminSshPublicKey == Auto ? (flavor == OriginFlavor.Iis ? null : SshKey) : adminSshPublicKey,
        KeyVaultName = keyVaultName == Auto ? (flavor == OriginFlavor.Iis ? (Input<string>)"kv-app" : null) : keyVaultName is null ? null : (Input<string>)keyVaultName,
        KeyVaultResourceGroupName = keyVaultResourceGroupName is null ? null : (Input<string>)keyVaultResourceGroupName,
        AdminPasswordSecretName = adminPasswordSecretName,
        OriginAuthHeaderName = originAuthHeaderName,
        UpstreamUrl = upstreamUrl,
        ComputerNamePrefix = computerNamePrefix,
        RoleAssignments = roleAssignments ?? [],
        TlsCertificateSecretName = tlsCertificateSecretName,
    };

    /// <summary>Every knob set: four Nginx VMs over two zones, locked, with diagnostics, role assignments and tags.</summary>
    public static OriginVmClusterArgs FullNginx() => new()
    {
        ResourceGroupName = "rg-origin",
        Location = "westeurope",
        Flavor = OriginFlavor.Nginx,
        SubnetId = SubnetId,
        DomainNameLabel = "shop-origin-prod",
        KeyVaultId = KeyVaultId,
        KeyVaultUri = KeyVaultUri,
        OriginSecretName = "edge-origin-token",
        Count = 4,
        Zones = ["1", "3"],
        VmSize = "Standard_D4s_v5",
        OsDiskType = "Premium_ZRS",
        AdminUsername = "shopops",
        AdminSshPublicKey = SshKey,
        OriginAuthHeaderName = "X-Edge-Key",
        UpstreamUrl = "http://127.0.0.1:5000",
        TlsCertificateSecretName = "shop-origin-tls",
        ComputerNamePrefix = "shop",
        OutboundThroughLoadBalancer = false,
        Tags = new Dictionary<string, Input<string>> { ["environment"] = "prod" },
        Lock = LockSpec.CanNotDelete,
        DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = WorkspaceId },
        RoleAssignments = [new RoleAssignmentSpec { Name = "ops-read", Role = BuiltInRole.Reader, PrincipalId = "group-ops", PrincipalType = "Group" }],
    };

    /// <summary>Every Windows knob set: three IIS VMs, the password secret in another resource group under a chosen name.</summary>
    public static OriginVmClusterArgs FullIis() => new()
    {
        ResourceGroupName = "rg-origin",
        Location = "westeurope",
        Flavor = OriginFlavor.Iis,
        SubnetId = SubnetId,
        DomainNameLabel = "shop-iis-prod",
        KeyVaultId = KeyVaultId,
        KeyVaultUri = KeyVaultUri,
        OriginSecretName = "edge-origin-token",
        Count = 3,
        VmSize = "Standard_D4s_v5",
        KeyVaultName = "kv-app",
        KeyVaultResourceGroupName = "rg-sec",
        AdminPasswordSecretName = "shop-iis-admin",
        TlsCertificateSecretName = "shop-iis-tls",
        ComputerNamePrefix = "shopiis",
        Lock = LockSpec.CanNotDelete,
        DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = WorkspaceId, LogCategoryGroups = ["audit"], Metrics = false },
    };
}
