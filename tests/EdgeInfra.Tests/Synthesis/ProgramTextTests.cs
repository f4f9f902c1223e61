using EdgeInfra.Testing;
using EdgeInfra.Yaml;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Synthesis;

/// <summary>
/// <see cref="ProgramSynthesizer.Synthesize"/> writes the program entry by entry; its text is the text of the whole
/// program tree, <see cref="ProgramSynthesizer.ToYaml"/> written by <see cref="YamlWriter"/>, for every shape of
/// graph: none, resources, variables from navigated invokes (with an invoke in their arguments), config and outputs.
/// </summary>
public sealed class ProgramTextTests
{
    public static TheoryData<string> Graphs => ["empty", "outputs only", "resources", "variables, config and outputs"];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void The_text_written_entry_by_entry_is_the_text_of_the_whole_tree(string shape)
    {
        var graph = StackBuilder.Build(() => new LambdaStack(() => Build(shape)), Settings(new Dictionary<string, string> { ["location"] = "westeurope" }));

        var text = ProgramSynthesizer.Synthesize(graph);

        Assert.Equal(YamlWriter.Write(ProgramSynthesizer.ToYaml(graph)), text);
        Assert.Equal(shape.StartsWith("variables", StringComparison.Ordinal), text.Contains("\nvariables:\n", StringComparison.Ordinal));
        Assert.Equal(shape != "empty" && shape != "resources", text.Contains("\noutputs:\n", StringComparison.Ordinal));
    }

    private static Dictionary<string, object?> Build(string shape)
    {
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (shape == "empty")
        {
            return outputs;
        }

        if (shape == "outputs only")
        {
            outputs["greeting"] = "hello";
            return outputs;
        }

        var first = Group("rg-a", new PropertyMap { ["location"] = "westeurope", ["tags"] = new PropertyMap { ["team"] = "edge" } });
        var second = Group("rg-b", new PropertyMap { ["location"] = first.GetOutput<string>("location") }, new CustomResourceOptions { DependsOn = [first] });
        if (shape == "variables, config and outputs")
        {
            var tenant = Deployment.Invoke<object>("azure-native:authorization:getClientConfig").GetProperty<string>("tenantId");
            var vault = Deployment.Invoke<object>("azure-native:keyvault:getVault", new PropertyMap { ["vaultName"] = Output.Format($"kv-{tenant}"), ["resourceGroupName"] = "rg" });
            Group("rg-c", new PropertyMap
            {
                ["location"] = new Config().Require("location"),
                ["tenant"] = tenant,
                ["vaultUri"] = vault.GetProperty<object>("properties").GetProperty<string>("vaultUri"),
            });
            outputs["tenant"] = tenant;
            outputs["vaultTenant"] = vault.GetProperty<object>("properties").GetProperty<string>("tenantId");
            outputs["second"] = second.GetOutput<string>("name");
        }

        return outputs;
    }
}
