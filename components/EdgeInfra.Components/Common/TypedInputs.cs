namespace EdgeInfra.Components;

/// <summary>
/// Reads what a resource's typed inputs hold at synthesis: nested input types (<c>OSProfileArgs</c>), enum values
/// (<c>OperatingSystemTypes</c>) and text. A value known only at deploy time reads as null: it tells nothing.
/// </summary>
internal static class TypedInputs
{
    /// <summary>The plain object <paramref name="input"/> holds, or null.</summary>
    public static T? Plain<T>(Input<T>? input)
        where T : class => input is not null && input.TryGetValue(out var value) ? value : null;

    /// <summary>The plain value (an enum of the provider, a number) <paramref name="input"/> holds, or null.</summary>
    public static T? Value<T>(Input<T>? input)
        where T : struct => input is not null && input.TryGetValue(out var value) ? value : null;
}
