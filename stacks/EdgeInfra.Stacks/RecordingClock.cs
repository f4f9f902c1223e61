namespace EdgeInfra.Stacks;

/// <summary>
/// The system clock, noting the earliest config time that synthesis compared it with (<see cref="ValidUntil"/>): the
/// program's output holds until then, and no longer (a time that has passed is an error). The compiler's output
/// cache (stacks/compile) reads it through <c>EDGEINFRA_VALID_UNTIL_FILE</c>, see Program.cs.
/// </summary>
internal sealed class RecordingClock : TimeProvider
{
    /// <summary>The earliest time given to <see cref="Until"/>; null when synthesis compared no time with the clock.</summary>
    public DateTimeOffset? ValidUntil { get; private set; }

    /// <summary>Notes that the output depends on the clock being before <paramref name="time"/>.</summary>
    public void Until(DateTimeOffset time) => ValidUntil = ValidUntil is { } earlier && earlier <= time ? earlier : time;
}
