namespace EdgeInfra.Components.Akamai;

/// <summary>
/// A Property Manager rule tree in the pinned <see cref="RuleFormat"/>, built from typed <see cref="Rule"/>s,
/// <see cref="Behavior"/>s and <see cref="Criterion"/>s so nobody writes rule JSON by hand. <see cref="ToInput"/> gives
/// the <c>rules</c> input of <c>akamai:index/property:Property</c>: the JSON document <c>{"rules": {...}}</c>, stated
/// with <c>fn::toJSON</c> so that deploy-time values (an origin's hostname, a CP code's or an EdgeWorker's id) flow in
/// as references. <see cref="ToReviewJson"/> renders the same document for review, with placeholders for those values.
/// </summary>
/// <param name="defaultRule">The top rule, named <see cref="DefaultRuleName"/>.</param>
public sealed class RuleTree(Rule defaultRule)
{
    /// <summary>The name Property Manager gives the top rule.</summary>
    public const string DefaultRuleName = "default";

    /// <summary>The top rule: no criteria, the <c>origin</c> and <c>cpCode</c> behaviors, the variables, and the other rules as children.</summary>
    public Rule Default { get; } = defaultRule ?? throw new ArgumentNullException(nameof(defaultRule));

    /// <summary>The rule format the tree is written in: <see cref="RuleFormat.Pinned"/>.</summary>
    public string Format => RuleFormat.Pinned;

    /// <summary>Every problem of the tree, in tree order, each naming its JSON path, the bad value, the broken rule and the rule it is in; empty when the tree is valid.</summary>
    public IReadOnlyList<RuleTreeError> Validate() => RuleTreeValidator.Validate(Default);

    /// <summary>Fails synthesis with every problem of the tree, if any.</summary>
    /// <exception cref="SynthesisException">The tree is invalid; every problem is listed.</exception>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new SynthesisException([.. errors.Select(e => new SynthesisError("rule tree", e.Path, e.Message))]);
        }
    }

    /// <summary>
    /// The rule-tree JSON as the <c>rules</c> input of a property: <c>fn::toJSON</c> over the document (keys in ordinal
    /// order, so the same tree always states the same program). A CP code id known only at deploy time is written as a
    /// JSON integer by cutting marks from the JSON text with <c>fn::split</c>/<c>fn::join</c> (see <see cref="Behavior.CpCodeOf"/>).
    /// </summary>
    /// <exception cref="SynthesisException">The tree is invalid; every problem is listed.</exception>
    public Output<string> ToInput()
    {
        ThrowIfInvalid();
        var document = RuleTreeDocument.Of(Default);
        var json = Output.JsonSerialize<PropertyMap>((PropertyMap)RuleTreeDocument.ToSerializable(document)!);
        return RuleTreeDocument.HasDeployTimeIntegers(document) ? JsonIntegerFromText.Unmark(json) : json;
    }

    /// <summary>
    /// The rule-tree JSON for review: indented, keys in ordinal order, deploy-time values as placeholders in the
    /// program's notation (<c>"${prop-cp-code.id}"</c>). Deterministic, so it can be kept as a golden file. Does not validate.
    /// </summary>
    public string ToReviewJson() => RuleTreeReviewJson.Write(RuleTreeDocument.Of(Default));
}
