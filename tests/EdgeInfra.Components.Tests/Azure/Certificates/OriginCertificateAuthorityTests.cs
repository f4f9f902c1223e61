using EdgeInfra.Components.Azure;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Certificates;

public sealed class OriginCertificateAuthorityTests
{
    private const string Subject = "component 'ca' (edgeinfra:azure:OriginCertificateAuthority)";

    private static SecretsVault Vault() => new("vault", new SecretsVaultArgs
    {
        ResourceGroupName = "rg",
        Location = "westeurope",
        VaultName = "kv-ca-tests",
    });

    private static string Program(OriginCertificateAuthorityArgs args) => SynthConforming(() =>
    {
        var ca = new OriginCertificateAuthority("ca", args);
        ca.IssueServerCertificate("web-tls", "web.example.net", Vault(), "web-origin-tls");
    });

    [Fact]
    public void Generation_one_keeps_the_original_names_and_signs_the_server_certificate()
    {
        var program = Program(new OriginCertificateAuthorityArgs { CommonName = "shop origin CA" });
        Assert.Contains("  ca-ca:\n    type: \"tls:index/selfSignedCert:SelfSignedCert\"", program, StringComparison.Ordinal);
        Assert.Contains("  ca-ca-key:\n    type: \"tls:index/privateKey:PrivateKey\"", program, StringComparison.Ordinal);
        Assert.Contains("caCertPem: \"${ca-ca.certPem}\"", program, StringComparison.Ordinal);
        Assert.Contains("validityPeriodHours: 43800", program, StringComparison.Ordinal);
        Assert.DoesNotContain("ca-ca-g2", program, StringComparison.Ordinal);
        Assert.DoesNotContain("earlyRenewalHours: 2160", program, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "${ca-ca.certPem}")]
    [InlineData(2, "${ca-ca-g2.certPem}")]
    public void While_rotating_both_generations_exist_and_the_issuing_one_signs(int issuing, string signer)
    {
        OriginCertificateAuthority? ca = null;
        var program = SynthConforming(() =>
        {
            ca = new OriginCertificateAuthority("ca", new OriginCertificateAuthorityArgs { CommonName = "shop origin CA", Generations = [1, 2], IssuingGeneration = issuing });
            ca.IssueServerCertificate("web-tls", "web.example.net", Vault(), "web-origin-tls");
        });
        Assert.Contains($"caCertPem: \"{signer}\"", program, StringComparison.Ordinal);
        Assert.Contains("commonName: \"shop origin CA G2\"", program, StringComparison.Ordinal);
        Assert.Equal(2, ca!.TrustedCertificatePems.Count);
    }

    [Theory]
    [InlineData(new int[0], 1, "generations", "[] is not a set of CA generations")]
    [InlineData(new[] { 1, 2, 3 }, 1, "generations", "[1, 2, 3] is not a set of CA generations")]
    [InlineData(new[] { 2, 2 }, 2, "generations", "[2, 2] is not a set of CA generations")]
    [InlineData(new[] { 0 }, 0, "generations", "[0] is not a set of CA generations")]
    [InlineData(new[] { 1, 2 }, 3, "issuingGeneration", "3 is not one of the generations [1, 2]")]
    public void Bad_generations_fail_naming_the_property_and_the_rule(int[] generations, int issuing, string property, string message)
    {
        var error = Assert.Single(Errors(() => _ = new OriginCertificateAuthority("ca", new OriginCertificateAuthorityArgs
        {
            CommonName = "shop origin CA",
            Generations = generations,
            IssuingGeneration = issuing,
        })));
        Assert.StartsWith($"{Subject}, property '{property}': {message}", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("caValidityHours", 719, "719 is out of range: a CA certificate lives 720 to 87600 hours")]
    [InlineData("serverValidityHours", 721, "721 is out of range: a server certificate lives 24 to 720 hours (30 days at most)")]
    public void Lifetimes_out_of_range_fail_naming_the_property_the_value_and_the_rule(string property, int value, string message)
    {
        var args = property == "caValidityHours"
            ? new OriginCertificateAuthorityArgs { CommonName = "shop origin CA", CaValidityHours = value }
            : new OriginCertificateAuthorityArgs { CommonName = "shop origin CA", ServerValidityHours = value, ServerEarlyRenewalHours = 240 };
        var error = Assert.Single(Errors(() => _ = new OriginCertificateAuthority("ca", args)));
        Assert.Equal($"{Subject}, property '{property}': {message}", error.ToString());
    }

    [Fact]
    public void A_common_name_that_leaves_no_room_for_a_generation_suffix_fails()
    {
        var error = Assert.Single(Errors(() => _ = new OriginCertificateAuthority("ca", new OriginCertificateAuthorityArgs { CommonName = new string('c', 61) })));
        Assert.Contains("property 'commonName'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 to 60 characters", error.ToString(), StringComparison.Ordinal);
    }
}
