namespace EdgeInfra.Schemas.Tests;

public class RealSchemaTests
{
    private const string BriefExample = """
        name: "edge-infra"
        runtime: "yaml"
        config:
          location:
            type: "string"
          vmCount:
            type: "integer"
          regions:
            type: "array"
            items:
              type: "string"
          apiKey:
            type: "string"
            secret: true
        resources:
          rg:
            type: "azure-native:resources:ResourceGroup"
            properties:
              location: "${location}"
            options:
              version: "3.28.0"
          kv:
            type: "azure-native:keyvault:Vault"
            properties:
              location: "${location}"
              resourceGroupName: "${rg.name}"
              properties:
                enableRbacAuthorization: true
                sku:
                  family: "A"
                  name: "standard"
                tenantId:
                  fn::invoke:
                    function: "azure-native:authorization:getClientConfig"
                    arguments: {}
                    options:
                      version: "3.28.0"
                    return: "tenantId"
            options:
              dependsOn:
                - "${rg}"
              version: "3.28.0"
          pw:
            type: "random:index/randomPassword:RandomPassword"
            properties:
              length: 24
            options:
              version: "4.21.1"
        outputs:
          vaultUri: "${kv.properties.vaultUri}"
        """;

    [Fact]
    public void All_five_schemas_load_with_their_versions()
    {
        SchemaSet set = RealSchemas.Set;

        Assert.Equal(["akamai", "azure-native", "azuread", "random", "tls"], set.Packages.Select(package => package.Name));
        Assert.Equal("5.5.1", set.FindPackageByName("tls")!.Version);
        Assert.Equal("6.10.0", set.FindPackageByName("azuread")!.Version);
        Assert.Equal("11.4.0", set.FindPackageByName("akamai")!.Version);
        Assert.Equal("3.28.0", set.FindPackageByName("azure-native")!.Version);
        Assert.Equal("4.21.1", set.FindPackageByName("random")!.Version);
    }

    [Fact]
    public void The_brief_example_program_conforms()
    {
        IReadOnlyList<ConformanceViolation> violations = ProgramConformance.Check(BriefExample, RealSchemas.Set);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void A_tiny_program_with_a_random_password_and_a_resource_group_conforms()
    {
        const string program = """
            name: "tiny"
            runtime: "yaml"
            resources:
              rg:
                type: "azure-native:resources:ResourceGroup"
                properties:
                  location: "westeurope"
                  tags:
                    env: "dev"
                options:
                  version: "3.28.0"
              pw:
                type: "random:index/randomPassword:RandomPassword"
                properties:
                  length: 24
                  special: false
                  keepers:
                    rg: "${rg.name}"
                options:
                  version: "4.21.1"
            outputs:
              rgName: "${rg.name}"
              password:
                fn::secret: "${pw.result}"
            """;

        Assert.Empty(ProgramConformance.Check(program, RealSchemas.Set));
    }

    [Fact]
    public void A_misspelled_property_is_reported()
    {
        const string program = """
            name: "tiny"
            runtime: "yaml"
            resources:
              pw:
                type: "random:index/randomPassword:RandomPassword"
                properties:
                  lenght: 24
            """;

        Assert.Equal(
            [
                new ConformanceViolation("resources.pw.properties.lenght", "unknown property \"lenght\": random:index/randomPassword:RandomPassword has no input property of that name"),
                new ConformanceViolation("resources.pw.properties.length", "required property \"length\" of random:index/randomPassword:RandomPassword is missing"),
            ],
            ProgramConformance.Check(program, RealSchemas.Set));
    }

    [Fact]
    public void A_misspelled_output_and_wrong_versions_are_reported()
    {
        string program = BriefExample
            .Replace("${kv.properties.vaultUri}", "${kv.properties.vaultUrl}", StringComparison.Ordinal)
            .Replace("version: \"4.21.1\"", "version: \"4.20.0\"", StringComparison.Ordinal);

        Assert.Equal(
            [
                new ConformanceViolation("resources.pw.options.version", "version \"4.20.0\" does not match the version \"4.21.1\" of the random schema"),
                new ConformanceViolation("outputs.vaultUri", "${kv.properties.vaultUrl}: azure-native:keyvault:Vault has no output properties.vaultUrl"),
            ],
            ProgramConformance.Check(program, RealSchemas.Set));
    }

    [Fact]
    public void Azure_discriminated_unions_are_checked_through_their_members()
    {
        const string program = """
            name: "backup"
            runtime: "yaml"
            resources:
              policy:
                type: "azure-native:recoveryservices:ProtectionPolicy"
                properties:
                  resourceGroupName: "rg"
                  vaultName: "vault"
                  properties:
                    backupManagementType: "AzureIaasVM"
                    instantRpRetentionRangeInDays: 2
                    policyType: "V2"
                    schedulePolicy:
                      schedulePolicyType: "SimpleSchedulePolicy"
                      scheduleRunFrequency: "Daily"
                      scheduleRunTimes: ["2026-01-01T02:00:00Z"]
                    retentionPolicy:
                      retentionPolicyType: "LongTermRetentionPolicy"
                      dailySchedule:
                        retentionTimes: ["2026-01-01T02:00:00Z"]
                        retentionDuration:
                          count: 30
                          durationType: "Days"
            """;

        Assert.Empty(ProgramConformance.Check(program, RealSchemas.Set));

        string broken = program
            .Replace("instantRpRetentionRangeInDays: 2", "instantRpRetentionRangeInDays: \"2\"", StringComparison.Ordinal)
            .Replace("\"SimpleSchedulePolicy\"", "\"DailySchedulePolicy\"", StringComparison.Ordinal);
        IReadOnlyList<ConformanceViolation> violations = ProgramConformance.Check(broken, RealSchemas.Set);

        Assert.Equal(
            [
                "resources.policy.properties.properties.instantRpRetentionRangeInDays",
                "resources.policy.properties.properties.schedulePolicy.schedulePolicyType",
            ],
            violations.Select(violation => violation.Location));
    }

    [Fact]
    public void Akamai_integer_ids_reject_strings()
    {
        const string program = """
            name: "edge"
            runtime: "yaml"
            resources:
              worker:
                type: "akamai:index/edgeWorker:EdgeWorker"
                properties:
                  groupId: "grp_123"
                  resourceTierId: 100
                  name: "auth"
                  localBundle: "./bundle.tgz"
                options:
                  version: "11.4.0"
            """;

        Assert.Equal(
            [new ConformanceViolation("resources.worker.properties.groupId", "\"grp_123\" (a string) does not match the expected type integer")],
            ProgramConformance.Check(program, RealSchemas.Set));
    }
}
