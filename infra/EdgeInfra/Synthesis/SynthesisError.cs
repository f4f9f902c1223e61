namespace EdgeInfra;

/// <summary>Why a stack cannot be synthesized: what is wrong, where.</summary>
/// <param name="Subject">What the error is about, e.g. <c>resource 'vault' (azure-native:keyvault:Vault)</c>.</param>
/// <param name="Property">The property or option concerned, if any.</param>
/// <param name="Message">What is wrong and the rule it breaks.</param>
public sealed record SynthesisError(string Subject, string? Property, string Message)
{
    /// <summary>The subject of errors about a resource.</summary>
    public static string SubjectOf(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return $"resource '{resource.LogicalName}' ({resource.GetResourceType()})";
    }

    /// <inheritdoc />
    public override string ToString() =>
        Property is null ? $"{Subject}: {Message}" : $"{Subject}, property '{Property}': {Message}";
}
