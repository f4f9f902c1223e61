using System.Text.RegularExpressions;

namespace EdgeInfra.Components.Common;

/// <summary>
/// Every pattern the components validate names, identifiers and addresses with, in one place. Each is anchored with
/// <c>^</c> and <c>\z</c>: in .NET <c>$</c> also matches before a final <c>\n</c>, so <c>"name\n"</c> would pass a
/// <c>$</c>-anchored pattern and reach the program. The error messages stay with the checks that use them.
/// </summary>
internal static partial class ValidationPatterns
{
    // Shared by several components.

    /// <summary>An email address: a local part, <c>@</c> and a domain with a dot, no spaces, no trailing dot.</summary>
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+\z")]
    public static partial Regex Email();

    /// <summary>An HTTP header name: an RFC 9110 token (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</summary>
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\z")]
    public static partial Regex HttpHeaderName();

    /// <summary>An Akamai property (user) variable: <c>PMUSER_</c> and upper-case letters, digits and underscores.</summary>
    [GeneratedRegex(@"^PMUSER_[A-Z0-9_]+\z")]
    public static partial Regex PropertyVariableName();

    /// <summary>An ISO 3166-1 alpha-2 country code in upper case.</summary>
    [GeneratedRegex(@"^[A-Z]{2}\z")]
    public static partial Regex CountryCode();

    /// <summary>Letters, digits, <c>.</c>, <c>_</c> and <c>-</c> (identifiers, versions).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.-]+\z")]
    public static partial Regex DottedName();

    /// <summary>1 to 64 letters, digits, <c>.</c>, <c>_</c> and <c>-</c> (query parameter names, client certificate names).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,64}\z")]
    public static partial Regex DottedName64();

    /// <summary>A Key Vault secret name as Azure accepts it: 1 to 127 letters, digits and hyphens.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9-]{1,127}\z")]
    public static partial Regex KeyVaultSecretName();

    /// <summary>A Key Vault secret name the library creates: as <see cref="KeyVaultSecretName"/>, starting with a letter.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{0,126}\z")]
    public static partial Regex NewKeyVaultSecretName();

    /// <summary>A Key Vault name: 3 to 24 letters, digits and hyphens, starting with a letter, ending with a letter or digit.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]\z")]
    public static partial Regex KeyVaultName();

    // Akamai.

    /// <summary>One label of a hostname: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\z")]
    public static partial Regex HostnameLabel();

    /// <summary>An Akamai contract id: <c>ctr_</c> and letters, digits and hyphens.</summary>
    [GeneratedRegex(@"^ctr_[A-Za-z0-9-]+\z")]
    public static partial Regex ContractId();

    /// <summary>An Akamai group id: <c>grp_</c> and digits.</summary>
    [GeneratedRegex(@"^grp_[0-9]+\z")]
    public static partial Regex GroupId();

    /// <summary>An Akamai group id whose number fits an <see cref="int"/>: <c>grp_</c> and 1 to 9 digits.</summary>
    [GeneratedRegex(@"^grp_[0-9]{1,9}\z")]
    public static partial Regex GroupIdInt32();

    /// <summary>An Akamai product id: <c>prd_</c> and letters, digits and underscores.</summary>
    [GeneratedRegex(@"^prd_[A-Za-z0-9_]+\z")]
    public static partial Regex ProductId();

    /// <summary>An Akamai property name: 1 to 85 letters, digits, <c>.</c>, <c>_</c> and <c>-</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,85}\z")]
    public static partial Regex PropertyName();

    /// <summary>A client CA set name: 3 to 64 letters, digits, <c>.</c>, <c>_</c> and <c>-</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.-]{3,64}\z")]
    public static partial Regex ClientCaSetName();

    /// <summary>A rule tree time to live: digits and a unit (<c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>).</summary>
    [GeneratedRegex(@"^[0-9]+[smhd]\z")]
    public static partial Regex Ttl();

    /// <summary>A CP code id, with or without <c>cpc_</c>.</summary>
    [GeneratedRegex(@"^(cpc_)?[1-9][0-9]*\z")]
    public static partial Regex CpCodeId();

    /// <summary>One or more digits.</summary>
    [GeneratedRegex(@"^[0-9]+\z")]
    public static partial Regex Digits();

    /// <summary>An upper-case constant: a letter, then upper-case letters, digits and underscores.</summary>
    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*\z")]
    public static partial Regex ConstantName();

    /// <summary>A deny reason: 1 to 64 letters, digits, <c>_</c> and <c>-</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    public static partial Regex DenyReason();

    /// <summary>A conditional origin id: 1 to 64 letters, digits and underscores.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_]{1,64}\z")]
    public static partial Regex ConditionalOriginId();

