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

    private static async Task<IReadOnlyList<string>> ScriptsAsync(OriginVmClusterArgs args)
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
        if (flavor != OriginFlavor.Nginx)
        {
            Assert.Contains($"'{OriginVmClusterMocks.Fqdn}'", script); // the self-signed certificate's name
        }

        Assert.Contains("^[A-Za-z0-9._+/=-]{16,}$", script);
        Assert.Contains("edge-origin-auth-failed", script);
        Assert.DoesNotContain("origin-admin-password-result", script);
        Assert.True(script.All(char.IsAscii), "Windows PowerShell reads a script without a byte-order mark as ANSI: keep it ASCII");
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
        Assert.Contains("""
                set \$origin_auth_failed 0;
                if (\$edge_origin_authorized = 0) {
                    set \$origin_auth_failed 1;
                    return 403;
                }
            """, script);
        Assert.Contains("include ${STATE_DIR}/secrets.conf;", script);
        Assert.Contains("listen ${HTTPS_PORT} ssl default_server;", script);
        Assert.Contains("proxy_pass http://127.0.0.1:${APP_PORT};", script);
        Assert.Contains("proxy_set_header X-Origin-Auth \"\";", script);
        Assert.Contains("OnUnitActiveSec=1min", script);
        Assert.DoesNotContain("listen 80", script);
        Assert.DoesNotContain("openssl req -x509", script);

        // Nothing listens before the first read succeeded: the refresh loop comes before nginx is enabled.
        Assert.True(script.IndexOf("NGINX_RUNNING=0 \"${LIB_DIR}/refresh\"", StringComparison.Ordinal) < script.IndexOf("systemctl enable --now nginx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kong_runs_db_less_with_a_pre_function_that_rejects_requests_without_the_secret()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Kong)))[0];

        Assert.StartsWith("#!/bin/bash\n", script, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y kong\n", script);
        Assert.Contains("database = off\ndeclarative_config = /etc/kong/edge-origin/kong.yml\nproxy_listen = 0.0.0.0:443 ssl, [::]:443 ssl\nadmin_listen = off\n", script);
        Assert.Contains("""
            plugins:
              - name: pre-function
                config:
                  access:
                    - |
                      -- The edge presents the origin secret; anything else is rejected and logged.
                      local expected = "__ORIGIN_SECRET__"
                      if kong.request.get_header("X-Origin-Auth") ~= expected then
                        kong.log.warn("edge-origin-auth-failed client=", kong.client.get_ip(), " host=", kong.request.get_host(), " path=", kong.request.get_path())
                        return kong.response.exit(403, { message = "Forbidden" })
                      end
                      kong.service.request.clear_header("X-Origin-Auth")
            """, script);
        Assert.Contains("    url: \"http://127.0.0.1:8080\"\n", script);
        Assert.Contains("ORIGIN_SECRET=\"$(read_origin_secret)\"\nsed -i \"s|__ORIGIN_SECRET__|${ORIGIN_SECRET}|\" /etc/kong/edge-origin/kong.yml\nchmod 0600 /etc/kong/edge-origin/kong.yml\n", script);
        Assert.Contains("input(type=\"imfile\" File=\"/usr/local/kong/logs/error.log\" Tag=\"kong\" Facility=\"local0\" Severity=\"warning\")", script);
    }

    [Fact]
    public async Task Iis_adds_a_url_rewrite_rule_that_answers_403_without_the_secret_and_forwards_rejections_to_the_event_log()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis)))[0];

        Assert.Contains("$vaultUri = 'https://kv-app.vault.azure.net/'\n$secretName = 'origin-secret'\n$clientId = 'origin-identity-client'\n", script);
        Assert.Contains("Install-WindowsFeature -Name Web-Server -IncludeManagementTools", script);
        Assert.Contains("rewrite_amd64_en-US.msi", script);
        Assert.Contains("""
                    <rule name="edge-origin-auth" stopProcessing="true">
                      <match url=".*" />
                      <conditions>
                        <add input="{HTTP_X_ORIGIN_AUTH}" pattern="__ORIGIN_SECRET_PATTERN__" negate="true" ignoreCase="false" />
                      </conditions>
                      <serverVariables>
                        <set name="EDGE_ORIGIN_AUTH" value="edge-origin-auth-failed" />
                      </serverVariables>
                      <action type="CustomResponse" statusCode="403" statusReason="Forbidden" statusDescription="edge-origin-auth-failed" />
                    </rule>
            """, script);
        Assert.Contains("$secretPattern = '^' + [regex]::Escape((Read-OriginSecret)) + '$'", script);
        Assert.Contains("-Uri \"$($vaultUri)secrets/$($secretName)?api-version=7.4\"", script);
        Assert.Contains("Get-WebBinding -Name $site -Protocol http | Remove-WebBinding", script);
        Assert.Contains("Write-EventLog -LogName Application -Source $tag -EntryType Warning", script);
        Assert.Contains("\n'@\n", script);
    }

    [Fact]
    public async Task The_header_name_and_upstream_reach_every_server_config()
    {
        var nginx = (await ScriptsAsync(With(originAuthHeaderName: "X-Edge-Key", upstreamUrl: "https://app.internal:8443/base")))[0];
        Assert.Contains("HEADER_VARIABLE='http_x_edge_key'", nginx);
        Assert.Contains("proxy_set_header X-Edge-Key \"\";", nginx);
        Assert.Contains("proxy_pass https://app.internal:8443/base;", nginx);

        var kong = (await ScriptsAsync(With(flavor: OriginFlavor.Kong, originAuthHeaderName: "X-Edge-Key", upstreamUrl: "https://app.internal:8443/base")))[0];
        Assert.Contains("if kong.request.get_header(\"X-Edge-Key\") ~= expected then", kong);
        Assert.Contains("kong.service.request.clear_header(\"X-Edge-Key\")", kong);
        Assert.Contains("url: \"https://app.internal:8443/base\"", kong);

        var iis = (await ScriptsAsync(With(flavor: OriginFlavor.Iis, originAuthHeaderName: "X-Edge-Key")))[0];
        Assert.Contains("<add input=\"{HTTP_X_EDGE_KEY}\"", iis);
    }

    [Fact]
    public void The_scripts_reach_the_program_as_base64_of_an_interpolation_of_deploy_time_values()
    {
        var program = Synth(() => new OriginVmCluster("origin", Defaults(OriginFlavor.Nginx)));

        Assert.Contains("        customData:\n          fn::toBase64: |-\n            #!/bin/bash\n", program);
        Assert.Contains("            CLIENT_ID='${origin-identity.clientId}'\n", program);
        Assert.Contains("\"$${VAULT_URI}secrets/$1/versions?api-version=7.4&maxresults=25\"", program);
    }
}
