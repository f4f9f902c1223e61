namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The bash functions the Linux refresh programs (<see cref="NginxOriginRefreshScript"/>, <see cref="KongOriginRefreshScript"/>)
/// share to read the origin secrets and the server certificate from Key Vault with the VM's user-assigned identity, and
/// to install what changed atomically with a copy of what it replaces. They read the settings file's variables
/// (<c>VAULT_URI</c>, <c>CLIENT_ID</c>, <c>IMDS_ENDPOINT</c>, <c>SECRET_NAME</c>, <c>TLS_SECRET_NAME</c>) and need curl,
/// jq and openssl.
/// </summary>
/// <remarks>
/// <para>
/// <c>start_refresh</c> gets the Key Vault token (<c>TOKEN</c>) and a work folder (<c>work</c>, removed on exit).
/// <c>read_origin_secrets FILE</c> writes the two newest enabled versions of the origin secret (by
/// <c>attributes.created</c>), one a line, newest first, so that while the edge still sends the previous value after a
/// rotation, and once it sends the new one, both pass; every value must match
/// <see cref="OriginBootSettings.SecretValuePattern"/>, or it fails and writes nothing a server could use.
/// </para>
/// <para>
/// <c>read_certificate DIR</c> writes <c>DIR/origin.crt</c> (the server certificate, then the CA certificate) and
/// <c>DIR/origin.key</c> from the newest version of the certificate secret; the key must match the certificate and the
/// certificate must be valid for at least another hour.
/// </para>
/// <para>
/// <c>read_edge_client_ca DIR</c> writes <c>DIR/edge-client-ca.crt</c>: the CA certificates of the newest version of
/// <c>EDGE_CLIENT_CA_SECRET_NAME</c> (a JSON array of objects with a PEM <c>certificate</c>, as Akamai lists its
/// account CAs; at most 20 read) that are CA certificates valid now; it fails when none is.
/// </para>
/// <para>
/// <c>install_changed STATE_DIR WORK_DIR FILE...</c> moves each file that differs into <c>STATE_DIR</c> (mode 0600, by
/// rename) after copying the one it replaces to <c>STATE_DIR/previous</c>, and sets <c>changed=1</c> when any did;
/// <c>restore_previous STATE_DIR</c> puts back the copies of the files the last call replaced. Only Key Vault links that start with the vault URI
/// are followed, and every loop is bounded. Failures are logged to syslog with the tag <c>edge-origin-refresh</c>.
/// </para>
/// </remarks>
internal static class OriginKeyVaultFunctions
{
    /// <summary>The functions, to be placed in a bash script after its settings are read (with <c>set -euo pipefail</c>).</summary>
    public const string Text = """
        IMDS_ENDPOINT="${IMDS_ENDPOINT:-http://169.254.169.254}"

        log() { logger -p local0.warning -t edge-origin-refresh "$*" 2>/dev/null || true; printf 'edge-origin-refresh: %s\n' "$*" >&2; }

        token() {
            curl -sSf --max-time 10 -H 'Metadata: true' \
                "${IMDS_ENDPOINT}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net&client_id=${CLIENT_ID}" \
                | jq -er '.access_token'
        }

        # kv_get URL: a Key Vault GET with $TOKEN; refuses a URL outside the vault.
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

        # start_refresh: $TOKEN from the metadata endpoint, and a $work folder removed when the script exits.
        start_refresh() {
            TOKEN="$(token)" || { log "no token from ${IMDS_ENDPOINT} for client ${CLIENT_ID}"; return 1; }
            work="$(mktemp -d)"
            trap 'rm -rf "${work}"' EXIT
        }

        # read_origin_secrets FILE: the two newest enabled values of $SECRET_NAME, one a line, newest first.
        read_origin_secrets() {
            local listing version value
            listing="$(secret_versions "${SECRET_NAME}")" || { log "cannot list the versions of ${SECRET_NAME} in ${VAULT_URI}"; return 1; }
            mapfile -t versions < <(head -n 2 <<<"${listing}" | awk 'NF')
            if [ "${#versions[@]}" -eq 0 ]; then
                log "no enabled version of ${SECRET_NAME} in ${VAULT_URI}"; return 1
            fi
            : > "$1"
            for version in "${versions[@]}"; do
                value="$(secret_value "${version}")" || { log "cannot read ${version%%\?*}"; return 1; }
                if [[ ! "${value}" =~ ^[A-Za-z0-9._+/=-]{16,}$ ]]; then
                    log "${SECRET_NAME} has a value that is not 16 or more characters of [A-Za-z0-9._+/=-]; nothing changed"; return 1
                fi
                printf '%s\n' "${value}" >> "$1"
            done
        }

        # read_certificate DIR: DIR/origin.crt (certificate, CA certificate) and DIR/origin.key from $TLS_SECRET_NAME.
        read_certificate() {
            local tls_version
            tls_version="$(secret_versions "${TLS_SECRET_NAME}" | head -n 1)" || true
            [ -n "${tls_version}" ] || { log "no enabled version of ${TLS_SECRET_NAME} in ${VAULT_URI}"; return 1; }
            secret_value "${tls_version}" > "$1/bundle.pem" || { log "cannot read ${TLS_SECRET_NAME}"; return 1; }
            awk '/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/' "$1/bundle.pem" > "$1/origin.crt"
            awk '/-----BEGIN [A-Z ]*PRIVATE KEY-----/,/-----END [A-Z ]*PRIVATE KEY-----/' "$1/bundle.pem" > "$1/origin.key"
            rm -f "$1/bundle.pem"
            if ! openssl x509 -in "$1/origin.crt" -noout -checkend 3600 >/dev/null \
                || [ "$(openssl x509 -in "$1/origin.crt" -noout -pubkey)" != "$(openssl pkey -in "$1/origin.key" -pubout)" ]; then
                log "${TLS_SECRET_NAME} is not a certificate valid for another hour with its own key; nothing changed"; return 1
            fi
        }

        # read_edge_client_ca DIR: DIR/edge-client-ca.crt, the CA certificates in $EDGE_CLIENT_CA_SECRET_NAME (JSON: an array
        # of objects with a PEM "certificate") that are CA certificates valid now; fails when there is none.
        read_edge_client_ca() {
            local ca_version count=0 index total
            ca_version="$(secret_versions "${EDGE_CLIENT_CA_SECRET_NAME}" | head -n 1)" || true
            [ -n "${ca_version}" ] || { log "no enabled version of ${EDGE_CLIENT_CA_SECRET_NAME} in ${VAULT_URI}"; return 1; }
            secret_value "${ca_version}" > "$1/edge-client-ca.json" || { log "cannot read ${EDGE_CLIENT_CA_SECRET_NAME}"; return 1; }
            total="$(jq -er 'if type == "array" then length else error("not an array") end' "$1/edge-client-ca.json")" \
                || { log "${EDGE_CLIENT_CA_SECRET_NAME} is not a JSON array of CA certificates; nothing changed"; return 1; }
            : > "$1/edge-client-ca.crt"
            for index in $(seq 0 $((total < 20 ? total - 1 : 19))); do
                jq -r ".[${index}].certificate // empty" "$1/edge-client-ca.json" > "$1/candidate.pem"
                if openssl x509 -in "$1/candidate.pem" -noout -checkend 0 >/dev/null 2>&1 \
                    && openssl x509 -in "$1/candidate.pem" -noout -ext basicConstraints 2>/dev/null | grep -q 'CA:TRUE'; then
                    openssl x509 -in "$1/candidate.pem" >> "$1/edge-client-ca.crt"
                    count=$((count + 1))
                fi
            done
            rm -f "$1/edge-client-ca.json" "$1/candidate.pem"
            [ "${count}" -gt 0 ] || { log "${EDGE_CLIENT_CA_SECRET_NAME} holds no CA certificate valid now; nothing changed"; return 1; }
        }

        # install_changed STATE_DIR WORK_DIR FILE...: installs each changed file by rename, keeping the old one in previous/;
        # sets changed (0 or 1) and changed_files.
        install_changed() {
            local state="$1" work="$2" file
            shift 2
            changed=0
            changed_files=()
            install -d -m 0700 "${state}" "${state}/previous"
            for file in "$@"; do
                if ! cmp -s "${work}/${file}" "${state}/${file}"; then
                    rm -f "${state}/previous/${file}"
                    if [ -f "${state}/${file}" ]; then cp -p "${state}/${file}" "${state}/previous/${file}"; fi
                    install -m 0600 "${work}/${file}" "${state}/.${file}.new"
                    mv -f "${state}/.${file}.new" "${state}/${file}"
                    changed=1
                    changed_files+=("${file}")
                fi
            done
        }

        # restore_previous STATE_DIR: puts back what the last install_changed replaced.
        restore_previous() {
            local file
            for file in "${changed_files[@]}"; do
                if [ -f "$1/previous/${file}" ]; then cp -p "$1/previous/${file}" "$1/${file}"; fi
            done
        }
        """;
}
