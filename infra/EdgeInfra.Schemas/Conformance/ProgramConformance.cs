namespace EdgeInfra.Schemas;

/// <summary>
/// Checks a Pulumi YAML program against the program format and against the package schemas of the resources and
/// functions it uses: keys, resource and function tokens, property names, required properties, value types, enums,
/// unions, expressions (<c>${...}</c> references and <c>fn::</c> built-ins), resource options and package versions.
/// </summary>
public static class ProgramConformance
{
    /// <summary>Checks a Pulumi YAML program.</summary>
    /// <param name="programYaml">The text of the program.</param>
    /// <param name="schemas">The package schemas the program's resources and functions come from.</param>
    /// <returns>Every violation found (section by section: top level, config, variables, resources, outputs); empty when the program conforms.</returns>
    public static IReadOnlyList<ConformanceViolation> Check(string programYaml, SchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(programYaml);
        ArgumentNullException.ThrowIfNull(schemas);
        return new ProgramChecker(schemas).Check(programYaml);
    }

    /// <summary>Checks a Pulumi YAML program file.</summary>
    /// <param name="path">The path of the program file.</param>
    /// <param name="schemas">The package schemas the program's resources and functions come from.</param>
    /// <returns>Every violation found (section by section: top level, config, variables, resources, outputs); empty when the program conforms.</returns>
    public static IReadOnlyList<ConformanceViolation> CheckFile(string path, SchemaSet schemas)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Check(File.ReadAllText(path), schemas);
    }
}
