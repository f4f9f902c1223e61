using EdgeInfra.Akamai;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Tests.Akamai.Properties;
using static EdgeInfra.Components.Tests.ComponentHarness;
using static EdgeInfra.Components.Tests.ResolvedValues;

namespace EdgeInfra.Components.Tests.Akamai.EdgeWorkers;

public sealed class EdgeWorkerDeploymentTests : IDisposable
{
    private readonly BundleDirectory _bundle = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "edgeinfra-ew-out-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _bundle.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private EdgeWorkerDeploymentArgs Defaults() => new()
    {
        GroupId = 12345,
        BundleDirectory = _bundle.Path,
    };

    private EdgeWorkerDeploymentArgs Full() => new()
    {
        GroupId = 12345,
        BundleDirectory = _bundle.Path,
        Name = "token-verifier",
        ResourceTier = ResourceTier.BasicCompute,
        ActivateProduction = true,
        Note = "release 2025-06",
        OutputDirectory = _output,
    };

    [Fact]
    public async Task Defaults_build_the_bundle_and_activate_it_on_staging_only()
    {
        EdgeWorkerDeployment? deployment = null;
        void Build() => deployment = new EdgeWorkerDeployment("ew", Defaults());

        SynthConforming(Build);
        var sha = EdgeWorkerBundle.Load(_bundle.Path).Sha256;
        var result = await RunAsync(Build, new EdgePropertyMocks());
        var edgeWorker = result.Resource("ew-edgeworker");
        Assert.Equal("akamai:index/edgeWorker:EdgeWorker", edgeWorker.Type);
        AssertTree(
            Obj(("groupId", 12345L), ("localBundle", ".build/edgeworkers/ew-1.0.0.tgz"), ("name", "ew"), ("resourceTierId", 200L)),
            edgeWorker.Inputs);
        var staging = result.Resource("ew-activation-staging");
        Assert.Equal("akamai:index/edgeWorkersActivation:EdgeWorkersActivation", staging.Type);
        AssertTree(
            Obj(
                ("edgeworkerId", edgeWorker.Outputs["edgeworkerId"]),
                ("network", "STAGING"),
                ("note", $"edgeworker-version 1.0.0, sha256 {sha[..12]}"),
                ("version", "1.0.0")),
            staging.Inputs);
        Assert.DoesNotContain(result.Resources, r => StringsIn(r.Inputs).Any(text => text.Contains("PRODUCTION", StringComparison.Ordinal)));
        Assert.Null(deployment!.ProductionActivation);
        Assert.Equal(".build/edgeworkers/ew-1.0.0.tgz", deployment.LocalBundlePath);
        Assert.Equal(deployment.Bundle.Tarball.ToArray(), File.ReadAllBytes(Path.GetFullPath(deployment.LocalBundlePath)));
    }

    [Fact]
    public async Task Full_configuration_activates_production_after_staging()
    {
        void Build() => _ = new EdgeWorkerDeployment("ew", Full());

        SynthConforming(Build);
        var result = await RunAsync(Build, new EdgePropertyMocks());
        var edgeWorker = result.Resource("ew-edgeworker");
        Assert.Equal($"{_output.Replace('\\', '/')}/ew-1.0.0.tgz", edgeWorker.Inputs["localBundle"]);
        Assert.Equal("token-verifier", edgeWorker.Inputs["name"]);
        Assert.Equal(100L, edgeWorker.Inputs["resourceTierId"]);
        var production = result.Resource("ew-activation-production");
        Assert.Equal("akamai:index/edgeWorkersActivation:EdgeWorkersActivation", production.Type);
        AssertTree(
            Obj(
                ("edgeworkerId", edgeWorker.Outputs["edgeworkerId"]),
                ("network", "PRODUCTION"),
                ("note", "release 2025-06"),
                ("version", "1.0.0")),
            production.Inputs);
        Assert.Same(result.Resource("ew-activation-staging").Resource, Assert.Single(production.Options.DependsOn));
        Assert.True(File.Exists(Path.Combine(_output, "ew-1.0.0.tgz")));
    }

