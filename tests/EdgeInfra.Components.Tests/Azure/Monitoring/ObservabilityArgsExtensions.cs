using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Monitoring;

namespace EdgeInfra.Components.Tests.Azure.Monitoring;

/// <summary>Copies of <see cref="ObservabilityArgs"/> with some properties changed.</summary>
internal static class ObservabilityArgsExtensions
{
    public static ObservabilityArgs With(this ObservabilityArgs args, int? retention = null, int? threshold = null, int? window = null, ValidatedInputList<string>? emails = null, DiagnosticSettingsSpec? diagnostics = null) => new()
    {
        ResourceGroupName = args.ResourceGroupName,
        Location = args.Location,
        RetentionInDays = retention ?? args.RetentionInDays,
        OriginAuthFailureThreshold = threshold ?? args.OriginAuthFailureThreshold,
        OriginAuthFailureWindowMinutes = window ?? args.OriginAuthFailureWindowMinutes,
        AlertEmails = emails ?? args.AlertEmails,
        DiagnosticSettings = diagnostics ?? args.DiagnosticSettings,
    };
}
