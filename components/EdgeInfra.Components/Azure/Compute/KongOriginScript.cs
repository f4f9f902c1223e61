namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The boot script of a <see cref="OriginFlavor.Kong"/> origin VM, run once by cloud-init (a <c>#!/bin/bash</c>
/// user-data script): installs Kong Gateway OSS 3.9 in DB-less mode, reads the origin secret from Key Vault, and
/// serves TLS on 443 with a declarative config whose global <c>pre-function</c> plugin answers 403 to every request
/// whose origin header is missing or wrong and logs it with the tag <see cref="OriginBootSettings.RejectionTag"/>;
/// rsyslog forwards Kong's error log to syslog (<c>local0.warning</c>). Verified requests go to the upstream without
/// the header. The Admin API is off.
/// </summary>
internal static class KongOriginScript
{
    /// <summary>The script, with the vault URI, secret name, identity and hostname as deploy-time values.</summary>
    public static Output<string> Render(OriginBootSettings settings) => Output.Format($$"""
        #!/bin/bash
        # EdgeInfra origin (Kong Gateway OSS, DB-less), run once by cloud-init at first boot.
        # TLS on 443; a request without the per-environment origin secret in the {{settings.HeaderName}} header gets 403
        # and a log line tagged {{OriginBootSettings.RejectionTag}}. The secret is read from Key Vault with the VM's
        # user-assigned identity; it is never part of the deployment.
        set -euo pipefail
        VAULT_URI='{{settings.KeyVaultUri}}'
        SECRET_NAME='{{settings.OriginSecretName}}'
        CLIENT_ID='{{settings.IdentityClientId}}'
        ORIGIN_HOSTNAME='{{settings.OriginHostname}}'

        {{LinuxOriginSecretScript.ReadOriginSecretFunction}}

        {{LinuxOriginSecretScript.MakeCertificateFunction}}

        export DEBIAN_FRONTEND=noninteractive
        apt-get update
        apt-get install -y curl gnupg jq openssl lsb-release rsyslog
        curl -1sLf 'https://packages.konghq.com/public/gateway-39/gpg.B9DCD032B1696A89.key' | gpg --dearmor -o /usr/share/keyrings/kong-gateway-39-archive-keyring.gpg
        curl -1sLf "https://packages.konghq.com/public/gateway-39/config.deb.txt?distro=ubuntu&codename=$(lsb_release -sc)" -o /etc/apt/sources.list.d/kong-gateway-39.list
        apt-get update
        apt-get install -y kong

        install -d -m 0700 /etc/kong/edge-origin
        make_origin_certificate /etc/kong/edge-origin/origin.key /etc/kong/edge-origin/origin.crt

        cat > /etc/kong/kong.conf <<'KONG'
        database = off
        declarative_config = /etc/kong/edge-origin/kong.yml
        proxy_listen = 0.0.0.0:443 ssl, [::]:443 ssl
        admin_listen = off
        ssl_cert = /etc/kong/edge-origin/origin.crt
        ssl_cert_key = /etc/kong/edge-origin/origin.key
        headers = off
        KONG

        cat > /etc/kong/edge-origin/kong.yml <<'KONG'
        _format_version: "3.0"
        services:
          - name: origin-app
            url: "{{settings.Upstream}}"
            routes:
              - name: origin-all
                paths:
                  - /
        plugins:
          - name: pre-function
            config:
              access:
                - |
                  -- The edge presents the origin secret; anything else is rejected and logged.
                  local expected = "__ORIGIN_SECRET__"
                  if kong.request.get_header("{{settings.HeaderName}}") ~= expected then
                    kong.log.warn("{{OriginBootSettings.RejectionTag}} client=", kong.client.get_ip(), " host=", kong.request.get_host(), " path=", kong.request.get_path())
                    return kong.response.exit(403, { message = "Forbidden" })
                  end
                  kong.service.request.clear_header("{{settings.HeaderName}}")
        KONG
        ORIGIN_SECRET="$(read_origin_secret)"
        sed -i "s|__ORIGIN_SECRET__|${ORIGIN_SECRET}|" /etc/kong/edge-origin/kong.yml
        chmod 0600 /etc/kong/edge-origin/kong.yml

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

        kong check /etc/kong/kong.conf
        systemctl daemon-reload
        systemctl enable edge-origin-kong
        systemctl restart edge-origin-kong
        """);
}
