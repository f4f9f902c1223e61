namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The arguments of an <see cref="EdgeWorkerDeployment"/>: an EdgeWorker whose code bundle the library builds from
/// <see cref="BundleDirectory"/>, activated on STAGING and, when <see cref="ActivateProduction"/> is set, on PRODUCTION.
/// </summary>
public sealed class EdgeWorkerDeploymentArgs
{
    /// <summary>The Akamai group id the EdgeWorker belongs to, as an integer (no <c>grp_</c> prefix). Required.</summary>
    public required Input<int> GroupId { get; init; }

    /// <summary>
    /// The directory holding <c>main.js</c>, <c>bundle.json</c> and <c>bundle.lock.json</c> (see
    /// <see cref="EdgeWorkerBundle"/>); relative paths are relative to the Pulumi project's folder
    /// (<see cref="EdgeInfra.Deployment.ProjectDirectory"/>). Required.
    /// </summary>
    public required string BundleDirectory { get; init; }

    /// <summary>The EdgeWorker's name in Akamai. Default: null, the component's logical name.</summary>
    public ValidatedInput<string>? Name { get; init; }

    /// <summary>The resource tier; changing it replaces the EdgeWorker. Default: <see cref="ResourceTier.DynamicCompute"/> (200).</summary>
    public ResourceTier ResourceTier { get; init; } = ResourceTier.DynamicCompute;

    /// <summary>Whether the bundle's version is also activated on PRODUCTION, after STAGING. Default: false (STAGING only).</summary>
    public bool ActivateProduction { get; init; }

    /// <summary>
    /// The note of both activations. Default: null, <c>edgeworker-version {version}, sha256 {first 12 hex digits}</c>,
    /// which ties the activation to the exact files.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>
    /// The folder the <c>.tgz</c> is written to, as <c>{folder}/{component name}-{version}.tgz</c>; the path is stated
    /// in the program as given, so keep it relative for the program to be the same on every machine. Relative
    /// paths are relative to the Pulumi project's folder (<see cref="EdgeInfra.Deployment.ProjectDirectory"/>), where the
    /// akamai provider reads it too. Default: <c>.build/edgeworkers</c>.
    /// </summary>
    public string OutputDirectory { get; init; } = ".build/edgeworkers";

    /// <summary>
    /// The configuration of the edge-gateway bundle, the one source of truth for its issuer, audience, JWKS URL,
    /// header schema version and routes. When given, it is validated (every problem under <c>config.*</c>), the
    /// packed bundle holds it rendered as <c>config.json</c> and <c>config-data.js</c> in place of the files on disk,
    /// and the version becomes <c>{edgeworker-version}-c{first 8 hex digits of SHA-256 of the rendered
    /// config.json}</c> (see <see cref="EdgeWorkerDeployment"/>). Default: null, the files on disk as they are.
    /// </summary>
    public EdgeGatewayConfig? Config { get; init; }
}