    /// <summary>An https URL with a host and an optional path, no spaces or credentials.</summary>
    [GeneratedRegex(@"^https://[^\s/?#@]+(/\S*)?\z")]
    public static partial Regex HttpsUrl();

    /// <summary>A path prefix: <c>/</c> and no spaces, query or fragment.</summary>
    [GeneratedRegex(@"^/[^\s?#]*\z")]
    public static partial Regex PathPrefix();

    /// <summary>An Azure storage account name: 3 to 24 lower-case letters and digits.</summary>
    [GeneratedRegex(@"^[a-z0-9]{3,24}\z")]
    public static partial Regex StorageAccountName();

    /// <summary>A blob container name: 3 to 63 lower-case letters, digits and hyphens, not starting or ending with a hyphen.</summary>
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\z")]
    public static partial Regex BlobContainerName();

    // Azure.

    /// <summary>A virtual network name: 2 to 64 letters, digits, <c>_</c>, <c>.</c> and <c>-</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]\z")]
    public static partial Regex VirtualNetworkName();

    /// <summary>A subnet name: 1 to 80 letters, digits, <c>_</c> and <c>-</c>, starting with a letter.</summary>
    [GeneratedRegex(@"^[A-Za-z]([A-Za-z0-9_-]{0,78}[A-Za-z0-9_])?\z")]
    public static partial Regex SubnetName();

    /// <summary>A network security rule name: 1 to 80 letters, digits, <c>_</c>, <c>.</c> and <c>-</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?\z")]
    public static partial Regex SecurityRuleName();

    /// <summary>An Azure service tag such as <c>AzureCloud.westeurope</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*\z")]
    public static partial Regex ServiceTag();

    /// <summary>A VM cluster name: 1 to 50 letters, digits and hyphens, starting with a letter.</summary>
    [GeneratedRegex(@"^[A-Za-z]([A-Za-z0-9-]{0,48}[A-Za-z0-9])?\z")]
    public static partial Regex ClusterName();

    /// <summary>A public IP DNS label: 3 to 63 lower-case letters, digits and hyphens, starting with a letter.</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9-]{1,61}[a-z0-9]\z")]
    public static partial Regex DnsLabel();

    /// <summary>A header name nginx, Kong and IIS all accept: 1 to 64 letters, digits and hyphens, starting with a letter.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{0,63}\z")]
    public static partial Regex OriginHeaderName();

    /// <summary>A VM admin user name: 1 to 20 lower-case letters, digits, <c>_</c> and <c>-</c>, starting with a letter.</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,19}\z")]
    public static partial Regex AdminUserName();

    /// <summary>A computer name prefix: lower-case letters, digits and hyphens, starting with a letter.</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9-]*\z")]
    public static partial Regex ComputerNamePrefix();

    /// <summary>An OpenSSH public key line: type, base64 key and an optional one-line comment.</summary>
    [GeneratedRegex(@"^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)) AAAA[A-Za-z0-9+/]+={0,3}( [^\r\n]*)?\z")]
    public static partial Regex SshPublicKey();

    /// <summary>A Recovery Services vault name: 2 to 50 letters, digits and hyphens, starting with a letter.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{1,49}\z")]
    public static partial Regex RecoveryVaultName();

    /// <summary>A backup policy name: 3 to 150 letters, digits and hyphens, starting with a letter.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{2,149}\z")]
    public static partial Regex BackupPolicyName();

    /// <summary>A backup time of day: <c>HH:00</c> or <c>HH:30</c>.</summary>
    [GeneratedRegex(@"^([01][0-9]|2[0-3]):(00|30)\z")]
    public static partial Regex BackupTime();

    /// <summary>A management lock name: letters, digits, <c>.</c>, <c>_</c>, <c>(</c>, <c>)</c> and <c>-</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9._()-]+\z")]
    public static partial Regex LockName();

    // Application.

    /// <summary>A URL path prefix of one or more non-empty unreserved segments.</summary>
    [GeneratedRegex(@"^(/[A-Za-z0-9._~-]+)+\z")]
    public static partial Regex UrlPathPrefix();

    /// <summary>A scope or app role name of a route: 1 to 120 letters, digits, <c>.</c>, <c>_</c>, <c>-</c> and <c>:</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,120}\z")]
    public static partial Regex AccessName();

    /// <summary>A relay path: <c>/</c> and up to 199 unreserved characters and slashes.</summary>
    [GeneratedRegex(@"^/[A-Za-z0-9._~/-]{0,199}\z")]
    public static partial Regex RelayPath();

    /// <summary>A region short name: a lower-case letter and up to 11 lower-case letters and digits.</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9]{0,11}\z")]
    public static partial Regex RegionName();
}
