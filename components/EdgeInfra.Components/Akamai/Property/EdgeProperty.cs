using EdgeInfra.Akamai;
using EdgeInfra.Akamai.Inputs;
using EdgeInfra.Components.Azure;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// An Akamai property delivered through an edge hostname, activated on STAGING and then, when the stack asks for it,
/// on PRODUCTION. Children: <c>cp-code</c> (<c>akamai:index/cpCode:CpCode</c>), <c>edge-hostname</c>
/// (<c>akamai:index/edgeHostName:EdgeHostName</c>), <c>property</c> (<c>akamai:index/property:Property</c>, its rules
/// a typed <see cref="Akamai.RuleTree"/> in the pinned <see cref="RuleFormat"/>), <c>staging</c> and, with
/// <see cref="EdgePropertyArgs.ActivateProduction"/>, <c>production</c> (<c>akamai:index/propertyActivation:PropertyActivation</c>
/// of the property's latest version; production depends on staging).
/// </summary>
public sealed class EdgeProperty : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:akamai:EdgeProperty";

    /// <summary>The network of the first activation.</summary>
    public const string StagingNetwork = "STAGING";

    /// <summary>The network of the activation that serves real traffic.</summary>
    public const string ProductionNetwork = "PRODUCTION";

    private readonly CpCode _cpCode;
    private readonly EdgeHostName _edgeHostName;
    private readonly Property _property;
    private readonly PropertyActivation _staging;
    private readonly PropertyActivation? _production;

    /// <summary>Creates the property named <paramref name="name"/> (a logical name; the property's name is <see cref="EdgePropertyArgs.PropertyName"/>).</summary>
    /// <exception cref="SynthesisException">Some of <paramref name="args"/>, its rules included, are invalid; every problem is listed.</exception>
    public EdgeProperty(string name, EdgePropertyArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options, ChildNaming.AlwaysPrefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new ComponentErrors(TypeToken, name);
        EdgePropertyValidation.Check(args, BuildRuleTree(args, Behavior.CpCode(1)), errors);
        errors.ThrowIfAny();

        _cpCode = new CpCode("cp-code", new CpCodeArgs
        {
            Name = args.CpCodeName ?? args.PropertyName,
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            ProductId = args.ProductId,
        }, new CustomResourceOptions { Parent = this });

        _edgeHostName = new EdgeHostName("edge-hostname", new EdgeHostNameArgs
        {
            EdgeHostname = args.EdgeHostname,
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            ProductId = args.ProductId,
            IpBehavior = args.IpBehavior,
            Certificate = args.CertificateEnrollmentId,
            StatusUpdateEmails = args.ActivationContacts,
        }, new CustomResourceOptions { Parent = this });

        RuleTree = BuildRuleTree(args, Behavior.CpCodeOf(_cpCode.Id));
        _property = new Property("property", new PropertyArgs
        {
            Name = args.PropertyName,
            PropertyId = args.PropertyId,
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            ProductId = args.ProductId,
            RuleFormat = RuleFormat.Pinned,
            Rules = RuleTree.ToInput(),
            VersionNotes = args.VersionNotes,
            Hostnames = [.. args.Hostnames.Select(hostname => new PropertyHostnameArgs
            {
                CnameFrom = (Input<string>)hostname,
                CnameTo = _edgeHostName.EdgeHostname,
                CertProvisioningType = args.CertProvisioningType,
            })],
        }, new CustomResourceOptions { Parent = this });

        _staging = Activate("staging", StagingNetwork, args, args.StagingDependsOn ?? []);
        if (args.ActivateProduction)
        {
            _production = Activate("production", ProductionNetwork, args, [_staging, .. args.ProductionDependsOn ?? []]);
        }

        var outputs = new Dictionary<string, object?>
        {
            ["propertyId"] = PropertyId,
            ["edgeHostname"] = EdgeHostname,
            ["cpCodeId"] = CpCodeId,
            ["latestVersion"] = LatestVersion,
            ["stagingVersion"] = StagingVersion,
        };
        if (ProductionVersion is { } productionVersion)
        {
            outputs["productionVersion"] = productionVersion;
        }

        if (args.CertProvisioningType == "DEFAULT")
        {
            RequirePreflight(
                $"The Akamai contract has Secure by Default (Default DV certificates) enabled: the hostnames {string.Join(", ", args.Hostnames.Values)} use certProvisioningType DEFAULT, and each hostname's DNS must allow the DV validation (a CNAME to the edge hostname, or the ACME challenge record Akamai shows).",
                "Property Manager offers a 'Default certificate' when adding a hostname to a property of this contract; else ask the account team or use a CPS enrollment (certificateEnrollmentId)");
        }

        RegisterOutputs(outputs);
    }

    /// <summary>The property's id (<c>prp_…</c>).</summary>
    public Output<string> PropertyId => _property.Id;

    /// <summary>The edge hostname the served hostnames CNAME to.</summary>
    public Output<string> EdgeHostname => _edgeHostName.EdgeHostname;

    /// <summary>The CP code's id (<c>cpc_…</c>).</summary>
    public Output<string> CpCodeId => _cpCode.Id;

    /// <summary>The property's latest version, the one the activations activate.</summary>
    public Output<int> LatestVersion => _property.LatestVersion;

    /// <summary>The version activated on STAGING.</summary>
    public Output<int> StagingVersion => _staging.Version;

    /// <summary>The version activated on PRODUCTION; null when <see cref="EdgePropertyArgs.ActivateProduction"/> is false.</summary>
    public Output<int>? ProductionVersion => _production?.Version;

    /// <summary>The property's rule tree, e.g. for <see cref="RuleTree.ToReviewJson"/>.</summary>
    public RuleTree RuleTree { get; }

    /// <summary>The CP code resource.</summary>
    public CpCode CpCode => _cpCode;

    /// <summary>The edge hostname resource.</summary>
    public EdgeHostName EdgeHostName => _edgeHostName;

    /// <summary>The property resource.</summary>
    public Property Property => _property;

    /// <summary>The STAGING activation.</summary>
    public PropertyActivation StagingActivation => _staging;

    /// <summary>The PRODUCTION activation; null when <see cref="EdgePropertyArgs.ActivateProduction"/> is false.</summary>
    public PropertyActivation? ProductionActivation => _production;

    /// <summary>
    /// The rule tree: a default rule with <c>origin</c>, <paramref name="cpCode"/>, the extra default behaviors, the
    /// variables and the child rules, secure (<c>is_secure</c>) when the edge hostname is an Enhanced TLS one.
    /// </summary>
    private static RuleTree BuildRuleTree(EdgePropertyArgs args, Behavior cpCode) =>
        new(new Rule
        {
            Name = RuleTree.DefaultRuleName,
            Comments = args.Comments,
            Behaviors = [Behavior.Origin(args.Origin), cpCode, .. args.DefaultBehaviors ?? []],
            Children = args.Rules ?? [],
            Variables = args.Variables ?? [],
            IsSecure = (args.EdgeHostname?.Value ?? string.Empty).EndsWith(EdgePropertyValidation.EnhancedTlsSuffix, StringComparison.OrdinalIgnoreCase),
        });

    private PropertyActivation Activate(string name, string network, EdgePropertyArgs args, IReadOnlyList<Resource> dependsOn)
    {
        var timeout = CustomTimeouts.FormatDuration(args.ActivationTimeout);
        var options = new CustomResourceOptions
        {
            Parent = this,
            CustomTimeouts = new CustomTimeouts { Create = args.ActivationTimeout, Update = args.ActivationTimeout, Delete = args.ActivationTimeout },
        };
        foreach (var resource in dependsOn)
        {
            options.DependsOn.Add(resource);
        }

        return new PropertyActivation(name, new PropertyActivationArgs
        {
            PropertyId = _property.Id,
            Version = _property.LatestVersion,
            Network = network,
            Contacts = args.ActivationContacts,
            Note = args.ActivationNote,
            AutoAcknowledgeRuleWarnings = network == ProductionNetwork ? args.AcknowledgeProductionRuleWarnings!.Value : args.AcknowledgeStagingRuleWarnings,
            Timeouts = new PropertyActivationTimeoutsArgs { Default = timeout },
        }, options);
    }
}
