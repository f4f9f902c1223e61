using EdgeInfra.Generator.Tests.Support;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Tests;

/// <summary>
/// Generated bindings compiled with Roslyn, as a user would compile them: correct use compiles and synthesizes the
/// program the schema expects; a misspelled property, a missing required input and a wrong type do not compile.
/// </summary>
public sealed class CompilationTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using EdgeInfra;
        using EdgeInfra.Fixture;
        using EdgeInfra.Fixture.Widgets;
        using EdgeInfra.Fixture.Widgets.Inputs;

        """;

    private const string UserProgram = Usings + """
        public static class UserProgram
        {
            public static string Run() => Deployment.Synthesize(() => new UserStack(), new DeploymentSettings
            {
                ProjectName = "proj",
                StackName = "dev",
                Packages = PackageCatalog.Discover(typeof(UserProgram).Assembly),
            });
        }

        public sealed class UserStack : Stack
        {
            public UserStack()
            {
                var provider = new Provider("custom", new ProviderArgs { ApiKey = "k3y", Region = "eu" });
                var widget = new Widget("web", new WidgetArgs
                {
                    ResourceGroupName = "rg",
                    Settings = new SettingsArgs { Mode = "fast", Token = "t0k", Retention = new RetentionArgs { Days = 7 } },
                    Size = 3,
                    Ratio = 0.5,
                    Enabled = true,
                    Tags = new Dictionary<string, string> { ["env"] = "dev" },
                    Zones = new[] { "1", "2" },
                    Rules = new[] { new RuleArgs { Name = "http", Port = 80 } },
                    RulesByName = new InputMap<RuleArgs> { ["tls"] = new RuleArgs { Name = "https", Port = 443 } },
                    Tier = Tier.Basic,
                    Tiers = [Tier.Premium_LRS, "custom"],
                    Color = Color.Red,
                    Priority = Priority.High,
                    Policy = new WeeklyPolicyArgs { Day = "Monday" },
                    Metadata = new Dictionary<string, object> { ["owner"] = "team" },
                    Password = "p@ss",
                    Inputs = new RuleArgs { Name = "in" },
                }, new CustomResourceOptions { Provider = provider });
                var gadget = new Gadget("gadget");
                var thing = new Thing("thing", new ThingArgs { Class = widget.Name, FooBar = "a", FooBarValue = "b", SecretValue = "c", _1st = "d" });
                var found = GetWidget.Invoke(new GetWidgetArgs { ResourceGroupName = "rg" });
                Mode = widget.Settings.Mode;
                FirstRule = widget.Rules[0].Name;
                TlsPort = widget.RulesByName["tls"].Port;
                Days = widget.Settings.Retention.Days;
                FoundMode = found.Settings.Mode;
                Names = ListWidgets.Invoke().Names;
                Label = gadget.Label;
                Odd = thing.ThingValue;
                OutputsName = widget.Outputs.Name;
            }

            [Output] public Output<string> Mode { get; }
            [Output] public Output<string> FirstRule { get; }
            [Output] public Output<int> TlsPort { get; }
            [Output] public Output<int> Days { get; }
            [Output] public Output<string> FoundMode { get; }
            [Output] public Output<System.Collections.Immutable.ImmutableArray<string>> Names { get; }
            [Output] public Output<string> Label { get; }
            [Output] public Output<string> Odd { get; }
            [Output] public Output<string> OutputsName { get; }
        }
        """;

    private static readonly Lazy<string> Program = new(() =>
    {
        var assembly = FixtureCompiler.Load(FixtureCompiler.CompileWidgets(UserProgram));
        return (string)assembly.GetType("UserProgram")!.GetMethod("Run")!.Invoke(null, null)!;
    });

    [Fact]
    public void The_generated_fixture_compiles_without_a_warning_with_documentation_checked()
    {
        Assert.Empty(FixtureCompiler.Problems(FixtureCompiler.CompileWidgets()));
    }

    [Fact]
    public void Correct_use_compiles_without_a_warning()
    {
        Assert.Empty(FixtureCompiler.Problems(FixtureCompiler.CompileWidgets(UserProgram)));
    }

    [Fact]
    public void Correct_use_synthesizes_the_resources_with_their_typed_inputs()
    {
        Assert.Contains("""
              web:
                type: "fixture:widgets:Widget"
                properties:
                  color: "red"
                  enabled: true
                  inputs:
                    name: "in"
                  metadata:
                    owner: "team"
                  password:
                    fn::secret: "p@ss"
                  policy:
                    day: "Monday"
                    kind: "Weekly"
                  priority: 10
                  ratio: 0.5
                  resourceGroupName: "rg"
                  rules:
                    - name: "http"
                      port: 80
                  rulesByName:
                    tls:
                      name: "https"
                      port: 443
                  settings:
                    mode: "fast"
                    retention:
                      days: 7
                    token:
                      fn::secret: "t0k"
                  size: 3
                  tags:
                    env: "dev"
                  tier: "basic"
                  tiers:
                    - "Premium_LRS"
                    - "custom"
                  zones:
                    - "1"
                    - "2"
                options:
                  provider: "${custom}"
            """.Replace("\r\n", "\n", StringComparison.Ordinal), Program.Value);
    }

    [Fact]
    public void Correct_use_synthesizes_providers_odd_names_and_optional_arguments()
    {
        var program = Program.Value;
        Assert.Contains("  custom:\n    type: \"pulumi:providers:fixture\"\n    properties:\n      apiKey:\n        fn::secret: \"k3y\"\n      region: \"eu\"\n    options:\n      version: \"1.2.3\"\n", program);
        Assert.Contains("  thing:\n    type: \"fixture:index/thing:Thing\"\n    properties:\n      \"1st\": \"d\"\n      class: \"${web.name}\"\n      foo-bar: \"a\"\n      fooBar: \"b\"\n      secret: \"c\"\n", program);
        Assert.Contains("  gadget:\n    type: \"fixture:widgets:Gadget\"\n    options:\n      version: \"1.2.3\"\n", program);
    }

    [Fact]
    public void Correct_use_synthesizes_typed_outputs_and_invokes()
    {
        var program = Program.Value;
        Assert.Contains("  mode: \"${web.settings.mode}\"\n", program);
        Assert.Contains("  firstRule: \"${web.rules[0].name}\"\n", program);
        Assert.Contains("  tlsPort: \"${web.rulesByName.tls.port}\"\n", program);
        Assert.Contains("  days: \"${web.settings.retention.days}\"\n", program);
        Assert.Contains("  label: \"${gadget.label}\"\n", program);
        Assert.Contains("  odd: \"${thing.thing}\"\n", program);
        Assert.Contains("  outputsName: \"${web.outputs.name}\"\n", program);
        Assert.Contains("      function: \"fixture:widgets:getWidget\"\n      arguments:\n        resourceGroupName: \"rg\"\n      options:\n        version: \"1.2.3\"\n      return: \"settings\"\n", program);
        Assert.Matches("  foundMode: \"\\$\\{invoke-getWidget-[0-9a-f]+\\.mode\\}\"\n", program);
        Assert.Contains("  names:\n    fn::invoke:\n      function: \"fixture:index/listWidgets:listWidgets\"\n      arguments: {}\n      options:\n        version: \"1.2.3\"\n      return: \"names\"\n", program);
    }

    [Fact]
    public void The_synthesized_program_conforms_to_the_fixture_schema()
    {
        var violations = ProgramConformance.Check(Program.Value, new SchemaSet([FixtureSchemas.WidgetsPackage]));
        Assert.True(violations.Count == 0, string.Join("\n", violations) + "\n" + Program.Value);
    }

    [Theory]
    [InlineData("misspelled property", "ResourceGroupName = \"rg\", Settings = new SettingsArgs { Mode = \"m\" }, Sise = 3", "CS0117")]
    [InlineData("misspelled nested property", "ResourceGroupName = \"rg\", Settings = new SettingsArgs { Mode = \"m\", Retension = null }", "CS0117")]
    [InlineData("missing required input", "Settings = new SettingsArgs { Mode = \"m\" }", "CS9035")]
    [InlineData("missing required nested input", "ResourceGroupName = \"rg\", Settings = new SettingsArgs { Token = \"t\" }", "CS9035")]
    [InlineData("string for an integer", "ResourceGroupName = \"rg\", Settings = new SettingsArgs { Mode = \"m\" }, Size = \"three\"", "CS0029")]
    [InlineData("integer for a string", "ResourceGroupName = 42, Settings = new SettingsArgs { Mode = \"m\" }", "CS0029")]
    [InlineData("one enum for another", "ResourceGroupName = \"rg\", Settings = new SettingsArgs { Mode = \"m\" }, Color = Tier.Basic", "CS0029")]
    [InlineData("wrong argument class", "ResourceGroupName = \"rg\", Settings = new RuleArgs { Name = \"m\" }", "CS0029")]
    [InlineData("a list for a single value", "ResourceGroupName = \"rg\", Settings = new SettingsArgs { Mode = \"m\" }, Size = new[] { 1 }", "CS0029")]
    public void Wrong_use_does_not_compile(string mistake, string initializer, string diagnostic)
    {
        var source = Usings + $$"""
            public static class Mistake
            {
                public static object Make() => new Widget("w", new WidgetArgs { {{initializer}} });
            }
            """;
        var errors = FixtureCompiler.UserErrors(FixtureCompiler.CompileWidgets(source));
        Assert.True(errors.Contains(diagnostic), $"{mistake}: expected {diagnostic}, got [{string.Join(", ", errors)}]");
    }

    [Fact]
    public void A_resource_whose_inputs_are_all_optional_can_be_made_without_arguments_but_not_with_a_wrong_class()
    {
        var source = Usings + """
            public static class Mistake
            {
                public static object Make() => new Gadget("g", new WidgetArgs { ResourceGroupName = "rg", Settings = new SettingsArgs { Mode = "m" } });
            }
            """;
        Assert.Equal(["CS1503"], FixtureCompiler.UserErrors(FixtureCompiler.CompileWidgets(source)));
    }
}
