namespace EdgeInfra;

/// <summary>How severe a <see cref="LogEntry"/> is.</summary>
public enum LogSeverity
{
    /// <summary>Detail for whoever debugs the program: <see cref="Log.Debug"/>.</summary>
    Debug,

    /// <summary>Information: <see cref="Log.Info"/>.</summary>
    Info,

    /// <summary>Something to look at that does not stop the deployment: <see cref="Log.Warn"/>.</summary>
    Warning,

    /// <summary>An error: the stack fails to synthesize, as a Pulumi program that logs an error fails: <see cref="Log.Error"/>.</summary>
    Error,
}
