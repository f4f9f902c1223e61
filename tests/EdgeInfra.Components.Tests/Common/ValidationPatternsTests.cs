using System.Reflection;
using System.Text.RegularExpressions;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Tests.Common;

public sealed class ValidationPatternsTests
{
    /// <summary>A value each shared pattern accepts; a new pattern needs one here.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["Email"] = "ops@example.com",
        ["HttpHeaderName"] = "X-Origin-Auth",
        ["PropertyVariableName"] = "PMUSER_ORIGIN",
        ["CountryCode"] = "DE",
        ["DottedName"] = "v1.2_3-x",
        ["DottedName64"] = "edge-client.example",
        ["KeyVaultSecretName"] = "0origin-secret",
        ["NewKeyVaultSecretName"] = "origin-secret",
        ["KeyVaultName"] = "kv-edge-dev",
        ["HostnameLabel"] = "www",
        ["ContractId"] = "ctr_1-ABC",
        ["GroupId"] = "grp_12345",
        ["GroupIdInt32"] = "grp_12345",
        ["ProductId"] = "prd_Fresca",
        ["PropertyName"] = "edge.example.com",
        ["ClientCaSetName"] = "edge-ca",
        ["Ttl"] = "30s",
        ["CpCodeId"] = "cpc_123",
        ["Digits"] = "443",
        ["ConstantName"] = "ORIGIN_1",
        ["DenyReason"] = "token-invalid",
        ["ConditionalOriginId"] = "origin_1",
        ["HttpsUrl"] = "https://login.example.com/.well-known/jwks.json",
        ["PathPrefix"] = "/api",
        ["StorageAccountName"] = "edgelogs01",
        ["BlobContainerName"] = "edge-logs",
        ["VirtualNetworkName"] = "vnet-origin",
        ["SubnetName"] = "snet-origin",
        ["SecurityRuleName"] = "allow-edge-443",
        ["ServiceTag"] = "AzureCloud.westeurope",
        ["ClusterName"] = "origin",
        ["DnsLabel"] = "edge-origin",
        ["OriginHeaderName"] = "X-Origin-Auth",
        ["AdminUserName"] = "azureuser",
        ["ComputerNamePrefix"] = "origin-vm",
        ["SshPublicKey"] = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE user@host",
        ["RecoveryVaultName"] = "rsv-edge",
        ["BackupPolicyName"] = "daily-vm",
        ["BackupTime"] = "02:30",
        ["LockName"] = "do-not-delete(vault)",
        ["UrlPathPrefix"] = "/api/v1",
        ["AccessName"] = "Orders.Reader",
        ["RelayPath"] = "/relay",
        ["RegionName"] = "weu",
    };

    private static IEnumerable<MethodInfo> SharedPatterns() =>
        typeof(ValidationPatterns).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(Regex));

    public static TheoryData<string> PatternNames() => [.. SharedPatterns().Select(m => m.Name)];

    [Fact]
    public void Every_shared_pattern_has_a_sample_and_every_sample_a_pattern() =>
        Assert.Equal(Samples.Keys.Order(StringComparer.Ordinal), SharedPatterns().Select(m => m.Name).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(PatternNames))]
    public void Every_shared_pattern_accepts_its_sample_and_refuses_it_with_a_trailing_or_leading_newline(string name)
    {
        var pattern = (Regex)typeof(ValidationPatterns).GetMethod(name)!.Invoke(null, null)!;
        var sample = Samples[name];
        Assert.Matches(pattern, sample);
        Assert.DoesNotMatch(pattern, sample + "\n");
        Assert.DoesNotMatch(pattern, sample + "\r\n");
        Assert.DoesNotMatch(pattern, "\n" + sample);
        Assert.DoesNotMatch(pattern, sample + "\n" + sample);
    }

    [Fact]
    public void Every_generated_regex_of_the_libraries_ends_with_an_end_of_text_anchor()
    {
        var assemblies = new[] { typeof(ValidationPatterns).Assembly, typeof(LogicalNames).Assembly, Assembly.Load("EdgeInfra.Schemas") };
        var regexes = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace is null || !t.Namespace.Contains("Generated", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            .Select(m => (Name: $"{m.DeclaringType!.FullName}.{m.Name}", Pattern: ((Regex)m.Invoke(null, null)!).ToString()))
            .ToList();
        Assert.True(regexes.Count >= 50, $"only {regexes.Count} generated regexes found");
        var unanchored = regexes.Where(r => !r.Pattern.StartsWith('^') || !r.Pattern.EndsWith(@"\z", StringComparison.Ordinal)).Select(r => r.Name).ToList();
        Assert.Empty(unanchored);
    }

    [Fact]
    public void No_source_file_anchors_a_regex_with_a_dollar()
    {
        var root = RepositoryRoot.FullPath;
        var offenders = new List<string>();
        var anchored = new Regex(@"(GeneratedRegex|new Regex|Regex\.(IsMatch|Match|Matches|Replace))\(\s*@?""[^""\n]*\$""", RegexOptions.CultureInvariant);
        foreach (var folder in new[] { "infra", "components", "stacks" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file);
                if (relative.Split(Path.DirectorySeparatorChar) is var parts && (parts.Contains("bin") || parts.Contains("obj")))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (anchored.IsMatch(lines[i]) || lines[i].Contains("$\")]", StringComparison.Ordinal) && lines[i].Contains("GeneratedRegex", StringComparison.Ordinal))
                    {
                        offenders.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.Empty(offenders);
    }

}
