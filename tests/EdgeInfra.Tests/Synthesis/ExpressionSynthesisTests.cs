using System.Collections.Immutable;
using EdgeInfra.Expressions;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Synthesis;

/// <summary>Each expression kind, as the synthesized program states it.</summary>
public sealed class ExpressionSynthesisTests
{
    private static string Property(object? value)
    {
        var program = Synth(() => Group("rg", new PropertyMap { ["value"] = value }));
        var start = program.IndexOf("      value:", StringComparison.Ordinal);
        var end = program.IndexOf("    options:", start, StringComparison.Ordinal);
        return program[start..end];
    }

    [Theory]
    [InlineData("westeurope", "      value: \"westeurope\"\n")]
    [InlineData("true", "      value: \"true\"\n")]
    [InlineData("0123", "      value: \"0123\"\n")]
    [InlineData("", "      value: \"\"\n")]
    public void String_literals_are_always_quoted(string value, string expected) => Assert.Equal(expected, Property(value));

    [Fact]
    public void Scalars_other_than_strings_are_plain()
    {
        Assert.Equal("      value: 42\n", Property(42));
        Assert.Equal("      value: 2.5\n", Property(2.5));
        Assert.Equal("      value: 3.0\n", Property(3.0));
        Assert.Equal("      value: true\n", Property(true));
        Assert.Equal("      value: false\n", Property(false));
    }

    [Theory]
    [InlineData("cost: $5 and ${notARef}", "cost: $5 and $${notARef}")]
    [InlineData("$$", "$$$$")]
    [InlineData("a$$b", "a$$$$b")]
    [InlineData("$${x}", "$$$${x}")]
    [InlineData("end$", "end$")]
    [InlineData("urn:a$b", "urn:a$b")]
    public void Dollar_signs_of_literals_are_escaped_so_no_text_is_read_as_an_interpolation(string literal, string stated)
    {
        Assert.Equal($"      value: \"{stated}\"\n", Property(literal));
    }

    [Fact]
    public void Lists_and_objects_nest_with_keys_in_ordinal_order()
    {
        var value = new PropertyMap { ["b"] = new[] { "x", "y" }, ["a"] = new Dictionary<string, object?> { ["z"] = 1, ["Z"] = 2 }, ["c"] = Array.Empty<string>() };
        Assert.Equal("      value:\n        a:\n          Z: 2\n          z: 1\n        b:\n          - \"x\"\n          - \"y\"\n        c: []\n", Property(value));
    }

    [Fact]
    public void Resource_outputs_are_references_with_their_path()
    {
        var program = Synth(() =>
        {
            var vault = new CustomResource("azure-native:keyvault:Vault", "vault", new PropertyMap());
            Group("rg", new PropertyMap
            {
                ["id"] = vault.Id,
                ["uri"] = vault.GetOutput<string>("properties").GetProperty<string>("vaultUri"),
                ["first"] = vault.GetOutput<ImmutableArray<string>>("ips").GetItem<string>(0),
                ["odd"] = vault.GetOutput<string>("tags").GetProperty<string>("cost-center"),
                ["whole"] = vault.AsOutput<string>(),
            });
        });
        Assert.Contains("      first: \"${vault.ips[0]}\"\n", program);
        Assert.Contains("      id: \"${vault.id}\"\n", program);
        Assert.Contains("      odd: \"${vault.tags[\\\"cost-center\\\"]}\"\n", program);
        Assert.Contains("      uri: \"${vault.properties.vaultUri}\"\n", program);
        Assert.Contains("      whole: \"${vault}\"\n", program);
    }

    [Fact]
    public void Config_values_given_to_resources_are_references_never_values()
    {
        var program = Synth(() =>
        {
            var config = new Config();
            Group("rg", new PropertyMap { ["location"] = config.Require("location"), ["count"] = config.RequireInt32("count") });
        }, new Dictionary<string, string> { ["location"] = "westeurope", ["count"] = "3" });
        Assert.Contains("      location: \"${location}\"\n", program);
        Assert.Contains("      count: \"${count}\"\n", program);
        Assert.DoesNotContain("westeurope", program);
        Assert.Contains("config:\n  count:\n    type: \"integer\"\n  location:\n    type: \"string\"\n", program);
    }

