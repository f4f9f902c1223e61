namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The boot script of a <see cref="OriginFlavor.Kong"/> origin VM, run once by cloud-init (a <c>#!/bin/bash</c>
/// user-data script). It installs Kong Gateway OSS 3.9 (DB-less) without starting it — <c>policy-rc.d</c> refuses every
/// service start during the install and the package's own <c>kong.service</c> is disabled — writes <c>kong.conf</c>,
/// installs <see cref="KongOriginRefreshScript"/> and runs it once (origin secrets and the stack-issued server
/// certificate from Key Vault into the declarative config and <c>ssl_cert</c>/<c>ssl_cert_key</c>), and only then
/// starts Kong (<c>edge-origin-kong.service</c>, <c>kong start</c>), so nothing listens before the origin check is in
/// place: if Key Vault cannot be read, the VM serves nothing (fails closed). Kong serves TLS on 443 with the Admin API
/// off; its global <c>pre-function</c> answers 403 to every request whose origin header is not one of the accepted
/// secrets and logs it with the tag <see cref="OriginBootSettings.RejectionTag"/>, which rsyslog forwards from Kong's
/// error log to syslog (<c>local0.warning</c>). With edge mTLS (<see cref="OriginVmClusterArgs.EdgeClientCertificate"/>)
/// nginx also asks for the edge's client certificate and verifies it against the Akamai account CAs the refresh installs,
/// and the <c>pre-function</c> requires it, with the edge's CN, as well as the secret (see
/// <see cref="KongOriginRefreshScript"/>). With <see cref="OriginVmClusterArgs.Routes"/> that list roles the same
/// <c>pre-function</c> also refuses a request whose <c>X-Edge-Roles</c> lacks the roles of the route its path falls
/// under (<see cref="KongOriginRoles"/>). A systemd timer re-runs the refresh every minute, so rotations reach the
/// VM without a rebuild. With the default upstream it also installs <see cref="DefaultOriginApp"/> on
/// <c>127.0.0.1:8080</c>, which Kong proxies to.
/// </summary>
/// <remarks>
/// Variables a local rehearsal sets to run the same script on a workstation (never set on a VM), named as for
/// <see cref="NginxOriginScript"/>: <c>EDGE_ORIGIN_ROOT</c> (a folder every path is placed under),
/// <c>EDGE_ORIGIN_IMDS_ENDPOINT</c>, <c>EDGE_ORIGIN_VAULT_URI</c>, <c>EDGE_ORIGIN_HTTPS_PORT</c>,
/// <c>EDGE_ORIGIN_APP_PORT</c> and <c>EDGE_ORIGIN_FIRST_READ_ATTEMPTS</c>; with <c>EDGE_ORIGIN_ROOT</c> set the script
/// installs no package and starts no service. The refresh program runs <c>kong</c> from <c>PATH</c>, so a rehearsal
/// can put a stand-in first on it.
/// </remarks>
internal static class KongOriginScript
{
    /// <summary>
    /// With edge mTLS: nginx directives injected into the proxy server block (<c>nginx_proxy_*</c>,
    /// https://developer.konghq.com/gateway/nginx-directives) that ask for a client certificate and verify it against the
    /// CAs the refresh installs. <c>optional</c> (https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_verify_client):
    /// a request without a certificate reaches the <c>pre-function</c>, which refuses it and logs it with the rejection
    /// tag as it does a wrong secret; nginx itself answers 400 to a certificate that fails verification.
    /// </summary>
    private static string EdgeClientTls(OriginBootSettings settings) => settings.EdgeClient is null
        ? string.Empty
        : """

          nginx_proxy_ssl_client_certificate = ${STATE_DIR}/edge-client-ca.crt
          nginx_proxy_ssl_verify_client = optional
          nginx_proxy_ssl_verify_depth = 2
          """.TrimEnd();

    /// <summary>The script, with the vault URI, secret names, identity and upstream as deploy-time values.</summary>
    public static Output<string> Render(OriginBootSettings settings) => Output.Format($$"""
        #!/bin/bash
        # EdgeInfra origin (Kong Gateway OSS, DB-less), run once by cloud-init at first boot.
        # TLS on 443 with the stack's certificate from Key Vault; a request whose {{settings.HeaderName}} header is not one
        # of the current origin secrets gets 403 and a log line tagged {{OriginBootSettings.RejectionTag}}.
        # Secrets and certificate are read from Key Vault with the VM's user-assigned identity, at boot and every
        # minute after; they are never part of the deployment. Kong starts only once they are in place.
        set -euo pipefail
        {{LinuxOriginBootSteps.Variables(settings)}}
        STATE_DIR="${ROOT}/etc/kong/edge-origin"
        KONG_CONF="${ROOT}/etc/kong/kong.conf"

        if [ -z "${ROOT}" ]; then
            export DEBIAN_FRONTEND=noninteractive
            # Debian starts a service when its package is installed; Kong must not listen before its config and check exist.
            printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
            chmod 0755 /usr/sbin/policy-rc.d
            apt-get update
            apt-get install -y curl gnupg jq openssl lsb-release rsyslog python3
            curl -1sLf 'https://packages.konghq.com/public/gateway-39/gpg.B9DCD032B1696A89.key' | gpg --dearmor -o /usr/share/keyrings/kong-gateway-39-archive-keyring.gpg
            curl -1sLf "https://packages.konghq.com/public/gateway-39/config.deb.txt?distro=ubuntu&codename=$(lsb_release -sc)" -o /etc/apt/sources.list.d/kong-gateway-39.list
            apt-get update
            apt-get install -y kong
            rm -f /usr/sbin/policy-rc.d
            # Only edge-origin-kong runs Kong, with the config below; the package's unit would start it with the defaults.
            systemctl disable --now kong.service 2>/dev/null || true
        fi

        install -d -m 0755 "${LIB_DIR}" "${ROOT}/etc/edge-origin" "${ROOT}/etc/kong"
        install -d -m 0700 "${STATE_DIR}"
        cat > "${SETTINGS}" <<SETTINGS
        VAULT_URI='${EDGE_ORIGIN_VAULT_URI:-{{settings.KeyVaultUri}}}'
        SECRET_NAME='{{settings.OriginSecretName}}'
        TLS_SECRET_NAME='{{settings.TlsSecretName}}'
        CLIENT_ID='{{settings.IdentityClientId}}'
        HEADER_NAME='{{settings.HeaderName}}'
        UPSTREAM_URL='{{settings.ShellUpstream}}'
        IMDS_ENDPOINT='${EDGE_ORIGIN_IMDS_ENDPOINT:-http://169.254.169.254}'
        STATE_DIR='${STATE_DIR}'
        KONG_CONF='${KONG_CONF}'
        EDGE_CLIENT_CA_SECRET_NAME='{{settings.EdgeClientCaSecretName}}'
        EDGE_CLIENT_COMMON_NAME='{{settings.EdgeClientCommonName}}'
        SETTINGS
        chmod 0600 "${SETTINGS}"

        {{LinuxOriginBootSteps.Programs(KongOriginRefreshScript.Render(settings.Routes))}}

        cat > "${KONG_CONF}" <<KONG
        database = off
        declarative_config = ${STATE_DIR}/kong.yml
        proxy_listen = 0.0.0.0:${HTTPS_PORT} ssl, [::]:${HTTPS_PORT} ssl
        admin_listen = off
        ssl_cert = ${STATE_DIR}/origin.crt
        ssl_cert_key = ${STATE_DIR}/origin.key
        headers = off{{EdgeClientTls(settings)}}
        KONG
        chmod 0600 "${KONG_CONF}"

        {{LinuxOriginBootSteps.FirstRead}}

        if [ -z "${ROOT}" ]; then
            cat > /etc/rsyslog.d/30-edge-origin-kong.conf <<'RSYSLOG'
        module(load="imfile")
        input(type="imfile" File="/usr/local/kong/logs/error.log" Tag="kong" Facility="local0" Severity="warning")
        RSYSLOG
            systemctl restart rsyslog
            cat > /etc/systemd/system/edge-origin-kong.service <<'UNIT'
        [Unit]
        Description=Kong Gateway (EdgeInfra origin, DB-less)
        After=network-online.target
        Wants=network-online.target

        [Service]
        Type=forking
        ExecStart=/usr/local/bin/kong start -c /etc/kong/kong.conf
        ExecReload=/usr/local/bin/kong reload -c /etc/kong/kong.conf
        ExecStop=/usr/local/bin/kong stop
        PIDFile=/usr/local/kong/pids/nginx.pid
        Restart=on-failure
        LimitNOFILE=65536

        [Install]
        WantedBy=multi-user.target
        UNIT
        {{LinuxOriginBootSteps.SystemdUnits}}
            kong check /etc/kong/kong.conf
            systemctl enable --now edge-origin-kong
            systemctl enable --now edge-origin-refresh.timer
        fi
        """);
}
