namespace EdgeInfra.Testing;

/// <summary>A value of the tested program cannot be evaluated, or a mock failed; the message names the resource and property.</summary>
public sealed class EvaluationException : Exception
{
    internal EvaluationException(string subject, string? property, string reason, Exception? innerException = null)
        : base(property is null ? $"{subject}: {reason}" : $"{subject}, property '{property}': {reason}", innerException)
    {
        Subject = subject;
        Property = property;
        Reason = reason;
    }

    /// <summary>What was being evaluated, e.g. <c>resource 'vault' (azure-native:keyvault:Vault)</c> or <c>stack output 'vaultUri'</c>.</summary>
    public string Subject { get; }

    /// <summary>The property being evaluated, as a path (<c>properties.sku.name</c>, <c>rules[0]</c>); null for the whole subject.</summary>
    public string? Property { get; }

    /// <summary>What went wrong.</summary>
    public string Reason { get; }
}
