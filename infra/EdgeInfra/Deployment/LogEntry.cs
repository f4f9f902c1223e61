namespace EdgeInfra;

/// <summary>A message the program logged with <see cref="Log"/> while its stack was built.</summary>
/// <param name="Severity">How severe it is.</param>
/// <param name="Message">The message.</param>
/// <param name="Resource">The resource it is about, if any.</param>
public sealed record LogEntry(LogSeverity Severity, string Message, Resource? Resource)
{
    /// <summary>The entry as it is written to standard error, e.g. <c>warning: resource 'vault' (azure-native:keyvault:Vault): no lock</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            LogSeverity.Debug => "debug",
            LogSeverity.Info => "info",
            LogSeverity.Warning => "warning",
            _ => "error",
        };
        return Resource is null ? $"{severity}: {Message}" : $"{severity}: {SynthesisError.SubjectOf(Resource)}: {Message}";
    }
}
