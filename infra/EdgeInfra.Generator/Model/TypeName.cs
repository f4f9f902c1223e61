namespace EdgeInfra.Generator.Model;

/// <summary>A generated C# type: its namespace and name.</summary>
/// <param name="Namespace">The namespace, e.g. <c>EdgeInfra.AzureNative.KeyVault.Inputs</c>.</param>
/// <param name="Name">The type name, e.g. <c>VaultPropertiesArgs</c>.</param>
internal sealed record TypeName(string Namespace, string Name)
{
    /// <summary>The sub-namespace of a module that holds argument types.</summary>
    public const string InputsNamespace = "Inputs";

    /// <summary>The sub-namespace of a module that holds output types.</summary>
    public const string OutputsNamespace = "Outputs";

    /// <summary>The fully qualified name, with <c>global::</c>.</summary>
    public string GlobalName => "global::" + Namespace + "." + Name;

    /// <summary>
    /// The name as code in <paramref name="currentNamespace"/> writes it: the simple name in the same namespace,
    /// <c>Inputs.X</c> / <c>Outputs.X</c> from the module namespace right above, otherwise fully qualified.
    /// Generated namespaces never hold a type named <c>Inputs</c> or <c>Outputs</c>, so these never mislead.
    /// </summary>
    public string RenderIn(string currentNamespace)
    {
        if (Namespace == currentNamespace)
        {
            return Name;
        }

        if (Namespace == currentNamespace + "." + InputsNamespace || Namespace == currentNamespace + "." + OutputsNamespace)
        {
            return Namespace[(currentNamespace.Length + 1)..] + "." + Name;
        }

        return GlobalName;
    }
}
