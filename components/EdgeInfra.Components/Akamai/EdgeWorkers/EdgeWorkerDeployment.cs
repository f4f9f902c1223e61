using System.Globalization;
using EdgeInfra.Akamai;
using EdgeInfra.Components.Azure;
using EdgeInfra.Expressions;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// An EdgeWorker and its activations, STAGING before PRODUCTION. The code bundle is built by the library from
/// <see cref="EdgeWorkerDeploymentArgs.BundleDirectory"/> (<see cref="EdgeWorkerBundle"/>: deterministic
/// <c>.tgz</c>, checked against Akamai's limits and against <c>bundle.lock.json</c>), written to
/// <see cref="EdgeWorkerDeploymentArgs.OutputDirectory"/> and given to the EdgeWorker as <c>localBundle</c>. Both
/// activations are pinned to the bundle's <c>edgeworker-version</c>; PRODUCTION depends on STAGING.
/// <para>
/// <b>Configuration.</b> With <see cref="EdgeWorkerDeploymentArgs.Config"/>, the packed bundle holds that
/// configuration rendered as <c>config.json</c> and <c>config-data.js</c> instead of the files on disk (which are
/// neither modified nor exempt from the lock check), and the version Akamai sees, in the packed <c>bundle.json</c>
/// and in both activations, is <c>{edgeworker-version}-c{first 8 hex digits of the SHA-256 of the rendered
/// config.json}</c>, e.g. <c>1.0.0-c1a2b3c4d</c>. The same code and configuration therefore always give the same
/// version and the same <c>.tgz</c> bytes; a configuration change gives a new version (Akamai never replaces an
/// uploaded one); dev and prod stacks with different configurations get different versions of the same code.
/// </para>
/// Children: <c>edgeworker</c>, <c>activation-staging</c> and, with <see cref="EdgeWorkerDeploymentArgs.ActivateProduction"/>,
/// <c>activation-production</c>.
/// </summary>
public sealed class EdgeWorkerDeployment : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:akamai:EdgeWorkerDeployment";

    /// <summary>The network activated first.</summary>
    public const string StagingNetwork = "STAGING";

    /// <summary>The network activated after <see cref="StagingNetwork"/>.</summary>
    public const string ProductionNetwork = "PRODUCTION";

    /// <summary>Builds the bundle and creates the EdgeWorker named <paramref name="name"/> and its activations.</summary>
    /// <exception cref="SynthesisException">Some of <paramref name="args"/> or the bundle are invalid; every problem is listed.</exception>
    public EdgeWorkerDeployment(string name, EdgeWorkerDeploymentArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options, ChildNaming.AlwaysPrefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        Bundle = Validate(name, args);
        LocalBundlePath = $"{args.OutputDirectory.TrimEnd('/', '\\').Replace('\\', '/')}/{name}-{Bundle.Version}.tgz";
        Bundle.WriteTarball(Path.Combine(EdgeInfra.Deployment.ProjectDirectory, LocalBundlePath));

        EdgeWorker = new EdgeWorker("edgeworker", new EdgeWorkerArgs
        {
            GroupId = args.GroupId,
            Name = args.Name ?? name,
            ResourceTierId = args.ResourceTier.Id,
            LocalBundle = LocalBundlePath,
        }, new CustomResourceOptions { Parent = this });

        var note = args.Note ?? $"edgeworker-version {Bundle.Version}, sha256 {Bundle.Sha256[..12]}";
        StagingActivation = Activate("activation-staging", StagingNetwork, note, dependsOn: null);
        if (args.ActivateProduction)
        {
            ProductionActivation = Activate("activation-production", ProductionNetwork, note, dependsOn: StagingActivation);
        }

        var outputs = new Dictionary<string, object?>
        {
            ["edgeWorkerId"] = EdgeWorkerId,
            ["version"] = Version,
            ["stagingActivationId"] = StagingActivationId,
        };
        if (ProductionActivation is not null)
        {
            outputs["productionActivationId"] = ProductionActivation.ActivationId;
        }

        RegisterOutputs(outputs);
    }

    /// <summary>The bundle built from the bundle directory (with the configuration replaced, when one is given).</summary>
    public EdgeWorkerBundle Bundle { get; }

    /// <summary>The <c>localBundle</c> path stated in the program: <c>{OutputDirectory}/{name}-{version}.tgz</c>.</summary>
    public string LocalBundlePath { get; }

    /// <summary>The EdgeWorker resource.</summary>
    public EdgeWorker EdgeWorker { get; }

    /// <summary>The STAGING activation.</summary>
    public EdgeWorkersActivation StagingActivation { get; }

    /// <summary>The PRODUCTION activation, or null when <see cref="EdgeWorkerDeploymentArgs.ActivateProduction"/> is false.</summary>
    public EdgeWorkersActivation? ProductionActivation { get; }

    /// <summary>The EdgeWorker's id, assigned by Akamai.</summary>
    public Output<int> EdgeWorkerId => EdgeWorker.EdgeworkerId;

    /// <summary>
    /// The version the activations are pinned to: the bundle's <c>edgeworker-version</c>, plus
    /// <see cref="EdgeGatewayConfig.VersionSuffix"/> when <see cref="EdgeWorkerDeploymentArgs.Config"/> is given.
    /// </summary>
    public Output<string> Version => Output.Create(Bundle.Version);

    /// <summary>The STAGING activation's id.</summary>
    public Output<int> StagingActivationId => StagingActivation.ActivationId;

    private EdgeWorkersActivation Activate(string name, string network, string note, EdgeWorkersActivation? dependsOn)
    {
        var options = new CustomResourceOptions { Parent = this };
        if (dependsOn is not null)
        {
            options.DependsOn.Add(dependsOn);
        }

        return new EdgeWorkersActivation(name, new EdgeWorkersActivationArgs
        {
            EdgeworkerId = EdgeWorker.EdgeworkerId,
            Network = network,
            Version = Bundle.Version,
            Note = note,
        }, options);
    }

    private static EdgeWorkerBundle Validate(string name, EdgeWorkerDeploymentArgs args)
    {
        var errors = new ComponentErrors(TypeToken, name);
        if (args.GroupId is null)
        {
            errors.Add("groupId", "is null: give the Akamai group id as an integer");
        }
        else if (args.GroupId.ToExpression() is LiteralExpression { Value: long groupId } && groupId <= 0)
        {
            errors.Add("groupId", $"{groupId.ToString(CultureInfo.InvariantCulture)} is not a group id: a positive integer, without the 'grp_' prefix");
        }

        if (args.ResourceTier.Id <= 0)
        {
            errors.Add("resourceTier", $"{args.ResourceTier} is not a resource tier id: a positive integer, e.g. 100 (Basic Compute) or 200 (Dynamic Compute)");
        }

        if (args.Name is not null && string.IsNullOrWhiteSpace(args.Name.Value))
        {
            errors.Add("name", $"'{args.Name.Value}' is blank: give the EdgeWorker's name, or leave it null for the component's name");
        }

        if (args.Note is not null && string.IsNullOrWhiteSpace(args.Note))
        {
            errors.Add("note", $"'{args.Note}' is blank: give a note, or leave it null for the default");
        }

        if (string.IsNullOrWhiteSpace(args.OutputDirectory))
        {
            errors.Add("outputDirectory", $"'{args.OutputDirectory}' is blank: give the folder the .tgz is written to");
        }

        args.Config?.Validate(errors, "config");
        EdgeWorkerBundle? bundle = null;
        if (string.IsNullOrWhiteSpace(args.BundleDirectory))
        {
            errors.Add("bundleDirectory", $"'{args.BundleDirectory}' is blank: give the folder that holds main.js and bundle.json");
        }
        else
        {
            var config = errors.IsEmpty ? args.Config : null;
            bundle = EdgeWorkerBundle.Read(Path.Combine(EdgeInfra.Deployment.ProjectDirectory, args.BundleDirectory), errors, checkLock: true, config);
        }

        errors.ThrowIfAny();
        return bundle!;
    }
}
