namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The boot script of an <see cref="OriginFlavor.Nginx"/> origin VM, run once by cloud-init (a <c>#!/bin/bash</c>
/// user-data script). It installs nginx without starting it, installs <see cref="NginxOriginRefreshScript"/> and
/// runs it once (origin secrets and the stack-issued server certificate from Key Vault), and only then starts nginx,
/// so nothing listens before the origin check is in place: if Key Vault cannot be read, the VM serves nothing (fails
/// closed). nginx serves TLS on 443 and answers 403 to every request whose origin header is not one of the accepted
/// secrets, logging it to syslog (<c>local0.warning</c>) with the tag <see cref="OriginBootSettings.RejectionTag"/>;
/// verified requests go to the upstream without the header. With <see cref="OriginVmClusterArgs.Routes"/> that list roles it
/// also refuses, with 403 and a syslog line tagged <see cref="OriginBootSettings.RoleDeniedTag"/>, a verified request
/// whose <c>X-Edge-Roles</c> lacks the roles of the route its path falls under (<see cref="NginxOriginRoles"/>). A systemd timer re-runs the refresh every minute, so
/// rotations reach the VM without a rebuild. With the default upstream it also installs <see cref="DefaultOriginApp"/>.
/// </summary>
/// <remarks>
/// Variables a local rehearsal sets to run the same script on a workstation (never set on a VM):
/// <c>EDGE_ORIGIN_ROOT</c> (a folder every path is placed under), <c>EDGE_ORIGIN_IMDS_ENDPOINT</c>, <c>EDGE_ORIGIN_VAULT_URI</c>,
/// <c>EDGE_ORIGIN_HTTPS_PORT</c>, <c>EDGE_ORIGIN_APP_PORT</c>, <c>EDGE_ORIGIN_SYSLOG_SOCKET</c> (the syslog socket, <c>/dev/log</c> on a VM), <c>EDGE_ORIGIN_NGINX_TEST</c>, <c>EDGE_ORIGIN_NGINX_RELOAD</c>, <c>EDGE_ORIGIN_NGINX_PID_FILE</c> and
/// <c>EDGE_ORIGIN_FIRST_READ_ATTEMPTS</c>; with <c>EDGE_ORIGIN_ROOT</c> set the script installs no package and starts no
/// service, and leaves starting nginx and the app to its caller.
/// </remarks>
internal static class NginxOriginScript
{
    /// <summary>
    /// The maps that decide <c>$origin_auth_failed</c>: the origin secret alone, or with edge mTLS also a verified client
    /// certificate (<c>$ssl_client_verify</c>, which nginx evaluates for the log line of a refused handshake too) whose
    /// subject CN is the edge's. The CN's regular expression (<c>EDGE_CLIENT_CN_PATTERN</c>) is made by the script from
    /// the CN, which may be a deploy-time value: its dots escaped, the only character of a valid CN (letters, digits,
    /// <c>.</c>, <c>_</c>, <c>-</c>) that is special in PCRE outside a character class.
    /// </summary>
    private static string EdgeClientMaps(OriginBootSettings settings) => settings.EdgeClient is null
        ? """
          map \$edge_origin_authorized \$origin_auth_failed { default 1; 1 0; }
          """
        : """
          map \$ssl_client_s_dn \$edge_client_identified { default 0; "~(^|,)CN=${EDGE_CLIENT_CN_PATTERN}(,|\$)" 1; }
          map "\$ssl_client_verify:\$edge_client_identified:\$edge_origin_authorized" \$origin_auth_failed { default 1; "SUCCESS:1:1" 0; }
          """;

    /// <summary>With edge mTLS: require a client certificate chaining to the CAs the refresh installs.</summary>
    private static string EdgeClientTls(OriginBootSettings settings) => settings.EdgeClient is null
        ? string.Empty
        : """

              ssl_client_certificate ${STATE_DIR}/edge-client-ca.crt;
              ssl_verify_client on;
              ssl_verify_depth 2;
          """.TrimEnd();

    /// <summary>The script, with the vault URI, secret names, identity and upstream as deploy-time values.</summary>
    public static Output<string> Render(OriginBootSettings settings) => Output.Format($$"""
        #!/bin/bash
        # EdgeInfra origin (nginx), run once by cloud-init at first boot.
        # TLS on 443 with the stack's certificate from Key Vault; a request whose {{settings.HeaderName}} header is not
        # one of the current origin secrets gets 403 and a syslog line tagged {{OriginBootSettings.RejectionTag}}.
        # Secrets and certificate are read from Key Vault with the VM's user-assigned identity, at boot and every
        # minute after; they are never part of the deployment. nginx starts only once they are in place.
        set -euo pipefail
        {{LinuxOriginBootSteps.Variables(settings)}}
        STATE_DIR="${ROOT}/etc/nginx/edge-origin"
        SYSLOG_SOCKET="${EDGE_ORIGIN_SYSLOG_SOCKET:-/dev/log}"
        EDGE_CLIENT_COMMON_NAME='{{settings.EdgeClientCommonName}}'
        EDGE_CLIENT_CN_PATTERN="$(printf '%s' "${EDGE_CLIENT_COMMON_NAME}" | sed 's/[.]/\\./g')"

        if [ -z "${ROOT}" ]; then
            export DEBIAN_FRONTEND=noninteractive
            # Debian starts a service when its package is installed; nginx must not listen before the check exists.
            printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
            chmod 0755 /usr/sbin/policy-rc.d
            apt-get update
            apt-get install -y nginx curl jq openssl python3
            rm -f /usr/sbin/policy-rc.d /etc/nginx/sites-enabled/default
        fi

        install -d -m 0755 "${LIB_DIR}" "${ROOT}/etc/edge-origin" "${ROOT}/etc/nginx/conf.d" "${ROOT}/var/log/nginx"
        install -d -m 0700 "${STATE_DIR}"
        cat > "${SETTINGS}" <<SETTINGS
        VAULT_URI='${EDGE_ORIGIN_VAULT_URI:-{{settings.KeyVaultUri}}}'
        SECRET_NAME='{{settings.OriginSecretName}}'
        TLS_SECRET_NAME='{{settings.TlsSecretName}}'
        CLIENT_ID='{{settings.IdentityClientId}}'
        HEADER_VARIABLE='{{settings.NginxVariable[1..]}}'
        NGINX_PID_FILE='${EDGE_ORIGIN_NGINX_PID_FILE:-/run/nginx.pid}'
        IMDS_ENDPOINT='${EDGE_ORIGIN_IMDS_ENDPOINT:-http://169.254.169.254}'
        STATE_DIR='${STATE_DIR}'
        NGINX_TEST_COMMAND='${EDGE_ORIGIN_NGINX_TEST:-nginx -t -q}'
        NGINX_RELOAD_COMMAND='${EDGE_ORIGIN_NGINX_RELOAD:-systemctl reload nginx}'
        EDGE_CLIENT_CA_SECRET_NAME='{{settings.EdgeClientCaSecretName}}'
        EDGE_CLIENT_COMMON_NAME='${EDGE_CLIENT_COMMON_NAME}'
        SETTINGS
        chmod 0600 "${SETTINGS}"

        {{LinuxOriginBootSteps.Programs(NginxOriginRefreshScript.Text)}}

        cat > "${ROOT}/etc/nginx/conf.d/edge-origin.conf" <<NGINX
        log_format edge_origin_auth_failed '{{OriginBootSettings.RejectionTag}} client=\$remote_addr host=\$host request="\$request"';
        server_tokens off;
        include ${STATE_DIR}/secrets.conf;
        {{EdgeClientMaps(settings)}}{{NginxOriginRoles.Maps(settings.Routes)}}

        server {
            listen ${HTTPS_PORT} ssl default_server;
            listen [::]:${HTTPS_PORT} ssl default_server;
            server_name _;
            ssl_certificate ${STATE_DIR}/origin.crt;
            ssl_certificate_key ${STATE_DIR}/origin.key;
            ssl_protocols TLSv1.2 TLSv1.3;{{EdgeClientTls(settings)}}

            # The edge presents one of the origin secrets{{(settings.EdgeClient is null ? "" : " and its client certificate")}}; anything else is rejected and logged.
            if (\$origin_auth_failed) {
                return 403;
            }{{NginxOriginRoles.ServerChecks(settings.Routes)}}
            access_log ${ROOT}/var/log/nginx/access.log;
            access_log syslog:server=unix:${SYSLOG_SOCKET},facility=local0,severity=warn edge_origin_auth_failed if=\$origin_auth_failed;

            location / {
                proxy_pass {{settings.ShellUpstream}};
                proxy_set_header Host \$host;
                proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto https;
                proxy_set_header {{settings.HeaderName}} "";
            }
        }
        NGINX

        {{LinuxOriginBootSteps.FirstRead}}

        if [ -z "${ROOT}" ]; then
        {{LinuxOriginBootSteps.SystemdUnits}}
            nginx -t
            systemctl enable --now nginx
            systemctl restart nginx
            systemctl enable --now edge-origin-refresh.timer
        fi
        """);
}
