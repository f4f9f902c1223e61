namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The steps the Linux boot scripts (<see cref="NginxOriginScript"/>, <see cref="KongOriginScript"/>) share, written
/// against the variables both define: <c>LIB_DIR</c> (where <c>refresh</c> is installed), <c>SETTINGS</c> (its settings
/// file), <c>APP_PORT</c> and <c>INSTALLS_DEFAULT_APP</c> (<c>true</c> or <c>false</c>).
/// </summary>
internal static class LinuxOriginBootSteps
{
    /// <summary>
    /// The variables both boot scripts start with: <c>ROOT</c>, <c>HTTPS_PORT</c> and <c>APP_PORT</c> (from the rehearsal
    /// overrides <c>EDGE_ORIGIN_ROOT</c>, <c>EDGE_ORIGIN_HTTPS_PORT</c>, <c>EDGE_ORIGIN_APP_PORT</c>), <c>INSTALLS_DEFAULT_APP</c>,
    /// <c>LIB_DIR</c> and <c>SETTINGS</c>.
    /// </summary>
    public static string Variables(OriginBootSettings settings) => $$"""
        ROOT="${EDGE_ORIGIN_ROOT:-}"
        HTTPS_PORT="${EDGE_ORIGIN_HTTPS_PORT:-443}"
        APP_PORT="${EDGE_ORIGIN_APP_PORT:-{{OriginBootSettings.DefaultAppPort}}}"
        INSTALLS_DEFAULT_APP='{{settings.InstallsDefaultApp}}'
        LIB_DIR="${ROOT}/usr/local/lib/edge-origin"
        SETTINGS="${ROOT}/etc/edge-origin/settings"
        """;

    /// <summary>Installs <paramref name="refresh"/> as <c>${LIB_DIR}/refresh</c> and <see cref="DefaultOriginApp"/> beside it.</summary>
    public static string Programs(string refresh) => $$"""
        cat > "${LIB_DIR}/refresh" <<'REFRESH'
        {{refresh}}
        REFRESH
        chmod 0755 "${LIB_DIR}/refresh"

        cat > "${LIB_DIR}/default-app.py" <<'APP'
        {{DefaultOriginApp.Text}}
        APP
        chmod 0755 "${LIB_DIR}/default-app.py"
        """;

    /// <summary>
    /// The first read of Key Vault: the refresh program run with <c>SERVER_RUNNING=0</c> (install, reload nothing),
    /// retried every ten seconds, <c>EDGE_ORIGIN_FIRST_READ_ATTEMPTS</c> times (default 90, fifteen minutes, while the
    /// certificate and the role assignments appear); when every attempt failed the script exits 1 before anything is
    /// started, so the origin stays closed.
    /// </summary>
    public const string FirstRead = """
        # First read, retried for fifteen minutes while the certificate and the role assignments appear: nothing is started
        # unless the secrets and the certificate are in place.
        attempts="${EDGE_ORIGIN_FIRST_READ_ATTEMPTS:-90}"
        for attempt in $(seq 1 "${attempts}"); do
            if SERVER_RUNNING=0 "${LIB_DIR}/refresh" "${SETTINGS}"; then
                break
            fi
            if [ "${attempt}" -eq "${attempts}" ]; then
                logger -p local0.err -t edge-origin-setup "Key Vault could not be read; the origin stays closed" 2>/dev/null || true
                exit 1
            fi
            sleep 10
        done
        """;

    /// <summary>
    /// The systemd units that re-run the refresh program every minute (<c>edge-origin-refresh.timer</c>, not yet
    /// enabled), and with the default upstream the unit of <see cref="DefaultOriginApp"/> (enabled and started: it
    /// listens on loopback only).
    /// </summary>
    public const string SystemdUnits = """
        cat > /etc/systemd/system/edge-origin-refresh.service <<'UNIT'
        [Unit]
        Description=EdgeInfra origin: re-read the origin secrets and certificate from Key Vault
        [Service]
        Type=oneshot
        ExecStart=/usr/local/lib/edge-origin/refresh /etc/edge-origin/settings
        UNIT
        cat > /etc/systemd/system/edge-origin-refresh.timer <<'UNIT'
        [Unit]
        Description=EdgeInfra origin: refresh every minute
        [Timer]
        OnBootSec=1min
        OnUnitActiveSec=1min
        [Install]
        WantedBy=timers.target
        UNIT
        if [ "${INSTALLS_DEFAULT_APP}" = "true" ]; then
            cat > /etc/systemd/system/edge-origin-app.service <<UNIT
        [Unit]
        Description=EdgeInfra default origin app (replace with yours on 127.0.0.1:${APP_PORT})
        [Service]
        DynamicUser=yes
        ExecStart=/usr/bin/python3 /usr/local/lib/edge-origin/default-app.py ${APP_PORT}
        Restart=always
        [Install]
        WantedBy=multi-user.target
        UNIT
            systemctl daemon-reload
            systemctl enable --now edge-origin-app.service
        fi
        systemctl daemon-reload
        """;

    /// <summary>
    /// The start every Linux refresh program shares: strict mode, the settings file given as its argument, the Key Vault
    /// functions, the expiry check of the installed certificate (before Key Vault is read, so it still warns when renewal
    /// is what is broken) and the token.
    /// </summary>
    public static readonly string RefreshPreamble = $$"""
        set -euo pipefail
        # shellcheck disable=SC1090
        . "$1"
        {{OriginKeyVaultFunctions.Text}}
        {{LinuxCertificateExpiryCheck.Text}}

        check_certificate_expiry "${STATE_DIR}/origin.crt" "${STATE_DIR}/certificate-expiry-logged" || true
        start_refresh || exit 1
        """;
}
