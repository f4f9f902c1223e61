using EdgeInfra.Components.Azure.Compute;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginBootScriptTests;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterFixtures;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>The Kong boot script as a VM receives it; <see cref="KongOriginRehearsalTests"/> runs its shell parts.</summary>
public sealed class KongOriginScriptTests
{
    [Fact]
    public async Task Kong_starts_only_after_the_config_is_complete_and_key_vault_was_read()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Kong)))[0];

        Assert.StartsWith("#!/bin/bash\n", script, StringComparison.Ordinal);
        AssertInOrder(
            script,
            "printf '#!/bin/sh\\nexit 101\\n' > /usr/sbin/policy-rc.d",
            "apt-get install -y kong\n",
            "rm -f /usr/sbin/policy-rc.d",
            "systemctl disable --now kong.service",
            "cat > \"${KONG_CONF}\" <<KONG",
            "SERVER_RUNNING=0 \"${LIB_DIR}/refresh\" \"${SETTINGS}\"",
            "exit 1",
            "ExecStart=/usr/local/bin/kong start -c /etc/kong/kong.conf",
            "kong check /etc/kong/kong.conf",
            "systemctl enable --now edge-origin-kong",
            "systemctl enable --now edge-origin-refresh.timer");
        Assert.Single(Occurrences(script, "kong start"));
        Assert.Single(Occurrences(script, "systemctl enable --now edge-origin-kong"));
        Assert.DoesNotContain("openssl req", script, StringComparison.Ordinal);
        Assert.DoesNotContain("admin_listen = 127", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kong_serves_the_stack_certificate_on_443_with_the_admin_api_off()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Kong)))[0];

        Assert.Contains("""
            database = off
            declarative_config = ${STATE_DIR}/kong.yml
            proxy_listen = 0.0.0.0:${HTTPS_PORT} ssl, [::]:${HTTPS_PORT} ssl
            admin_listen = off
            ssl_cert = ${STATE_DIR}/origin.crt
            ssl_cert_key = ${STATE_DIR}/origin.key
            headers = off
            """, script);
        Assert.Contains("""
            VAULT_URI='${EDGE_ORIGIN_VAULT_URI:-https://kv-app.vault.azure.net/}'
            SECRET_NAME='origin-secret'
            TLS_SECRET_NAME='origin-tls'
            CLIENT_ID='origin-identity-client'
            HEADER_NAME='X-Origin-Auth'
            UPSTREAM_URL='http://127.0.0.1:${APP_PORT}'
            IMDS_ENDPOINT='${EDGE_ORIGIN_IMDS_ENDPOINT:-http://169.254.169.254}'
            """, script);
        Assert.Contains("HTTPS_PORT=\"${EDGE_ORIGIN_HTTPS_PORT:-443}\"", script);
        Assert.Contains("input(type=\"imfile\" File=\"/usr/local/kong/logs/error.log\" Tag=\"kong\" Facility=\"local0\" Severity=\"warning\")", script);
    }

    [Fact]
    public async Task The_first_read_is_retried_and_the_refresh_runs_every_minute_with_two_secret_versions()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Kong)))[0];

        Assert.Contains("attempts=\"${EDGE_ORIGIN_FIRST_READ_ATTEMPTS:-90}\"", script);
        Assert.Contains("sleep 10\n", script);
        Assert.Contains("OnUnitActiveSec=1min\n", script);
        Assert.Contains("ExecStart=/usr/local/lib/edge-origin/refresh /etc/edge-origin/settings\n", script);
        Assert.Contains("mapfile -t versions < <(head -n 2 <<<\"${listing}\" | awk 'NF')", script);
        AssertInOrder(
            script,
            "read_origin_secrets \"${work}/secrets\" || exit 1",
            "files=(kong.yml origin.crt origin.key)",
            "kong config -c \"${KONG_CONF}\" parse \"${work}/kong.yml\"",
            "install_changed \"${STATE_DIR}\" \"${work}\" \"${files[@]}\"",
            "kong reload -c \"${KONG_CONF}\"",
            "restore_previous \"${STATE_DIR}\"");
    }

    [Fact]
    public async Task With_edge_mtls_kong_conf_injects_client_verification_into_the_proxy_server_and_the_refresh_installs_the_cas()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Kong, EdgeClient)))[0];

        Assert.Contains("EDGE_CLIENT_CA_SECRET_NAME='edge-client-ca'\nEDGE_CLIENT_COMMON_NAME='shop.prod-origin-client'\nSETTINGS", script);
        Assert.Contains("""
            headers = off
            nginx_proxy_ssl_client_certificate = ${STATE_DIR}/edge-client-ca.crt
            nginx_proxy_ssl_verify_client = optional
            nginx_proxy_ssl_verify_depth = 2
            KONG
            """, script);
        AssertInOrder(
            script,
            "check_certificate_expiry \"${STATE_DIR}/origin.crt\" \"${STATE_DIR}/certificate-expiry-logged\" || true",
            "start_refresh || exit 1",
            "if ngx.var.ssl_client_verify ~= \"SUCCESS\" or not subject:find(\",CN=${EDGE_CLIENT_COMMON_NAME},\", 1, true) then",
            "read_edge_client_ca \"${work}\" || exit 1",
            "files+=(edge-client-ca.crt)",
            "install_changed",
            "kong reload -c \"${KONG_CONF}\"");
        Assert.DoesNotContain("mtls-auth", script, StringComparison.Ordinal);

        var without = (await ScriptsAsync(Defaults(OriginFlavor.Kong)))[0];
        Assert.DoesNotContain("nginx_proxy_ssl", without, StringComparison.Ordinal);
        Assert.Contains("EDGE_CLIENT_CA_SECRET_NAME=''\nEDGE_CLIENT_COMMON_NAME=''\n", without);
    }

    [Theory]
    [InlineData("EDGE_ORIGIN_ROOT")]
    [InlineData("EDGE_ORIGIN_IMDS_ENDPOINT")]
    [InlineData("EDGE_ORIGIN_VAULT_URI")]
    [InlineData("EDGE_ORIGIN_HTTPS_PORT")]
    [InlineData("EDGE_ORIGIN_APP_PORT")]
    [InlineData("EDGE_ORIGIN_FIRST_READ_ATTEMPTS")]
    public async Task The_rehearsal_overrides_are_those_of_nginx(string variable)
    {
        var kong = (await ScriptsAsync(Defaults(OriginFlavor.Kong)))[0];
        var nginx = (await ScriptsAsync(Defaults(OriginFlavor.Nginx)))[0];

        Assert.Contains("${" + variable + ":-", kong, StringComparison.Ordinal);
        Assert.Contains("${" + variable + ":-", nginx, StringComparison.Ordinal);
    }

    private static List<int> Occurrences(string text, string part)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            found.Add(at);
        }

        return found;
    }
}
