using EdgeInfra.Review;
using EdgeInfra.Yaml;
using static EdgeInfra.Tests.Review.DiffTestKit;

namespace EdgeInfra.Tests.Review;

/// <summary>What the diff of two programs says about each resource: kinds, paths, replacements, renames, secrets and groups.</summary>
public sealed class ProgramDiffTests
{
    /// <summary>A program of the given <c>resources:</c> entries (written at two spaces, as synth writes them).</summary>
    private static string ProgramOf(string resources) => "name: \"edge-infra\"\nruntime: \"yaml\"\nresources:\n" + resources + "\n";

    private const string ResourceGroup = """
          rg:
            type: "azure-native:resources:ResourceGroup"
            properties:
              location: "westeurope"
              resourceGroupName: "rg-edge-dev"
            options:
              version: "3.28.0"
        """;

    [Fact]
    public void An_options_only_change_is_an_update_that_touches_no_cloud_resource()
    {
        var after = ResourceGroup.Replace("    options:\n", "    options:\n      protect: true\n", StringComparison.Ordinal);

        var diff = Diff(ProgramOf(ResourceGroup), ProgramOf(after));

        var change = Assert.Single(diff.Resources);
        Assert.Equal(ResourceChangeKind.Update, change.Kind);
        Assert.False(change.ChangesCloudResource);
        var protect = Assert.Single(change.Changes);
        Assert.Equal(new PropertyChange("options.protect", PropertyChangeKind.Added, null, new YamlPlain("true"), IsSecret: false, IsOption: true, ForcesReplacement: false, IsIgnored: false), protect);
        Assert.Contains("- Options only: this update touches no cloud resource.", DiffRenderer.Markdown(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_type_under_the_same_name_is_a_delete_and_a_create()
    {
        var after = ResourceGroup.Replace("azure-native:resources:ResourceGroup", "azure-native:resources:Deployment", StringComparison.Ordinal);

        var diff = Diff(ProgramOf(ResourceGroup), ProgramOf(after));

        Assert.Equal([ResourceChangeKind.Delete, ResourceChangeKind.Create], diff.Resources.Select(r => r.Kind));
        var (deleted, created) = (diff.Resources[0], diff.Resources[1]);
        Assert.Equal(("rg", "azure-native:resources:ResourceGroup", "azure-native:resources:Deployment"), (deleted.Name, deleted.Type, deleted.TypeChangedTo));
        Assert.Equal(("rg", "azure-native:resources:Deployment", "azure-native:resources:ResourceGroup"), (created.Name, created.Type, created.TypeChangedFrom));
        Assert.Null(created.RenameCandidate);
        Assert.Contains(
            "- `-` **delete** `rg` (`azure-native:resources:ResourceGroup`). Its name now holds a resource of type `azure-native:resources:Deployment`",
            DiffRenderer.Markdown(diff),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_provider_replaces_the_resource()
    {
        var after = ResourceGroup.Replace("    options:\n", "    options:\n      provider: \"${weu}\"\n", StringComparison.Ordinal);

        var diff = Diff(ProgramOf(ResourceGroup), ProgramOf(after));

        var change = Assert.Single(diff.Resources);
        Assert.Equal(ResourceChangeKind.Replace, change.Kind);
        Assert.Equal([new ReplacementCause("options.provider", ReplacementSource.ProviderChange)], change.ReplacementCauses.ToArray());
        Assert.True(Assert.Single(change.Changes).ForcesReplacement);
        Assert.Contains("`options.provider` forces a replacement (the resource moves to another provider).", DiffRenderer.Markdown(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void The_replace_on_changes_option_forces_a_replacement_and_names_its_entry()
    {
        const string before = """
              cdn:
                type: "akamai:index/cpCode:CpCode"
                properties:
                  name: "edge-dev"
                  productId: "prd_Fresca"
                options:
                  replaceOnChanges:
                    - "productId"
            """;
        var after = before.Replace("prd_Fresca", "prd_Site_Accel", StringComparison.Ordinal).Replace("edge-dev", "edge-dev-2", StringComparison.Ordinal);

        var diff = Diff(ProgramOf(before), ProgramOf(after));

        var change = Assert.Single(diff.Resources);
        Assert.Equal(ResourceChangeKind.Replace, change.Kind);
        Assert.Equal([new ReplacementCause("productId", ReplacementSource.ReplaceOnChangesOption)], change.ReplacementCauses.ToArray());
        Assert.Equal([("name", false), ("productId", true)], change.Changes.Select(c => (c.Path, c.ForcesReplacement)));
    }

    [Fact]
    public void Changes_covered_by_ignore_changes_neither_update_nor_replace()
    {
        const string before = """
              app-net-vnet:
                type: "azure-native:network:VirtualNetwork"
                properties:
                  location: "westeurope"
                  tags:
                    owner: "alice"
                options:
                  ignoreChanges:
                    - "location"
                    - "tags"
            """;
        var after = before.Replace("westeurope", "northeurope", StringComparison.Ordinal).Replace("alice", "bob", StringComparison.Ordinal);

        var diff = Diff(ProgramOf(before), ProgramOf(after));

        var change = Assert.Single(diff.Resources);
        Assert.Equal(ResourceChangeKind.Update, change.Kind);
        Assert.All(change.Changes, c => Assert.True(c.IsIgnored));
        Assert.False(change.ChangesCloudResource);
        Assert.Contains("| `location` *(ignored)* | `\"westeurope\"` | `\"northeurope\"` |", DiffRenderer.Markdown(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void A_protected_replacement_with_delete_before_replace_is_a_risk_of_downtime_and_of_failure()
    {
        const string before = """
              app-net-vnet:
                type: "azure-native:network:VirtualNetwork"
                properties:
                  location: "westeurope"
                options:
                  deleteBeforeReplace: true
                  protect: true
            """;
        var after = before.Replace("westeurope", "northeurope", StringComparison.Ordinal);

        var markdown = DiffRenderer.Markdown(Diff(ProgramOf(before), ProgramOf(after)));

        Assert.Contains(
            "- `+-` **replace** `app-net-vnet` (`azure-native:network:VirtualNetwork`). `location` forces a replacement (the provider schema marks it replace-on-change). "
            + "Pulumi deletes the current cloud resource before it creates the new one (`deleteBeforeReplace`): expect downtime. "
            + "It is protected (`protect`): `pulumi up` will fail until a deployment removes the protection (or `pulumi state unprotect`).\n",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_resource_aliased_to_a_removed_one_is_that_resource_renamed()
    {
        var after = ResourceGroup
            .Replace("  rg:\n", "  resource-group:\n", StringComparison.Ordinal)
            .Replace("    options:\n", "    options:\n      aliases:\n        - \"urn:pulumi:dev::edge-infra::azure-native:resources:ResourceGroup::rg\"\n", StringComparison.Ordinal);

        var diff = Diff(ProgramOf(ResourceGroup), ProgramOf(after));

        var change = Assert.Single(diff.Resources);
        Assert.Equal((ResourceChangeKind.Update, "resource-group", "rg"), (change.Kind, change.Name, change.RenamedFrom));
        Assert.Equal(["options.aliases[0]"], change.Changes.Select(c => c.Path));
        Assert.Contains("- Renamed from `rg` through an alias: Pulumi keeps the cloud resource.", DiffRenderer.Markdown(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_change_through_an_alias_is_an_update()
    {
        var after = ResourceGroup
            .Replace("azure-native:resources:ResourceGroup", "azure-native:resources:ResourceGroupV2", StringComparison.Ordinal)
            .Replace("    options:\n", "    options:\n      aliases:\n        - \"urn:pulumi:dev::edge-infra::azure-native:resources:ResourceGroup::rg\"\n", StringComparison.Ordinal);

        var diff = Diff(ProgramOf(ResourceGroup), ProgramOf(after));

        var change = Assert.Single(diff.Resources);
        Assert.Equal((ResourceChangeKind.Update, null, "azure-native:resources:ResourceGroup"), (change.Kind, change.RenamedFrom, change.TypeChangedFrom));
        Assert.Contains("- Its type changed from `azure-native:resources:ResourceGroup` through an alias: Pulumi keeps the cloud resource.", DiffRenderer.Markdown(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_of_another_stack_is_no_rename()
    {
        var after = ResourceGroup
            .Replace("  rg:\n", "  resource-group:\n", StringComparison.Ordinal)
            .Replace("    options:\n", "    options:\n      aliases:\n        - \"urn:pulumi:prod::edge-infra::azure-native:resources:ResourceGroup::rg\"\n", StringComparison.Ordinal);

        var diff = Diff(ProgramOf(ResourceGroup), ProgramOf(after));

        Assert.Equal([ResourceChangeKind.Create, ResourceChangeKind.Delete], diff.Resources.Select(r => r.Kind));
    }

    [Fact]
    public void A_delete_and_a_create_with_mostly_different_values_are_no_rename()
    {
        const string other = """
              logs:
                type: "azure-native:resources:ResourceGroup"
                properties:
                  location: "northeurope"
                  resourceGroupName: "rg-logs-dev"
                options:
                  version: "3.28.0"
            """;

        var diff = Diff(ProgramOf(ResourceGroup), ProgramOf(other));

        Assert.All(diff.Resources, r => Assert.Null(r.RenameCandidate));
    }

    [Fact]
    public void A_rename_with_one_value_changed_is_still_a_candidate()
    {
        const string after = """
              resource-group:
                type: "azure-native:resources:ResourceGroup"
                properties:
                  location: "westeurope"
                  resourceGroupName: "rg-edge-dev-2"
                  tags:
                    env: "dev"
                options:
                  version: "3.28.0"
            """;
        var before = ResourceGroup.Replace("      resourceGroupName: \"rg-edge-dev\"\n", "      resourceGroupName: \"rg-edge-dev\"\n      tags:\n        env: \"dev\"\n", StringComparison.Ordinal);

        var diff = Diff(ProgramOf(before), ProgramOf(after));

        var created = Assert.Single(diff.Resources, r => r.Kind == ResourceChangeKind.Create);
        Assert.Equal(new RenameCandidate("rg", 2, 3), created.RenameCandidate);
        Assert.Contains("Same type as the deleted `rg`, 2 of 3 property values equal: if `resource-group` is `rg` renamed", DiffRenderer.Markdown(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_are_grouped_by_component_top_level_first()
    {
        const string before = """
              app-net-subnet:
                type: "azure-native:network:Subnet"
                properties:
                  addressPrefix: "10.20.1.0/24"
              app-vault:
                type: "azure-native:keyvault:Vault"
                properties:
                  vaultName: "kv-edge-dev"
              zz-old:
                type: "random:index/randomString:RandomString"
                properties:
                  length: 8
            """;
        const string after = """
              app-net-subnet:
                type: "azure-native:network:Subnet"
                properties:
                  addressPrefix: "10.20.2.0/24"
              app-vault:
                type: "azure-native:keyvault:Vault"
                properties:
                  vaultName: "kv-edge-dev2"
            """;

        var diff = Diff(ProgramOf(before), ProgramOf(after));
        var markdown = DiffRenderer.Markdown(diff);

        Assert.Equal([("app-net-subnet", "app › net"), ("app-vault", "app"), ("zz-old", null)], diff.Resources.Select(r => (r.Name, r.Component)));
        var groups = markdown.Split('\n').Where(l => l.StartsWith("<details>", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "<details><summary><b>top-level resources</b>: 1 to delete</summary>",
                "<details><summary><b>app</b>: 1 to replace</summary>",
                "<details><summary><b>app › net</b>: 1 to update</summary>",
            ],
            groups);
    }

    [Fact]
    public void A_secret_input_of_the_type_is_masked_even_when_added_or_removed()
    {
        const string before = """
              azure:
                type: "pulumi:providers:azure-native"
                properties:
                  clientSecret: "plain-text-by-mistake"
            """;
        const string after = """
              azure:
                type: "pulumi:providers:azure-native"
                properties:
                  clientCertificatePassword: "another-plain-text"
            """;

        var diff = Diff(ProgramOf(before), ProgramOf(after));

        var change = Assert.Single(diff.Resources);
        Assert.All(change.Changes, c => Assert.True(c.IsSecret && c.Before is null && c.After is null));
        var markdown = DiffRenderer.Markdown(diff);
        Assert.DoesNotContain("plain-text", markdown, StringComparison.Ordinal);
        Assert.Contains("| `clientCertificatePassword` | — | `[secret]` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `clientSecret` | `[secret]` | — |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_inside_a_larger_value_is_masked_where_it_is()
    {
        const string before = """
              app-origin-secret:
                type: "azure-native:keyvault:Secret"
                properties:
                  secretName: "origin"
            """;
        const string after = """
              app-origin-secret:
                type: "azure-native:keyvault:Secret"
                properties:
                  properties:
                    - value:
                        fn::secret: "hunter2"
                  secretName: "origin"
            """;

        var markdown = DiffRenderer.Markdown(Diff(ProgramOf(before), ProgramOf(after)));

        Assert.DoesNotContain("hunter2", markdown, StringComparison.Ordinal);
        Assert.Contains("| `properties[0].value` | — | `[secret]` |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_config_default_is_masked()
    {
        const string before = "name: \"edge-infra\"\nruntime: \"yaml\"\nresources: {}\n";
        const string after = """
            name: "edge-infra"
            runtime: "yaml"
            config:
              apiKey:
                type: "string"
                secret: true
                default: "not-for-your-eyes"
            resources: {}

            """;

        var diff = Diff(before, after);

        var config = Assert.Single(diff.Config);
        Assert.True(config.IsSecret);
        var markdown = DiffRenderer.Markdown(diff);
        Assert.DoesNotContain("not-for-your-eyes", markdown, StringComparison.Ordinal);
        Assert.Contains("| `apiKey` | — | `{type: \"string\", secret: true, default: [secret]}` |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_values_are_cut_with_an_ellipsis_and_pipes_are_escaped_in_tables()
    {
        var longText = string.Concat(Enumerable.Repeat("a|", 60));
        var after = ResourceGroup.Replace("rg-edge-dev", longText, StringComparison.Ordinal);

        var markdown = DiffRenderer.Markdown(Diff(ProgramOf(ResourceGroup), ProgramOf(after)), DiffRenderOptions.Default with { MaxValueLength = 20 });

        Assert.Contains("| `resourceGroupName` | `\"rg-edge-dev\"` | `\"a\\|a\\|a\\|a\\|a\\|a\\|a\\|a\\|a\\|a…` |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_a_resource_that_is_retained_on_delete_says_the_cloud_resource_stays()
    {
        var before = ResourceGroup.Replace("    options:\n", "    options:\n      retainOnDelete: true\n", StringComparison.Ordinal);

        var plain = DiffRenderer.PlainText(Diff(ProgramOf(before), "name: \"edge-infra\"\nruntime: \"yaml\"\nresources: {}\n"));

        Assert.Contains(
            "  -  delete rg (azure-native:resources:ResourceGroup). retainOnDelete is set: Pulumi leaves the current cloud resource in place and only forgets it.\n",
            plain,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Config_and_variable_changes_are_listed_after_the_resources()
    {
        const string before = """
            name: "edge-infra"
            runtime: "yaml"
            config:
              location:
                type: "string"
              vaultSku:
                type: "string"
            variables:
              invoke-getClientConfig-aaaaaaaa:
                fn::invoke:
                  function: "azure-native:authorization:getClientConfig"
                  arguments: {}
            resources: {}

            """;
        const string after = """
            name: "edge-infra"
            runtime: "yaml"
            config:
              location:
                type: "string"
              passwordLength:
                type: "integer"
            variables:
              invoke-getClientConfig-bbbbbbbb:
                fn::invoke:
                  function: "azure-native:authorization:getClientConfig"
                  arguments: {}
                  options:
                    version: "3.28.0"
            resources: {}

            """;

        var plain = DiffRenderer.PlainText(Diff(before, after));

        Assert.EndsWith(
            """
            Config: 1 added, 1 removed
              + passwordLength: {type: "integer"}
              - vaultSku: {type: "string"}

            Variables: 1 added, 1 removed
              - invoke-getClientConfig-aaaaaaaa: {fn::invoke: {function: "azure-native:authorization:getClientConfig", arguments:…
              + invoke-getClientConfig-bbbbbbbb: {fn::invoke: {function: "azure-native:authorization:getClientConfig", arguments:…

            """,
            plain,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_and_prod_golden_programs_differ_by_the_second_region_the_production_activations_and_protection()
    {
        var dev = ProgramDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "tests", "EdgeInfra.Stacks.Tests", "Golden", "dev.golden.yml")));
        var prod = ProgramDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "tests", "EdgeInfra.Stacks.Tests", "Golden", "prod.golden.yml")));

        var diff = ProgramDiff.Compare(dev, prod, Context("prod"));
        var kinds = diff.Resources.ToDictionary(r => r.Name, r => r.Kind);

        Assert.Equal(ResourceChangeKind.Create, kinds["app-neu-origin-vm-1"]);
        Assert.Equal(ResourceChangeKind.Create, kinds["app-property-production"]);
        Assert.Equal(ResourceChangeKind.Create, kinds["app-gateway-activation-production"]);
        Assert.Contains("options.protect", diff.Resources.Single(r => r.Name == "app-vault-vault").Changes.Select(c => c.Path));
        Assert.Contains("backupWeeklyRetentionWeeks", diff.Config.Select(c => c.Name));
    }
}