    [Fact]
    public void Invokes_state_function_arguments_pinned_version_and_return()
    {
        var program = Synth(() => Group("rg", new PropertyMap
        {
            ["tenant"] = Deployment.Invoke<object>("azure-native:authorization:getClientConfig").GetProperty<string>("tenantId"),
            ["vault"] = Deployment.Invoke<object>("azure-native:keyvault:getVault", new PropertyMap { ["vaultName"] = "kv", ["resourceGroupName"] = "rg" }),
        }));
        Assert.Contains(
            "      tenant:\n        fn::invoke:\n          function: \"azure-native:authorization:getClientConfig\"\n          arguments: {}\n          options:\n            version: \"3.28.0\"\n          return: \"tenantId\"\n",
            program);
        Assert.Contains(
            "      vault:\n        fn::invoke:\n          function: \"azure-native:keyvault:getVault\"\n          arguments:\n            resourceGroupName: \"rg\"\n            vaultName: \"kv\"\n          options:\n            version: \"3.28.0\"\n",
            program);
    }

    [Fact]
    public void Invokes_through_an_explicit_provider_name_it_instead_of_a_version()
    {
        var program = Synth(() =>
        {
            var provider = new ProviderResource("azure-native", "weu", new PropertyMap { ["location"] = "westeurope" }, "3.28.0");
            Group("rg", new PropertyMap
            {
                ["tenant"] = Deployment.Invoke<object>("azure-native:authorization:getClientConfig", null, new InvokeOptions { Provider = provider }).GetProperty<string>("tenantId"),
            });
        });
        Assert.Contains("          options:\n            provider: \"${weu}\"\n          return: \"tenantId\"\n", program);
    }

    [Fact]
    public void Invokes_state_their_dependsOn_as_references_in_name_order()
    {
        var program = Synth(() =>
        {
            var account = new CustomResource("azure-native:storage:StorageAccount", "account", new PropertyMap());
            var other = new CustomResource("azure-native:storage:StorageAccount", "another", new PropertyMap());
            Group("rg", new PropertyMap
            {
                ["keys"] = Deployment.Invoke<object>(
                    "azure-native:storage:listStorageAccountKeys",
                    new PropertyMap { ["accountName"] = "acct", ["resourceGroupName"] = "rg" },
                    new InvokeOptions { DependsOn = [account, other, account] }).GetProperty<object>("keys"),
            });
        });
        Assert.Contains("          options:\n            dependsOn:\n              - \"${account}\"\n              - \"${another}\"\n            version: \"3.28.0\"\n          return: \"keys\"\n", program);
    }

