using System.Globalization;
using System.Text;

namespace EdgeInfra;

/// <summary>How long the engine waits for a create, an update or a delete.</summary>
public sealed record CustomTimeouts
{
    /// <summary>The create timeout.</summary>
    public TimeSpan? Create { get; init; }

    /// <summary>The update timeout.</summary>
    public TimeSpan? Update { get; init; }

    /// <summary>The delete timeout.</summary>
    public TimeSpan? Delete { get; init; }

    /// <summary>A duration as Pulumi writes it (Go's duration syntax): <c>1h30m</c>, <c>45s</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A timeout must be positive.");
        }

        if (duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A timeout must be whole seconds.");
        }

        var text = new StringBuilder();
        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (duration.Minutes > 0)
        {
            text.Append(duration.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (duration.Seconds > 0)
        {
            text.Append(duration.Seconds.ToString(CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }
}
