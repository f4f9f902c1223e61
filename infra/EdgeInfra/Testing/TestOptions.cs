namespace EdgeInfra.Testing;

/// <summary>What a stack is tested with: stack and project names, config, packages, and the project folder.</summary>
public sealed record TestOptions
{
    /// <summary>The stack name; part of every URN.</summary>
    public string StackName { get; init; } = "test";

    /// <summary>The project name: the namespace of <c>new Config()</c>, and part of every URN.</summary>
    public string ProjectName { get; init; } = "project";

    /// <summary>Plain config values. A key without a <c>:</c> is in the project's namespace; structured values are JSON.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>Secret config values, keyed as <see cref="Config"/>; the program reads them with <c>RequireSecret</c> and they evaluate to a <see cref="SecretValue"/>.</summary>
    public IReadOnlyDictionary<string, string> SecretConfig { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The packages and their pinned versions; null to discover them from the assembly that declares the stack type
    /// (or the method of the delegate that creates the stack) and the assemblies it references, so the pins of
    /// generated bindings are found.
    /// </summary>
    public PackageCatalog? Packages { get; init; }

    /// <summary>The project folder, against which <c>fn::readFile</c> paths are read; null for the current folder.</summary>
    public string? ProjectDirectory { get; init; }
}
