using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Schemas;

/// <summary>What the checks of one program share: the schemas, the violations, the program's names, and the checkers.</summary>
internal sealed class ProgramContext
{
    private readonly Dictionary<string, TypeShape> variableTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> variablesInProgress = new(StringComparer.Ordinal);

    public ProgramContext(SchemaSet schemas)
    {
        Schemas = schemas;
        Compatibility = new TypeCompatibility(schemas);
        Values = new ValueChecker(this);
        References = new ReferenceResolver(this);
        Builtins = new BuiltinFunctionChecker(this);
        Options = new ResourceOptionsChecker(this);
    }

    public SchemaSet Schemas { get; }

    public ViolationSink Sink { get; } = new();

    public TypeCompatibility Compatibility { get; }

    public ValueChecker Values { get; }

    public ReferenceResolver References { get; }

    public BuiltinFunctionChecker Builtins { get; }

    public ResourceOptionsChecker Options { get; }

    /// <summary>The program's resources by logical name.</summary>
    public Dictionary<string, DeclaredResource> Resources { get; } = new(StringComparer.Ordinal);

    /// <summary>The program's config keys and their declared types (null when the declaration is unusable).</summary>
    public Dictionary<string, PropertySpec?> ConfigTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>The program's variables and their values.</summary>
    public Dictionary<string, YamlNode> Variables { get; } = new(StringComparer.Ordinal);

    public TypeShape Shape(PropertySpec spec) => TypeShape.FromSpec(spec, Schemas);

    /// <summary>
    /// The type of a variable's value. The value is checked the first time it is asked for (its violations are kept
    /// even during a trial); a variable that refers to itself is a violation.
    /// </summary>
    public TypeShape VariableType(string name)
    {
        if (variableTypes.TryGetValue(name, out TypeShape? known))
        {
            return known;
        }

        if (!variablesInProgress.Add(name))
        {
            Sink.AddAlways(YamlText.Child("variables", name), $"variable {name} refers to itself (a reference cycle through variables)");
            variableTypes[name] = TypeShape.Any;
            return TypeShape.Any;
        }

        TypeShape type = Sink.KeepAlways(() => Values.Check(Variables[name], null, YamlText.Child("variables", name)));
        variablesInProgress.Remove(name);
        variableTypes.TryAdd(name, type);
        return variableTypes[name];
    }
}
