namespace EdgeInfra.Schemas;

/// <summary>
/// Collects violations. A check can run on trial (<see cref="Capture"/>), so that the violations of a union
/// alternative are kept apart until the alternative is chosen.
/// </summary>
internal sealed class ViolationSink
{
    private readonly List<ConformanceViolation> all = [];
    private List<ConformanceViolation> current;

    public ViolationSink()
    {
        current = all;
    }

    public IReadOnlyList<ConformanceViolation> All => all;

    public void Add(string location, string message) => current.Add(new ConformanceViolation(location, message));

    public void AddRange(IEnumerable<ConformanceViolation> violations) => current.AddRange(violations);

    /// <summary>Adds a violation that is kept even during a trial (for checks that run only once).</summary>
    public void AddAlways(string location, string message) => all.Add(new ConformanceViolation(location, message));

    /// <summary>Runs a check and returns its violations instead of keeping them.</summary>
    public List<ConformanceViolation> Capture(Action check)
    {
        List<ConformanceViolation> saved = current;
        var captured = new List<ConformanceViolation>();
        current = captured;
        try
        {
            check();
        }
        finally
        {
            current = saved;
        }

        return captured;
    }

    /// <summary>Runs a check whose violations are always kept, even during a trial (used for checks that run once).</summary>
    public T KeepAlways<T>(Func<T> check)
    {
        List<ConformanceViolation> saved = current;
        current = all;
        try
        {
            return check();
        }
        finally
        {
            current = saved;
        }
    }
}
