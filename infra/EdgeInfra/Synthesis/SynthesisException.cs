namespace EdgeInfra;

/// <summary>The stack cannot be synthesized; <see cref="Errors"/> says why, each error naming its resource and property.</summary>
public sealed class SynthesisException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    public SynthesisException(IReadOnlyList<SynthesisError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Creates the exception for one error.</summary>
    public SynthesisException(string subject, string? property, string message)
        : this([new SynthesisError(subject, property, message)])
    {
    }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<SynthesisError> Errors { get; }

    private static string Describe(IReadOnlyList<SynthesisError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var noun = errors.Count == 1 ? "error" : "errors";
        return $"Synthesis failed with {errors.Count} {noun}:" + string.Concat(errors.Select(e => "\n  - " + e));
    }
}
