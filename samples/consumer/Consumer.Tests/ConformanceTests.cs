using EdgeInfra.Schemas;
using Origin;
using Shop;

namespace Consumer.Tests;

/// <summary>
/// Every resource input of the synthesized programs against the provider schemas: <c>$EDGEINFRA_SCHEMAS</c>, or a
/// <c>shared/schemas</c> folder beside one of the folders above the tests.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadDirectory(SchemasDirectory()));

    public static TheoryData<string> Projects => ["shop", "origin"];

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_dev_program_conforms_to_the_provider_schemas(string project)
    {
        var program = project == "shop"
            ? Stacks.Synthesize(project, () => new ShopStack())
            : Stacks.Synthesize(project, () => new OriginStack());

        Assert.Empty(ProgramConformance.Check(program, Schemas.Value));
    }

    private static string SchemasDirectory()
    {
        if (Environment.GetEnvironmentVariable("EDGEINFRA_SCHEMAS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "schemas");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("no shared/schemas above " + AppContext.BaseDirectory + ": set EDGEINFRA_SCHEMAS");
    }
}
