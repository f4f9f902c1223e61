namespace EdgeInfra;

/// <summary>What a stack is built with: project and stack names, config, and the pinned packages.</summary>
public sealed record DeploymentSettings
{
    /// <summary>The project name, as <c>Pulumi.yaml</c> gives it; the namespace of <c>new Config()</c>.</summary>
    public required string ProjectName { get; init; }

    /// <summary>The stack name, e.g. <c>dev</c>.</summary>
    public required string StackName { get; init; }

    /// <summary>The stack's config.</summary>
    public ConfigSource Config { get; init; } = ConfigSource.Empty;

    /// <summary>
    /// The folder of the Pulumi project (where <c>Pulumi.yaml</c> is and Pulumi runs the program): relative paths of
    /// files a program reads while it is built are relative to it. Default: null, the current directory.
    /// </summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>
    /// The packages the program may use, with their pinned versions. Left empty (the default),
    /// <see cref="Deployment.Synthesize"/> and <see cref="Testing.StackTest"/> discover them from the stack's assembly
    /// and the assemblies it references (see <see cref="PackageCatalog.Discover(System.Reflection.Assembly)"/>).
    /// </summary>
    public PackageCatalog Packages { get; init; } = new(new Dictionary<string, string>());

    /// <summary>
    /// Where messages of <see cref="Log"/> are written as they are logged; null (the default) for standard error.
    /// Never standard output: it holds the synthesized program.
    /// </summary>
    public TextWriter? LogWriter { get; init; }
}
