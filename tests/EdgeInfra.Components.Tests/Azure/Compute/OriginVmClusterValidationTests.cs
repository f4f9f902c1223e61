using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterFixtures;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Compute;

public sealed class OriginVmClusterValidationTests
{
    private const string Subject = "component 'origin' (edgeinfra:azure:OriginVmCluster)";

    public static TheoryData<string, OriginVmClusterArgs, string> InvalidInputs() => new()
    {
        { "no VM", With(count: 0), "count: 0 is out of range: a cluster has 1 to 10 VMs" },
        { "too many VMs", With(count: 11), "count: 11 is out of range: a cluster has 1 to 10 VMs" },
        { "no zone", With(zones: []), "zones: [] is empty: give at least one availability zone (\"1\", \"2\" or \"3\")" },
        { "unknown zone", With(zones: ["1", "4"]), "zones[1]: '4' is not an availability zone: zones are \"1\", \"2\" or \"3\"" },
        { "repeated zone", With(zones: ["2", "2"]), "zones[1]: '2' is listed twice: give each zone at most once" },
        { "empty VM size", With(vmSize: ""), "vmSize: '' is empty: give a VM size such as Standard_D2s_v5" },
        { "VM size without tier", With(vmSize: "D2s_v5"), "vmSize: 'D2s_v5' does not start with 'Standard_': VM sizes are named like Standard_D2s_v5" },
        { "unknown OS disk type", With(osDiskType: "UltraSSD_LRS"), "osDiskType: 'UltraSSD_LRS' is not an OS disk type: Premium_LRS, Premium_ZRS, StandardSSD_LRS, StandardSSD_ZRS, Standard_LRS" },
        { "uppercase DNS label", With(domainNameLabel: "Origin"), "domainNameLabel: 'Origin' is not a valid DNS label: 3 to 63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit" },
        { "short DNS label", With(domainNameLabel: "or"), "domainNameLabel: 'or' is not a valid DNS label: 3 to 63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit" },
        { "DNS label starting with a digit", With(domainNameLabel: "1origin"), "domainNameLabel: '1origin' is not a valid DNS label: 3 to 63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit" },
        { "DNS label ending with a hyphen", With(domainNameLabel: "origin-"), "domainNameLabel: 'origin-' is not a valid DNS label: 3 to 63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit" },
        { "long DNS label", With(domainNameLabel: new string('a', 64)), $"domainNameLabel: '{new string('a', 64)}' is not a valid DNS label: 3 to 63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit" },
        { "secret name with underscore", With(originSecretName: "origin_secret"), "originSecretName: 'origin_secret' is not a valid Key Vault secret name: 1 to 127 letters, digits and hyphens" },
        { "nginx without certificate secret", With(tlsCertificateSecretName: null), "tlsCertificateSecretName: missing: every origin (nginx, Kong and IIS) serves a certificate the stack issues and stores in Key Vault (OriginCertificateAuthority.IssueServerCertificate), never a self-signed one the edge would refuse; give the name of that Key Vault secret" },
        { "kong without certificate secret", With(flavor: OriginFlavor.Kong, tlsCertificateSecretName: null), "tlsCertificateSecretName: missing: every origin (nginx, Kong and IIS) serves a certificate the stack issues and stores in Key Vault (OriginCertificateAuthority.IssueServerCertificate), never a self-signed one the edge would refuse; give the name of that Key Vault secret" },
        { "IIS without certificate secret", With(flavor: OriginFlavor.Iis, tlsCertificateSecretName: null), "tlsCertificateSecretName: missing: every origin (nginx, Kong and IIS) serves a certificate the stack issues and stores in Key Vault (OriginCertificateAuthority.IssueServerCertificate), never a self-signed one the edge would refuse; give the name of that Key Vault secret" },
        { "certificate secret name with a dot", With(flavor: OriginFlavor.Kong, tlsCertificateSecretName: "origin.tls"), "tlsCertificateSecretName: 'origin.tls' is not a valid Key Vault secret name: 1 to 127 letters, digits and hyphens" },
        { "header name with underscore", With(originAuthHeaderName: "X_Origin_Auth"), "originAuthHeaderName: 'X_Origin_Auth' is not a valid header name: 1 to 64 letters, digits and hyphens, starting with a letter (HTTP token characters that nginx, Kong and IIS all accept)" },
        { "empty header name", With(originAuthHeaderName: ""), "originAuthHeaderName: '' is not a valid header name: 1 to 64 letters, digits and hyphens, starting with a letter (HTTP token characters that nginx, Kong and IIS all accept)" },
        { "header name with a colon", With(originAuthHeaderName: "X-Auth:"), "originAuthHeaderName: 'X-Auth:' is not a valid header name: 1 to 64 letters, digits and hyphens, starting with a letter (HTTP token characters that nginx, Kong and IIS all accept)" },
        { "reserved admin name", With(adminUsername: "admin"), "adminUsername: 'admin' is reserved by Azure: choose another administrator name" },
        { "uppercase admin name", With(adminUsername: "Ops"), "adminUsername: 'Ops' is not a valid administrator name: 1 to 20 lowercase letters, digits, hyphens or underscores, starting with a letter" },
        { "long admin name", With(adminUsername: "origin-administrator1"), "adminUsername: 'origin-administrator1' is not a valid administrator name: 1 to 20 lowercase letters, digits, hyphens or underscores, starting with a letter" },
        { "nginx without SSH key", With(adminSshPublicKey: null), "adminSshPublicKey: missing: the Nginx flavor runs Linux, where the administrator signs in with an SSH key only (password authentication is disabled)" },
        { "kong without SSH key", With(flavor: OriginFlavor.Kong, adminSshPublicKey: null), "adminSshPublicKey: missing: the Kong flavor runs Linux, where the administrator signs in with an SSH key only (password authentication is disabled)" },
        { "DSA key", With(adminSshPublicKey: "ssh-dss AAAAB3NzaC1kc3MAAACBAP ops@example"), "adminSshPublicKey: 'ssh-dss AAAAB3NzaC1kc3MA…' is not an SSH public key: expected 'ssh-rsa', 'ssh-ed25519' or 'ecdsa-sha2-nistp256/384/521', a space, then the base64 key (starting 'AAAA'), and an optional comment" },
        { "private key", With(adminSshPublicKey: "-----BEGIN OPENSSH PRIVATE KEY-----"), "adminSshPublicKey: '-----BEGIN OPENSSH PRIVA…' is not an SSH public key: expected 'ssh-rsa', 'ssh-ed25519' or 'ecdsa-sha2-nistp256/384/521', a space, then the base64 key (starting 'AAAA'), and an optional comment" },
        { "SSH key for IIS", With(flavor: OriginFlavor.Iis, adminSshPublicKey: "ssh-rsa AAAAB3NzaC1yc2E"), "adminSshPublicKey: 'ssh-rsa AAAAB3NzaC1yc2E' is not accepted for the Iis flavor: Windows VMs sign in with the generated admin password stored in Key Vault; remove it" },
        { "IIS without vault name", With(flavor: OriginFlavor.Iis, keyVaultName: null), "keyVaultName: missing: the Iis flavor stores its generated admin password in Key Vault and needs the vault's name" },
        { "vault name for nginx", With(keyVaultName: "kv-app"), "keyVaultName: given for the Nginx flavor: only Iis stores an admin password in Key Vault; remove it" },
        { "vault resource group for kong", With(flavor: OriginFlavor.Kong, keyVaultResourceGroupName: "rg-sec"), "keyVaultResourceGroupName: given for the Kong flavor: only Iis stores an admin password in Key Vault; remove it" },
        { "password secret name for nginx", With(adminPasswordSecretName: "admin-password"), "adminPasswordSecretName: 'admin-password' is given for the Nginx flavor: only Iis stores an admin password in Key Vault; remove it" },
        { "invalid password secret name", With(flavor: OriginFlavor.Iis, adminPasswordSecretName: "admin password"), "adminPasswordSecretName: 'admin password' is not a valid Key Vault secret name: 1 to 127 letters, digits and hyphens" },
        { "upstream for IIS", With(flavor: OriginFlavor.Iis, upstreamUrl: "http://127.0.0.1:8080"), "upstreamUrl: 'http://127.0.0.1:8080' is not accepted for the Iis flavor: IIS serves its own site; remove it" },
        { "FTP upstream", With(upstreamUrl: "ftp://127.0.0.1/"), "upstreamUrl: 'ftp://127.0.0.1/' is not an absolute http:// or https:// URL without spaces, quotes, braces or $ ` \\ ; (it is written into the boot script and the server config)" },
        { "relative upstream", With(upstreamUrl: "/app"), "upstreamUrl: '/app' is not an absolute http:// or https:// URL without spaces, quotes, braces or $ ` \\ ; (it is written into the boot script and the server config)" },
        { "upstream with a space", With(upstreamUrl: "http://127.0.0.1:8080/a b"), "upstreamUrl: 'http://127.0.0.1:8080/a b' is not an absolute http:// or https:// URL without spaces, quotes, braces or $ ` \\ ; (it is written into the boot script and the server config)" },
        { "invalid computer name prefix", With(computerNamePrefix: "Web_1"), "computerNamePrefix: 'Web_1' is not a valid computer name prefix: lowercase letters, digits and hyphens, starting with a letter" },
        { "long Windows computer name prefix", With(flavor: OriginFlavor.Iis, computerNamePrefix: "shop-origin-iis"), "computerNamePrefix: 'shop-origin-iis' is longer than 12 characters: Windows computer names ({prefix}-{n}) have at most 15 characters" },
        { "long Linux computer name prefix", With(computerNamePrefix: new string('a', 51)), $"computerNamePrefix: '{new string('a', 51)}' is longer than 50 characters: Linux computer names ({{prefix}}-{{n}}) are kept under 64 characters" },
        { "invalid role assignment name", With(roleAssignments: [Reader("1ops")]), "roleAssignments[0].name: '1ops' cannot name a role assignment: a letter, then letters, digits, '_' or '-' (at most 200 characters), not 'pulumi'" },
        { "repeated role assignment name", With(roleAssignments: [Reader("ops"), Reader("ops")]), "roleAssignments[1].name: 'ops' is used twice: role assignment names are unique within the component" },
        { "unknown flavor", With(flavor: (OriginFlavor)7, adminSshPublicKey: null, keyVaultName: null), "flavor: '7' is not a flavor: Nginx, Kong or Iis" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Each_invalid_input_is_reported_with_the_property_the_value_and_the_rule(string problem, OriginVmClusterArgs args, string expected)
    {
        var errors = Errors(() => new OriginVmCluster("origin", args));
        Assert.True(errors.Count == 1, $"{problem}: {string.Join("\n", errors)}");
        Assert.Equal(Subject, errors[0].Subject);
        Assert.Equal(expected, $"{errors[0].Property}: {errors[0].Message}");
    }

    [Theory]
    [InlineData("origin-", "name: 'origin-' is not a valid cluster name: 1 to 50 characters, letters, digits and hyphens, starting with a letter and ending with a letter or digit (it names the load balancer)")]
    [InlineData("origin_west", "name: 'origin_west' is not a valid cluster name: 1 to 50 characters, letters, digits and hyphens, starting with a letter and ending with a letter or digit (it names the load balancer)")]
    public void A_cluster_name_azure_cannot_use_is_reported(string name, string expected)
    {
        var errors = Errors(() => new OriginVmCluster(name, With(computerNamePrefix: "origin")));
        Assert.Equal([expected], errors.Select(e => $"{e.Property}: {e.Message}"));
    }

    [Fact]
    public void The_default_computer_name_prefix_is_the_component_name_and_is_checked_as_such()
    {
        var errors = Errors(() => new OriginVmCluster("origin-cluster-west", With(flavor: OriginFlavor.Iis)));
        Assert.Equal(
            ["computerNamePrefix: 'origin-cluster-west' (the component's name, by default) is longer than 12 characters: Windows computer names ({prefix}-{n}) have at most 15 characters"],
            errors.Select(e => $"{e.Property}: {e.Message}"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_nothing_is_created()
    {
        var errors = Errors(() => new OriginVmCluster("origin", With(count: 0, zones: ["0"], vmSize: "D2", adminSshPublicKey: null, originAuthHeaderName: "X Auth")));
        Assert.Equal(["count", "zones[0]", "vmSize", "originAuthHeaderName", "adminSshPublicKey"], errors.Select(e => e.Property));
    }

    [Theory]
    [InlineData("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9y")]
    [InlineData("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY= ops")]
    [InlineData("ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjE=")]
    public void Rsa_ed25519_and_ecdsa_public_keys_are_accepted(string key)
    {
        Synth(() => new OriginVmCluster("origin", With(adminSshPublicKey: key)));
    }

    private static RoleAssignmentSpec Reader(string name) => new() { Name = name, Role = BuiltInRole.Reader, PrincipalId = "group-ops" };
}
