using EdgeInfra.AzureNative.Authorization;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;
using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.Generator.Tests.Support;
using EdgeInfra.Random;
using EdgeInfra.Schemas;
using KeyVaultInputs = EdgeInfra.AzureNative.KeyVault.Inputs;

namespace EdgeInfra.Generator.Tests;

/// <summary>The committed bindings of the real packages, used as a stack program would use them.</summary>
public sealed class RealBindingsTests
{
    private const string Usings = """
        using EdgeInfra;
        using EdgeInfra.AzureNative.Compute;
        using EdgeInfra.AzureNative.Compute.Inputs;

        """;

    [Fact]
    public void A_typed_stack_synthesizes_a_program_that_conforms_to_the_real_schemas()
    {
        var program = Deployment.Synthesize(
            () => new TypedStack(),
            new DeploymentSettings { ProjectName = "typed", StackName = "dev", Packages = PackageCatalog.Discover(typeof(EdgeInfra.AzureNative.Provider).Assembly) });

        Assert.Contains("      hardwareProfile:\n        vmSize: \"Standard_B2s\"\n", program);
        Assert.Contains("      properties:\n        enableRbacAuthorization: true\n        sku:\n          family: \"A\"\n          name: \"standard\"\n", program);
        Assert.Contains("      principalType: \"ServicePrincipal\"\n", program);
        Assert.Contains("return: \"tenantId\"", program);
        Assert.Contains("  vaultUri: \"${vault.properties.vaultUri}\"\n", program);
        var violations = ProgramConformance.Check(program, SchemaSet.LoadDirectory(Repository.Schemas));
        Assert.True(violations.Count == 0, string.Join("\n", violations) + "\n" + program);
    }

    [Fact]
    public void The_package_metadata_reaches_the_package_catalog()
    {
        var catalog = PackageCatalog.Discover(typeof(EdgeInfra.AzureNative.Provider).Assembly);
        Assert.Equal("3.28.0", catalog.VersionOf("azure-native"));
        Assert.Equal("11.4.0", catalog.VersionOf("akamai"));
        Assert.Equal("4.21.1", catalog.VersionOf("random"));
        Assert.Equal(["properties", "resourceGroupName"], catalog.MetadataOf("azure-native:keyvault:Vault")!.RequiredInputs.ToArray());
        Assert.Equal(["bcryptHash", "result"], catalog.MetadataOf("random:index/randomPassword:RandomPassword")!.SecretOutputs.ToArray());
        Assert.Equal(["clientCertificatePassword", "clientId", "clientSecret"], catalog.MetadataOf("pulumi:providers:azure-native")!.SecretInputs.ToArray());
    }

    [Fact]
    public void Correct_use_of_the_real_bindings_compiles()
    {
        var source = Usings + """
            public static class Use
            {
                public static object Make() => new VirtualMachine("web", new VirtualMachineArgs
                {
                    ResourceGroupName = "rg",
                    HardwareProfile = new HardwareProfileArgs { VmSize = VirtualMachineSizeTypes.Standard_B2s },
                    StorageProfile = new StorageProfileArgs { OsDisk = new OSDiskArgs { CreateOption = DiskCreateOptionTypes.FromImage } },
                });
            }
            """;
        Assert.Empty(FixtureCompiler.Problems(FixtureCompiler.Compile([], source)));
    }

    [Theory]
    [InlineData("HardwareProfile = new HardwareProfileArgs { VmSise = \"Standard_B2s\" }, ResourceGroupName = \"rg\"", "CS0117")]
    [InlineData("HardwareProfile = new HardwareProfileArgs { VmSize = \"Standard_B2s\" }", "CS9035")]
    [InlineData("HardwareProfile = new HardwareProfileArgs { VmSize = 2 }, ResourceGroupName = \"rg\"", "CS0029")]
    public void Wrong_use_of_the_real_bindings_does_not_compile(string initializer, string diagnostic)
    {
        var source = Usings + $$"""
            public static class Use
            {
                public static object Make() => new VirtualMachine("web", new VirtualMachineArgs { {{initializer}} });
            }
            """;
        Assert.Contains(diagnostic, FixtureCompiler.UserErrors(FixtureCompiler.Compile([], source)));
    }

    /// <summary>A stack of a few typed resources, an invoke and a typed output.</summary>
    private sealed class TypedStack : Stack
    {
        public TypedStack()
        {
            var client = GetClientConfig.Invoke();
            var vm = new VirtualMachine("web", new VirtualMachineArgs
            {
                ResourceGroupName = "rg",
                HardwareProfile = new HardwareProfileArgs { VmSize = VirtualMachineSizeTypes.Standard_B2s },
            });
            var vault = new Vault("vault", new VaultArgs
            {
                ResourceGroupName = "rg",
                Properties = new KeyVaultInputs.VaultPropertiesArgs
                {
                    TenantId = client.TenantId,
                    Sku = new KeyVaultInputs.SkuArgs { Family = SkuFamily.A, Name = SkuName.Standard },
                    EnableRbacAuthorization = true,
                },
            });
            _ = new RoleAssignment("reader", new RoleAssignmentArgs
            {
                PrincipalId = vm.Name,
                PrincipalType = PrincipalType.ServicePrincipal,
                RoleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6",
                Scope = vault.Id,
            });
            _ = new RandomPassword("secret", new RandomPasswordArgs { Length = 32 });
            VaultUri = vault.Properties.VaultUri;
        }

        [Output] public Output<string> VaultUri { get; }
    }
}
