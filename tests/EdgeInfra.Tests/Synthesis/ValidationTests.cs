using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Synthesis;

/// <summary>Every graph error fails synthesis with a message naming the resource, the property, the bad value and the rule.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void Duplicate_logical_names_are_reported_with_both_types()
    {
        var error = Fails(() =>
        {
            Group("web");
            new CustomResource("azure-native:network:VirtualNetwork", "web", new PropertyMap());
        });
        var only = Assert.Single(error.Errors);
        Assert.Equal("resource 'web', property 'name': the logical name is used by 2 resources, 'web' (azure-native:resources:ResourceGroup) at the top level and 'web' (azure-native:network:VirtualNetwork) at the top level; logical names must be unique in a stack: rename one of them.", only.ToString());
    }

    [Fact]
    public void Duplicates_made_by_component_prefixes_are_reported_too()
    {
        var error = Fails(() =>
        {
            var app = new ComponentResource("edgeinfra:test:App", "app");
            Group("vnet", options: new CustomResourceOptions { Parent = app });
            Group("app-vnet");
        });
        Assert.Contains("resource 'app-vnet', property 'name': the logical name is used by 2 resources", Assert.Single(error.Errors).ToString());
    }

    [Theory]
    [InlineData("vnet", "app-vnet")]
    [InlineData("app-vnet", "app-vnet")]
    [InlineData("app", "app-app")]
    [InlineData("apps-vnet", "app-apps-vnet")]
    public void A_child_already_named_with_its_components_prefix_is_not_prefixed_again(string child, string expected)
    {
        Resource? resource = null;
        Synth(() =>
        {
            var app = new ComponentResource("edgeinfra:test:App", "app");
            resource = Group(child, options: new CustomResourceOptions { Parent = app });
        });
        Assert.Equal(expected, resource!.LogicalName);
    }

    [Fact]
    public void A_component_that_always_prefixes_prefixes_every_child()
    {
        Resource? resource = null;
        Synth(() =>
        {
            var ca = new AlwaysPrefixing("ca");
            resource = Group("ca-key", options: new CustomResourceOptions { Parent = ca });
        });
        Assert.Equal("ca-ca-key", resource!.LogicalName);
    }

    private sealed class AlwaysPrefixing(string name) : ComponentResource("edgeinfra:test:Ca", name, null, ChildNaming.AlwaysPrefix);

    [Fact]
    public void A_nested_components_children_may_carry_the_name_it_was_given_or_its_logical_name()
    {
        var names = new List<string>();
        Synth(() =>
        {
            var app = new ComponentResource("edgeinfra:test:App", "shop");
            var net = new ComponentResource("edgeinfra:test:Net", "net", new ComponentResourceOptions { Parent = app });
            names.Add(net.LogicalName);
            names.Add(Group("net-vnet", options: new CustomResourceOptions { Parent = net }).LogicalName);
            names.Add(Group("shop-net-nsg", options: new CustomResourceOptions { Parent = net }).LogicalName);
            names.Add(Group("subnet", options: new CustomResourceOptions { Parent = net }).LogicalName);
        });
        Assert.Equal(["shop-net", "shop-net-vnet", "shop-net-nsg", "shop-net-subnet"], names);
    }

    [Fact]
    public void A_prefixed_and_an_unprefixed_child_that_meet_fail_synthesis_naming_both()
    {
        var error = Fails(() =>
        {
            var shop = new ComponentResource("edgeinfra:test:Shop", "shop");
            Group("rg", options: new CustomResourceOptions { Parent = shop });
            new CustomResource("azure-native:network:VirtualNetwork", "shop-rg", new PropertyMap(), new CustomResourceOptions { Parent = shop });
        });
        Assert.Equal(
            "resource 'shop-rg', property 'name': the logical name is used by 2 resources, 'rg' (azure-native:resources:ResourceGroup) in component 'shop' and 'shop-rg' (azure-native:network:VirtualNetwork) in component 'shop'; logical names must be unique in a stack (a child's name is prefixed with its component's, unless it already starts with the component's name and '-'): rename one of them.",
            Assert.Single(error.Errors).ToString());
    }

    [Theory]
    [InlineData("web server")]
    [InlineData("1web")]
    [InlineData("web.1")]
    [InlineData("pulumi")]
    [InlineData("")]
    public void Invalid_logical_names_are_reported_with_the_rule(string name)
    {
        var error = Fails(() => Group(name));
        Assert.Contains(error.Errors, e => e.Property == "name"
            && e.Message == $"'{name}' is not a valid logical name: a letter, then letters, digits, '_' or '-' (at most 200 characters), not 'pulumi'.");
    }

    [Fact]
    public void Invalid_type_tokens_are_reported()
    {
        var error = Fails(() => new CustomResource("azure-native.keyvault.Vault", "kv", new PropertyMap()));
        Assert.Contains(error.Errors, e => e.ToString() == "resource 'kv' (azure-native.keyvault.Vault), property 'type': 'azure-native.keyvault.Vault' is not a type token: it must read package:module:Type.");
    }

    [Fact]
    public void References_to_resources_of_another_stack_are_reported()
    {
        CustomResource? foreign = null;
        Synth(() => foreign = Group("other"));
        var error = Fails(() => Group("rg", new PropertyMap { ["location"] = foreign!.GetOutput<string>("location") }));
        Assert.Equal("resource 'rg' (azure-native:resources:ResourceGroup), property 'location': references 'other' (azure-native:resources:ResourceGroup), which is not in this stack: a program can only reference its own resources.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Dependencies_on_resources_of_another_stack_are_reported()
    {
        CustomResource? foreign = null;
        Synth(() => foreign = Group("other"));
        var error = Fails(() => Group("rg", options: new CustomResourceOptions { DependsOn = [foreign!] }));
        Assert.Contains(error.Errors, e => e.Property == "options.dependsOn" && e.Message.StartsWith("references 'other'", StringComparison.Ordinal));
    }

    [Fact]
    public void Dependency_cycles_are_reported_with_the_cycle()
    {
        var error = Fails(() =>
        {
            var aProperties = new PropertyMap();
            var a = Group("a", aProperties);
            var b = Group("b", new PropertyMap { ["x"] = a.Id });
            var c = Group("c", new PropertyMap { ["x"] = b.Id });
            aProperties["x"] = c.Id;
        });
        Assert.Equal("resource 'a' (azure-native:resources:ResourceGroup): dependency cycle: a -> c -> b -> a; a program's resources must form a graph without cycles.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Cycles_through_depends_on_are_reported()
    {
        var error = Fails(() =>
        {
            var aOptions = new CustomResourceOptions();
            var a = Group("a", options: aOptions);
            var b = Group("b", options: new CustomResourceOptions { DependsOn = [a] });
            aOptions.DependsOn.Add(b);
        });
        Assert.Contains("dependency cycle: a -> b -> a", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Missing_required_config_names_key_stack_and_how_to_set_it()
    {
        var error = Fails(() => new Config().Require("location"));
        Assert.Equal("config 'proj:location': Missing required config 'proj:location' for stack 'dev': set it with `pulumi config set proj:location <value> --stack dev`.", Assert.Single(error.Errors).ToString());
    }

    [Theory]
    [InlineData("two", "an integer")]
    [InlineData("2.5", "an integer")]
    public void Config_of_the_wrong_type_names_the_value_and_the_expected_type(string value, string expected)
    {
        var error = Fails(() => new Config().RequireInt32("count"), new Dictionary<string, string> { ["count"] = value });
        Assert.Equal($"config 'proj:count': Config 'proj:count' of stack 'dev' must be {expected}; got '{value}'.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Config_read_as_two_types_is_an_error()
    {
        var error = Fails(() =>
        {
            var config = new Config();
            config.Require("count");
            config.RequireInt32("count");
        }, new Dictionary<string, string> { ["count"] = "2" });
        Assert.Contains("Config 'count' is read as string and as integer; read a key as one type.", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Config_keys_that_clash_with_resource_names_are_reported()
    {
        var error = Fails(() => Group("location", new PropertyMap { ["location"] = new Config().Require("location") }), new Dictionary<string, string> { ["location"] = "x" });
        Assert.Equal("config 'location': the config key has the name of a resource; config keys and resources share one namespace in a program.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Referencing_a_component_by_value_is_reported()
    {
        var error = Fails(() =>
        {
            var app = new ComponentResource("edgeinfra:test:App", "app");
            Group("rg", new PropertyMap { ["x"] = new Output<string>(new Expressions.ResourceReferenceExpression(app, Expressions.PropertyPath.Empty)) });
        });
        Assert.Equal("resource 'rg' (azure-native:resources:ResourceGroup): references component 'app', which has no value in a program: reference one of its resources or outputs.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Packages_with_no_pinned_version_are_reported()
    {
        var error = Fails(() => new CustomResource("aws:s3:Bucket", "bucket", new PropertyMap()));
        Assert.Equal("resource 'bucket' (aws:s3:Bucket), property 'options.version': package 'aws' has no pinned version: declare it with [assembly: PulumiPackage(\"aws\", \"<version>\")] or set CustomResourceOptions.Version.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Invokes_of_packages_with_no_pinned_version_are_reported()
    {
        var error = Fails(() => Group("rg", new PropertyMap { ["x"] = Deployment.Invoke<object>("aws:index:getRegion") }));
        Assert.Contains("package 'aws' has no pinned version", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Two_versions_of_one_package_are_reported_with_who_pins_them()
    {
        var error = Fails(() =>
        {
            Group("a");
            Group("b", options: new CustomResourceOptions { Version = "3.1.0" });
        });
        Assert.Equal("package 'azure-native', property 'options.version': the program pins more than one version (3.28.0 by a; 3.1.0 by b); Pulumi takes one version per package.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void A_provider_of_another_package_is_reported()
    {
        var error = Fails(() =>
        {
            var random = new ProviderResource("random", "rnd", null, "4.21.1");
            Group("rg", options: new CustomResourceOptions { Provider = random });
        });
        Assert.Equal("resource 'rg' (azure-native:resources:ResourceGroup), property 'options.provider': provider 'rnd' serves package 'random', but the resource belongs to package 'azure-native'.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Two_providers_of_one_package_on_a_component_are_reported()
    {
        var error = Fails(() =>
        {
            var a = new ProviderResource("azure-native", "a", null, "3.28.0");
            var b = new ProviderResource("azure-native", "b", null, "3.28.0");
            new ComponentResource("edgeinfra:test:App", "app", new ComponentResourceOptions { Providers = [a, b] });
        });
        Assert.Contains("2 providers are given for package 'azure-native'; give at most one per package.", Assert.Single(error.Errors).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(0.5)]
    public void Timeouts_that_are_not_positive_whole_seconds_are_reported(double seconds)
    {
        var error = Fails(() => Group("rg", options: new CustomResourceOptions { CustomTimeouts = new CustomTimeouts { Create = TimeSpan.FromSeconds(seconds) } }));
        Assert.Contains(error.Errors, e => e.Property == "options.customTimeouts.create" && e.Message.EndsWith("is not a timeout: a timeout is a positive whole number of seconds.", StringComparison.Ordinal));
    }

    [Fact]
    public void Deleted_with_a_component_is_reported()
    {
        var error = Fails(() =>
        {
            var app = new ComponentResource("edgeinfra:test:App", "app");
            Group("rg", options: new CustomResourceOptions { DeletedWith = app });
        });
        Assert.Contains(error.Errors, e => e.Property == "options.deletedWith" && e.Message == "'app' is a component; deletedWith takes a custom resource.");
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var error = Fails(() =>
        {
            Group("bad name");
            new CustomResource("aws:s3:Bucket", "bucket", new PropertyMap());
            Group("x", new PropertyMap { ["when"] = DateTime.UnixEpoch });
        });
        Assert.Equal(3, error.Errors.Count);
        Assert.StartsWith("Synthesis failed with 3 errors:\n  - ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_cannot_be_created_outside_a_stack_build()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Group("rg"));
        Assert.StartsWith("Resource 'rg' (azure-native:resources:ResourceGroup) was created outside a stack build", error.Message, StringComparison.Ordinal);
    }
}
