namespace EdgeInfra.Review;

/// <summary>Limits that keep a rendered diff readable and short enough for a pull-request comment.</summary>
public sealed record DiffRenderOptions
{
    /// <summary>The defaults: 40 changes per resource, values of 80 characters, 60000 characters in all.</summary>
    public static DiffRenderOptions Default { get; } = new();

    /// <summary>No limits: everything is shown, every value in full.</summary>
    public static DiffRenderOptions Unlimited { get; } = new()
    {
        MaxChangesPerResource = int.MaxValue,
        MaxLength = int.MaxValue,
        MaxValueLength = int.MaxValue,
    };

    /// <summary>How many value changes are shown per resource; the rest are counted. Default 40.</summary>
    public int MaxChangesPerResource { get; init; } = 40;

    /// <summary>
    /// The most characters the whole text may have (default 60000, under GitHub's 65536 for a comment). Resources that
    /// do not fit are left out and counted in a note at the end.
    /// </summary>
    public int MaxLength { get; init; } = 60000;

    /// <summary>The most characters of one rendered value; longer values end with <c>…</c>. Default 80.</summary>
    public int MaxValueLength { get; init; } = 80;

    /// <summary>Throws when a limit is not positive, or the whole-text limit is too small for the summary and the note.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChangesPerResource, 1, nameof(MaxChangesPerResource));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLength, 2000, nameof(MaxLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxValueLength, 8, nameof(MaxValueLength));
    }
}
