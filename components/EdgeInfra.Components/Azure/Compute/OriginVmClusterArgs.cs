namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The arguments of an <see cref="OriginVmCluster"/>: how many VMs of which <see cref="Flavor"/>, in which subnet and
/// zones, behind which DNS label, and where the per-environment origin secret lives in Key Vault. Every default is the
/// stricter of the usual choices; <see cref="AzureComponentArgs.RoleAssignments"/> are granted on each VM and
/// <see cref="AzureComponentArgs.Lock"/> guards the VMs, the public IP and the Windows admin password.
/// </summary>
public sealed class OriginVmClusterArgs : AzureComponentArgs
{
    /// <summary>What the VMs run: <see cref="OriginFlavor.Nginx"/>, <see cref="OriginFlavor.Kong"/> (Linux) or <see cref="OriginFlavor.Iis"/> (Windows). Required.</summary>
    public required OriginFlavor Flavor { get; init; }

    /// <summary>The resource id of the subnet every VM's network interface goes in. Required.</summary>
    public required Input<string> SubnetId { get; init; }

    /// <summary>
    /// The DNS label of the load balancer's public IP: 3 to 63 lowercase letters, digits and hyphens, starting with a
    /// letter and ending with a letter or digit. The label is scoped to the tenant (<c>TenantReuse</c>), so the origin
    /// hostname is <c>{label}-{hash}.{region}.cloudapp.azure.com</c> and cannot be taken over by another tenant once
    /// released; read it from <see cref="OriginVmCluster.OriginHostname"/>. Required.
    /// </summary>
    public required string DomainNameLabel { get; init; }

    /// <summary>The resource id of the Key Vault holding the origin secret; the cluster's identity is granted <c>Key Vault Secrets User</c> on it. Required.</summary>
    public required Input<string> KeyVaultId { get; init; }

    /// <summary>The URI of that Key Vault, ending with <c>/</c> (e.g. <c>https://kv-app.vault.azure.net/</c>); the VMs read the origin secret from it at boot. Required.</summary>
    public required Input<string> KeyVaultUri { get; init; }

    /// <summary>
    /// The name of the Key Vault secret the edge presents in <see cref="OriginAuthHeaderName"/> (1 to 127 letters, digits
    /// and hyphens). Its value must be 16 or more characters of letters, digits and <c>. _ + / = -</c> (hex, base64 or
    /// base64url); a VM that reads anything else refuses to serve. Required.
    /// </summary>
    public required string OriginSecretName { get; init; }

    /// <summary>
    /// Where the cluster's identity is granted <c>Key Vault Secrets User</c>: null means the whole vault
    /// (<see cref="KeyVaultId"/>); the resource id of the origin secret (e.g. <c>GeneratedSecret.Secret.Id</c>) grants
    /// it on that one secret only, the least privilege the VMs need. Default: null.
    /// </summary>
    public Input<string>? OriginSecretScope { get; init; }

    /// <summary>The number of VMs, 1 to 10, spread round-robin over <see cref="Zones"/>. Default: 2 (one per zone in two zones, so a zone can fail).</summary>
    public int Count { get; init; } = 2;

    /// <summary>The availability zones the VMs are spread over (round-robin), each "1", "2" or "3", no repeats; the public IP is in the same zones. Default: ["1", "2", "3"].</summary>
    public IReadOnlyList<string> Zones { get; init; } = ["1", "2", "3"];

    /// <summary>The VM size, starting with <c>Standard_</c>; it must support premium storage, encryption at host and Trusted Launch. Default: <c>Standard_D2s_v5</c>.</summary>
    public string VmSize { get; init; } = "Standard_D2s_v5";

    /// <summary>The storage type of each VM's managed OS disk: Premium_LRS, Premium_ZRS, StandardSSD_LRS, StandardSSD_ZRS or Standard_LRS. Default: <c>Premium_LRS</c>.</summary>
    public string OsDiskType { get; init; } = "Premium_LRS";

    /// <summary>The administrator's user name: 1 to 20 lowercase letters, digits, hyphens or underscores, starting with a letter, not a name Azure reserves (admin, root, …). Default: <c>originadmin</c>.</summary>
    public string AdminUsername { get; init; } = "originadmin";

    /// <summary>
    /// The administrator's SSH public key (<c>ssh-rsa</c>, <c>ssh-ed25519</c> or <c>ecdsa-sha2-*</c>), the only way to sign
    /// in to a Linux VM (password authentication is disabled). Required for <see cref="OriginFlavor.Nginx"/> and
    /// <see cref="OriginFlavor.Kong"/>; not accepted for <see cref="OriginFlavor.Iis"/>. Default: null.
    /// </summary>
    public ValidatedInput<string>? AdminSshPublicKey { get; init; }

