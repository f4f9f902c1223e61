namespace EdgeInfra;

/// <summary>
/// Messages from the stack program, like Pulumi .NET's <c>Log</c>. They go to standard error, never to standard
/// output (which holds the synthesized program); a stack test captures them in <see cref="Testing.TestResult.Log"/>
/// instead. As in Pulumi, a program that logs an error fails: <see cref="Error"/> makes synthesis throw a
/// <see cref="SynthesisException"/> that lists the message.
/// </summary>
public static class Log
{
    /// <summary>Logs a debug message, about <paramref name="resource"/> if given.</summary>
    public static void Debug(string message, Resource? resource = null) => Write(LogSeverity.Debug, message, resource);

    /// <summary>Logs an informational message, about <paramref name="resource"/> if given.</summary>
    public static void Info(string message, Resource? resource = null) => Write(LogSeverity.Info, message, resource);

    /// <summary>Logs a warning, about <paramref name="resource"/> if given.</summary>
    public static void Warn(string message, Resource? resource = null) => Write(LogSeverity.Warning, message, resource);

    /// <summary>Logs an error, about <paramref name="resource"/> if given: the stack being built then fails to synthesize.</summary>
    public static void Error(string message, Resource? resource = null) => Write(LogSeverity.Error, message, resource);

    private static void Write(LogSeverity severity, string message, Resource? resource)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entry = new LogEntry(severity, message, resource);
        if (DeploymentContext.Current is { } deployment)
        {
            deployment.Log(entry);
        }
        else
        {
            Console.Error.WriteLine(entry);
        }
    }
}
