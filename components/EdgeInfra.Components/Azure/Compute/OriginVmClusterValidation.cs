using System.Globalization;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Azure.Compute;

/// <summary>Checks the arguments of an <see cref="OriginVmCluster"/> and reports every problem at once, before anything is created.</summary>
internal static partial class OriginVmClusterValidation
{
    private static readonly char[] ShellSpecial = ['$', '`', '\\', ';', '"', '\'', '{', '}'];

    public const int MinCount = 1;
    public const int MaxCount = 10;
    public const int MaxWindowsComputerNamePrefix = 12;
    public const int MaxLinuxComputerNamePrefix = 50;

    public static readonly IReadOnlyList<string> AvailabilityZones = ["1", "2", "3"];

    public static readonly IReadOnlyList<string> OsDiskTypes = ["Premium_LRS", "Premium_ZRS", "StandardSSD_LRS", "StandardSSD_ZRS", "Standard_LRS"];

    /// <summary>User names Azure refuses for a VM's administrator.</summary>
    public static readonly IReadOnlySet<string> ReservedUserNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "1", "123", "a", "actuser", "adm", "admin", "admin1", "admin2", "administrator", "aspnet", "backup", "console",
        "david", "guest", "john", "owner", "root", "server", "sql", "support", "support_388945a0", "sys", "test", "test1",
        "test2", "test3", "user", "user1", "user2", "user3", "user4", "user5",
    };

    /// <summary>Throws a <see cref="SynthesisException"/> listing every problem of <paramref name="args"/>, if any.</summary>
    public static void Validate(string name, OriginVmClusterArgs args)
    {
        var errors = new ComponentErrors(OriginVmCluster.TypeToken, name);
        var flavorKnown = Enum.IsDefined(args.Flavor);
        var windows = args.Flavor == OriginFlavor.Iis;

        if (!ValidationPatterns.ClusterName().IsMatch(name))
        {
            errors.Add("name", $"'{name}' is not a valid cluster name: 1 to 50 characters, letters, digits and hyphens, starting with a letter and ending with a letter or digit (it names the load balancer)");
        }

        if (!flavorKnown)
        {
            errors.Add("flavor", $"'{args.Flavor}' is not a flavor: Nginx, Kong or Iis");
        }

        if (args.Count is < MinCount or > MaxCount)
        {
            errors.Add("count", $"{args.Count.ToString(CultureInfo.InvariantCulture)} is out of range: a cluster has {MinCount} to {MaxCount} VMs");
        }

        ValidateZones(args.Zones, errors);

        if (string.IsNullOrWhiteSpace(args.VmSize))
        {
            errors.Add("vmSize", $"'{args.VmSize}' is empty: give a VM size such as Standard_D2s_v5");
        }
        else if (!args.VmSize.StartsWith("Standard_", StringComparison.Ordinal))
        {
            errors.Add("vmSize", $"'{args.VmSize}' does not start with 'Standard_': VM sizes are named like Standard_D2s_v5");
        }

        if (!OsDiskTypes.Contains(args.OsDiskType))
        {
            errors.Add("osDiskType", $"'{args.OsDiskType}' is not an OS disk type: {string.Join(", ", OsDiskTypes)}");
        }

        if (!ValidationPatterns.DnsLabel().IsMatch(args.DomainNameLabel ?? string.Empty))
        {
            errors.Add("domainNameLabel", $"'{args.DomainNameLabel}' is not a valid DNS label: 3 to 63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit");
        }

        if (!ValidationPatterns.KeyVaultSecretName().IsMatch(args.OriginSecretName ?? string.Empty))
        {
            errors.Add("originSecretName", $"'{args.OriginSecretName}' is not a valid Key Vault secret name: 1 to 127 letters, digits and hyphens");
        }

        if (args.TlsCertificateSecretName is null)
        {
            errors.Add("tlsCertificateSecretName", "missing: every origin (nginx, Kong and IIS) serves a certificate the stack issues and stores in Key Vault (OriginCertificateAuthority.IssueServerCertificate), never a self-signed one the edge would refuse; give the name of that Key Vault secret");
        }
        else if (!ValidationPatterns.KeyVaultSecretName().IsMatch(args.TlsCertificateSecretName))
        {
            errors.Add("tlsCertificateSecretName", $"'{args.TlsCertificateSecretName}' is not a valid Key Vault secret name: 1 to 127 letters, digits and hyphens");
        }

        if (args.EdgeClientCertificate is { } edgeClient)
        {
            if (!ValidationPatterns.KeyVaultSecretName().IsMatch(edgeClient.CaSecretName ?? string.Empty))
            {
                errors.Add("edgeClientCertificate.caSecretName", $"'{edgeClient.CaSecretName}' is not a valid Key Vault secret name: 1 to 127 letters, digits and hyphens");
            }

            if (!ValidationPatterns.DottedName64().IsMatch(edgeClient.CommonName?.Value ?? string.Empty))
            {
                errors.Add("edgeClientCertificate.commonName", $"'{edgeClient.CommonName?.Value}' is not a client certificate name the origins can match: 1 to 64 letters, digits, '.', '_' and '-'");
            }
        }

        if (!ValidationPatterns.OriginHeaderName().IsMatch(args.OriginAuthHeaderName ?? string.Empty))
        {
            errors.Add("originAuthHeaderName", $"'{args.OriginAuthHeaderName}' is not a valid header name: 1 to 64 letters, digits and hyphens, starting with a letter (HTTP token characters that nginx, Kong and IIS all accept)");
        }

        if (ReservedUserNames.Contains(args.AdminUsername ?? string.Empty))
        {
            errors.Add("adminUsername", $"'{args.AdminUsername}' is reserved by Azure: choose another administrator name");
        }
        else if (!ValidationPatterns.AdminUserName().IsMatch(args.AdminUsername ?? string.Empty))
        {
            errors.Add("adminUsername", $"'{args.AdminUsername}' is not a valid administrator name: 1 to 20 lowercase letters, digits, hyphens or underscores, starting with a letter");
        }

        ValidateComputerNamePrefix(name, args, windows, errors);

        if (flavorKnown)
        {
            if (windows)
            {
                ValidateWindowsOnly(args, errors);
            }
            else
            {
                ValidateLinuxOnly(args, errors);
            }
        }

        OriginRouteValidation.Check(args.Routes, windows, errors);
        ValidateRoleAssignments(args.RoleAssignments, errors);
        Monitoring.DiagnosticSettings.Check(args.DiagnosticSettings, errors);
        ManagementLocks.Check(args.Lock, errors);
        ManagedIdentityBlock.Check(args.ManagedIdentities, errors);
        errors.ThrowIfAny();
    }

    /// <summary>The computer-name prefix the VMs get: <see cref="OriginVmClusterArgs.ComputerNamePrefix"/>, or the component's name in lowercase.</summary>
    public static string ComputerNamePrefix(string name, OriginVmClusterArgs args) => args.ComputerNamePrefix ?? name.ToLowerInvariant();

    private static void ValidateZones(IReadOnlyList<string> zones, ComponentErrors errors)
    {
        if (zones is null || zones.Count == 0)
        {
            errors.Add("zones", "[] is empty: give at least one availability zone (\"1\", \"2\" or \"3\")");
            return;
        }

        for (var index = 0; index < zones.Count; index++)
        {
            var property = $"zones[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (!AvailabilityZones.Contains(zones[index]))
            {
                errors.Add(property, $"'{zones[index]}' is not an availability zone: zones are \"1\", \"2\" or \"3\"");
            }
            else if (zones.Take(index).Contains(zones[index]))
            {
                errors.Add(property, $"'{zones[index]}' is listed twice: give each zone at most once");
            }
        }
    }

    private static void ValidateComputerNamePrefix(string name, OriginVmClusterArgs args, bool windows, ComponentErrors errors)
    {
        var prefix = ComputerNamePrefix(name, args);
        var source = args.ComputerNamePrefix is null ? " (the component's name, by default)" : string.Empty;
        var maxLength = windows ? MaxWindowsComputerNamePrefix : MaxLinuxComputerNamePrefix;
        if (!ValidationPatterns.ComputerNamePrefix().IsMatch(prefix))
        {
            errors.Add("computerNamePrefix", $"'{prefix}'{source} is not a valid computer name prefix: lowercase letters, digits and hyphens, starting with a letter");
        }
        else if (prefix.Length > maxLength)
        {
            var reason = windows
                ? "Windows computer names ({prefix}-{n}) have at most 15 characters"
                : "Linux computer names ({prefix}-{n}) are kept under 64 characters";
            errors.Add("computerNamePrefix", $"'{prefix}'{source} is longer than {maxLength.ToString(CultureInfo.InvariantCulture)} characters: {reason}");
        }
    }

    private static void ValidateWindowsOnly(OriginVmClusterArgs args, ComponentErrors errors)
    {
        if (args.AdminSshPublicKey is not null)
        {
            errors.Add("adminSshPublicKey", $"'{Shorten(args.AdminSshPublicKey.Value)}' is not accepted for the Iis flavor: Windows VMs sign in with the generated admin password stored in Key Vault; remove it");
        }

        if (args.KeyVaultName is null)
        {
            errors.Add("keyVaultName", "missing: the Iis flavor stores its generated admin password in Key Vault and needs the vault's name");
        }

        if (args.AdminPasswordSecretName is { } secretName && !ValidationPatterns.KeyVaultSecretName().IsMatch(secretName))
        {
            errors.Add("adminPasswordSecretName", $"'{secretName}' is not a valid Key Vault secret name: 1 to 127 letters, digits and hyphens");
        }

        if (args.UpstreamUrl is not null)
        {
            errors.Add("upstreamUrl", $"'{args.UpstreamUrl}' is not accepted for the Iis flavor: IIS serves its own site; remove it");
        }
    }

    private static void ValidateLinuxOnly(OriginVmClusterArgs args, ComponentErrors errors)
    {
        var flavor = args.Flavor.ToString();
        if (args.AdminSshPublicKey is null)
        {
            errors.Add("adminSshPublicKey", $"missing: the {flavor} flavor runs Linux, where the administrator signs in with an SSH key only (password authentication is disabled)");
        }
        else if (!ValidationPatterns.SshPublicKey().IsMatch(args.AdminSshPublicKey.Value))
        {
            errors.Add("adminSshPublicKey", $"'{Shorten(args.AdminSshPublicKey.Value)}' is not an SSH public key: expected 'ssh-rsa', 'ssh-ed25519' or 'ecdsa-sha2-nistp256/384/521', a space, then the base64 key (starting 'AAAA'), and an optional comment");
        }

        if (args.KeyVaultName is not null)
        {
            errors.Add("keyVaultName", $"given for the {flavor} flavor: only Iis stores an admin password in Key Vault; remove it");
        }

        if (args.KeyVaultResourceGroupName is not null)
        {
            errors.Add("keyVaultResourceGroupName", $"given for the {flavor} flavor: only Iis stores an admin password in Key Vault; remove it");
        }

        if (args.AdminPasswordSecretName is not null)
        {
            errors.Add("adminPasswordSecretName", $"'{args.AdminPasswordSecretName}' is given for the {flavor} flavor: only Iis stores an admin password in Key Vault; remove it");
        }

        if (args.UpstreamUrl is { } upstream
            && !(Uri.TryCreate(upstream, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !upstream.Any(char.IsWhiteSpace) && upstream.IndexOfAny(ShellSpecial) < 0))
        {
            errors.Add("upstreamUrl", $"'{upstream}' is not an absolute http:// or https:// URL without spaces, quotes, braces or $ ` \\ ; (it is written into the boot script and the server config)");
        }
    }

    private static void ValidateRoleAssignments(IReadOnlyList<RoleAssignmentSpec> assignments, ComponentErrors errors)
    {
        for (var index = 0; index < (assignments?.Count ?? 0); index++)
        {
            var assignmentName = assignments![index].Name;
            var property = $"roleAssignments[{index.ToString(CultureInfo.InvariantCulture)}].name";
            if (!LogicalNames.IsValid(assignmentName))
            {
                errors.Add(property, $"'{assignmentName}' cannot name a role assignment: {LogicalNames.Rule}");
            }
            else if (assignments.Take(index).Any(a => a.Name == assignmentName))
            {
                errors.Add(property, $"'{assignmentName}' is used twice: role assignment names are unique within the component");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : string.Concat(text.AsSpan(0, 24), "…");
}
