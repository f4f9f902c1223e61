using EdgeInfra.AzureNative.Storage;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Azure;
using EdgeInfra.Testing;
using static EdgeInfra.Components.Tests.Akamai.DataStream.SecretConfigHarness;
using static EdgeInfra.Components.Tests.ResolvedValues;

namespace EdgeInfra.Components.Tests.Akamai.DataStream;

public sealed class EdgeLogStreamTests
{
    private const string Subject = "component 'logs' (edgeinfra:akamai:EdgeLogStream)";

    private static EdgeLogStreamArgs Defaults() => new()
    {
        ResourceGroupName = "rg-logs",
        Location = "westeurope",
        ContractId = "ctr_C-0N7RAC7",
        GroupId = "grp_12345",
        PropertyIds = ["prp_111"],
        StreamName = "edge-audit-dev",
        NotificationEmails = ["soc@example.com"],
        StorageAccountName = "edgelogsdev",
        ContainerName = "edge-logs",
    };

    private static EdgeLogStreamArgs Full() => new()
    {
        ResourceGroupName = "rg-logs",
        Location = "westeurope",
        ContractId = "ctr_C-0N7RAC7",
        GroupId = "grp_12345",
        PropertyIds = ["prp_111", "prp_222"],
        StreamName = "edge-audit-prod",
        NotificationEmails = ["soc@example.com", "oncall@example.com"],
        Active = false,
        DatasetFields = [DataStreamField.RequestTime, DataStreamField.ClientIp, DataStreamField.HttpStatusCode],
        DeliveryFrequencySeconds = 60,
        StorageAccountName = "edgelogsprod",
        ContainerName = "audit",
        Path = "akamai",
        ConnectorDisplayName = "soc-archive",
        CompressLogs = false,
        RetentionDays = 2555,
        AllowProtectedAppendWrites = false,
        StorageSku = SkuName.Standard_ZRS,
        AllowedIpRanges = ["203.0.113.0/24", "198.51.100.7"],
        Tags = new Dictionary<string, Input<string>> { ["environment"] = "prod" },
        Lock = LockSpec.CanNotDelete,
        DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = "ws-1", LogCategoryGroups = ["allLogs", "audit"] },
        RoleAssignments = [new RoleAssignmentSpec { Name = "auditors", Role = BuiltInRole.Reader, PrincipalId = "group-1", PrincipalType = "Group" }],
    };

    [Fact]
    public async Task Defaults_stream_the_audit_fields_as_json_every_30_seconds_to_a_locked_down_account()
    {
        static void Build() => _ = new EdgeLogStream("logs", Defaults());

        SynthConforming(Build);
        var result = await RunAsync(Build);
        var storage = result.Resource("logs-storage");
        Assert.Equal("azure-native:storage:StorageAccount", storage.Type);
        AssertTree(
            Obj(
                ("accountName", "edgelogsdev"),
                ("allowBlobPublicAccess", false),
                ("allowCrossTenantReplication", false),
                ("allowSharedKeyAccess", true),
                ("defaultToOAuthAuthentication", true),
                ("enableHttpsTrafficOnly", true),
                ("encryption", Obj(
                    ("keySource", "Microsoft.Storage"),
                    ("requireInfrastructureEncryption", true),
                    ("services", Obj(("blob", Obj(("enabled", true), ("keyType", "Account"))))))),
                ("isLocalUserEnabled", false),
                ("isSftpEnabled", false),
                ("kind", "StorageV2"),
                ("location", "westeurope"),
                ("minimumTlsVersion", "TLS1_2"),
                ("networkRuleSet", Obj(("bypass", "AzureServices"), ("defaultAction", "Allow"))),
                ("publicNetworkAccess", "Enabled"),
                ("resourceGroupName", "rg-logs"),
                ("sku", Obj(("name", "Standard_GRS"))),
                ("tags", Obj(("managedBy", "edge-infra")))),
            storage.Inputs);

        var stream = result.Resource("logs-stream");
        Assert.Equal("akamai:index/datastream:Datastream", stream.Type);
        AssertTree(
            Obj(
                ("active", true),
                ("azureConnector", Obj(
                    ("accessKey", new SecretValue(ComponentMocks.StorageKey)),
                    ("accountName", storage.Outputs["name"]),
                    ("compressLogs", true),
                    ("containerName", result.Resource("logs-container").Outputs["name"]),
                    ("displayName", "azure-edgelogsdev-edge-logs"),
                    ("path", "edge-logs/{%Y}/{%m}/{%d}"))),
                ("contractId", "ctr_C-0N7RAC7"),
                ("datasetFields", new[] { 1100L, 1002L, 1000L, 1006L, 1011L, 1012L, 1013L, 1009L, 1008L, 1005L, 1017L, 1032L, 1066L, 2002L, 2010L }),
                ("deliveryConfiguration", Obj(("format", "JSON"), ("frequency", Obj(("intervalInSecs", 30L))))),
                ("groupId", "grp_12345"),
                ("notificationEmails", new[] { "soc@example.com" }),
                ("properties", new[] { "prp_111" }),
                ("streamName", "edge-audit-dev")),
            stream.Inputs);
        Assert.Same(result.Resource("logs-container-retention").Resource, Assert.Single(stream.Options.DependsOn));
        Assert.Equal("11.4.0", stream.Options.Version);
        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "ipRules"));
        Assert.DoesNotContain(result.Resources, r => r.Type.Contains("DiagnosticSetting", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Resources, r => r.Options.Protect);
    }

    [Fact]
    public async Task One_deployment_creates_the_container_its_retention_policy_and_the_stream_with_the_invoked_key()
    {
        static void Build() => _ = new EdgeLogStream("logs", Defaults());

        var program = SynthConforming(Build);
        var result = await RunAsync(Build);
        var storageName = result.Resource("logs-storage").Outputs["name"];
        var container = result.Resource("logs-container");
        Assert.Equal("azure-native:storage:BlobContainer", container.Type);
        AssertTree(
            Obj(("accountName", storageName), ("containerName", "edge-logs"), ("publicAccess", "None"), ("resourceGroupName", "rg-logs")),
            container.Inputs);
        Assert.Equal("3.28.0", container.Options.Version);
        Assert.Empty(container.Options.DependsOn);
        Assert.False(container.Options.Protect);
        var retention = result.Resource("logs-container-retention");
        Assert.Equal("azure-native:storage:BlobContainerImmutabilityPolicy", retention.Type);
        AssertTree(
            Obj(
                ("accountName", storageName),
                ("allowProtectedAppendWrites", true),
                ("containerName", container.Outputs["name"]),
                ("immutabilityPeriodSinceCreationInDays", 365L),
                ("immutabilityPolicyName", "default"),
                ("resourceGroupName", "rg-logs")),
            retention.Inputs);

        // The key is read once the account exists, and only a reference to it reaches the stream, in fn::secret.
        Assert.Contains($$"""
            variables:
              {{KeysVariable(program)}}:
                fn::invoke:
                  function: "azure-native:storage:listStorageAccountKeys"
                  arguments:
                    accountName: "${logs-storage.name}"
                    resourceGroupName: "rg-logs"
                  options:
                    dependsOn:
                      - "${logs-storage}"
                    version: "3.28.0"
                  return: "keys"
            """, program);
        Assert.DoesNotContain("config:", program);
    }

    [Fact]
    public void The_property_behavior_names_the_stream_by_its_id()
    {
        EdgeLogStream? logs = null;
        SynthConforming(() => logs = new EdgeLogStream("logs", Defaults()));
        Assert.Equal("datastream", logs!.PropertyBehavior.Name);
        var options = logs.PropertyBehavior.Options;
        Assert.Equal("LOG", options["streamType"]);
        Assert.Equal(true, options["logEnabled"]);
        Assert.Equal(100, options["samplingPercentage"]);
        Assert.Equal(false, options["collectMidgressTraffic"]);
        var streamIds = Assert.IsAssignableFrom<System.Collections.IEnumerable>(options["logStreamName"]).Cast<object?>().ToList();
        var streamId = Assert.IsAssignableFrom<IInput>(Assert.Single(streamIds));
        Assert.Equal("${logs-stream.id}", Reference(streamId));
    }

    [Fact]
    public async Task The_storage_key_is_secret_and_never_in_plain_text_in_the_program()
    {
        var program = SynthConforming(() => new EdgeLogStream("logs", Full()));
        Assert.DoesNotContain(ComponentMocks.StorageKey, program);
        Assert.Contains($"        accessKey:\n          fn::secret: \"${{{KeysVariable(program)}[0].value}}\"\n", program);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(program, "accessKey:"));

        var result = await RunAsync(() => new EdgeLogStream("logs", Full()));
        var connector = (System.Collections.Immutable.ImmutableDictionary<string, object?>)result.Resource("logs-stream").Inputs["azureConnector"]!;
        var key = Assert.IsType<SecretValue>(connector["accessKey"]);
        Assert.Equal(ComponentMocks.StorageKey, key.Value);
    }

    [Fact]
    public async Task Full_configuration_conforms_and_admits_only_the_allowed_ranges()
    {
        static void Build() => _ = new EdgeLogStream("logs", Full());

        SynthConforming(Build);
        var result = await RunAsync(Build);
        var storage = result.Resource("logs-storage");
        AssertTree(
            Obj(
                ("bypass", "AzureServices"),
                ("defaultAction", "Deny"),
                ("ipRules", new[]
                {
                    Obj(("action", "Allow"), ("iPAddressOrRange", "203.0.113.0/24")),
                    Obj(("action", "Allow"), ("iPAddressOrRange", "198.51.100.7")),
                })),
            storage.Inputs["networkRuleSet"]);
        AssertTree(Obj(("name", "Standard_ZRS")), storage.Inputs["sku"]);

        var stream = result.Resource("logs-stream").Inputs;
        Assert.Equal(false, stream["active"]);
        AssertTree(
            Obj(
                ("accessKey", new SecretValue(ComponentMocks.StorageKey)),
                ("accountName", storage.Outputs["name"]),
                ("compressLogs", false),
                ("containerName", result.Resource("logs-container").Outputs["name"]),
                ("displayName", "soc-archive"),
                ("path", "akamai")),
            stream["azureConnector"]);
        Assert.Equal("ctr_C-0N7RAC7", stream["contractId"]);
        AssertTree(new[] { 1100L, 1006L, 1008L }, stream["datasetFields"]);
        AssertTree(Obj(("format", "JSON"), ("frequency", Obj(("intervalInSecs", 60L)))), stream["deliveryConfiguration"]);
        AssertTree(new[] { "soc@example.com", "oncall@example.com" }, stream["notificationEmails"]);
        AssertTree(new[] { "prp_111", "prp_222" }, stream["properties"]);

        var blobDiagnostics = result.Resource("logs-storage-blob-diag");
        Assert.Equal("azure-native:monitor:DiagnosticSetting", blobDiagnostics.Type);
        AssertTree(
            Obj(
                ("logs", new[] { Obj(("categoryGroup", "allLogs"), ("enabled", true)) }),
                ("metrics", new[] { Obj(("category", "Capacity"), ("enabled", true)), Obj(("category", "Transaction"), ("enabled", true)) }),
                ("name", "edge-infra-diagnostics"),
                ("resourceUri", $"{storage.Id}/blobServices/default"),
                ("workspaceId", "ws-1")),
            blobDiagnostics.Inputs);
        var storageDiagnostics = result.Resource("logs-storage-diag");
        Assert.Equal("azure-native:monitor:DiagnosticSetting", storageDiagnostics.Type);
        AssertTree(
            Obj(
                ("metrics", new[] { Obj(("category", "Capacity"), ("enabled", true)), Obj(("category", "Transaction"), ("enabled", true)) }),
                ("name", "edge-infra-diagnostics"),
                ("resourceUri", storage.Id),
                ("workspaceId", "ws-1")),
            storageDiagnostics.Inputs);
        Assert.DoesNotContain(result.Resources, r => StringsIn(r.Inputs).Any(text => text.Contains("AllMetrics", StringComparison.Ordinal)));

        var retention = result.Resource("logs-container-retention").Inputs;
        Assert.Equal(2555L, retention["immutabilityPeriodSinceCreationInDays"]);
        Assert.Equal(false, retention["allowProtectedAppendWrites"]);
        Assert.Equal("azure-native:authorization:RoleAssignment", result.Resource("logs-role-auditors").Type);
        var tagged = result.Resources.Where(r => r.Inputs.ContainsKey("tags")).ToList();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, r => Assert.Equal("prod", AsObject(r.Inputs["tags"])["environment"]));
        var protectedResources = result.Resources.Where(r => r.Options.Protect).ToList();
        Assert.Equal(3, protectedResources.Count);
        Assert.All(protectedResources, r => Assert.True(r.Options.RetainOnDelete));
    }

    [Fact]
    public void Every_invalid_argument_is_reported_at_once()
    {
        var errors = Errors(() => new EdgeLogStream("logs", new EdgeLogStreamArgs
        {
            ResourceGroupName = "rg-logs",
            Location = "westeurope",
            ContractId = "",
            GroupId = " ",
            PropertyIds = [],
            StreamName = "",
            NotificationEmails = ["soc@example", "ops example.com"],
            DatasetFields = [DataStreamField.ClientIp, new DataStreamField(0, "Nothing"), DataStreamField.ClientIp],
            DeliveryFrequencySeconds = 15,
            StorageAccountName = "Edge_Logs",
            ContainerName = "-logs",
            Path = "/logs",
            RetentionDays = 0,
            SamplingPercentage = 101,
            ConnectorDisplayName = " ",
            StorageSku = SkuName.Standard_LRS,
            AllowedIpRanges = ["10.0.0.0/8", "203.0.113.4/31", "not-an-ip"],
            DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = "ws", LogCategoryGroups = ["metrics-only"] },
            ManagedIdentities = new ManagedIdentitiesSpec { SystemAssigned = true },
        }));
        Assert.Equal(
        [
            $"{Subject}, property 'streamName': '' is blank: give the stream's name",
            $"{Subject}, property 'propertyIds': has 0 properties: a stream monitors 1 to 100",
            $"{Subject}, property 'contractId': is empty: give a contract id, e.g. 'ctr_C-0N7RAC7'",
            $"{Subject}, property 'groupId': is empty: give a group id, e.g. 'grp_12345'",
            $"{Subject}, property 'notificationEmails[0]': 'soc@example' is not an email address: name@domain.tld, no spaces",
            $"{Subject}, property 'notificationEmails[1]': 'ops example.com' is not an email address: name@domain.tld, no spaces",
            $"{Subject}, property 'datasetFields[1]': 0 is not a data set field id: a positive integer from Akamai's data set parameters",
            $"{Subject}, property 'datasetFields[2]': 1006 (Client IP) is listed twice: each field is logged once",
            $"{Subject}, property 'deliveryFrequencySeconds': 15 is not a DataStream delivery interval: deliveryConfiguration.frequency.intervalInSecs is exactly 30 or 60 seconds",
            $"{Subject}, property 'retentionDays': 0 is out of range: a container's time-based retention (immutabilityPeriodSinceCreationInDays) is 1 to 146000 days",
            $"{Subject}, property 'samplingPercentage': 101 is out of range: the datastream behavior samples 1 to 100 percent of requests",
            $"{Subject}, property 'storageAccountName': 'Edge_Logs' is not a valid storage account name: 3 to 24 lowercase letters and digits (global uniqueness is checked by Azure at deployment)",
            $"{Subject}, property 'containerName': '-logs' is not a valid blob container name: 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, no consecutive hyphens",
            $"{Subject}, property 'path': '/logs' is not a folder path in the container: not blank, no leading '/'",
            $"{Subject}, property 'connectorDisplayName': ' ' is blank: give a name, or leave it null for the default",
            $"{Subject}, property 'storageSku': 'Standard_LRS' is not allowed: an audit trail needs redundancy beyond one datacenter, one of Standard_GRS, Standard_RAGRS, Standard_ZRS, Standard_GZRS, Standard_RAGZRS",
            $"{Subject}, property 'allowedIpRanges[0]': '10.0.0.0/8' is a private range: storage IP rules take public addresses only",
            $"{Subject}, property 'allowedIpRanges[1]': '203.0.113.4/31' is a /31: Azure storage takes CIDR ranges up to /30; give single addresses without a prefix",
            $"{Subject}, property 'allowedIpRanges[2]': 'not-an-ip' is not an IPv4 address or CIDR range, e.g. 203.0.113.7 or 203.0.113.0/24",
            $"{Subject}, property 'diagnosticSettings.logCategoryGroups[0]': 'metrics-only' is not a log category group: use allLogs or audit",
            $"{Subject}, property 'diagnosticSettings.logCategoryGroups': ['metrics-only'] keeps no log category group of Microsoft.Storage/storageAccounts/blobServices, which has 'allLogs': the log account must log who reads and writes it",
            $"{Subject}, property 'managedIdentities': EdgeLogStream's resources take no managed identity",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Missing_emails_properties_over_the_limit_and_no_fields_are_reported()
    {
        var errors = Errors(() => new EdgeLogStream("logs", new EdgeLogStreamArgs
        {
            ResourceGroupName = "rg-logs",
            Location = "westeurope",
            ContractId = "ctr_1",
            GroupId = "grp_1",
            PropertyIds = [.. Enumerable.Range(1, 101).Select(i => (Input<string>)$"prp_{i}")],
            StreamName = "s",
            NotificationEmails = [],
            DatasetFields = [],
            DeliveryFrequencySeconds = 61,
            StorageAccountName = "edgelogs",
            ContainerName = "logs",
            }));
        Assert.Equal(
        [
            "propertyIds: has 101 properties: a stream monitors 1 to 100",
            "notificationEmails: is empty: give at least one address, so that a stream that stops is noticed",
            "datasetFields: is empty: a stream logs at least one data set field",
            "deliveryFrequencySeconds: 61 is not a DataStream delivery interval: deliveryConfiguration.frequency.intervalInSecs is exactly 30 or 60 seconds",
        ], errors.Select(e => $"{e.Property}: {e.Message}"));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("edgelogs0123456789abcdefg")]
    [InlineData("EdgeLogs")]
    [InlineData("edge-logs")]
    public void Storage_account_names_break_azure_rules(string accountName)
    {
        var error = Assert.Single(Errors(() => new EdgeLogStream("logs", WithNames(accountName, "logs"))));
        Assert.Equal("storageAccountName", error.Property);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("logs-")]
    [InlineData("edge--logs")]
    [InlineData("Logs")]
    [InlineData("edge_logs")]
    public void Container_names_break_azure_rules(string containerName)
    {
        var error = Assert.Single(Errors(() => new EdgeLogStream("logs", WithNames("edgelogs", containerName))));
        Assert.Equal("containerName", error.Property);
    }

    [Theory]
    [InlineData("abc", "log")]
    [InlineData("edgelogs0123456789abcdef", "a-1")]
    [InlineData("e1x", "edge-logs-0123456789-0123456789-0123456789-0123456789-012345678")]
    public void Names_within_azure_rules_are_accepted(string accountName, string containerName) =>
        Synth(() => new EdgeLogStream("logs", WithNames(accountName, containerName)));

    [Theory]
    [InlineData(30)]
    [InlineData(60)]
    public async Task Delivery_frequencies_of_30_and_60_seconds_are_accepted(int seconds)
    {
        var result = await RunAsync(() => new EdgeLogStream("logs", new EdgeLogStreamArgs
        {
            ResourceGroupName = "rg-logs",
            Location = "westeurope",
            ContractId = "ctr_1",
            GroupId = "grp_1",
            PropertyIds = ["prp_1"],
            StreamName = "s",
            NotificationEmails = ["a@b.co"],
            DeliveryFrequencySeconds = seconds,
            StorageAccountName = "edgelogs",
            ContainerName = "logs",
            }));
        var frequency = AsObject(AsObject(result.Resource("logs-stream").Inputs["deliveryConfiguration"])["frequency"]);
        Assert.Equal((long)seconds, frequency["intervalInSecs"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(29)]
    [InlineData(45)]
    [InlineData(90)]
    public void Delivery_frequencies_other_than_30_or_60_seconds_are_refused(int seconds)
    {
        var error = Assert.Single(Errors(() => new EdgeLogStream("logs", With(frequency: seconds))));
        Assert.Equal(Subject, error.Subject);
        Assert.Equal("deliveryFrequencySeconds", error.Property);
        Assert.Equal($"{seconds} is not a DataStream delivery interval: deliveryConfiguration.frequency.intervalInSecs is exactly 30 or 60 seconds", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(146001)]
    public void Retention_outside_azure_limits_is_refused(int days)
    {
        var error = Assert.Single(Errors(() => new EdgeLogStream("logs", With(retentionDays: days))));
        Assert.Equal(Subject, error.Subject);
        Assert.Equal("retentionDays", error.Property);
        Assert.Equal($"{days} is out of range: a container's time-based retention (immutabilityPeriodSinceCreationInDays) is 1 to 146000 days", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(146000)]
    public async Task Retention_within_azure_limits_is_accepted(int days)
    {
        void Build() => _ = new EdgeLogStream("logs", With(retentionDays: days));

        SynthConforming(Build);
        var retention = (await RunAsync(Build)).Resource("logs-container-retention");
        Assert.Equal((long)days, retention.Inputs["immutabilityPeriodSinceCreationInDays"]);
    }

    [Fact]
    public async Task Against_mocks_the_connector_gets_the_account_the_container_and_the_first_key_as_a_secret()
    {
        EdgeLogStream? stream = null;
        var result = await RunAsync(() => stream = new EdgeLogStream("logs", Defaults()));
        var connector = (System.Collections.Immutable.ImmutableDictionary<string, object?>)result.Resource("logs-stream").Inputs["azureConnector"]!;
        // ComponentMocks give a resource without a 'name' input its logical name as its 'name' output.
        Assert.Equal("logs-storage", connector["accountName"]);
        Assert.Equal("logs-container", connector["containerName"]);
        var key = Assert.IsType<SecretValue>(connector["accessKey"]);
        Assert.Equal(ComponentMocks.StorageKey, key.Value);
        Assert.Equal("logs-storage", result.Evaluate(stream!.StorageAccountName));
        Assert.Equal("edgelogsdev", result.Resource("logs-storage").Inputs["accountName"]);
        Assert.Equal("logs-stream_id", result.Evaluate(stream.StreamId));
    }

    [Fact]
    public void The_audit_trail_fields_are_documented_ids_without_duplicates()
    {
        Assert.Equal([1100, 1002, 1000, 1006, 1011, 1012, 1013, 1009, 1008, 1005, 1017, 1032, 1066, 2002, 2010], DataStreamField.AuditTrail.Select(f => f.Id));
        Assert.Equal(DataStreamField.AuditTrail.Count, DataStreamField.AuditTrail.Select(f => f.Id).Distinct().Count());
    }

    private static EdgeLogStreamArgs With(int frequency = 30, int retentionDays = 365) => new()
    {
        ResourceGroupName = "rg-logs",
        Location = "westeurope",
        ContractId = "ctr_1",
        GroupId = "grp_1",
        PropertyIds = ["prp_1"],
        StreamName = "s",
        NotificationEmails = ["a@b.co"],
        StorageAccountName = "edgelogs",
        ContainerName = "logs",
        DeliveryFrequencySeconds = frequency,
        RetentionDays = retentionDays,
    };

    /// <summary>The program variable holding the <c>listStorageAccountKeys</c> call (named after a digest of the call).</summary>
    private static string KeysVariable(string program) =>
        System.Text.RegularExpressions.Regex.Match(program, "invoke-listStorageAccountKeys-[0-9a-f]{8}").Value is { Length: > 0 } name
            ? name
            : throw new Xunit.Sdk.XunitException("No listStorageAccountKeys variable in:\n" + program);

    private static string? Reference(IInput input) => input.ToExpression() is EdgeInfra.Expressions.ResourceReferenceExpression reference
        ? "${" + reference.Resource.LogicalName + reference.Path.Render() + "}"
        : null;

    private static EdgeLogStreamArgs WithNames(string accountName, string containerName) => new()
    {
        ResourceGroupName = "rg-logs",
        Location = "westeurope",
        ContractId = "ctr_1",
        GroupId = "grp_1",
        PropertyIds = ["prp_1"],
        StreamName = "s",
        NotificationEmails = ["a@b.co"],
        StorageAccountName = accountName,
        ContainerName = containerName,
    };
}
