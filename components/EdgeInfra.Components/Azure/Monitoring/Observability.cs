using System.Globalization;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Monitor;
using EdgeInfra.AzureNative.Monitor.Inputs;
using EdgeInfra.AzureNative.OperationalInsights;
using EdgeInfra.AzureNative.OperationalInsights.Inputs;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>
/// The stack's observability: one Log Analytics workspace that everything reports to, a stack-wide pass that adds a
/// diagnostic setting to every resource that supports one and the Azure Monitor agent with a data collection rule to
/// every virtual machine, an alert on repeated origin-verification failures and one on origin certificates close to expiry.
/// </summary>
/// <remarks>
/// <para>Children (names prefixed with the component's name):</para>
/// <list type="bullet">
/// <item><c>workspace</c>: <c>operationalinsights:Workspace</c>, SKU PerGB2018, local authentication disabled.</item>
/// <item><c>workspace-lock</c>: with a <see cref="LockKind.CanNotDelete"/> lock, the Azure lock on the workspace (see <see cref="ManagementLocks"/>).</item>
/// <item><c>dcr</c>: <c>monitor:DataCollectionRule</c>: syslog (Linux), Windows event logs and performance counters to the workspace.</item>
/// <item><c>origin-auth-failed</c>: <c>monitor:ScheduledQueryRule</c>, severity 2, over <see cref="OriginAuthFailures.Query"/>;
/// query validation is skipped because the <c>Syslog</c> and <c>Event</c> tables only exist once the first agent reports.</item>
/// <item><c>origin-certificate-expiring</c>: <c>monitor:ScheduledQueryRule</c>, severity 2, over
/// <see cref="OriginCertificateExpiry.Query"/> (one hour, every 15 minutes), to the same action group.</item>
/// <item><c>alerts</c>: <c>monitor:ActionGroup</c> with email receivers, only when <see cref="ObservabilityArgs.AlertEmails"/> is not empty.</item>
/// </list>
/// <para>
/// The stack pass runs once the stack's constructor is done. For every resource whose type is in
/// <see cref="DiagnosticCategories"/> and that no diagnostic setting covers yet (see <see cref="DiagnosticCoverage"/>), it
/// adds <c>{resource}-diag</c> with every log (<c>allLogs</c>) and metric category the table gives the type, through
/// <see cref="DiagnosticSettings"/> (a storage account also gets <c>{resource}-blob-diag</c> on its blob service). For every <c>compute:VirtualMachine</c> it adds <c>{vm}-ama</c>, the Azure Monitor agent
/// extension for the VM's operating system (unless the VM has one already; see <see cref="VirtualMachineOsDetection"/>;
/// on a VM with only user-assigned identities it names the first of them, see <see cref="AgentIdentity"/>),
/// and <c>{vm}-dcra</c>, the association of the VM with the data collection rule.
/// </para>
/// </remarks>
public sealed partial class Observability : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:azure:Observability";

    /// <summary>The publisher of the Azure Monitor agent extensions.</summary>
    public const string AgentPublisher = "Microsoft.Azure.Monitor";

    /// <summary>The Azure Monitor agent extension type for Linux.</summary>
    public const string LinuxAgentType = "AzureMonitorLinuxAgent";

    /// <summary>The Azure Monitor agent extension type for Windows.</summary>
    public const string WindowsAgentType = "AzureMonitorWindowsAgent";

    /// <summary>The name of every diagnostic setting the component adds (unique per target resource); see <see cref="DiagnosticSettings.SettingName"/>.</summary>
    public const string DiagnosticSettingName = DiagnosticSettings.SettingName;

    private const string WorkspaceDestination = "workspace";
    private readonly ObservabilityArgs _args;

    /// <summary>Creates the component named <paramref name="name"/>.</summary>
    /// <exception cref="SynthesisException"><paramref name="args"/> are invalid; every problem is listed.</exception>
    public Observability(string name, ObservabilityArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options, ChildNaming.AlwaysPrefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        Validate(name, args);
        _args = args;

        var workspace = new Workspace("workspace", new WorkspaceArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Sku = new WorkspaceSkuArgs { Name = WorkspaceSkuNameEnum.PerGB2018 },
            RetentionInDays = args.RetentionInDays,
            Identity = WorkspaceIdentity(args.ManagedIdentities),
            Features = new WorkspaceFeaturesArgs
            {
                DisableLocalAuth = true,
                EnableLogAccessUsingOnlyResourcePermissions = true,
            },
            PublicNetworkAccessForIngestion = args.PublicNetworkAccessForIngestion ? PublicNetworkAccessType.Enabled : PublicNetworkAccessType.Disabled,
            PublicNetworkAccessForQuery = args.PublicNetworkAccessForQuery ? PublicNetworkAccessType.Enabled : PublicNetworkAccessType.Disabled,
            Tags = args.TagsWithDefaults(),
        }, args.LockedOptions(this));
        ManagementLocks.Create(this, "workspace", workspace.Id, args.Lock);

        if (args.DiagnosticSettings is { } diagnostics)
        {
            DiagnosticSettings.Create(this, "workspace", workspace.Id, DiagnosticCategories.LogAnalyticsWorkspaces, diagnostics);
        }

        RoleAssignments.GrantAll(this, "workspace", workspace.Id, args.RoleAssignments);

        var rule = CreateDataCollectionRule(args, workspace);
        var actions = CreateActionGroup(args);
        CreateOriginAuthFailureAlert(args, workspace, actions);
        CreateOriginCertificateExpiryAlert(args, workspace, actions);

        WorkspaceId = workspace.Id;
        WorkspaceName = workspace.Name;
        WorkspaceCustomerId = workspace.CustomerId;
        DataCollectionRuleId = rule.Id;

        EdgeInfra.Deployment.AddStackPass(AddDiagnosticsAndAgents);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["workspaceId"] = WorkspaceId,
            ["workspaceName"] = WorkspaceName,
            ["workspaceCustomerId"] = WorkspaceCustomerId,
            ["dataCollectionRuleId"] = DataCollectionRuleId,
        });
    }

    /// <summary>The workspace's resource id, for diagnostic settings of other components.</summary>
    public Output<string> WorkspaceId { get; }

    /// <summary>The workspace's name.</summary>
    public Output<string> WorkspaceName { get; }

    /// <summary>The workspace's customer id (the workspace GUID that agents and queries use).</summary>
    public Output<string> WorkspaceCustomerId { get; }

    /// <summary>The resource id of the data collection rule associated with every VM.</summary>
    public Output<string> DataCollectionRuleId { get; }

    private static void Validate(string name, ObservabilityArgs args)
    {
        var errors = new ComponentErrors(TypeToken, name);
        if (args.RetentionInDays is < ObservabilityArgs.MinRetentionInDays or > ObservabilityArgs.MaxRetentionInDays)
        {
            errors.Add("retentionInDays", $"{args.RetentionInDays} is outside {ObservabilityArgs.MinRetentionInDays}..{ObservabilityArgs.MaxRetentionInDays}: a PerGB2018 workspace keeps data 30 to 730 days");
        }

        if (args.OriginAuthFailureThreshold is < 1 or > ObservabilityArgs.MaxOriginAuthFailureThreshold)
        {
            errors.Add("originAuthFailureThreshold", $"{args.OriginAuthFailureThreshold} is outside 1..{ObservabilityArgs.MaxOriginAuthFailureThreshold}: the alert fires when at least this many rejections are logged in its window");
        }

        if (!ObservabilityArgs.AllowedWindowMinutes.Contains(args.OriginAuthFailureWindowMinutes))
        {
            errors.Add("originAuthFailureWindowMinutes", $"{args.OriginAuthFailureWindowMinutes} is not a log alert window: use one of {string.Join(", ", ObservabilityArgs.AllowedWindowMinutes)} minutes");
        }

        DiagnosticSettings.Check(args.DiagnosticSettings, errors);
        ManagementLocks.Check(args.Lock, errors);

        ManagedIdentityBlock.Check(args.ManagedIdentities, errors, allowsBoth: false, resourceKind: "a Log Analytics workspace");

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var emails = args.AlertEmails.Values;
        for (var i = 0; i < emails.Count; i++)
        {
            var email = emails[i];
            if (email is null || !ValidationPatterns.Email().IsMatch(email))
            {
                errors.Add($"alertEmails[{i}]", $"'{email}' is not an email address: it must read name@domain.tld, without spaces");
            }
            else if (!seen.Add(email))
            {
                errors.Add($"alertEmails[{i}]", $"'{email}' is given twice: each address is one receiver");
            }
        }

        errors.ThrowIfAny();
    }

    /// <summary>The workspace's <c>identity</c> block for <paramref name="identities"/>; null (not stated) when they ask for none.</summary>
    private static Input<IdentityArgs>? WorkspaceIdentity(ManagedIdentitiesSpec? identities)
    {
        var type = ManagedIdentityBlock.TypeOf(identities);
        if (identities is null || type == ManagedIdentityBlock.None)
        {
            return null;
        }

        return new IdentityArgs
        {
            Type = new AzureNative.OperationalInsights.IdentityType(type),
            UserAssignedIdentities = ManagedIdentityBlock.UserAssignedIdentities(identities.UserAssignedResourceIds),
        };
    }

    private DataCollectionRule CreateDataCollectionRule(ObservabilityArgs args, Workspace workspace) =>
        new("dcr", new DataCollectionRuleArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Description = "Guest logs and performance counters of every VM of the stack, sent to the stack's Log Analytics workspace.",
            DataSources = new DataCollectionRuleDataSourcesArgs
            {
                Syslog =
                [
                    new SyslogDataSourceArgs
                    {
                        Name = "syslog",
                        Streams = ["Microsoft-Syslog"],
                        FacilityNames = [.. OriginAuthFailures.SyslogFacilities],
                        LogLevels = [.. OriginAuthFailures.SyslogLevels],
                    },
                ],
                WindowsEventLogs =
                [
                    new WindowsEventLogDataSourceArgs
                    {
                        Name = "windowsEventLogs",
                        Streams = ["Microsoft-Event"],
                        XPathQueries =
                        [
                            "Application!*[System[(Level=1 or Level=2 or Level=3)]]",
                            "System!*[System[(Level=1 or Level=2 or Level=3)]]",
                        ],
                    },
                ],
                PerformanceCounters =
                [
                    new PerfCounterDataSourceArgs
                    {
                        Name = "perfCountersLinux",
                        Streams = ["Microsoft-Perf"],
                        SamplingFrequencyInSeconds = 60,
                        CounterSpecifiers = ["Processor(*)\\% Processor Time", "Memory(*)\\Available MBytes Memory", "Logical Disk(*)\\% Free Space"],
                    },
                    new PerfCounterDataSourceArgs
                    {
                        Name = "perfCountersWindows",
                        Streams = ["Microsoft-Perf"],
                        SamplingFrequencyInSeconds = 60,
                        CounterSpecifiers = ["\\Processor Information(_Total)\\% Processor Time", "\\Memory\\Available Bytes", "\\LogicalDisk(_Total)\\% Free Space"],
                    },
                ],
            },
            Destinations = new DataCollectionRuleDestinationsArgs
            {
                LogAnalytics = [new LogAnalyticsDestinationArgs { Name = WorkspaceDestination, WorkspaceResourceId = workspace.Id }],
            },
            DataFlows =
            [
                new DataFlowArgs
                {
                    Streams = ["Microsoft-Syslog", "Microsoft-Event", "Microsoft-Perf"],
                    Destinations = [WorkspaceDestination],
                },
            ],
            Tags = args.TagsWithDefaults(),
        }, new CustomResourceOptions { Parent = this });

    /// <summary>The action group of <see cref="ObservabilityArgs.AlertEmails"/> as the alerts' actions; null without addresses.</summary>
    private Input<ActionsArgs>? CreateActionGroup(ObservabilityArgs args)
    {
        if (args.AlertEmails.Count > 0)
        {
            var group = new ActionGroup("alerts", new ActionGroupArgs
            {
                ResourceGroupName = args.ResourceGroupName,
                Location = "Global",
                GroupShortName = "edge-alerts",
                Enabled = true,
                EmailReceivers = [.. args.AlertEmails.Select((email, i) => new MicrosoftCommonEmailReceiverArgs
                {
                    Name = $"email-{i + 1}",
                    EmailAddress = email,
                    UseCommonAlertSchema = true,
                })],
                Tags = args.TagsWithDefaults(),
            }, new CustomResourceOptions { Parent = this });
            return new ActionsArgs { ActionGroups = [group.Id] };
        }

        return null;
    }

    private void CreateOriginAuthFailureAlert(ObservabilityArgs args, Workspace workspace, Input<ActionsArgs>? actions)
    {
        var window = args.OriginAuthFailureWindowMinutes;
        CreateLogAlert("origin-auth-failed", args, workspace, actions, new LogAlert(
            "Repeated origin-verification failures",
            $"At least {args.OriginAuthFailureThreshold} requests without the edge's credentials were rejected by the origin within {window} minutes (log lines tagged '{OriginAuthFailures.Tag}').",
            OriginAuthFailures.Query,
            window == 1 ? "PT1M" : "PT5M",
            IsoDuration(window),
            args.OriginAuthFailureThreshold));
    }

    /// <summary>
    /// The alert on origin certificates about to expire: any line of <see cref="OriginCertificateExpiry.Query"/> within the
    /// last hour (each VM logs one an hour while its certificate is within <see cref="OriginCertificateExpiry.WarningDays"/>
    /// days of expiry), evaluated every 15 minutes, resolved once no VM has logged one for an hour.
    /// </summary>
    private void CreateOriginCertificateExpiryAlert(ObservabilityArgs args, Workspace workspace, Input<ActionsArgs>? actions) =>
        CreateLogAlert("origin-certificate-expiring", args, workspace, actions, new LogAlert(
            "Origin certificate close to expiry",
            $"An origin VM serves a certificate that expires within {OriginCertificateExpiry.WarningDays} days (log lines tagged '{OriginCertificateExpiry.Tag}', one an hour per VM): its renewal did not reach the VM.",
            OriginCertificateExpiry.Query,
            "PT15M",
            "PT1H",
            1));

    /// <summary>
    /// A severity 2 log search alert over the workspace that fires when <see cref="LogAlert.Query"/> counts at least
    /// <see cref="LogAlert.Threshold"/> rows in its window, and resolves itself; query validation is skipped because the
    /// <c>Syslog</c> and <c>Event</c> tables only exist once the first agent reports.
    /// </summary>
    private void CreateLogAlert(string name, ObservabilityArgs args, Workspace workspace, Input<ActionsArgs>? actions, LogAlert alert) =>
        new ScheduledQueryRule(name, new ScheduledQueryRuleArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Kind = Kind.LogAlert,
            DisplayName = alert.DisplayName,
            Description = alert.Description,
            Severity = 2,
            Enabled = true,
            Scopes = [workspace.Id],
            EvaluationFrequency = alert.EvaluationFrequency,
            WindowSize = alert.WindowSize,
            AutoMitigate = true,
            SkipQueryValidation = true,
            Criteria = new ScheduledQueryRuleCriteriaArgs
            {
                AllOf =
                [
                    new ConditionArgs
                    {
                        Query = alert.Query,
                        TimeAggregation = TimeAggregation.Count,
                        Operator = "GreaterThanOrEqual",
                        Threshold = alert.Threshold,
                        FailingPeriods = new ConditionFailingPeriodsArgs { NumberOfEvaluationPeriods = 1, MinFailingPeriodsToAlert = 1 },
                    },
                ],
            },
            Actions = actions,
            Tags = args.TagsWithDefaults(),
        }, new CustomResourceOptions { Parent = this });

    /// <summary>What distinguishes one of the component's log alerts.</summary>
    private sealed record LogAlert(string DisplayName, string Description, string Query, string EvaluationFrequency, string WindowSize, int Threshold);

    private void AddDiagnosticsAndAgents(IReadOnlyList<Resource> resources)
    {
        var covered = DiagnosticCoverage.CoveredBy(resources);
        foreach (var resource in resources.OfType<CustomResource>())
        {
            if (DiagnosticCategories.AzureTypeOf(resource.GetResourceType()) is { } azureType && !covered.Contains(resource))
            {
                DiagnosticSettings.Create(this, ChildName(resource), resource.Id, azureType, PassSpec());
            }
        }

        var agents = VirtualMachinesWithAgent(resources);
        var errors = new List<SynthesisError>();
        foreach (var vm in resources.OfType<VirtualMachine>())
        {
            var os = VirtualMachineOsDetection.Detect(vm);
            var resourceGroupName = ((VirtualMachineArgs)vm.Args).ResourceGroupName?.ToExpression();
            if (os is null)
            {
                errors.Add(new(SynthesisError.SubjectOf(vm), "osProfile", $"the Observability component '{GetResourceName()}' cannot tell whether the VM runs Linux or Windows: set osProfile.linuxConfiguration or windowsConfiguration, storageProfile.osDisk.osType, or an image of a known publisher"));
            }

            if (resourceGroupName is null)
            {
                errors.Add(new(SynthesisError.SubjectOf(vm), "resourceGroupName", $"the Observability component '{GetResourceName()}' needs the VM's resource group to install the Azure Monitor agent: set resourceGroupName"));
            }

            if (os is null || resourceGroupName is null)
            {
                continue;
            }

            if (!agents.Contains(vm))
            {
                AddAgent(vm, os.Value, resourceGroupName);
            }

            new DataCollectionRuleAssociation($"{ChildName(vm)}-dcra", new DataCollectionRuleAssociationArgs
            {
                ResourceUri = vm.Id,
                AssociationName = $"{LogicalName}-dcr",
                DataCollectionRuleId = DataCollectionRuleId,
                Description = "Sends the VM's guest logs and performance counters to the stack's Log Analytics workspace.",
            }, new CustomResourceOptions { Parent = this });
        }

        if (errors.Count > 0)
        {
            throw new SynthesisException(errors);
        }
    }

    /// <summary>What the stack pass sends: every log (<c>allLogs</c>) and every metric category of each type, to the workspace.</summary>
    private DiagnosticSettingsSpec PassSpec() => new()
    {
        WorkspaceId = WorkspaceId,
        LogCategoryGroups = [DiagnosticCategories.AllLogs],
        Metrics = true,
    };

    private void AddAgent(VirtualMachine vm, VirtualMachineOs os, Expressions.Expression resourceGroupName)
    {
        var type = os == VirtualMachineOs.Linux ? LinuxAgentType : WindowsAgentType;
        new VirtualMachineExtension($"{ChildName(vm)}-ama", new VirtualMachineExtensionArgs
        {
            ResourceGroupName = Input<string>.FromExpression(resourceGroupName),
            VmName = vm.GetOutput<string>("name"),
            VmExtensionName = type,
            Location = vm.GetOutput<string>("location"),
            Publisher = AgentPublisher,
            Type = type,
            TypeHandlerVersion = "1.0",
            AutoUpgradeMinorVersion = true,
            EnableAutomaticUpgrade = true,
            Settings = AgentIdentity.UserAssignedIdFor(vm) is { } identityId ? AgentIdentity.Settings(identityId) : null,
            Tags = _args.TagsWithDefaults(),
        }, new CustomResourceOptions { Parent = this });
    }

    /// <summary>
    /// The name, under this component, of what the pass adds for <paramref name="resource"/>: its logical name, or its
    /// short name when it is this component's own child (<c>workspace-diag</c>, not <c>obs-workspace-diag</c>).
    /// </summary>
    private string ChildName(Resource resource) =>
        ReferenceEquals(resource.Component, this) ? resource.GetResourceName() : resource.LogicalName;

    /// <summary>The VMs that an Azure Monitor agent extension among <paramref name="resources"/> already targets.</summary>
    private static HashSet<Resource> VirtualMachinesWithAgent(IReadOnlyList<Resource> resources)
    {
        var vms = new HashSet<Resource>();
        foreach (var extension in resources.OfType<VirtualMachineExtension>())
        {
            var args = (VirtualMachineExtensionArgs)extension.Args;
            var isAgent = args.Type is { } type && type.TryGetValue(out var name) && name is LinuxAgentType or WindowsAgentType;
            if (isAgent && args.VmName is { } vmName)
            {
                vms.UnionWith(DiagnosticCoverage.ReferencedResources(vmName.ToExpression()));
            }
        }

        return vms;
    }

    private static string IsoDuration(int minutes) => minutes switch
    {
        >= 1440 => string.Create(CultureInfo.InvariantCulture, $"P{minutes / 1440}D"),
        >= 60 => string.Create(CultureInfo.InvariantCulture, $"PT{minutes / 60}H"),
        _ => string.Create(CultureInfo.InvariantCulture, $"PT{minutes}M"),
    };
}
