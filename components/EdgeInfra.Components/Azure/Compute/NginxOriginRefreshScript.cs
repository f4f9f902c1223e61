namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The program an nginx origin runs at first boot and then every minute (a systemd timer): it reads the origin secret
/// and the server certificate from Key Vault with the VM's user-assigned identity and installs them, so rotating
/// either in Key Vault reaches running VMs without a rebuild.
/// </summary>
/// <remarks>
/// <para>
/// Secret rotation: it accepts the two newest enabled versions of the origin secret (by <c>attributes.created</c>), so
/// while the edge still sends the previous value after a rotation, and once it sends the new one, both pass. It writes
/// them as an nginx <c>map</c> of the origin header; every value must match
/// <see cref="OriginBootSettings.SecretValuePattern"/>, or nothing is changed.
/// </para>
/// <para>
/// Certificate: the Key Vault secret holds the server certificate, the CA certificate and the key (PEM); the key must
/// match the certificate and the certificate must be valid for at least another hour, or nothing is changed.
/// </para>
/// <para>
/// Fails closed: on the first run nothing is installed unless both reads succeed, and the boot script starts nginx
/// only after it; on later runs a failure keeps the last good files (the previous secret stays accepted) and logs to
/// syslog with the tag <c>edge-origin-refresh</c>. Changes are installed atomically, checked with <c>nginx -t</c>
/// (rolled back when it fails) and applied with a reload, which keeps open connections.
/// </para>
/// <para>
/// Endpoints and paths come from the settings file it is given (<c>/etc/edge-origin/settings</c> on a VM): the
/// instance metadata endpoint (<c>IMDS_ENDPOINT</c>, default <c>http://169.254.169.254</c>) and the vault URI can be
/// pointed at local stand-ins, which is how the request-path rehearsal runs it. It follows only Key Vault links that
/// start with the vault URI, and every loop is bounded.
/// </para>
/// </remarks>
internal static class NginxOriginRefreshScript
{
    /// <summary>Where the boot script installs it on a VM.</summary>
    public const string Path = "/usr/local/lib/edge-origin/refresh";