    [Fact]
    public void An_invoke_that_depends_on_a_resource_of_another_stack_is_an_error()
    {
        CustomResource? foreign = null;
        Synth(() => foreign = Group("other"));
        var error = Fails(() => Group("rg", new PropertyMap
        {
            ["keys"] = Deployment.Invoke<object>("azure-native:storage:listStorageAccountKeys", null, new InvokeOptions { DependsOn = [foreign!] }),
        }));
        Assert.Equal("resource 'rg' (azure-native:resources:ResourceGroup), property 'keys': references 'other' (azure-native:resources:ResourceGroup), which is not in this stack: a program can only reference its own resources.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Interpolation_of_references_is_one_string()
    {
        var program = Synth(() =>
        {
            var host = new CustomResource("akamai:index/edgeHostName:EdgeHostName", "host", new PropertyMap());
            var config = new Config();
            Group("rg", new PropertyMap { ["url"] = Output.Format($"https://{host.GetOutput<string>("edgeHostname")}/{config.Require("path")}?n={7}&p=$1") });
        }, new Dictionary<string, string> { ["path"] = "x" });
        Assert.Contains("      url: \"https://${host.edgeHostname}/${path}?n=7&p=$1\"\n", program);
    }

    [Fact]
    public void Interpolation_of_a_function_result_is_a_join()
    {
        var program = Synth(() =>
        {
            var tenant = Deployment.Invoke<object>("azure-native:authorization:getClientConfig").GetProperty<string>("tenantId");
            Group("rg", new PropertyMap { ["url"] = Output.Format($"t-{tenant}") });
        });
        Assert.Contains("      url:\n        fn::join:\n          - \"\"\n          - - \"t-\"\n            - fn::invoke:\n", program);
    }

    [Fact]
    public void Interpolation_of_a_single_output_is_that_output()
    {
        var program = Synth(() =>
        {
            var host = new CustomResource("akamai:index/edgeHostName:EdgeHostName", "host", new PropertyMap());
            Group("rg", new PropertyMap { ["url"] = Output.Format($"{host.Id}") });
        });
        Assert.Contains("      url: \"${host.id}\"\n", program);
    }

    [Fact]
    public void Output_format_refuses_a_format_specifier_on_an_output()
    {
        var host = new Output<string>(new LiteralExpression("h"));
        var error = Assert.Throws<FormatException>(() => Output.Format($"{host:N2}"));
        Assert.Equal("Output.Format: hole 0 is a deploy-time value and cannot take the format 'N2'.", error.Message);
    }

    [Fact]
    public void Builtins_are_stated_with_their_argument_shapes()
    {
        var program = Synth(() =>
        {
            var host = new CustomResource("akamai:index/edgeHostName:EdgeHostName", "host", new PropertyMap());
            var name = host.GetOutput<string>("name");
            Group("rg", new PropertyMap
            {
                ["join"] = Output.Join(",", new InputList<string> { "a", name }),
                ["select"] = Output.Select(1, new InputList<string> { "a", "b" }),
                ["split"] = Output.Split(",", name),
                ["json"] = Output.JsonSerialize<object>(new PropertyMap { ["host"] = name }),
                ["b64"] = Output.ToBase64(name),
                ["unb64"] = Output.FromBase64(name),
                ["secret"] = Output.CreateSecret<string>(name),
                ["file"] = Output.ReadFile("./scripts/init.sh"),
            });
        });
        Assert.Contains("      b64:\n        fn::toBase64: \"${host.name}\"\n", program);
        Assert.Contains("      file:\n        fn::readFile: \"./scripts/init.sh\"\n", program);
        Assert.Contains("      join:\n        fn::join:\n          - \",\"\n          - - \"a\"\n            - \"${host.name}\"\n", program);
        Assert.Contains("      json:\n        fn::toJSON:\n          host: \"${host.name}\"\n", program);
        Assert.Contains("      secret:\n        fn::secret: \"${host.name}\"\n", program);
        Assert.Contains("      select:\n        fn::select:\n          - 1\n          - - \"a\"\n            - \"b\"\n", program);
        Assert.Contains("      split:\n        fn::split:\n          - \",\"\n          - \"${host.name}\"\n", program);
        Assert.Contains("      unb64:\n        fn::fromBase64: \"${host.name}\"\n", program);
    }

    [Fact]
    public void Selecting_an_item_of_a_function_result_is_a_select()
    {
        var program = Synth(() =>
        {
            var host = new CustomResource("akamai:index/edgeHostName:EdgeHostName", "host", new PropertyMap());
            Group("rg", new PropertyMap { ["second"] = Output.Split(",", host.GetOutput<string>("name")).GetItem<string>(1) });
        });
        Assert.Contains("      second:\n        fn::select:\n          - 1\n          - fn::split:\n", program);
    }

    [Fact]
    public void Selecting_a_property_of_a_function_result_is_an_error_that_says_why()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Output.ToBase64("x").GetProperty<string>("y"));
        Assert.Equal("Cannot select property 'y' of a fn::toBase64: Pulumi YAML can only select properties of resources, config values and invoke results.", error.Message);
    }

    [Fact]
    public void Assets_and_archives_are_stated_with_their_functions()
    {
        var program = Synth(() => Group("rg", new PropertyMap
        {
            ["file"] = new FileAsset("./main.js"),
            ["text"] = new StringAsset("hello"),
            ["remote"] = new RemoteAsset("https://example.com/a.txt"),
            ["dir"] = new FileArchive("./bundle"),
            ["zip"] = new RemoteArchive("https://example.com/a.zip"),
            ["archive"] = new AssetArchive(new Dictionary<string, AssetOrArchive> { ["main.js"] = new FileAsset("./main.js"), ["lib"] = new FileArchive("./lib") }),
        }));
        Assert.Contains("      archive:\n        fn::assetArchive:\n          lib:\n            fn::fileArchive: \"./lib\"\n          main.js:\n            fn::fileAsset: \"./main.js\"\n", program);
        Assert.Contains("      dir:\n        fn::fileArchive: \"./bundle\"\n", program);
        Assert.Contains("      file:\n        fn::fileAsset: \"./main.js\"\n", program);
        Assert.Contains("      remote:\n        fn::remoteAsset: \"https://example.com/a.txt\"\n", program);
        Assert.Contains("      text:\n        fn::stringAsset: \"hello\"\n", program);
        Assert.Contains("      zip:\n        fn::remoteArchive: \"https://example.com/a.zip\"\n", program);
    }

