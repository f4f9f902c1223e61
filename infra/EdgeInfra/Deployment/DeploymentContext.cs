namespace EdgeInfra;

/// <summary>The stack being built: its settings and the resources, config reads and outputs registered so far.</summary>
internal sealed class DeploymentContext
{
    private static readonly AsyncLocal<DeploymentContext?> CurrentContext = new();
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<string, ConfigDeclaration> _config = new(StringComparer.Ordinal);
    private readonly List<Action<IReadOnlyList<Resource>>> _stackPasses = [];
    private readonly List<LogEntry> _log = [];
    private readonly TextWriter _logWriter;

    public DeploymentContext(DeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ProjectName = settings.ProjectName;
        StackName = settings.StackName;
        Config = settings.Config;
        Packages = settings.Packages;
        ProjectDirectory = settings.ProjectDirectory ?? Directory.GetCurrentDirectory();
        _logWriter = settings.LogWriter ?? Console.Error;
    }

    /// <summary>The stack being built on this flow of execution, if any.</summary>
    public static DeploymentContext? Current => CurrentContext.Value;

    public string ProjectName { get; }

    public string StackName { get; }

    public ConfigSource Config { get; }

    public PackageCatalog Packages { get; }

    public string ProjectDirectory { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    public IEnumerable<ConfigDeclaration> ConfigDeclarations => _config.Values;

    /// <summary>The messages logged so far, in order.</summary>
    public IReadOnlyList<LogEntry> LogEntries => _log;

    /// <summary>Records <paramref name="entry"/> and writes it to the log writer at once.</summary>
    public void Log(LogEntry entry)
    {
        _log.Add(entry);
        _logWriter.WriteLine(entry);
    }

    /// <summary>Runs <paramref name="build"/> with this context current, and restores the previous one after.</summary>
    public T Run<T>(Func<T> build)
    {
        var previous = CurrentContext.Value;
        CurrentContext.Value = this;
        try
        {
            return build();
        }
        finally
        {
            CurrentContext.Value = previous;
        }
    }

    public void Register(Resource resource) => _resources.Add(resource);

    public void AddStackPass(Action<IReadOnlyList<Resource>> pass) => _stackPasses.Add(pass);

    /// <summary>Runs the stack passes in the order they were added; each sees every resource created before it runs.</summary>
    public void RunStackPasses()
    {
        for (var i = 0; i < _stackPasses.Count; i++)
        {
            _stackPasses[i]([.. _resources]);
        }
    }

    public ConfigDeclaration DeclareConfig(string key, string? type, string? itemType, bool isSecret)
    {
        if (_config.TryGetValue(key, out var known))
        {
            if (known.Type != type || known.ItemType != itemType)
            {
                throw new ConfigException(key, $"Config '{key}' is read as {Describe(known)} and as {Describe(type, itemType)}; read a key as one type.");
            }

            known = known with { IsSecret = known.IsSecret || isSecret };
        }
        else
        {
            known = new ConfigDeclaration(key, type, itemType, isSecret);
        }

        _config[key] = known;
        return known;
    }

    private static string Describe(ConfigDeclaration declaration) => Describe(declaration.Type, declaration.ItemType);

    private static string Describe(string? type, string? itemType) =>
        type is null ? "a structured value" : itemType is null ? type : $"{type} of {itemType}";
}
