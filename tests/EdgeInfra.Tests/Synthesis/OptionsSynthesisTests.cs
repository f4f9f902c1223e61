using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Synthesis;

/// <summary>Resource options as the program states them, and how components pass them down.</summary>
public sealed class OptionsSynthesisTests
{
    [Fact]
    public void Every_option_is_stated_under_its_pulumi_yaml_key()
    {
        var program = Synth(() =>
        {
            var first = Group("first");
            var parent = Group("parent");
            var provider = new ProviderResource("azure-native", "weu", new PropertyMap { ["location"] = "westeurope" }, "3.28.0");
            Group("rg", options: new CustomResourceOptions
            {
                DependsOn = [first],
                Protect = true,
                IgnoreChanges = ["tags"],
                DeleteBeforeReplace = true,
                CustomTimeouts = new CustomTimeouts { Create = TimeSpan.FromMinutes(90), Delete = TimeSpan.FromSeconds(45) },
                RetainOnDelete = true,
                ReplaceOnChanges = ["location"],
                AdditionalSecretOutputs = ["name"],
                Aliases = [new Alias { Name = "old-rg" }, new Alias { Urn = "urn:pulumi:dev::proj::azure-native:resources:ResourceGroup::older" }],
                DeletedWith = first,
                Provider = provider,
                Parent = parent,
            });
        });
        var expected = """
              rg:
                type: "azure-native:resources:ResourceGroup"
                properties:
                  location: "westeurope"
                options:
                  additionalSecretOutputs:
                    - "name"
                  aliases:
                    - "urn:pulumi:dev::proj::azure-native:resources:ResourceGroup$azure-native:resources:ResourceGroup::old-rg"
                    - "urn:pulumi:dev::proj::azure-native:resources:ResourceGroup::older"
                  customTimeouts:
                    create: "1h30m"
                    delete: "45s"
                  deleteBeforeReplace: true
                  deletedWith: "${first}"
                  dependsOn:
                    - "${first}"
                  ignoreChanges:
                    - "tags"
                  parent: "${parent}"
                  protect: true
                  provider: "${weu}"
                  replaceOnChanges:
                    - "location"
                  retainOnDelete: true

            """;
        Assert.Contains(expected, program);
    }

    [Fact]
    public void Providers_are_pinned_and_resources_on_default_providers_get_the_package_version()
    {
        var program = Synth(() =>
        {
            new ProviderResource("azure-native", "weu", new PropertyMap { ["location"] = "westeurope" }, "3.28.0");
            Group("rg");
        });
        Assert.Contains("  weu:\n    type: \"pulumi:providers:azure-native\"\n    properties:\n      location: \"westeurope\"\n    options:\n      version: \"3.28.0\"\n", program);
        Assert.Contains("  rg:\n    type: \"azure-native:resources:ResourceGroup\"\n    properties:\n      location: \"westeurope\"\n    options:\n      version: \"3.28.0\"\n", program);
    }

    [Fact]
    public void Children_of_components_are_prefixed_and_carry_no_parent_option()
    {
        var program = Synth(() =>
        {
            var app = new ComponentResource("edgeinfra:test:App", "app");
            var net = new ComponentResource("edgeinfra:test:Net", "net", new ComponentResourceOptions { Parent = app });
            Group("vnet", options: new CustomResourceOptions { Parent = net });
        });
        Assert.Equal("  app-net-vnet:\n    type: \"azure-native:resources:ResourceGroup\"\n    properties:\n      location: \"westeurope\"\n    options:\n      version: \"3.28.0\"\n", Resources(program));
    }

    [Fact]
    public void Components_pass_protect_retain_and_providers_down_unless_a_child_says_otherwise()
    {
        var program = Synth(() =>
        {
            var provider = new ProviderResource("azure-native", "weu", null, "3.28.0");
            var app = new ComponentResource("edgeinfra:test:App", "app", new ComponentResourceOptions { Protect = true, RetainOnDelete = true, Providers = [provider] });
            Group("kept", options: new CustomResourceOptions { Parent = app });
            Group("free", options: new CustomResourceOptions { Parent = app, Protect = false });
        });
        Assert.Contains("  app-kept:\n    type: \"azure-native:resources:ResourceGroup\"\n    properties:\n      location: \"westeurope\"\n    options:\n      protect: true\n      provider: \"${weu}\"\n      retainOnDelete: true\n", program);
        Assert.Contains("  app-free:\n    type: \"azure-native:resources:ResourceGroup\"\n    properties:\n      location: \"westeurope\"\n    options:\n      provider: \"${weu}\"\n      retainOnDelete: true\n", program);
    }

    [Fact]
    public void Depending_on_a_component_depends_on_each_of_its_resources()
    {
        var program = Synth(() =>
        {
            var net = new ComponentResource("edgeinfra:test:Net", "net");
            Group("vnet", options: new CustomResourceOptions { Parent = net });
            Group("nsg", options: new CustomResourceOptions { Parent = net });
            Group("vm", options: new CustomResourceOptions { DependsOn = [net] });
        });
        Assert.Contains("  vm:\n    type: \"azure-native:resources:ResourceGroup\"\n    properties:\n      location: \"westeurope\"\n    options:\n      dependsOn:\n        - \"${net-nsg}\"\n        - \"${net-vnet}\"\n", program);
    }

    [Fact]
    public void A_component_s_dependencies_are_kept_by_its_children()
    {
        var program = Synth(() =>
        {
            var first = Group("first");
            var app = new ComponentResource("edgeinfra:test:App", "app", new ComponentResourceOptions { DependsOn = [first] });
            Group("child", options: new CustomResourceOptions { Parent = app });
        });
        Assert.Contains("  app-child:\n    type: \"azure-native:resources:ResourceGroup\"\n    properties:\n      location: \"westeurope\"\n    options:\n      dependsOn:\n        - \"${first}\"\n", program);
    }

    [Fact]
    public void Resources_are_written_in_logical_name_order_whatever_the_creation_order()
    {
        var program = Synth(() =>
        {
            Group("zeta");
            Group("Alpha");
            Group("alpha");
            Group("beta-1");
        });
        var names = Resources(program).Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "  Alpha:", "  alpha:", "  beta-1:", "  zeta:" }, names);
    }
}
