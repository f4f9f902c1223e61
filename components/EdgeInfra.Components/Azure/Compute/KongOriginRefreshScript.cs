namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The program a Kong origin runs at first boot and then every minute (a systemd timer): it reads the origin secrets and
/// the server certificate from Key Vault with the VM's user-assigned identity (<see cref="OriginKeyVaultFunctions"/>,
/// shared with nginx) and rewrites Kong's declarative config and certificate files, so rotating either in Key Vault
/// reaches running VMs without a rebuild.
/// </summary>
/// <remarks>
/// <para>
/// The declarative config (<c>kong.yml</c>, DB-less, <c>_format_version: "3.0"</c>) has one service to the upstream with
/// a route for every path, and a global <c>pre-function</c> plugin whose <c>access</c> code holds the allow-list: the
/// two newest enabled versions of the origin secret, so both the previous and the current value pass during a
/// rotation. A request whose origin header is not on it gets 403 and a <c>kong.log.warn</c> line starting with
/// <see cref="OriginBootSettings.RejectionTag"/>; an accepted one goes upstream without the header. With routes that
/// list roles, the same code then refuses a request whose <c>X-Edge-Roles</c> lacks its route's roles
/// (<see cref="KongOriginRoles"/>, tag <see cref="OriginBootSettings.RoleDeniedTag"/>).
/// </para>
/// <para>
/// Edge mTLS (<c>EDGE_CLIENT_CA_SECRET_NAME</c> and <c>EDGE_CLIENT_COMMON_NAME</c> set): Kong Gateway OSS has no client
/// certificate plugin (<c>mtls-auth</c> is an Enterprise plugin, skipped without a license:
/// https://developer.konghq.com/support/after-adding-a-ee-plugin-the-plugin-is-not-working-fails-to-execute/), so the
/// boot script has nginx ask for and verify it through directives injected from <c>kong.conf</c> into the proxy server
/// block (<c>nginx_proxy_*</c>, https://developer.konghq.com/gateway/nginx-directives), and the same
/// <c>pre-function</c> also requires <c>ngx.var.ssl_client_verify</c> to be <c>SUCCESS</c> and the subject
/// (<c>ngx.var.ssl_client_s_dn</c>, RFC 2253) to carry <c>CN={EDGE_CLIENT_COMMON_NAME}</c>: both factors, the
/// certificate (some property of the Akamai account) and the secret (this stack), or 403 with the same tag. The
/// plugin's sandbox in Kong 3.9 hands the code <c>ngx</c> as well as <c>kong</c> (documented as available, "not
/// guaranteed to be present in future versions": https://docs.konghq.com/hub/kong-inc/pre-function/); were it ever
/// missing, the code would raise an error and Kong answer 500, so the origin still fails closed. The CA certificates
/// (<see cref="OriginKeyVaultFunctions"/>' <c>read_edge_client_ca</c>) are installed as <c>edge-client-ca.crt</c>,
/// which <c>nginx_proxy_ssl_client_certificate</c> names; a change is applied by the same reload, whose HUP makes
/// nginx read its configuration and the files it names again (https://nginx.org/en/docs/control.html).
/// </para>
/// <para>
/// Fails closed and rolls back: the new config is checked with <c>kong config parse</c> before anything is installed
/// (Kong's documented validation of a declarative file); changed files are installed atomically and applied with
/// <c>kong reload</c>, which in DB-less mode reloads the file named by <c>declarative_config</c> and the certificate
/// files (Kong/kong pull request 4592); when the reload fails the previous files are put back and Kong reloaded with
/// them. On the first run (<c>SERVER_RUNNING=0</c>) it installs only, and the boot script starts Kong after it.
/// Failures keep the last good files and are logged to syslog with the tag <c>edge-origin-refresh</c>.
/// </para>
/// <para>
/// Settings it reads besides those of <see cref="OriginKeyVaultFunctions"/>: <c>STATE_DIR</c>, <c>KONG_CONF</c>,
/// <c>HEADER_NAME</c>, <c>UPSTREAM_URL</c>, <c>EDGE_CLIENT_CA_SECRET_NAME</c> and <c>EDGE_CLIENT_COMMON_NAME</c>. It runs
/// <c>kong</c> from <c>PATH</c>. Before it reads Key Vault it checks the installed certificate's expiry
/// (<see cref="LinuxCertificateExpiryCheck"/>).
/// </para>
/// </remarks>
internal static class KongOriginRefreshScript
{
    /// <summary>
    /// The script (bash; needs curl, jq, openssl and kong), with the role check of <paramref name="routes"/> after the
    /// origin-secret check (<see cref="KongOriginRoles"/>). Usage: <c>refresh SETTINGS_FILE</c>.
    /// </summary>
    public static string Render(OriginRoutes routes) => $$"""
        #!/bin/bash
        # EdgeInfra origin refresh (Kong): writes the origin secrets into the declarative config's allow-list and installs
        # the TLS certificate from Key Vault, then reloads Kong when they changed. Usage: refresh SETTINGS_FILE
        {{LinuxOriginBootSteps.RefreshPreamble}}

        # The declarative config, whose pre-function accepts the newest two versions of the origin secret and, with edge
        # mTLS, only a client certificate nginx verified against the edge's CAs with the edge's CN.
        read_origin_secrets "${work}/secrets" || exit 1
        {
            cat <<YAML
        _format_version: "3.0"
        services:
          - name: origin-app
            url: "${UPSTREAM_URL}"
            routes:
              - name: origin-all
                paths:
                  - /
        plugins:
          - name: pre-function
            config:
              access:
                - |
                  -- The edge presents one of the origin secrets (the newest two in Key Vault); anything else is rejected and logged.
                  local accepted = {
        YAML
            while IFS= read -r value; do
                printf '            ["%s"] = true,\n' "${value}"
            done < "${work}/secrets"
            cat <<YAML
                  }
                  local authorized = accepted[kong.request.get_header("${HEADER_NAME}") or ""] == true
        YAML
            if [ -n "${EDGE_CLIENT_COMMON_NAME:-}" ]; then
                cat <<YAML
                  -- Edge mTLS: nginx verified the client certificate against the edge's CAs (ssl_verify_client optional), and its CN is the edge's.
                  local subject = "," .. (ngx.var.ssl_client_s_dn or "") .. ","
                  if ngx.var.ssl_client_verify ~= "SUCCESS" or not subject:find(",CN=${EDGE_CLIENT_COMMON_NAME},", 1, true) then
                    authorized = false
                  end
        YAML
            fi
            cat <<YAML
                  if not authorized then
                    kong.log.warn("{{OriginBootSettings.RejectionTag}} client=", kong.client.get_ip(), " host=", kong.request.get_host(), " path=", kong.request.get_path())
                    return kong.response.exit(403, { message = "Forbidden" })
                  end
        {{KongOriginRoles.Lua(routes)}}          kong.service.request.clear_header("${HEADER_NAME}")
        YAML
        } > "${work}/kong.yml"
        read_certificate "${work}" || exit 1
        files=(kong.yml origin.crt origin.key)
        if [ -n "${EDGE_CLIENT_CA_SECRET_NAME:-}" ]; then
            read_edge_client_ca "${work}" || exit 1
            files+=(edge-client-ca.crt)
        fi
        if ! kong config -c "${KONG_CONF}" parse "${work}/kong.yml" >&2; then
            log "kong refused the new declarative config; nothing changed"; exit 1
        fi

        # Install what changed and reload (nginx re-reads the certificate and CA files it names); roll back when Kong refuses it.
        install_changed "${STATE_DIR}" "${work}" "${files[@]}"
        if [ "${changed}" -eq 1 ] && [ "${SERVER_RUNNING:-1}" = 1 ]; then
            if ! kong reload -c "${KONG_CONF}" >&2; then
                log "kong refused the new files; rolled back"
                restore_previous "${STATE_DIR}"
                kong reload -c "${KONG_CONF}" >&2 || log "kong did not reload the previous files either"
                exit 1
            fi
            log "installed ${changed_files[*]}; kong reloaded"
        fi
        """;
}
