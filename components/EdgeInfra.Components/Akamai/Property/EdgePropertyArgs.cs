namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The arguments of an <see cref="EdgeProperty"/>: where the property lives (contract, group, product), the hostnames
/// it serves and its edge hostname, the rules (origin, extra default behaviors, child rules, variables) and who is told
/// about activations. Ids and names are checked when they are known at synthesis (literals); config references and
/// other deploy-time values are left to Akamai.
/// </summary>
public sealed class EdgePropertyArgs
{
    /// <summary>The contract, <c>ctr_</c> followed by its id (e.g. <c>ctr_1-ABC123</c>). Required.</summary>
    public required Input<string> ContractId { get; init; }

    /// <summary>The group, <c>grp_</c> followed by digits (e.g. <c>grp_12345</c>). Required.</summary>
    public required Input<string> GroupId { get; init; }

    /// <summary>The product, <c>prd_</c> followed by its code (e.g. <c>prd_Fresca</c> for Ion Standard, <c>prd_SPM</c> for Ion Premier). Required.</summary>
    public required Input<string> ProductId { get; init; }

    /// <summary>The property's name in Property Manager: 1 to 85 letters, digits, dots, hyphens and underscores. Required.</summary>
    public required ValidatedInput<string> PropertyName { get; init; }

    /// <summary>
    /// The id of a property created beforehand by <c>akamai:index/propertyBootstrap:PropertyBootstrap</c> (its <c>id</c>,
    /// <c>prp_…</c>), which the property resource then adopts (<c>propertyId</c>) instead of creating one: it manages
    /// the adopted property's versions, rules and hostnames, and leaves deleting the property to the bootstrap. This
    /// is how a property's rules can name something that itself needs the property's id, such as a DataStream stream
    /// (see <see cref="EdgeLogStream"/>). Default: null (the property resource creates the property).
    /// </summary>
    public Input<string>? PropertyId { get; init; }

    /// <summary>The name of the CP code the component creates. Default: null, meaning <see cref="PropertyName"/>.</summary>
    public ValidatedInput<string>? CpCodeName { get; init; }

    /// <summary>The hostnames the property serves (<c>cnameFrom</c>), DNS names, a leading <c>*.</c> allowed; at least one, no duplicates. Required.</summary>
    public required ValidatedInputList<string> Hostnames { get; init; }

    /// <summary>
    /// The edge hostname the served hostnames CNAME to, ending in <c>.edgesuite.net</c>, <c>.edgekey.net</c> (Enhanced
    /// TLS; needs <see cref="CertificateEnrollmentId"/>) or <c>.akamaized.net</c>. Required.
    /// </summary>
    public required ValidatedInput<string> EdgeHostname { get; init; }

    /// <summary>The edge hostname's IP versions (<c>ipBehavior</c>): <c>IPV4</c>, <c>IPV6_PERFORMANCE</c> or <c>IPV6_COMPLIANCE</c> (IPv4 and IPv6). Default: <c>IPV6_COMPLIANCE</c>.</summary>
    public string IpBehavior { get; init; } = "IPV6_COMPLIANCE";

    /// <summary>The CPS enrollment id of the certificate of an <c>.edgekey.net</c> edge hostname (<c>certificate</c>); required for those and only for those. Default: null.</summary>
    public int? CertificateEnrollmentId { get; init; }

    /// <summary>How the served hostnames get their certificates (<c>certProvisioningType</c>): <c>DEFAULT</c> (Akamai-managed DV certificates) or <c>CPS_MANAGED</c>. Default: <c>DEFAULT</c>.</summary>
    public string CertProvisioningType { get; init; } = "DEFAULT";

    /// <summary>The origin: the default rule's first behavior. Required.</summary>
    public required OriginOptions Origin { get; init; }

    /// <summary>Behaviors of the default rule after <c>origin</c> and <c>cpCode</c> (the component adds those two). Default: none.</summary>
    public IReadOnlyList<Behavior> DefaultBehaviors { get; init; } = [];

