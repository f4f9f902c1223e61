namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The boot script of an <see cref="OriginFlavor.Nginx"/> origin VM, run once by cloud-init (a <c>#!/bin/bash</c>
/// user-data script): installs nginx, reads the origin secret from Key Vault, and serves TLS on 443, answering 403 to
/// every request whose origin header is missing or wrong and logging it to syslog (<c>local0.warning</c>) with the
/// tag <see cref="OriginBootSettings.RejectionTag"/>. Verified requests go to the upstream without the header.
/// </summary>
internal static class NginxOriginScript
{
    /// <summary>The script, with the vault URI, secret name, identity and hostname as deploy-time values.</summary>
    public static Output<string> Render(OriginBootSettings settings) => Output.Format($$"""
        #!/bin/bash
        # EdgeInfra origin (nginx), run once by cloud-init at first boot.
        # TLS on 443; a request without the per-environment origin secret in the {{settings.HeaderName}} header gets 403
        # and a syslog line tagged {{OriginBootSettings.RejectionTag}}. The secret is read from Key Vault with the VM's
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
        apt-get install -y nginx curl jq openssl

        install -d -m 0700 /etc/nginx/edge-origin
        make_origin_certificate /etc/nginx/edge-origin/origin.key /etc/nginx/edge-origin/origin.crt
        ORIGIN_SECRET="$(read_origin_secret)"
        printf 'set $origin_secret "%s";\n' "${ORIGIN_SECRET}" > /etc/nginx/edge-origin/secret.conf
        chmod 0600 /etc/nginx/edge-origin/secret.conf

        cat > /etc/nginx/conf.d/edge-origin.conf <<'NGINX'
        log_format edge_origin_auth_failed '{{OriginBootSettings.RejectionTag}} client=$remote_addr host=$host request="$request"';
        server_tokens off;

        server {
            listen 443 ssl default_server;
            listen [::]:443 ssl default_server;
            server_name _;
            ssl_certificate /etc/nginx/edge-origin/origin.crt;
            ssl_certificate_key /etc/nginx/edge-origin/origin.key;
            ssl_protocols TLSv1.2 TLSv1.3;

            # The edge presents the origin secret; anything else is rejected and logged.
            include /etc/nginx/edge-origin/secret.conf;
            set $origin_auth_failed 0;
            if ({{settings.NginxVariable}} != $origin_secret) {
                set $origin_auth_failed 1;
                return 403;
            }
            access_log /var/log/nginx/access.log;
            access_log syslog:server=unix:/dev/log,facility=local0,severity=warn edge_origin_auth_failed if=$origin_auth_failed;

            location / {
                proxy_pass {{settings.UpstreamUrl}};
                proxy_set_header Host $host;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto https;
                proxy_set_header {{settings.HeaderName}} "";
            }
        }
        NGINX

        rm -f /etc/nginx/sites-enabled/default
        nginx -t
        systemctl enable nginx
        systemctl restart nginx
        """);
}