    /// <summary>The script (bash; needs curl, jq, openssl and nginx). Usage: <c>refresh SETTINGS_FILE</c>.</summary>
    public const string Text = """
        #!/bin/bash
        # EdgeInfra origin refresh: installs the origin secrets and the TLS certificate from Key Vault, then reloads
        # nginx when they changed. Usage: refresh SETTINGS_FILE
        set -euo pipefail
        # shellcheck disable=SC1090
        . "$1"
        IMDS_ENDPOINT="${IMDS_ENDPOINT:-http://169.254.169.254}"

        log() { logger -p local0.warning -t edge-origin-refresh "$*" 2>/dev/null || true; printf 'edge-origin-refresh: %s\n' "$*" >&2; }

        token() {
            curl -sSf --max-time 10 -H 'Metadata: true' \
                "${IMDS_ENDPOINT}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net&client_id=${CLIENT_ID}" \
                | jq -er '.access_token'
        }

        # kv_get URL: a Key Vault GET; refuses a URL outside the vault.
        kv_get() {
            case "$1" in
                "${VAULT_URI}"*) ;;
                *) log "refusing to follow ${1%%\?*}: not under ${VAULT_URI}"; return 1 ;;
            esac
            curl -sSf --max-time 10 -H "Authorization: Bearer ${TOKEN}" "$1"
        }

        # secret_versions NAME: the ids of the enabled versions, newest first (at most 40 pages of 25).
        secret_versions() {
            local url="${VAULT_URI}secrets/$1/versions?api-version=7.4&maxresults=25" page pages=0 all=''
            while [ -n "${url}" ] && [ "${pages}" -lt 40 ]; do
                page="$(kv_get "${url}")" || return 1
                all="${all}$(jq -r '.value[] | select(.attributes.enabled == true) | "\(.attributes.created) \(.id)"' <<<"${page}")"$'\n'
                url="$(jq -r '.nextLink // empty' <<<"${page}")"
                pages=$((pages + 1))
            done
            sort -rn <<<"${all}" | awk 'NF == 2 { print $2 }'
        }

        secret_value() { kv_get "$1?api-version=7.4" | jq -er '.value'; }

        TOKEN="$(token)" || { log "no token from ${IMDS_ENDPOINT} for client ${CLIENT_ID}"; exit 1; }

        # The origin secrets: the newest two versions.
        mapfile -t versions < <(secret_versions "${SECRET_NAME}" | head -n 2) || true
        if [ "${#versions[@]}" -eq 0 ] || [ -z "${versions[0]}" ]; then
            log "no enabled version of ${SECRET_NAME} in ${VAULT_URI}"; exit 1
        fi
        work="$(mktemp -d)"
        trap 'rm -rf "${work}"' EXIT
        {
            printf 'map $%s $edge_origin_authorized {\n    default 0;\n' "${HEADER_VARIABLE}"
            for version in "${versions[@]}"; do
                value="$(secret_value "${version}")" || { log "cannot read ${version%%\?*}"; exit 1; }
                if [[ ! "${value}" =~ ^[A-Za-z0-9._+/=-]{16,}$ ]]; then
                    log "${SECRET_NAME} has a value that is not 16 or more characters of [A-Za-z0-9._+/=-]; nothing changed"; exit 1
                fi
                printf '    "%s" 1;\n' "${value}"
            done
            printf '}\n'
        } > "${work}/secrets.conf"

        # The server certificate: certificate, CA certificate, key.
        tls_version="$(secret_versions "${TLS_SECRET_NAME}" | head -n 1)"
        [ -n "${tls_version}" ] || { log "no enabled version of ${TLS_SECRET_NAME} in ${VAULT_URI}"; exit 1; }
        secret_value "${tls_version}" > "${work}/bundle.pem" || { log "cannot read ${TLS_SECRET_NAME}"; exit 1; }
        awk '/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/' "${work}/bundle.pem" > "${work}/origin.crt"
        awk '/-----BEGIN [A-Z ]*PRIVATE KEY-----/,/-----END [A-Z ]*PRIVATE KEY-----/' "${work}/bundle.pem" > "${work}/origin.key"
        if ! openssl x509 -in "${work}/origin.crt" -noout -checkend 3600 >/dev/null \
            || [ "$(openssl x509 -in "${work}/origin.crt" -noout -pubkey)" != "$(openssl pkey -in "${work}/origin.key" -pubout)" ]; then
            log "${TLS_SECRET_NAME} is not a certificate valid for another hour with its own key; nothing changed"; exit 1
        fi

        # Install what changed, check, reload; roll back when nginx refuses it.
        changed=0
        install -d -m 0700 "${STATE_DIR}" "${STATE_DIR}/previous"
        for file in secrets.conf origin.crt origin.key; do
            if ! cmp -s "${work}/${file}" "${STATE_DIR}/${file}"; then
                [ -f "${STATE_DIR}/${file}" ] && cp -p "${STATE_DIR}/${file}" "${STATE_DIR}/previous/${file}"
                install -m 0600 "${work}/${file}" "${STATE_DIR}/.${file}.new"
                mv -f "${STATE_DIR}/.${file}.new" "${STATE_DIR}/${file}"
                changed=1
            fi
        done
        if [ "${changed}" -eq 1 ] && [ "${NGINX_RUNNING:-1}" = 1 ]; then
            if ! ${NGINX_TEST_COMMAND}; then
                log "nginx refused the new files; rolled back"
                for file in secrets.conf origin.crt origin.key; do
                    [ -f "${STATE_DIR}/previous/${file}" ] && cp -p "${STATE_DIR}/previous/${file}" "${STATE_DIR}/${file}"
                done
                exit 1
            fi
            # A reload returns before the old workers are gone: wait (at most 20 s) until every worker that had the old
            # list has exited, so whoever rotates next (the edge) never meets one.
            master="$(cat "${NGINX_PID_FILE:-/run/nginx.pid}" 2>/dev/null || true)"
            old_workers=''
            for stat in /proc/[0-9]*/stat; do
                [ -n "${master}" ] && [ "$(awk '{ print $4 }' "${stat}" 2>/dev/null)" = "${master}" ] && old_workers="${old_workers} $(awk '{ print $1 }' "${stat}")"
            done
            ${NGINX_RELOAD_COMMAND}
            for _ in $(seq 1 200); do
                alive=0
                for pid in ${old_workers}; do
                    if kill -0 "${pid}" 2>/dev/null; then alive=1; fi
                done
                [ "${alive}" -eq 0 ] && break
                sleep 0.1
            done
            log "installed ${#versions[@]} origin secret version(s) and the certificate of ${TLS_SECRET_NAME}; nginx reloaded"
        fi
        """;
}