    /// <summary>The default rule's child rules. Default: none.</summary>
    public IReadOnlyList<Rule> Rules { get; init; } = [];

    /// <summary>The property's user variables (<c>PMUSER_*</c>). Default: none.</summary>
    public IReadOnlyList<RuleVariable> Variables { get; init; } = [];

    /// <summary>Comments on the default rule. Default: null (not stated).</summary>
    public string? Comments { get; init; }

    /// <summary>Property version notes (<c>versionNotes</c>). Default: null (not stated).</summary>
    public Input<string>? VersionNotes { get; init; }

    /// <summary>Email addresses told about activations (<c>contacts</c>); at least one. Required.</summary>
    public required ValidatedInputList<string> ActivationContacts { get; init; }

    /// <summary>The log message of every activation (<c>note</c>), e.g. the change's ticket; must not be blank. Required.</summary>
    public required ValidatedInput<string> ActivationNote { get; init; }

    /// <summary>Whether the version active on STAGING is also activated on PRODUCTION, after STAGING; switch on per stack. Default: false.</summary>
    public bool ActivateProduction { get; init; }

    /// <summary>How long the engine and the provider wait for an activation (create, update, delete), 10 minutes to 24 hours in whole minutes. Default: 90 minutes.</summary>
    public TimeSpan ActivationTimeout { get; init; } = TimeSpan.FromMinutes(90);

    /// <summary>
    /// Resources the STAGING activation waits for besides the property, e.g. the STAGING activation of an EdgeWorker
    /// the rules run: Akamai refuses to activate rules that call an EdgeWorker not active on that network. Default: none.
    /// </summary>
    public IReadOnlyList<Resource> StagingDependsOn { get; init; } = [];

    /// <summary>Resources the PRODUCTION activation waits for besides STAGING, e.g. the EdgeWorker's PRODUCTION activation. Default: none.</summary>
    public IReadOnlyList<Resource> ProductionDependsOn { get; init; } = [];

    /// <summary>
    /// Whether the STAGING activation acknowledges the rule tree's warnings and goes on (<c>autoAcknowledgeRuleWarnings</c>).
    /// Default: true.
    /// </summary>
    /// <remarks>
    /// The provider's own default is false (pulumi-akamai v11.4 schema, "Automatically acknowledge all rule warnings for
    /// activation to continue. Default is false"; terraform-provider-akamai <c>akamai_property_activation</c>,
    /// https://techdocs.akamai.com/terraform/docs/pm-rc-activation), which makes an activation fail on any Property Manager warning, even an advisory
    /// one. Property Manager itself advises activating with <c>acknowledgeAllWarnings</c> to avoid failed requests
    /// (https://techdocs.akamai.com/property-mgr/reference/property-activation-error-handling). Warnings never let an
    /// error through: Akamai still refuses a rule tree with errors, and the library's rule-tree validator already fails
    /// synthesis on what the rule format catalog forbids. STAGING serves no end users, so it acknowledges by default.
    /// Akamai does not apply a new value to a version that is already active: it takes effect at the next version's
    /// activation.
    /// </remarks>
    public bool AcknowledgeStagingRuleWarnings { get; init; } = true;

    /// <summary>
    /// Whether the PRODUCTION activation acknowledges the rule tree's warnings and goes on (<c>autoAcknowledgeRuleWarnings</c>).
    /// No default: when <see cref="ActivateProduction"/> is true it must be stated (a synthesis error otherwise), because
    /// it decides whether end users get a version with warnings nobody read. true: the version already went through
    /// STAGING with the same warnings, and errors still stop it (see <see cref="AcknowledgeStagingRuleWarnings"/>); false:
    /// any warning fails the PRODUCTION activation after STAGING succeeded, for a person to read it and deploy again with
    /// true. Ignored when PRODUCTION is not activated. Default: null.
    /// </summary>
    public bool? AcknowledgeProductionRuleWarnings { get; init; }
}
