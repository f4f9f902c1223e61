using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The rules Mutual TLS Edge Truststore publishes for CA sets and their certificates
/// (https://techdocs.akamai.com/mtls-edge-truststore/docs/best-practices), checked on what is known at synthesis.
/// Shared by <see cref="ClientCaSet"/> and the components that create one, so that their errors name their own
/// properties.
/// </summary>
internal static partial class ClientCaSetValidation
{
    /// <summary>The most certificates a CA set version holds (https://techdocs.akamai.com/terraform/docs/manage-ca-sets).</summary>
    public const int MaxCertificates = 300;

    private const string NameRule = "3 to 64 letters, digits, '_', '-' and '.', never three dots in a row (Mutual TLS Edge Truststore's rule)";

    /// <summary>Records a bad CA set name under <paramref name="property"/>.</summary>
    public static void CheckName(string? name, string property, ComponentErrors errors)
    {
        if (name is null || !ValidationPatterns.ClientCaSetName().IsMatch(name) || name.Contains("...", StringComparison.Ordinal))
        {
            errors.Add(property, $"{RuleTreeValues.Show(name)} is not a CA set name: {NameRule}");
        }
    }

    /// <summary>Records every bad or repeated certificate of <paramref name="certificates"/> under <paramref name="property"/>.</summary>
    public static void CheckCertificates(IReadOnlyList<Input<string>>? certificates, string property, ComponentErrors errors)
    {
        var list = certificates ?? [];
        if (list.Count == 0)
        {
            errors.Add(property, "is empty: a CA set holds at least one CA certificate (PEM) that client certificates chain to");
            return;
        }

        if (list.Count > MaxCertificates)
        {
            errors.Add(property, $"has {list.Count.ToString(CultureInfo.InvariantCulture)} certificates: a CA set version holds at most {MaxCertificates.ToString(CultureInfo.InvariantCulture)}");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{property}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (list[i] is null)
            {
                errors.Add(at, "is null: give the CA certificate's PEM or a config reference to it");
                continue;
            }

            if (!RuleTreeValues.TryKnown(list[i], out var known))
            {
                continue;
            }

            var pem = known as string ?? string.Empty;
            if (CertificateProblem(pem) is { } problem)
            {
                errors.Add(at, $"{Abbreviate(known)} is not a CA certificate: {problem}");
            }
            else if (seen.TryGetValue(Thumbprint(pem), out var first))
            {
                errors.Add(at, $"repeats {property}[{first.ToString(CultureInfo.InvariantCulture)}]: each CA certificate is given once");
            }
            else
            {
                seen.Add(Thumbprint(pem), i);
            }
        }
    }

    /// <summary>
    /// Why <paramref name="pem"/> is not one PEM <c>CERTIFICATE</c> block of a CA certificate; null when it is one.
    /// Expiry is left to Akamai: synthesis does not depend on the clock.
    /// </summary>
    private static string? CertificateProblem(string pem)
    {
        var text = pem.AsSpan().Trim();
        if (!PemEncoding.TryFind(text, out var fields) || !text[fields.Label].SequenceEqual("CERTIFICATE"))
        {
            return "one PEM block '-----BEGIN CERTIFICATE-----' … '-----END CERTIFICATE-----' is expected";
        }

        if (fields.Location.End.Value != text.Length || fields.Location.Start.Value != 0)
        {
            return "exactly one PEM CERTIFICATE block and nothing around it is expected (give a chain as separate entries)";
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text[fields.Base64Data].ToString()));
        }
        catch (CryptographicException)
        {
            return "the PEM block is not an X.509 certificate";
        }

        using (certificate)
        {
            var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
            return constraints is { CertificateAuthority: true }
                ? null
                : "it has no basic constraints CA:TRUE; Akamai accepts only root and intermediate CA certificates, never leaf certificates";
        }
    }

    private static string Thumbprint(string pem)
    {
        var text = pem.AsSpan().Trim();
        PemEncoding.TryFind(text, out var fields);
        return Convert.ToHexString(SHA256.HashData(Convert.FromBase64String(text[fields.Base64Data].ToString())));
    }

    private static string Abbreviate(object? known) =>
        known is string { Length: > 60 } text ? RuleTreeValues.Show(text[..60] + "…") : RuleTreeValues.Show(known);
}
