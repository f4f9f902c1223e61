namespace EdgeInfra.Components.Tests.Akamai.RuleTrees;

/// <summary>
/// Golden files of rule-tree JSON, in <c>tests/EdgeInfra.Components.Tests/Akamai/RuleTree/Golden</c> of the source tree
/// (found by walking up to <c>EdgeInfra.sln</c>). With <c>EDGEINFRA_UPDATE_GOLDEN=1</c> the files are rewritten instead
/// of compared; review the change and commit it.
/// </summary>
internal static class RuleTreeGolden
{
    public static void AssertMatches(string fileName, string actual)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "EdgeInfra.Components.Tests", "Akamai", "RuleTree", "Golden", fileName);
        if (Environment.GetEnvironmentVariable("EDGEINFRA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"The golden file {path} does not exist: run the tests with EDGEINFRA_UPDATE_GOLDEN=1 to write it, then review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EdgeInfra.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No EdgeInfra.sln above {AppContext.BaseDirectory}.");
    }
}