    [Fact]
    public void Input_lists_and_maps_hold_inputs_or_one_whole_output()
    {
        var program = Synth(() =>
        {
            var host = new CustomResource("akamai:index/edgeHostName:EdgeHostName", "host", new PropertyMap());
            Group("rg", new PropertyMap
            {
                ["list"] = new InputList<string> { "a", host.Id },
                ["wholeList"] = (InputList<string>)host.GetOutput<ImmutableArray<string>>("names"),
                ["map"] = new InputMap<string> { ["k"] = host.Id, ["j"] = "v" },
                ["wholeMap"] = (InputMap<string>)host.GetOutput<ImmutableDictionary<string, string>>("tags"),
            });
        });
        Assert.Contains("      list:\n        - \"a\"\n        - \"${host.id}\"\n", program);
        Assert.Contains("      map:\n        j: \"v\"\n        k: \"${host.id}\"\n", program);
        Assert.Contains("      wholeList: \"${host.names}\"\n", program);
        Assert.Contains("      wholeMap: \"${host.tags}\"\n", program);
    }

    [Fact]
    public void A_whole_output_list_takes_no_items()
    {
        var list = (InputList<string>)new Output<ImmutableArray<string>>(new LiteralExpression("x"));
        Assert.Throws<InvalidOperationException>(() => list.Add("y"));
    }

    [Fact]
    public void Values_of_types_a_program_cannot_state_fail_synthesis_naming_resource_and_property()
    {
        var error = Fails(() => Group("rg", new PropertyMap { ["when"] = DateTime.UnixEpoch, ["kind"] = DayOfWeek.Monday }));
        Assert.Equal(2, error.Errors.Count);
        Assert.Equal("resource 'rg' (azure-native:resources:ResourceGroup), property 'kind': A .NET enum (DayOfWeek.Monday) has no agreed text in a program; use the generated enum type or a string.", error.Errors[0].ToString());
        Assert.Equal("resource 'rg' (azure-native:resources:ResourceGroup), property 'when': A value of type System.DateTime cannot be stated in a program.", error.Errors[1].ToString());
    }

    [Fact]
    public void Stack_outputs_are_stated_in_name_order()
    {
        var program = SynthOutputs(() =>
        {
            var rg = Group("rg");
            return new Dictionary<string, object?> { ["zeta"] = rg.Id, ["alpha"] = Output.CreateSecret<string>(rg.GetOutput<string>("name")), ["plain"] = 3 };
        });
        Assert.EndsWith("outputs:\n  alpha:\n    fn::secret: \"${rg.name}\"\n  plain: 3\n  zeta: \"${rg.id}\"\n", program);
    }

    [Fact]
    public void Invokes_navigated_deeper_than_return_are_program_variables_named_by_their_call()
    {
        var program = Synth(() =>
        {
            var vault = Deployment.Invoke<object>("azure-native:keyvault:getVault", new PropertyMap { ["vaultName"] = "kv", ["resourceGroupName"] = "rg" });
            var properties = vault.GetProperty<object>("properties");
            Group("rg", new PropertyMap
            {
                ["uri"] = properties.GetProperty<string>("vaultUri"),
                ["tenant"] = properties.GetProperty<string>("tenantId"),
                ["name"] = vault.GetProperty<string>("name"),
            });
        });
        var variable = program[(program.IndexOf("variables:\n  ", StringComparison.Ordinal) + "variables:\n  ".Length)..program.IndexOf(":\n    fn::invoke", StringComparison.Ordinal)];
        Assert.Matches("^invoke-getVault-[0-9a-f]{8}$", variable);
        Assert.Contains($"variables:\n  {variable}:\n    fn::invoke:\n      function: \"azure-native:keyvault:getVault\"\n", program);
        Assert.Contains("      return: \"properties\"\nresources:\n", program);
        Assert.Contains($"      tenant: \"${{{variable}.tenantId}}\"\n      uri: \"${{{variable}.vaultUri}}\"\n", program);
        Assert.Contains("      name:\n        fn::invoke:\n", program);
    }
}