    /// <summary>
    /// The name of the Key Vault (the one <see cref="KeyVaultId"/> names) that stores the generated Windows admin
    /// password. Required for <see cref="OriginFlavor.Iis"/>; not accepted for the Linux flavors. Default: null.
    /// </summary>
    public Input<string>? KeyVaultName { get; init; }

    /// <summary>The resource group of that Key Vault; only for <see cref="OriginFlavor.Iis"/>. Default: null, meaning <see cref="AzureComponentArgs.ResourceGroupName"/>.</summary>
    public Input<string>? KeyVaultResourceGroupName { get; init; }

    /// <summary>The name of the Key Vault secret that stores the generated Windows admin password; only for <see cref="OriginFlavor.Iis"/>. Default: null, meaning <c>{component name}-admin-password</c>.</summary>
    public string? AdminPasswordSecretName { get; init; }

    /// <summary>The request header that carries the origin secret: 1 to 64 letters, digits and hyphens, starting with a letter. Default: <c>X-Origin-Auth</c>.</summary>
    public string OriginAuthHeaderName { get; init; } = "X-Origin-Auth";

    /// <summary>
    /// Where nginx or Kong forwards verified requests: an absolute <c>http://</c> or <c>https://</c> URL (the application
    /// on the VM). Only for the Linux flavors; IIS serves its own site. Default: null, meaning <c>http://127.0.0.1:8080</c>.
    /// </summary>
    public string? UpstreamUrl { get; init; }

    /// <summary>
    /// The Key Vault secret (in the vault of <see cref="KeyVaultUri"/>) that holds the origin's server certificate, its
    /// CA certificate and its key as PEM, e.g. issued for <see cref="OriginVmCluster.OriginHostname"/> by
    /// <see cref="OriginCertificateAuthority.IssueServerCertificate"/>. The VMs read it with the cluster identity at boot
    /// (retrying for 15 minutes while it and its role assignment appear) and every minute after; whoever stores it grants
    /// the identity <see cref="BuiltInRole.KeyVaultSecretsUser"/> on it. nginx and Kong serve it as PEM files; IIS builds
    /// a certificate with its key in the machine store from it. Required for every flavor: none makes a self-signed
    /// certificate, which an edge that verifies its origin refuses. Default: null (reported as missing).
    /// </summary>
    public string? TlsCertificateSecretName { get; init; }

    /// <summary>
    /// How the origins know the edge by its TLS client certificate (mutual TLS, on top of the origin secret header):
    /// with it every flavor refuses a connection whose client certificate does not chain to the CAs in
    /// <see cref="EdgeClientCertificateTrust.CaSecretName"/> or does not carry <see cref="EdgeClientCertificateTrust.CommonName"/>.
    /// The identity must be allowed to read that secret (<c>EdgeFrontedApplication</c> grants it). Default: null (the
    /// origin secret header alone).
    /// </summary>
    public EdgeClientCertificateTrust? EdgeClientCertificate { get; init; }

    /// <summary>
    /// Who may call which paths (<see cref="RouteAccess"/>, the declaration the edge gateway enforces too): every flavor
    /// answers 403 to a request whose path falls under a route (the longest matching <see cref="RouteAccess.PathPrefix"/>)
    /// that lists roles when its <c>X-Edge-Roles</c> header (header schema 2) holds none of them, and logs it with the
    /// tag <c>edge-origin-role-denied</c>: a second line of defence behind the edge. Scopes are the edge's to check (see
    /// the origin section of the README). Each prefix is <c>/</c> or <c>/</c>-separated segments of letters, digits and
    /// <c>. _ ~ -</c> (not <c>.</c> or <c>..</c>, no trailing <c>/</c>), given once; role and scope names are 1 to 120
    /// letters, digits and <c>. _ - :</c>. Default: none.
    /// </summary>
    public IReadOnlyList<RouteAccess> Routes { get; init; } = [];

    /// <summary>
    /// Whether the load balancer gets an explicit outbound rule (SNAT through its public IP, 1024 ports per VM), so the
    /// VMs reach package repositories and Key Vault at boot; the load-balancing rule itself never SNATs outbound
    /// traffic. Set false when the subnet has a NAT gateway. Default: true.
    /// </summary>
    public bool OutboundThroughLoadBalancer { get; init; } = true;

    /// <summary>
    /// The prefix of the VMs' computer names, which are <c>{prefix}-{n}</c>: lowercase letters, digits and hyphens,
    /// starting with a letter, at most 12 characters for <see cref="OriginFlavor.Iis"/> (Windows computer names have at
    /// most 15) and 50 for Linux. Default: null, meaning the component's name.
    /// </summary>
    public string? ComputerNamePrefix { get; init; }
}
