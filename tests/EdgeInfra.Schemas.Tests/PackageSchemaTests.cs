using System.Text.Json;

namespace EdgeInfra.Schemas.Tests;

public class PackageSchemaTests
{
    private static readonly PackageSchema Package = TestSchemas.TestPackage;

    private static PropertySpec WidgetInput(string name) => Package.Resources["test:index:Widget"].InputProperties[name];

    [Fact]
    public void Reads_name_version_and_config_variables()
    {
        Assert.Equal("test", Package.Name);
        Assert.Equal("1.2.3", Package.Version);
        Assert.Equal(["region", "token"], Package.Config.Keys);
        Assert.True(Package.Config["token"].Secret);
        Assert.Equal("test 1.2.3", Package.ToString());
    }

    [Fact]
    public void Reads_the_provider_as_a_resource_named_by_its_provider_token()
    {
        Assert.Equal("pulumi:providers:test", Package.ProviderToken);
        Assert.Equal("pulumi:providers:test", Package.Provider.Token);
        Assert.Equal(["region", "token", "retries"], Package.Provider.InputProperties.Keys);
        Assert.Equal(["region"], Package.Provider.RequiredInputs);
        Assert.Equal(["region"], Package.Provider.Properties.Keys);
    }

    [Fact]
    public void Reads_resource_inputs_required_inputs_outputs_and_required_outputs()
    {
        ResourceSchema widget = Package.Resources["test:index:Widget"];

        Assert.Equal("test:index:Widget", widget.Token);
        Assert.Contains("sku", widget.InputProperties.Keys);
        Assert.Equal(["name"], widget.RequiredInputs);
        Assert.Contains("endpoint", widget.Properties.Keys);
        Assert.Equal(["name", "endpoint"], widget.Required);
        Assert.True(widget.InputProperties["name"].WillReplaceOnChanges);
        Assert.True(widget.InputProperties["password"].Secret);
    }

    [Fact]
    public void Reads_primitive_array_and_map_types()
    {
        Assert.Equal("integer", WidgetInput("size").Type);
        Assert.Equal("array", WidgetInput("zones").Type);
        Assert.Equal("string", WidgetInput("zones").Items!.Type);
        Assert.Equal("object", WidgetInput("tags").Type);
        Assert.Equal("string", WidgetInput("tags").AdditionalProperties!.Type);
        Assert.Equal("array<string>", WidgetInput("zones").ToString());
        Assert.Equal("map<string>", WidgetInput("tags").ToString());
        Assert.Equal("map<any>", WidgetInput("freeform").ToString());
    }

    [Fact]
    public void Reads_type_references_and_decodes_url_encoded_tokens()
    {
        Assert.Equal(new SchemaReference(SchemaReferenceKind.Type, "test:index:Sku", "#/types/test:index:Sku"), WidgetInput("sku").Ref);
        Assert.Equal("object", WidgetInput("sku").Type);
        Assert.Equal("test:index/Timeouts:Timeouts", WidgetInput("timeouts").Ref!.Token);
        Assert.Equal("#/types/test:index%2FTimeouts:Timeouts", WidgetInput("timeouts").Ref!.Raw);
    }

    [Fact]
    public void Reads_pulumi_built_in_references()
    {
        Assert.Equal(SchemaReferenceKind.Any, WidgetInput("settings").Ref!.Kind);
        Assert.Equal(SchemaReferenceKind.Json, WidgetInput("document").Ref!.Kind);
        Assert.Equal(SchemaReferenceKind.Asset, WidgetInput("content").Ref!.Kind);
        Assert.Equal(SchemaReferenceKind.Archive, WidgetInput("bundle").Ref!.Kind);
    }

    [Fact]
    public void Reads_one_of_discriminator_const_and_default()
    {
        Assert.Equal(2, WidgetInput("mode").OneOf.Count);
        Assert.Equal("oneOf(string | test:index:Mode)", WidgetInput("mode").ToString());

        DiscriminatorSpec discriminator = WidgetInput("policy").Discriminator!;
        Assert.Equal("policyType", discriminator.PropertyName);
        Assert.Equal("test:index:WeeklyPolicy", discriminator.Mapping["Weekly"].Token);

        Assert.Equal("fixed", WidgetInput("kind").Const!.Value.GetString());
        Assert.True(WidgetInput("enabled").Default!.Value.GetBoolean());
        Assert.Null(WidgetInput("size").Const);
    }