    [Fact]
    public void The_same_files_synthesize_the_same_program_and_tarball()
    {
        var first = Synth(() => new EdgeWorkerDeployment("ew", Full()));
        var tarball = File.ReadAllBytes(Path.Combine(_output, "ew-1.0.0.tgz"));
        using var copy = new BundleDirectory();
        var second = Synth(() => new EdgeWorkerDeployment("ew", new EdgeWorkerDeploymentArgs
        {
            GroupId = 12345,
            BundleDirectory = copy.Path,
            Name = "token-verifier",
            ResourceTier = ResourceTier.BasicCompute,
            ActivateProduction = true,
            Note = "release 2025-06",
            OutputDirectory = _output,
        }));
        Assert.Equal(first, second);
        Assert.Equal(tarball, File.ReadAllBytes(Path.Combine(_output, "ew-1.0.0.tgz")));
    }

    [Fact]
    public void Every_invalid_argument_and_bundle_problem_is_reported_at_once()
    {
        _bundle.Delete("main.js");
        var errors = Errors(() => new EdgeWorkerDeployment("ew", new EdgeWorkerDeploymentArgs
        {
            GroupId = 0,
            BundleDirectory = _bundle.Path,
            Name = " ",
            ResourceTier = new ResourceTier(0),
            Note = "",
            OutputDirectory = "",
        }));
        Assert.Equal(
        [
            "component 'ew' (edgeinfra:akamai:EdgeWorkerDeployment), property 'groupId': 0 is not a group id: a positive integer, without the 'grp_' prefix",
            "component 'ew' (edgeinfra:akamai:EdgeWorkerDeployment), property 'resourceTier': 0 is not a resource tier id: a positive integer, e.g. 100 (Basic Compute) or 200 (Dynamic Compute)",
            "component 'ew' (edgeinfra:akamai:EdgeWorkerDeployment), property 'name': ' ' is blank: give the EdgeWorker's name, or leave it null for the component's name",
            "component 'ew' (edgeinfra:akamai:EdgeWorkerDeployment), property 'note': '' is blank: give a note, or leave it null for the default",
            "component 'ew' (edgeinfra:akamai:EdgeWorkerDeployment), property 'outputDirectory': '' is blank: give the folder the .tgz is written to",
            "component 'ew' (edgeinfra:akamai:EdgeWorkerDeployment), property 'main.js': is missing: an EdgeWorkers bundle has main.js at its root",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Changed_files_with_an_unchanged_version_fail_synthesis_and_nothing_is_written()
    {
        _bundle.Write("main.js", BundleDirectory.MainJs + "// changed\n");
        var error = Assert.Single(Errors(() => new EdgeWorkerDeployment("ew", Full())));
        Assert.Equal("component 'ew' (edgeinfra:akamai:EdgeWorkerDeployment), property 'bundle.lock.json': files changed but edgeworker-version is still 1.0.0: bump it in bundle.json, then update the lock with EdgeWorkerBundle.WriteLock", error.ToString());
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public void A_blank_bundle_directory_is_reported()
    {
        var error = Assert.Single(Errors(() => new EdgeWorkerDeployment("ew", new EdgeWorkerDeploymentArgs { GroupId = 1, BundleDirectory = "" })));
        Assert.Equal("bundleDirectory", error.Property);
        Assert.Equal("'' is blank: give the folder that holds main.js and bundle.json", error.Message);
    }

    [Fact]
    public async Task Against_mocks_production_depends_on_staging_and_both_are_pinned_to_the_bundle_version()
    {
        EdgeWorkerDeployment? deployment = null;
        var result = await RunAsync(() => deployment = new EdgeWorkerDeployment("ew", Full()), new EdgeWorkerMocks());

        var staging = result.Resource("ew-activation-staging");
        var production = result.Resource("ew-activation-production");
        Assert.Equal("1.0.0", staging.Inputs["version"]);
        Assert.Equal("1.0.0", production.Inputs["version"]);
        Assert.Equal(4242L, staging.Inputs["edgeworkerId"]);
        Assert.Equal(4242L, production.Inputs["edgeworkerId"]);
        Assert.Equal("STAGING", staging.Inputs["network"]);
        Assert.Equal("PRODUCTION", production.Inputs["network"]);
        Assert.Contains(staging.Resource, production.Options.DependsOn);
        Assert.Empty(staging.Options.DependsOn);

        Assert.Equal(4242, result.Evaluate(deployment!.EdgeWorkerId));
        Assert.Equal("1.0.0", result.Evaluate(deployment.Version));
        Assert.Equal(1, result.Evaluate(deployment.StagingActivationId));
        Assert.Equal(Path.Combine(_output, "ew-1.0.0.tgz").Replace('\\', '/'), result.Resource("ew-edgeworker").Inputs["localBundle"]);
        Assert.IsType<EdgeWorker>(result.Resource("ew-edgeworker").Resource);
    }
}
