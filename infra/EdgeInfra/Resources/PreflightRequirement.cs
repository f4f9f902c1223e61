namespace EdgeInfra;

/// <summary>
/// Something an account must have before <c>pulumi up</c> that no program can show or create: a contract feature, a
/// subscription feature, a range list only the vendor publishes. Components state them; <c>preview</c> lists them.
/// </summary>
/// <param name="Requirement">What must be true, in one sentence, naming the values it concerns.</param>
/// <param name="HowToCheck">How an operator confirms it (a console page, a CLI command, a document).</param>
public sealed record PreflightRequirement(string Requirement, string HowToCheck);