    [Fact]
    public void Reads_object_and_enum_types()
    {
        var sku = Assert.IsType<ObjectTypeSchema>(Package.Types["test:index:Sku"]);
        Assert.Equal(["name", "capacity", "tier"], sku.Properties.Keys);
        Assert.Equal(["name"], sku.Required);

        var skuName = Assert.IsType<EnumTypeSchema>(Package.Types["test:index:SkuName"]);
        Assert.Equal("string", skuName.UnderlyingType);
        Assert.Equal(["Basic", "Standard"], skuName.Values.Select(value => value.Value.GetString()));
        Assert.Equal("Std", skuName.Values[1].Name);

        var level = Assert.IsType<EnumTypeSchema>(Package.Types["test:index:Level"]);
        Assert.Equal("integer", level.UnderlyingType);
        Assert.Equal(JsonValueKind.Number, level.Values[0].Value.ValueKind);

        var color = Assert.IsType<EnumTypeSchema>(Package.Types["test:index:Color"]);
        Assert.Equal("use red", color.Values[1].DeprecationMessage);
    }

    [Fact]
    public void Reads_functions_with_and_without_inputs()
    {
        FunctionSchema getThing = Package.Functions["test:index:getThing"];
        Assert.Equal(["id", "depth"], getThing.Inputs!.Properties.Keys);
        Assert.Equal(["id"], getThing.Inputs.Required);
        Assert.Equal(["value", "count", "sku"], getThing.Outputs!.Properties.Keys);
        Assert.Equal(["value"], getThing.Outputs.Required);

        FunctionSchema getClientConfig = Package.Functions["test:index:getClientConfig"];
        Assert.Null(getClientConfig.Inputs);
        Assert.Equal(["tenantId"], getClientConfig.Outputs!.Properties.Keys);
    }

    [Fact]
    public void A_package_without_config_provider_or_functions_gets_empty_ones()
    {
        PackageSchema other = TestSchemas.OtherPackage;

        Assert.Empty(other.Config);
        Assert.Empty(other.Functions);
        Assert.Empty(other.Types);
        Assert.Empty(other.Provider.InputProperties);
        Assert.Equal("pulumi:providers:other", other.Provider.Token);
    }

    [Fact]
    public void Invalid_json_is_reported_as_invalid_data()
    {
        var exception = Assert.Throws<InvalidDataException>(() => PackageSchema.Parse("{ \"name\": "));
        Assert.StartsWith("schema: invalid JSON:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_without_name_is_reported_as_invalid_data()
    {
        var exception = Assert.Throws<InvalidDataException>(() => PackageSchema.Parse("{ \"version\": \"1.0.0\" }"));
        Assert.Equal("schema: the package schema has no \"name\"", exception.Message);
    }

    [Fact]
    public void A_malformed_property_is_reported_with_its_path()
    {
        const string json = """{ "name": "p", "resources": { "p:index:R": { "inputProperties": { "x": { "type": 5 } } } } }""";

        var exception = Assert.Throws<InvalidDataException>(() => PackageSchema.Parse(json));
        Assert.Equal("schema: resources[\"p:index:R\"].inputProperties.x.type must be a JSON String, not Number", exception.Message);
    }

    [Fact]
    public void An_unsupported_reference_is_reported_with_its_path()
    {
        const string json = """{ "name": "p", "types": { "p:index:T": { "type": "object", "properties": { "x": { "$ref": "#/nowhere" } } } } }""";

        var exception = Assert.Throws<InvalidDataException>(() => PackageSchema.Parse(json));
        Assert.Equal("schema: types[\"p:index:T\"].properties.x: unsupported $ref \"#/nowhere\"", exception.Message);
    }

    [Fact]
    public void Load_reads_a_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"edgeinfra-{Guid.NewGuid():N}.schema.json");
        File.WriteAllText(path, TestSchemas.OtherPackageJson);
        try
        {
            Assert.Equal("other", PackageSchema.Load(path).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
