namespace EdgeInfra.Components.Azure.Compute;

/// <summary>The bash function the Linux boot scripts share to read the origin secret from Key Vault.</summary>
internal static class LinuxOriginSecretScript
{
    /// <summary>
    /// Defines <c>read_origin_secret</c>, which prints the secret: an IMDS token for <c>https://vault.azure.net</c> for the
    /// user-assigned identity <c>$CLIENT_ID</c>, then <c>${VAULT_URI}secrets/${SECRET_NAME}?api-version=7.4</c>, retried
    /// for ten minutes while the role assignment propagates. A value that does not match
    /// <see cref="OriginBootSettings.SecretValuePattern"/> is refused (logged to syslog, exit status 1), so the origin
    /// never serves with a secret it cannot state safely. Needs <c>curl</c> and <c>jq</c>.
    /// </summary>
    public const string ReadOriginSecretFunction = """
        # Prints the origin secret, read from Key Vault with the VM's user-assigned identity (an IMDS token for
        # https://vault.azure.net), retrying while the role assignment propagates. Refuses a value that is not 16 or
        # more characters of [A-Za-z0-9._+/=-], so it can be written into the server config safely.
        read_origin_secret() {
            local token='' secret='' attempt
            for attempt in $(seq 1 60); do
                token="$(curl -sSf -H 'Metadata: true' "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net&client_id=${CLIENT_ID}" | jq -r '.access_token // empty')" || token=''
                if [ -n "${token}" ]; then
                    secret="$(curl -sSf -H "Authorization: Bearer ${token}" "${VAULT_URI}secrets/${SECRET_NAME}?api-version=7.4" | jq -r '.value // empty')" || secret=''
                fi
                if [ -n "${secret}" ]; then
                    break
                fi
                sleep 10
            done
            if [[ ! "${secret}" =~ ^[A-Za-z0-9._+/=-]{16,}$ ]]; then
                logger -p local0.err -t edge-origin-setup "the origin secret ${SECRET_NAME} could not be read from ${VAULT_URI}, or is not 16 or more characters of [A-Za-z0-9._+/=-]"
                return 1
            fi
            printf '%s' "${secret}"
        }
        """;

    /// <summary>A self-signed certificate for <c>$ORIGIN_HOSTNAME</c>: <c>make_origin_certificate KEY_FILE CERT_FILE</c>.</summary>
    public const string MakeCertificateFunction = """
        # Writes a self-signed TLS certificate for the origin hostname: make_origin_certificate KEY_FILE CERT_FILE.
        make_origin_certificate() {
            openssl req -x509 -newkey rsa:2048 -sha256 -days 825 -nodes \
                -subj "/CN=${ORIGIN_HOSTNAME}" -addext "subjectAltName=DNS:${ORIGIN_HOSTNAME}" \
                -keyout "$1" -out "$2"
            chmod 0600 "$1"
        }
        """;
}
