using EdgeInfra.Generator.Cli;
using EdgeInfra.Generator.Tests.Support;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Tests;

/// <summary>The committed bindings are exactly what the generator makes of the real provider schemas.</summary>
public sealed class StalenessTests
{
    [Fact]
    public void The_committed_bindings_are_up_to_date_with_the_real_schemas()
    {
        var packages = Repository.SchemaFiles.Select(PackageSchema.Load).ToList();
        var files = packages.SelectMany(BindingsGenerator.Generate).ToList();
        var differences = GeneratedTree.Compare(Repository.GeneratedBindings, packages.Select(BindingsGenerator.PackageFolder), files);
        Assert.True(
            differences.Count == 0,
            $"The committed bindings under infra/EdgeInfra.Providers/Generated differ from what the generator makes of {Repository.Schemas}:\n"
            + string.Join("\n", differences)
            + $"\nRegenerate them from the repository root with:\n  {Repository.RegenerateCommand}");
    }
}
