namespace EdgeInfra.Schemas.Tests;

public class SchemaSetTests
{
    private static readonly SchemaSet Set = TestSchemas.Set;

    [Theory]
    [InlineData("azure-native:keyvault:Vault", "azure-native")]
    [InlineData("random:index/randomPassword:RandomPassword", "random")]
    [InlineData("pulumi:providers:random", "random")]
    [InlineData("pulumi:providers:azure-native", "azure-native")]
    [InlineData("noColon", null)]
    [InlineData("pulumi:providers:", null)]
    public void Finds_the_package_name_of_a_token(string token, string? package)
    {
        Assert.Equal(package, SchemaSet.PackageNameOf(token));
    }

    [Fact]
    public void Finds_packages_resources_functions_and_types_by_token()
    {
        Assert.Equal("test", Set.FindPackage("test:index:Widget")!.Name);
        Assert.Equal("test", Set.FindPackage("pulumi:providers:test")!.Name);
        Assert.Null(Set.FindPackage("nope:index:Thing"));

        Assert.Equal("test:index:Widget", Set.FindResource("test:index:Widget")!.Token);
        Assert.Same(TestSchemas.TestPackage.Provider, Set.FindResource("pulumi:providers:test"));
        Assert.Null(Set.FindResource("test:index:Nothing"));
        Assert.Null(Set.FindResource("pulumi:providers:nope"));

        Assert.NotNull(Set.FindFunction("test:index:getThing"));
        Assert.Null(Set.FindFunction("test:index:getNothing"));

        Assert.IsType<EnumTypeSchema>(Set.FindType("test:index:Mode"));
        Assert.IsType<ObjectTypeSchema>(Set.FindType("test:index/Timeouts:Timeouts"));
        Assert.Null(Set.FindType("other:index:Mode"));
    }

    [Fact]
    public void Orders_packages_by_name()
    {
        Assert.Equal(["other", "test"], Set.Packages.Select(package => package.Name));
    }

    [Fact]
    public void Rejects_two_packages_of_the_same_name()
    {
        var exception = Assert.Throws<ArgumentException>(() => new SchemaSet([TestSchemas.OtherPackage, TestSchemas.OtherPackage]));
        Assert.StartsWith("package \"other\" is given twice", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_loads_every_schema_json_file_of_the_folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"edgeinfra-schemas-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "test.schema.json"), TestSchemas.TestPackageJson);
            File.WriteAllText(Path.Combine(folder, "other.schema.json"), TestSchemas.OtherPackageJson);
            File.WriteAllText(Path.Combine(folder, "README.md"), "not a schema");

            SchemaSet set = SchemaSet.LoadDirectory(folder);

            Assert.Equal(["other", "test"], set.Packages.Select(package => package.Name));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_of_a_missing_folder_throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => SchemaSet.LoadDirectory(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}")));
    }
}
