using System.Collections.Immutable;
using System.Text.Json;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Application;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Tests.Akamai.EdgeWorkers;
using EdgeInfra.Testing;
using static EdgeInfra.Components.Tests.ComponentHarness;
using static EdgeInfra.Components.Tests.ResolvedValues;

namespace EdgeInfra.Components.Tests.Application;

/// <summary>
/// <see cref="EdgeFrontedApplication"/> with <see cref="EdgeFrontedApplicationArgs.EdgeLogs"/>: everything the logs
/// need exists after one deployment, and the stream/property cycle is broken by a property bootstrap.
/// </summary>
public sealed class EdgeFrontedApplicationEdgeLogsTests : IDisposable
{
    private readonly EdgeGatewayBundleCopy _bundle = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "edgeinfra-app-logs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _bundle.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private EdgeFrontedApplicationArgs Args(EdgeLogsSpec? logs) => new()
    {
        ResourceGroupName = "rg-app",
        Location = "northeurope",
        ContractId = "ctr_C-1",
        GroupId = "grp_12345",
        ProductId = "prd_Fresca",
        PropertyName = "app-test",
        Hostnames = ["app.example.com"],
        EdgeHostname = "app.example.com.edgesuite.net",
        ActivationContacts = ["ops@example.com"],
        ActivationNote = "test",
        EdgeCidrs = ["203.0.113.0/24"],
        EdgeWorkerBundleDirectory = _bundle.Path,
        EdgeWorkerOutputDirectory = _output,
        Jwt = new EdgeGatewayJwt
        {
            Issuer = "https://login.example.com/app/v2.0",
            Audience = "api://app",
            JwksUrl = "https://login.example.com/app/keys",
        },
        Flavor = OriginFlavor.Nginx,
        AdminSshPublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9yaWdpbi1hZG1pbi1rZXktZm9yLXRlc3Rz ops@example",
        Regions =
        [
            new OriginRegionSpec
            {
                Name = "neu", Location = "northeurope", AddressSpace = "10.30.0.0/16", OriginSubnet = "10.30.1.0/24",
                VmCount = 1, DomainNameLabel = "app-origin-neu", BackupVaultName = "rsv-app-neu",
            },
        ],
        VaultName = "kv-app-test",
        OriginSecret = new GeneratedSecretSpec { ExpiresOn = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        EdgeLogs = logs,
    };

    private static EdgeLogsSpec Logs(int retentionDays = 365) => new()
    {
        StorageAccountName = "apptestlogs",
        ContainerName = "edge-logs",
        NotificationEmails = ["soc@example.com"],
        RetentionDays = retentionDays,
    };

    [Fact]
    public async Task One_deployment_has_the_account_container_retention_stream_and_the_property_behavior()
    {
        EdgeFrontedApplication? app = null;
        void Build() => app = new EdgeFrontedApplication("app", Args(Logs()));

        var program = SynthConforming(Build);
        var result = await RunAsync(Build, new CpCodeMocks());

        Assert.Equal("azure-native:storage:StorageAccount", result.Resource("app-edge-logs-storage").Type);
        Assert.Equal("azure-native:storage:BlobContainer", result.Resource("app-edge-logs-container").Type);
        var retention = result.Resource("app-edge-logs-container-retention");
        Assert.Equal("azure-native:storage:BlobContainerImmutabilityPolicy", retention.Type);
        Assert.Equal(365L, retention.Inputs["immutabilityPeriodSinceCreationInDays"]);
        var stream = result.Resource("app-edge-logs-stream");
        Assert.Equal("akamai:index/datastream:Datastream", stream.Type);
        Assert.Equal(new SecretValue(ComponentMocks.StorageKey), AsObject(stream.Inputs["azureConnector"])["accessKey"]);
        Assert.DoesNotContain("config:", program);

        // The cycle: bootstrap → stream (names the property) → property (adopts the bootstrap, names the stream).
        var bootstrap = result.Resource("app-property-bootstrap");
        Assert.Equal("akamai:index/propertyBootstrap:PropertyBootstrap", bootstrap.Type);
        AssertTree(Obj(("contractId", "ctr_C-1"), ("groupId", "grp_12345"), ("name", "app-test"), ("productId", "prd_Fresca")), bootstrap.Inputs);
        AssertTree(new[] { bootstrap.Id }, stream.Inputs["properties"]);
        Assert.Equal("app-test-edge-logs", stream.Inputs["streamName"]);
        var property = result.Resource("app-property-property");
        Assert.Equal(bootstrap.Id, property.Inputs["propertyId"]);
        using var rules = JsonDocument.Parse((string)Unmarked(property.Inputs["rules"])!);
        var datastream = rules.RootElement.GetProperty("rules").GetProperty("behaviors").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "datastream");
        var options = datastream.GetProperty("options");
        Assert.Equal(["collectMidgressTraffic", "logEnabled", "logStreamName", "samplingPercentage", "streamType"], options.EnumerateObject().Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.False(options.GetProperty("collectMidgressTraffic").GetBoolean());
        Assert.True(options.GetProperty("logEnabled").GetBoolean());
        Assert.Equal([stream.Id], options.GetProperty("logStreamName").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(100, options.GetProperty("samplingPercentage").GetInt32());
        Assert.Equal("LOG", options.GetProperty("streamType").GetString());

        var behavior = Assert.Single(app!.Property.RuleTree.Default.Behaviors, b => b.Name == "datastream");
        Assert.Same(app.EdgeLogs!.PropertyBehavior, behavior);
    }

    [Fact]
    public void Without_edge_logs_there_is_no_bootstrap_and_no_datastream_behavior()
    {
        EdgeFrontedApplication? app = null;
        var program = SynthConforming(() => app = new EdgeFrontedApplication("app", Args(null)));
        Assert.DoesNotContain("propertyBootstrap", program);
        Assert.DoesNotContain("bootstrap", program);
        Assert.DoesNotContain("datastream", program);
        Assert.Null(app!.PropertyBootstrap);
        Assert.Null(app.EdgeLogs);
    }

    [Fact]
    public void A_bad_retention_is_reported_by_the_log_stream()
    {
        var error = Assert.Single(Errors(() => new EdgeFrontedApplication("app", Args(Logs(retentionDays: 0)))));
        Assert.Equal("component 'edge-logs' (edgeinfra:akamai:EdgeLogStream)", error.Subject);
        Assert.Equal("retentionDays", error.Property);
    }

    [Fact]
    public async Task Against_mocks_the_stream_monitors_the_bootstrapped_property_with_the_listed_key()
    {
        var result = await RunAsync(() => new EdgeFrontedApplication("app", Args(Logs())));
        var stream = result.Resource("app-edge-logs-stream");
        Assert.Equal("app-property-bootstrap_id", Assert.Single((System.Collections.Immutable.ImmutableArray<object?>)stream.Inputs["properties"]!));
        var connector = (System.Collections.Immutable.ImmutableDictionary<string, object?>)stream.Inputs["azureConnector"]!;
        Assert.Equal(ComponentMocks.StorageKey, Assert.IsType<EdgeInfra.Testing.SecretValue>(connector["accessKey"]).Value);
        Assert.Equal("app-property-bootstrap_id", result.Resource("app-property-property").Inputs["propertyId"]);
    }

    /// <summary><see cref="ComponentMocks"/> with a CP code id as Akamai gives it (<c>cpc_</c> and digits), so that the property's rules evaluate to JSON.</summary>
    private sealed class CpCodeMocks : ComponentMocks
    {
        protected override (string? Id, ImmutableDictionary<string, object?> Outputs) Complete(MockResourceArgs args, string? id, ImmutableDictionary<string, object?> outputs) =>
            args.Type == "akamai:index/cpCode:CpCode" ? ("cpc_12345", outputs) : (id, outputs);
    }
}
