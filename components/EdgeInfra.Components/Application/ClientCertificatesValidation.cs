using System.Globalization;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Application;

/// <summary>The checks of <see cref="EdgeFrontedApplicationArgs.ClientCertificates"/>, made before any child is created.</summary>
internal static partial class ClientCertificatesValidation
{
    private const string Property = "clientCertificates";

    public static void Check(EdgeFrontedApplicationArgs args, ComponentErrors errors)
    {
        if (args.ClientCertificates is not { } spec)
        {
            return;
        }

        if (args.CertificateEnrollmentId is null)
        {
            errors.Add("certificateEnrollmentId", $"is null but {Property} is set: the hostnames would use certProvisioningType DEFAULT (Akamai-managed Default DV certificates), and Akamai binds mTLS CA sets only to CPS certificates (https://techdocs.akamai.com/mtls-edge-truststore/reference/api): give the CPS enrollment of an Enhanced TLS (.edgekey.net) edge hostname");
        }

        ClientCaSetValidation.CheckName(spec.CaSetName, $"{Property}.caSetName", errors);
        ClientCaSetValidation.CheckCertificates(spec.CaCertificates, $"{Property}.caCertificates", errors);
        CheckPathPrefixes(spec.PathPrefixes ?? [], args.JwksRelayPath, errors);
    }

    /// <summary>Whether <paramref name="prefix"/> covers <paramref name="path"/>: the path itself or below it, ignoring case.</summary>
    public static bool Covers(string prefix, string path) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);

    private static void CheckPathPrefixes(IReadOnlyList<string> prefixes, string? jwksRelayPath, ComponentErrors errors)
    {
        var where = $"{Property}.pathPrefixes";
        if (prefixes.Count == 0)
        {
            errors.Add(where, "is empty: name at least one path prefix that requires a client certificate (or leave clientCertificates null)");
            return;
        }

        var valid = new List<(int Index, string Prefix)>();
        for (var i = 0; i < prefixes.Count; i++)
        {
            var at = $"{where}[{i.ToString(CultureInfo.InvariantCulture)}]";
            var prefix = prefixes[i];
            if (prefix is null || prefix.Length > RouteAccessValidation.MaxPrefixLength || !ValidationPatterns.UrlPathPrefix().IsMatch(prefix) || RouteAccessValidation.HasDotSegment(prefix))
            {
                errors.Add(at, $"{RuleTreeValues.Show(prefix)} is not a path prefix: '/'-separated segments of letters, digits and -._~, no '.' or '..' segment, no trailing '/', at most 200 characters");
                continue;
            }

            if (valid.FirstOrDefault(other => Covers(other.Prefix, prefix) || Covers(prefix, other.Prefix)) is { Prefix: not null } overlap)
            {
                errors.Add(at, $"'{prefix}' overlaps {where}[{overlap.Index.ToString(CultureInfo.InvariantCulture)}] '{overlap.Prefix}': prefixes are compared ignoring case and none may repeat or cover another");
            }
            else if (jwksRelayPath is not null && Covers(prefix, jwksRelayPath))
            {
                errors.Add(at, $"'{prefix}' covers the JWKS relay path '{jwksRelayPath}': the gateway fetches the JWKS there without a client certificate");
            }

            valid.Add((i, prefix));
        }
    }
}
