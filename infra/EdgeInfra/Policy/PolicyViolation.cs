namespace EdgeInfra.Policy;

/// <summary>One place where a rule is broken: the resource (or component) and what is wrong with it.</summary>
/// <param name="Resource">The resource or component that breaks the rule.</param>
/// <param name="Message">What is wrong, naming the property and its value where there is one.</param>
/// <param name="Property">The input property at fault (a path such as <c>securityProfile.encryptionAtHost</c>), or null.</param>
public sealed record PolicyViolation(Resource Resource, string Message, string? Property = null);
