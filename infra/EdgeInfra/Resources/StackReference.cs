using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace EdgeInfra;

/// <summary>
/// The outputs of another stack, like Pulumi .NET's <c>StackReference</c>: stated as a resource of type
/// <c>pulumi:pulumi:StackReference</c> with its <c>name</c> property, which the Pulumi YAML runtime reads (never
/// creates) with the stack name as id. <see cref="GetOutput(string)"/> is <c>${ref.outputs.name}</c>; outputs the
/// other stack keeps secret stay secret.
/// </summary>
public sealed partial class StackReference : CustomResource
{
    /// <summary>The type token of stack references.</summary>
    public const string TypeToken = "pulumi:pulumi:StackReference";

    /// <summary>What a stack name may look like, for error messages.</summary>
    internal const string NameRule =
        "a stack name is 'stack', 'project/stack' or 'organization/project/stack', each part letters, digits, '-', '_' or '.'";

    /// <summary>Creates a reference named <paramref name="name"/> to the stack <see cref="StackReferenceArgs.Name"/> (default: <paramref name="name"/>).</summary>
    public StackReference(string name, StackReferenceArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, new PropertyMap { ["name"] = args?.Name ?? name }, options)
    {
        StackName = args?.Name ?? name;
    }

    /// <summary>The name of the referenced stack, as given.</summary>
    public string StackName { get; }

    /// <summary>The <c>pulumi</c> built-in package: no plugin, no version to pin.</summary>
    public override string Package => "pulumi";

    /// <summary>All outputs of the referenced stack: <c>${ref.outputs}</c>.</summary>
    public Output<ImmutableDictionary<string, object>> Outputs => base.GetOutput<ImmutableDictionary<string, object>>("outputs");

    /// <summary>The output <paramref name="name"/> of the referenced stack: <c>${ref.outputs.name}</c> (or <c>${ref.outputs["odd-name"]}</c>).</summary>
    public Output<object> GetOutput(string name) => GetOutput<object>(name);

    /// <summary>The output <paramref name="name"/> of the referenced stack, typed: <c>${ref.outputs.name}</c>.</summary>
    public new Output<T> GetOutput<T>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Outputs.GetProperty<T>(name);
    }

    /// <inheritdoc />
    internal override IEnumerable<(string Property, string Message)> Problems()
    {
        var parts = StackName.Split('/');
        if (parts.Length > 3 || !parts.All(p => NamePart().IsMatch(p)))
        {
            yield return ("name", $"'{StackName}' is not a stack name: {NameRule}.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}\\z")]
    private static partial Regex NamePart();
}
