using EdgeInfra.Generator.Naming;
using static EdgeInfra.Generator.Tests.Support.FixtureSchemas;

namespace EdgeInfra.Generator.Tests;

/// <summary>C# names of namespaces, types and members: PascalCase, sanitized, keyword-safe and collision-safe.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("vmSize", "VmSize")]
    [InlineData("resourceGroupName", "ResourceGroupName")]
    [InlineData("foo-bar", "FooBar")]
    [InlineData("odata.type", "OdataType")]
    [InlineData("@odata.type", "OdataType")]
    [InlineData("Standard_B2s", "Standard_B2s")]
    [InlineData("with space", "WithSpace")]
    [InlineData("1st", "_1st")]
    [InlineData("class", "Class")]
    [InlineData("$", "Value")]
    public void Schema_names_become_PascalCase_identifiers(string name, string identifier)
    {
        Assert.Equal(identifier, Identifiers.PascalCase(name));
    }

    [Fact]
    public void Keywords_are_escaped()
    {
        Assert.Equal("@class", Identifiers.Escape("class"));
        Assert.Equal("Class", Identifiers.Escape("Class"));
    }

    [Theory]
    [InlineData("azure-native:keyvault:Vault", "EdgeInfra.AzureNative.KeyVault")]
    [InlineData("azure-native:managedidentity:UserAssignedIdentity", "EdgeInfra.AzureNative.ManagedIdentity")]
    [InlineData("azure-native:recoveryservices:Vault", "EdgeInfra.AzureNative.RecoveryServices")]
    [InlineData("azure-native:operationalinsights:Workspace", "EdgeInfra.AzureNative.OperationalInsights")]
    [InlineData("azure-native:privatedns:PrivateZone", "EdgeInfra.AzureNative.PrivateDns")]
    [InlineData("azure-native:resources:ResourceGroup", "EdgeInfra.AzureNative.Resources")]
    [InlineData("azure-native:cdn:Profile", "EdgeInfra.AzureNative.Cdn")]
    [InlineData("akamai:index/cpCode:CpCode", "EdgeInfra.Akamai")]
    [InlineData("akamai:config/config:config", "EdgeInfra.Akamai.Config")]
    [InlineData("random:index/randomPassword:RandomPassword", "EdgeInfra.Random")]
    public void Token_modules_become_namespaces(string token, string @namespace)
    {
        var package = TokenNames.PackageNamespace(token[..token.IndexOf(':', StringComparison.Ordinal)]);
        Assert.Equal(@namespace, TokenNames.ModuleNamespace(package, TokenNames.ModuleOf(token)));
    }

    [Fact]
    public void Namespaces_map_to_folders()
    {
        Assert.Equal("AzureNative/KeyVault/Inputs", TokenNames.FolderOf("EdgeInfra.AzureNative.KeyVault.Inputs"));
    }

    [Fact]
    public void Member_names_colliding_with_the_type_inherited_members_or_each_other_get_Value_then_a_number()
    {
        var names = MemberNames.Allocate(["thing", "id", "Id", "idValue", "fooBar", "foo-bar"], "Thing", InheritedMembers.Resource);
        Assert.Equal("ThingValue", names["thing"]);
        Assert.Equal("IdValue", names["Id"]);
        Assert.Equal("IdValue2", names["id"]);
        Assert.Equal("IdValueValue", names["idValue"]);
        Assert.Equal("FooBar", names["foo-bar"]);
        Assert.Equal("FooBarValue", names["fooBar"]);
    }

    [Theory]
    [InlineData("Fixture/ThingArgs.cs", "_1st", "1st")]
    [InlineData("Fixture/ThingArgs.cs", "Class", "class")]
    [InlineData("Fixture/ThingArgs.cs", "SecretValue", "secret")]
    [InlineData("Fixture/ThingArgs.cs", "ThingArgsValue", "thingArgs")]
    [InlineData("Fixture/Thing.cs", "ArgsValue", "args")]
    [InlineData("Fixture/Thing.cs", "OptionsValue", "options")]
    [InlineData("Fixture/Thing.cs", "ThingValue", "thing")]
    [InlineData("Fixture/Thing.cs", "TypeTokenValue", "typeToken")]
    [InlineData("Fixture/Widgets/Outputs/GetWidgetResult.cs", "ExpressionValue", "expression")]
    [InlineData("Fixture/Widgets/Outputs/HistoryEntry.cs", "PropertyValue", "property")]
    public void Generated_members_keep_clear_of_keywords_and_base_class_members(string path, string member, string schemaName)
    {
        var file = File(path);
        Assert.Contains($" {member} ", file);
        Assert.Contains($"\"{schemaName}\"", file);
    }

    [Fact]
    public void Types_that_would_share_a_name_in_a_namespace_get_a_number_ignoring_case()
    {
        var files = BindingsGenerator.Generate(Mini(
            """
            {
              "mini:m:Mode": { "inputProperties": { "a": { "$ref": "#/types/mini:m:mode" } } },
              "mini:m:Inputs": { },
              "mini:m:provider": { }
            }
            """,
            """{ "mini:m:mode": { "type": "string", "enum": [ { "value": "x" } ] } }"""));
        var paths = files.Select(f => f.RelativePath).ToList();
        Assert.Contains("Mini/M/Mode.cs", paths);
        Assert.Contains("Mini/M/Mode2.cs", paths);
        Assert.Contains("Mini/M/Inputs2.cs", paths);
        Assert.Contains("Mini/M/Provider.cs", paths);
        Assert.Contains("Mini/Provider.cs", paths);
        Assert.Contains("public global::EdgeInfra.Input<Mode2>? A { get; set; }", files.Single(f => f.RelativePath == "Mini/M/ModeArgs.cs").Content);
    }
}
