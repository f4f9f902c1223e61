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
/// <see cref="OriginBootSettings.SecretValuePattern"/>, or nothing is changed. Reading Key Vault and installing files
/// are <see cref="OriginKeyVaultFunctions"/>, which the Kong flavor shares.
/// </para>
/// <para>
/// Certificate: the Key Vault secret holds the server certificate, the CA certificate and the key (PEM); the key must
/// match the certificate and the certificate must be valid for at least another hour, or nothing is changed. With edge
/// mTLS (<c>EDGE_CLIENT_CA_SECRET_NAME</c> set) it also installs the CA certificates the edge's client certificate must
/// chain to (<c>edge-client-ca.crt</c>). Before it reads Key Vault it checks the installed certificate's expiry
/// (<see cref="LinuxCertificateExpiryCheck"/>).
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
    public static readonly string Text = $$"""
        #!/bin/bash
        # EdgeInfra origin refresh: installs the origin secrets and the TLS certificate from Key Vault, then reloads
        # nginx when they changed. Usage: refresh SETTINGS_FILE
        {{LinuxOriginBootSteps.RefreshPreamble}}

        # The origin secrets (the newest two versions) as an nginx map of the origin header; the server certificate.
        read_origin_secrets "${work}/secrets" || exit 1
        {
            printf 'map $%s $edge_origin_authorized {\n    default 0;\n' "${HEADER_VARIABLE}"
            while IFS= read -r value; do
                printf '    "%s" 1;\n' "${value}"
            done < "${work}/secrets"
            printf '}\n'
        } > "${work}/secrets.conf"
        read_certificate "${work}" || exit 1
        files=(secrets.conf origin.crt origin.key)
        if [ -n "${EDGE_CLIENT_CA_SECRET_NAME:-}" ]; then
            read_edge_client_ca "${work}" || exit 1
            files+=(edge-client-ca.crt)
        fi

        # Install what changed, check, reload; roll back when nginx refuses it.
        install_changed "${STATE_DIR}" "${work}" "${files[@]}"
        if [ "${changed}" -eq 1 ] && [ "${SERVER_RUNNING:-1}" = 1 ]; then
            if ! ${NGINX_TEST_COMMAND}; then
                log "nginx refused the new files; rolled back"
                restore_previous "${STATE_DIR}"
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
            log "installed ${changed_files[*]}; nginx reloaded"
        fi
        """;
}
