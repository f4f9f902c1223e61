using System.Reflection;
using EdgeInfra.Generator.Tests.Support;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Tests;

/// <summary>
/// Every generated resource, provider and function of EdgeInfra.Providers, made with its required inputs only,
/// synthesizes a program that conforms to the real schemas.
/// </summary>
public sealed class ProviderConformanceTests
{
    private static readonly Assembly Bindings = typeof(EdgeInfra.AzureNative.Provider).Assembly;

    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadDirectory(Repository.Schemas));

    [Fact]
    public void Every_resource_and_function_made_with_its_required_inputs_conforms_to_the_schemas()
    {
        var filler = new RequiredInputFiller(Schemas.Value, Bindings);
        var resources = Bindings.GetTypes().Where(t => t.IsSubclassOf(typeof(CustomResource)) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        var functions = Bindings.GetTypes().Where(t => t.IsAbstract && t.IsSealed && t.GetField("Token") is not null).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        var expectedResources = Schemas.Value.Packages.Sum(p => p.Resources.Count + 1);
        Assert.Equal(expectedResources, resources.Count);
        Assert.Equal(Schemas.Value.Packages.Sum(p => p.Functions.Count), functions.Count);

        var program = Deployment.Synthesize(
            () => new ConformanceStack(stack =>
            {
                foreach (var (type, index) in resources.Select((t, i) => (t, i)))
                {
                    Create(filler, type, "r" + index);
                }

                foreach (var (type, index) in functions.Select((t, i) => (t, i)))
                {
                    stack.Add("f" + index, Invoke(filler, type));
                }
            }),
            new DeploymentSettings { ProjectName = "conformance", StackName = "dev", Packages = PackageCatalog.Discover(Bindings) });

        Assert.True(filler.Problems.Count == 0, string.Join("\n", filler.Problems));
        var violations = ProgramConformance.Check(program, Schemas.Value);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Equal(resources.Count, program.Split('\n').Count(line => line.StartsWith("    type: ", StringComparison.Ordinal)));
    }

    private static void Create(RequiredInputFiller filler, Type type, string name)
    {
        var constructor = type.GetConstructors().Single();
        var token = type.IsSubclassOf(typeof(ProviderResource))
            ? PackageSchema.ProviderTokenPrefix + (string)type.GetField("PackageName")!.GetValue(null)!
            : (string)type.GetField("TypeToken")!.GetValue(null)!;
        var schema = Schemas.Value.FindResource(token) ?? throw new InvalidOperationException($"no schema for {token}");
        var args = filler.Fill(constructor.GetParameters()[1].ParameterType, schema.InputProperties, schema.RequiredInputs, token);
        constructor.Invoke([name, args, null]);
    }

    private static object Invoke(RequiredInputFiller filler, Type type)
    {
        var token = (string)type.GetField("Token")!.GetValue(null)!;
        var schema = Schemas.Value.FindFunction(token) ?? throw new InvalidOperationException($"no schema for {token}");
        var invoke = type.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters();
        object?[] arguments = parameters.Length == 1
            ? [null]
            : [filler.Fill(parameters[0].ParameterType, schema.Inputs!.Properties, schema.Inputs.Required, token), null];
        return invoke.Invoke(null, arguments)!;
    }

    /// <summary>A stack built by a callback, which can add outputs.</summary>
    private sealed class ConformanceStack : Stack
    {
        public ConformanceStack(Action<ConformanceStack> build) => build(this);

        public void Add(string name, object value) => RegisterOutputs(new Dictionary<string, object?> { [name] = value });
    }
}
