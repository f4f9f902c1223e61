namespace EdgeInfra.Review;

/// <summary>What a rendered diff left out to stay within its limits.</summary>
/// <param name="Risks">Risk lines left out.</param>
/// <param name="Resources">Resources left out whole.</param>
/// <param name="Changes">Value changes left out of the resources shown.</param>
/// <param name="Entries">Output, config and variable changes left out.</param>
internal sealed record Omission(int Risks, int Resources, int Changes, int Entries)
{
    /// <summary>Nothing left out.</summary>
    public static readonly Omission None = new(0, 0, 0, 0);

    /// <summary>The largest counts, to measure the longest note.</summary>
    public static readonly Omission Largest = new(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue);

    /// <summary>True when anything was left out.</summary>
    public bool Any => Risks + (long)Resources + Changes + Entries > 0;
}
