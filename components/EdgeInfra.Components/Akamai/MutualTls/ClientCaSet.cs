using System.Globalization;
using EdgeInfra.Akamai;
using EdgeInfra.Akamai.Inputs;
using EdgeInfra.Components.Azure;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// A Mutual TLS Edge Truststore CA set: the CA certificates that clients' certificates must chain to when they
/// authenticate to the edge with mTLS (client → edge). Children: <c>ca-set</c>
/// (<c>akamai:index/mtlstruststoreCaSet:MtlstruststoreCaSet</c>, its latest version holding
/// <see cref="ClientCaSetArgs.Certificates"/>), <c>staging</c> and, with <see cref="ClientCaSetArgs.ActivateProduction"/>,
/// <c>production</c> (<c>akamai:index/mtlstruststoreCaSetActivation:MtlstruststoreCaSetActivation</c> of that version;
/// production after staging).
/// </summary>
/// <remarks>
/// <para>
/// A CA set holds up to 300 certificates per version and its name is unique in the account; Akamai keeps versions
/// and the provider creates a new one when the certificates change
/// (https://techdocs.akamai.com/terraform/docs/manage-ca-sets, https://techdocs.akamai.com/terraform/docs/mets-rc-ca-set).
/// The CA set does nothing by itself: a CPS edge certificate's deployment settings name it ("Mutual Authentication",
/// https://techdocs.akamai.com/mtls-edge-truststore/docs/manage-cert-set), so that edge servers ask clients for a
/// certificate on that certificate's hostnames, and the property's <c>enforceMtlsSettings</c> behavior
/// (<see cref="Behavior.EnforceMtlsSettings"/>) names <see cref="CaSetId"/>. mTLS does not work on hostnames served with
/// Akamai's shared certificates (https://techdocs.akamai.com/terraform/docs/manage-ca-sets).
/// </para>
/// <para>
/// Preflight: Mutual TLS Edge Truststore is offered only to selected customers, so the account must have it; each of
/// <see cref="ClientCaSetArgs.CertificateEnrollmentIds"/> must name the CA set in CPS.
/// </para>
/// </remarks>
public sealed class ClientCaSet : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:akamai:ClientCaSet";

    private readonly MtlstruststoreCaSet _caSet;

    /// <summary>Creates the CA set named <paramref name="name"/> (a logical name; Akamai's name is <see cref="ClientCaSetArgs.Name"/>).</summary>
    /// <exception cref="SynthesisException">Some of <paramref name="args"/> are invalid; every problem is listed.</exception>
    public ClientCaSet(string name, ClientCaSetArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options, ChildNaming.AlwaysPrefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new ComponentErrors(TypeToken, name);
        ClientCaSetValidation.CheckName(args.Name, "name", errors);
        ClientCaSetValidation.CheckCertificates(args.Certificates, "certificates", errors);
        errors.ThrowIfAny();

        _caSet = new MtlstruststoreCaSet("ca-set", new MtlstruststoreCaSetArgs
        {
            Name = args.Name,
            Description = args.Description,
            AllowInsecureSha1 = false,
            Certificates = [.. args.Certificates.Select((pem, i) => new MtlstruststoreCaSetCertificateArgs
            {
                CertificatePem = pem,
                Description = $"{args.Name} CA {i + 1}",
            })],
        }, new CustomResourceOptions { Parent = this });

        StagingActivation = Activate("staging", EdgeProperty.StagingNetwork, new CustomResourceOptions { Parent = this });
        if (args.ActivateProduction)
        {
            ProductionActivation = Activate("production", EdgeProperty.ProductionNetwork, new CustomResourceOptions { Parent = this, DependsOn = { StagingActivation } });
        }

        RequirePreflight(
            $"The Akamai account has Mutual TLS Edge Truststore (offered to selected customers) and room for the CA set {args.Name} (at most 200 CA sets per account, names unique).",
            "Control Center > CDN > mTLS Edge Truststore opens for your account (or the mTLS Edge Truststore API lists CA sets); otherwise ask your account team");
        foreach (var enrollment in args.CertificateEnrollmentIds ?? [])
        {
            RequirePreflight(
                $"The CPS enrollment {enrollment.ToString(CultureInfo.InvariantCulture)} is an Enhanced TLS certificate whose deployment settings name the CA set {args.Name} under Mutual Authentication (on STAGING and PRODUCTION), and the contract has client-to-edge mTLS (Property Manager offers the Enforce mTLS settings behavior): only then do edge servers ask clients for a certificate on its hostnames.",
                $"Control Center > CDN > Certificates > enrollment {enrollment.ToString(CultureInfo.InvariantCulture)} > View and Edit Deployment Settings > Mutual Authentication; mTLS Edge Truststore > {args.Name} > Slots lists the linked slot once deployed");
        }

        RegisterOutputs(new Dictionary<string, object?> { ["caSetId"] = CaSetId, ["latestVersion"] = LatestVersion });
    }

    /// <summary>The CA set's id, which <c>enforceMtlsSettings</c> and CPS name.</summary>
    public Output<string> CaSetId => _caSet.Id;

    /// <summary>The CA set's latest version, the one the activations activate.</summary>
    public Output<int> LatestVersion => _caSet.LatestVersion;

    /// <summary>The CA set resource.</summary>
    public MtlstruststoreCaSet CaSet => _caSet;

    /// <summary>The STAGING activation.</summary>
    public MtlstruststoreCaSetActivation StagingActivation { get; }

    /// <summary>The PRODUCTION activation; null when <see cref="ClientCaSetArgs.ActivateProduction"/> is false.</summary>
    public MtlstruststoreCaSetActivation? ProductionActivation { get; }

    private MtlstruststoreCaSetActivation Activate(string name, string network, CustomResourceOptions options) =>
        new MtlstruststoreCaSetActivation(name, new MtlstruststoreCaSetActivationArgs
        {
            CaSetId = _caSet.Id,
            Network = network,
            Version = _caSet.LatestVersion,
        }, options);
}
