using System.Text;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Components.Azure.Compute;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterFixtures;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterTests;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>The boot scripts as the VMs receive them: each VM's custom data, run against mocks and decoded.</summary>
public sealed class OriginBootScriptTests
{
    private const string ImdsHost = "http://169.254.169.254";
    private const string ImdsTokenPath = "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net&client_id=";

    /// <summary>Each VM's boot script, decoded from its custom data.</summary>
    internal static async Task<IReadOnlyList<string>> ScriptsAsync(OriginVmClusterArgs args)
    {
        var result = await RunAsync(() => new OriginVmCluster("origin", args), new OriginVmClusterMocks());
        return [.. result.OfType<VirtualMachine>().Select(vm => Encoding.UTF8.GetString(Convert.FromBase64String((string)Plain(Map(vm.Inputs["osProfile"])["customData"])!)))];
    }

    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Kong)]
    [InlineData(OriginFlavor.Iis)]
    public async Task Every_script_reads_the_secret_from_key_vault_with_the_identity_and_holds_no_secret(OriginFlavor flavor)
    {
        var scripts = await ScriptsAsync(Defaults(flavor));

        Assert.Equal(2, scripts.Count);
        Assert.Equal(scripts[0], scripts[1]);
        var script = scripts[0];
        Assert.Contains(ImdsHost, script);
        Assert.Contains(ImdsTokenPath, script);
        Assert.Contains("https://kv-app.vault.azure.net/", script);
        Assert.Contains("'origin-secret'", script);
        Assert.Contains("secrets/", script);
        Assert.Contains("?api-version=7.4", script);
        Assert.Contains("'origin-identity-client'", script);
        Assert.Contains("'origin-tls'", script); // the stack CA's certificate, never a self-signed one
        Assert.Contains("/versions?api-version=7.4&maxresults=25", script);
        Assert.DoesNotContain("openssl req -x509", script);
        Assert.DoesNotContain("New-SelfSignedCertificate", script);

        Assert.Contains("^[A-Za-z0-9._+/=-]{16,}$", script);
        Assert.Contains("edge-origin-auth-failed", script);
        Assert.DoesNotContain("origin-admin-password-result", script);
        Assert.True(script.All(char.IsAscii), "Windows PowerShell reads a script without a byte-order mark as ANSI: keep it ASCII");
    }

    [Fact]
    public async Task With_edge_mtls_nginx_requires_a_client_certificate_from_the_edge_ca_with_the_edge_name_and_the_secret()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Nginx, EdgeClient)))[0];

        Assert.Contains("EDGE_CLIENT_COMMON_NAME='shop.prod-origin-client'\n", script);
        Assert.Contains("EDGE_CLIENT_CA_SECRET_NAME='edge-client-ca'\nEDGE_CLIENT_COMMON_NAME='${EDGE_CLIENT_COMMON_NAME}'\n", script);
        Assert.Contains("ssl_client_certificate ${STATE_DIR}/edge-client-ca.crt;\n    ssl_verify_client on;\n    ssl_verify_depth 2;", script);
        Assert.Contains("map \\$ssl_client_s_dn \\$edge_client_identified { default 0; \"~(^|,)CN=${EDGE_CLIENT_CN_PATTERN}(,|\\$)\" 1; }", script);

        // The script makes the CN's expression itself (the CN may be a deploy-time value): bash, as the VM runs it.
        var patternLine = script.Split('\n').Single(line => line.StartsWith("EDGE_CLIENT_CN_PATTERN=", StringComparison.Ordinal));
        Assert.Equal("shop\\.prod-origin-client", await BashAsync($"EDGE_CLIENT_COMMON_NAME='shop.prod-origin-client'\n{patternLine}\nprintf '%s' \"$EDGE_CLIENT_CN_PATTERN\""));
        Assert.Contains("map \"\\$ssl_client_verify:\\$edge_client_identified:\\$edge_origin_authorized\" \\$origin_auth_failed { default 1; \"SUCCESS:1:1\" 0; }", script);
        Assert.Contains("read_edge_client_ca \"${work}\" || exit 1", script);
    }

    [Fact]
    public async Task Nginx_starts_only_after_key_vault_was_read_and_rejects_requests_without_a_current_secret()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Nginx)))[0];

        Assert.StartsWith("#!/bin/bash\n", script, StringComparison.Ordinal);
        Assert.Contains("VAULT_URI='${EDGE_ORIGIN_VAULT_URI:-https://kv-app.vault.azure.net/}'\nSECRET_NAME='origin-secret'\nTLS_SECRET_NAME='origin-tls'\nCLIENT_ID='origin-identity-client'\nHEADER_VARIABLE='http_x_origin_auth'\n", script);
        Assert.Contains("IMDS_ENDPOINT='${EDGE_ORIGIN_IMDS_ENDPOINT:-http://169.254.169.254}'", script);
        Assert.Contains("printf '#!/bin/sh\\nexit 101\\n' > /usr/sbin/policy-rc.d", script);
        Assert.Contains("apt-get install -y nginx curl jq openssl python3\n", script);
        Assert.Contains("map \\$edge_origin_authorized \\$origin_auth_failed { default 1; 1 0; }", script);
        Assert.Contains("""
                if (\$origin_auth_failed) {
                    return 403;
                }
            """, script);
        Assert.DoesNotContain("ssl_verify_client", script);
        Assert.Contains("include ${STATE_DIR}/secrets.conf;", script);
        Assert.Contains("listen ${HTTPS_PORT} ssl default_server;", script);
        Assert.Contains("proxy_pass http://127.0.0.1:${APP_PORT};", script);
        Assert.Contains("proxy_set_header X-Origin-Auth \"\";", script);
        Assert.Contains("OnUnitActiveSec=1min", script);
        Assert.DoesNotContain("listen 80", script);
        Assert.DoesNotContain("openssl req -x509", script);

        // Nothing listens before the first read succeeded: the refresh loop comes before nginx is enabled.
        AssertInOrder(script, "policy-rc.d", "apt-get install -y nginx", "SERVER_RUNNING=0 \"${LIB_DIR}/refresh\"", "exit 1", "systemctl enable --now nginx");
    }

    [Fact]
    public async Task The_header_name_and_upstream_reach_every_server_config()
    {
        var nginx = (await ScriptsAsync(With(originAuthHeaderName: "X-Edge-Key", upstreamUrl: "https://app.internal:8443/base")))[0];
        Assert.Contains("HEADER_VARIABLE='http_x_edge_key'", nginx);
        Assert.Contains("proxy_set_header X-Edge-Key \"\";", nginx);
        Assert.Contains("proxy_pass https://app.internal:8443/base;", nginx);

        var kong = (await ScriptsAsync(With(flavor: OriginFlavor.Kong, originAuthHeaderName: "X-Edge-Key", upstreamUrl: "https://app.internal:8443/base")))[0];
        Assert.Contains("HEADER_NAME='X-Edge-Key'\nUPSTREAM_URL='https://app.internal:8443/base'\n", kong);
        Assert.Contains("local authorized = accepted[kong.request.get_header(\"${HEADER_NAME}\") or \"\"] == true", kong);
        Assert.Contains("kong.service.request.clear_header(\"${HEADER_NAME}\")", kong);
        Assert.Contains("url: \"${UPSTREAM_URL}\"", kong);

        var iis = (await ScriptsAsync(With(flavor: OriginFlavor.Iis, originAuthHeaderName: "X-Edge-Key")))[0];
        Assert.Contains("<add input=\"{HTTP_X_EDGE_KEY}\"", iis);
        Assert.Contains("<set name=\"HTTP_X_EDGE_KEY\" value=\"\" />", iis);
        Assert.Contains("-Value @{ name = 'HTTP_X_EDGE_KEY' }", iis);
    }

    [Fact]
    public void The_scripts_reach_the_program_as_base64_of_an_interpolation_of_deploy_time_values()
    {
        var program = Synth(() => new OriginVmCluster("origin", Defaults(OriginFlavor.Nginx)));

        Assert.Contains("        customData:\n          fn::toBase64: |-\n            #!/bin/bash\n", program);
        Assert.Contains("            CLIENT_ID='${origin-identity.clientId}'\n", program);
        Assert.Contains("\"$${VAULT_URI}secrets/$1/versions?api-version=7.4&maxresults=25\"", program);
    }

    /// <summary>What bash prints running <paramref name="script"/>.</summary>
    private static async Task<string> BashAsync(string script)
    {
        using var process = RehearsalProcess.Start("bash", ["-c", script], new Dictionary<string, string>());
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    /// <summary>Asserts that each of <paramref name="parts"/> occurs in <paramref name="script"/>, each after the one before.</summary>
    internal static void AssertInOrder(string script, params string[] parts)
    {
        var position = -1;
        foreach (var part in parts)
        {
            var next = script.IndexOf(part, position + 1, StringComparison.Ordinal);
            Assert.True(next > position, $"'{part}' does not follow the parts before it in the script");
            position = next;
        }
    }
}
