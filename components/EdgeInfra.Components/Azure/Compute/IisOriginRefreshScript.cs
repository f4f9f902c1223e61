namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The program an IIS origin runs at first boot and then every minute (a Scheduled Task as SYSTEM): Windows PowerShell
/// 5.1, as Windows Server 2022 ships it, reading the origin secrets and the server certificate from Key Vault with the
/// VM's user-assigned identity (<c>Invoke-RestMethod</c> to the instance metadata endpoint with <c>Metadata: true</c>,
/// then <c>{vault}secrets/{name}/versions?api-version=7.4</c>), so rotating either reaches running VMs without a rebuild.
/// </summary>
/// <remarks>
/// <para>
/// Secrets: the two newest enabled versions (by <c>attributes.created</c>) become the URL Rewrite rule's pattern
/// <c>^(current|previous)$</c> (each value regex-escaped and matching <see cref="OriginBootSettings.SecretValuePattern"/>)
/// in the site's <c>web.config</c>, written from <c>C:\EdgeOrigin\web.config.template</c>; the file is replaced
/// atomically (<c>System.IO.File.Replace</c>, keeping a backup), read back through IIS
/// (<c>Get-WebConfigurationProperty</c>) and restored from the backup when IIS does not report the new pattern.
/// </para>
/// <para>
/// Certificate: Windows PowerShell 5.1 runs on .NET Framework 4.8, which has neither
/// <c>X509Certificate2.CreateFromPem</c> (.NET 5 and later) nor openssl, so the PEM bundle is converted with documented
/// .NET Framework APIs only: the first <c>CERTIFICATE</c> block is the server certificate
/// (<c>X509Certificate2(byte[])</c>); the RSA key (PKCS #1 <c>RSA PRIVATE KEY</c>, as the <c>tls</c> provider writes
/// it, or PKCS #8 <c>PRIVATE KEY</c>) is read as DER into <c>RSAParameters</c> and imported into a persisted,
/// non-exportable machine key container (<c>RSACryptoServiceProvider</c> with <c>CspParameters</c>,
/// <c>UseMachineKeyStore</c>, <c>UseNonExportableKey</c>); the certificate is linked to it through
/// <c>X509Certificate2.PrivateKey</c> and added to <c>LocalMachine\My</c> (friendly name <c>edge-origin</c>). The key
/// must have the certificate's modulus and the certificate must be valid for at least another hour. A new certificate
/// replaces the one of the 443 binding in place (<c>netsh http update sslcert</c>, no moment without one); older
/// <c>edge-origin</c> certificates than the previous one are removed.
/// </para>
/// <para>
/// Edge mTLS (<c>edgeClientCaSecretName</c> in the settings): the account CAs (a JSON array of objects with a PEM
/// <c>certificate</c>; CA certificates valid now, at most 20, none refused) become exactly the contents of the machine's
/// Client Authentication Issuers store (<c>LocalMachine\ClientAuthIssuer</c>), and the 443 binding is updated
/// (<c>netsh http update sslcert ... sslctlstorename=ClientAuthIssuer clientcertnegotiation=enable</c>,
/// https://learn.microsoft.com/windows/win32/http/add-sslcert) whenever the store or the certificate changed, or when
/// the boot script asks with <c>-Bind</c> once it created the binding. With the Schannel setting the boot script makes
/// (<c>ClientAuthTrustMode</c> 2, Exclusive CA Trust), http.sys accepts only client certificates that chain to a
/// certificate of that store (https://learn.microsoft.com/windows-server/security/tls/what-s-new-in-tls-ssl-schannel-ssp-overview).
/// </para>
/// <para>
/// Certificate expiry: before it reads Key Vault (so also when Key Vault cannot be read), it writes a Warning event to
/// the Application log, source <see cref="OriginBootSettings.CertificateExpiringTag"/>, with the days left and the
/// not-after date (UTC), when the installed certificate (.NET's <c>X509Certificate2.NotAfter</c>) expires within
/// <see cref="OriginBootSettings.CertificateExpiryWarningDays"/> days, at most once an hour.
/// </para>
/// <para>
/// Fails closed: with <c>-FirstRun</c> (the boot script) it installs and binds nothing it has not fully read and checked,
/// and throws; the boot script creates the 443 binding and starts the site only after it succeeded. Later failures keep
/// what is installed (the previous secret stays accepted) and are logged to the Application event log (source
/// <c>edge-origin-refresh</c>). Settings come from <c>C:\EdgeOrigin\settings.json</c>; it follows only Key Vault links
/// that start with the vault URI, and every loop is bounded.
/// </para>
/// <para>
/// Every minute, like the Linux timer, so that an origin secret rotation reaches every flavor in the same time and the
/// edge can switch after the same wait; a run is three or four small Key Vault reads.
/// </para>
/// </remarks>
internal static class IisOriginRefreshScript
{
    /// <summary>Where the boot script installs it on a VM.</summary>
    public const string Path = @"C:\EdgeOrigin\Refresh-EdgeOrigin.ps1";

    /// <summary>The script. Usage: <c>powershell.exe -File Refresh-EdgeOrigin.ps1 [-FirstRun | -Bind]</c>.</summary>
    public static readonly string Text = $$"""
        # EdgeInfra origin refresh (IIS): installs the origin secrets into the URL Rewrite rule and the TLS certificate
        # from Key Vault. Usage: Refresh-EdgeOrigin.ps1 [-FirstRun | -Bind]
        param([switch]$FirstRun, [switch]$Bind, [string]$SettingsPath = 'C:\EdgeOrigin\settings.json')
        $ErrorActionPreference = 'Stop'
        $settings = Get-Content -Raw -Path $SettingsPath | ConvertFrom-Json
        $logSource = 'edge-origin-refresh'
        Import-Module WebAdministration

        function Write-RefreshLog([string]$message) {
            Write-Output "edge-origin-refresh: $message"
            Write-EventLog -LogName Application -Source $logSource -EntryType Warning -EventId 1 -Message $message -ErrorAction SilentlyContinue
        }

        function Get-VaultToken {
            $uri = "$($settings.imdsEndpoint)/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net&client_id=$($settings.clientId)"
            (Invoke-RestMethod -UseBasicParsing -TimeoutSec 10 -Headers @{ Metadata = 'true' } -Uri $uri).access_token
        }

        # A Key Vault GET; refuses a URL outside the vault.
        function Invoke-Vault([string]$url, [string]$token) {
            if (-not $url.StartsWith($settings.vaultUri, [System.StringComparison]::Ordinal)) {
                throw "refusing to follow $($url.Split('?')[0]): not under $($settings.vaultUri)"
            }
            Invoke-RestMethod -UseBasicParsing -TimeoutSec 10 -Headers @{ Authorization = "Bearer $token" } -Uri $url
        }

        # The ids of the enabled versions of a secret, newest first (at most 40 pages of 25).
        function Get-SecretVersions([string]$name, [string]$token) {
            $url = "$($settings.vaultUri)secrets/$name/versions?api-version=7.4&maxresults=25"
            $versions = @()
            for ($page = 0; $url -and $page -lt 40; $page++) {
                $answer = Invoke-Vault $url $token
                $versions += @($answer.value | Where-Object { $_.attributes.enabled -eq $true })
                $url = $answer.nextLink
            }
            $versions | Sort-Object -Property { [long]$_.attributes.created } -Descending | ForEach-Object { $_.id }
        }

        function Get-SecretValue([string]$id, [string]$token) { (Invoke-Vault "$($id)?api-version=7.4" $token).value }

        # One DER element at $offset: its tag, where its content starts, and its length.
        function Read-Der([byte[]]$der, [int]$offset) {
            $length = [int]$der[$offset + 1]
            $start = $offset + 2
            if ($length -ge 0x80) {
                $count = $length -band 0x7f
                $length = 0
                for ($i = 0; $i -lt $count; $i++) { $length = $length * 256 + $der[$start + $i] }
                $start += $count
            }
            @([int]$der[$offset], $start, $length)
        }

        # A DER integer as an unsigned big-endian number: without its leading zero bytes, or left-padded to $length bytes.
        function Resize-Integer([byte[]]$value, [int]$length = 0) {
            $start = 0
            while ($start -lt $value.Length - 1 -and $value[$start] -eq 0) { $start++ }
            $significant = $value.Length - $start
            if ($length -eq 0) { $length = $significant }
            if ($significant -gt $length) { throw 'an RSA key component is longer than its modulus allows' }
            $result = New-Object byte[] $length
            [Array]::Copy($value, $start, $result, $length - $significant, $significant)
            return ,$result
        }

        # The RSAParameters of a PKCS #1 RSAPrivateKey (or of the one a PKCS #8 PrivateKeyInfo wraps).
        function ConvertFrom-RsaPrivateKey([byte[]]$der, [bool]$pkcs8) {
            $element = Read-Der $der 0
            if ($element[0] -ne 0x30) { throw 'the private key is not a DER sequence' }
            $offset = $element[1]
            if ($pkcs8) {
                for ($skip = 0; $skip -lt 2; $skip++) { $element = Read-Der $der $offset; $offset = $element[1] + $element[2] }
                $element = Read-Der $der $offset
                if ($element[0] -ne 0x04) { throw 'the PKCS #8 key holds no private key octet string' }
                $inner = New-Object byte[] $element[2]
                [Array]::Copy($der, $element[1], $inner, 0, $element[2])
                return ConvertFrom-RsaPrivateKey $inner $false
            }
            $integers = New-Object 'System.Collections.Generic.List[byte[]]'
            for ($index = 0; $index -lt 9; $index++) {
                $element = Read-Der $der $offset
                if ($element[0] -ne 0x02) { throw 'the private key is not an RSA private key' }
                $value = New-Object byte[] $element[2]
                [Array]::Copy($der, $element[1], $value, 0, $element[2])
                $integers.Add($value)
                $offset = $element[1] + $element[2]
            }
            $parameters = New-Object System.Security.Cryptography.RSAParameters
            $parameters.Modulus = Resize-Integer $integers[1]
            $parameters.Exponent = Resize-Integer $integers[2]
            $modulusLength = $parameters.Modulus.Length
            $half = [int][Math]::Ceiling($modulusLength / 2)
            $parameters.D = Resize-Integer $integers[3] $modulusLength
            $parameters.P = Resize-Integer $integers[4] $half
            $parameters.Q = Resize-Integer $integers[5] $half
            $parameters.DP = Resize-Integer $integers[6] $half
            $parameters.DQ = Resize-Integer $integers[7] $half
            $parameters.InverseQ = Resize-Integer $integers[8] $half
            $parameters
        }

        # The pattern of the rewrite rule: the newest two enabled versions of the origin secret.
        function Get-SecretPattern([string]$token) {
            $values = @(@(Get-SecretVersions $settings.secretName $token) | Select-Object -First 2 | ForEach-Object { Get-SecretValue $_ $token })
            if ($values.Count -eq 0) { throw "no enabled version of $($settings.secretName) in $($settings.vaultUri)" }
            foreach ($value in $values) {
                if ($value -cnotmatch '^[A-Za-z0-9._+/=-]{16,}$') {
                    throw "$($settings.secretName) has a value that is not 16 or more characters of [A-Za-z0-9._+/=-]; nothing changed"
                }
            }
            '^(' + (($values | ForEach-Object { [regex]::Escape($_) }) -join '|') + ')$'
        }

        # The server certificate, with its key in a machine key container, in LocalMachine\My; returns its thumbprint.
        function Install-Certificate([string]$token) {
            $id = @(Get-SecretVersions $settings.tlsSecretName $token) | Select-Object -First 1
            if (-not $id) { throw "no enabled version of $($settings.tlsSecretName) in $($settings.vaultUri)" }
            $bundle = Get-SecretValue $id $token
            $certificateBlock = [regex]::Match($bundle, '-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----')
            $keyBlock = [regex]::Match($bundle, '-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END (RSA )?PRIVATE KEY-----')
            if (-not $certificateBlock.Success -or -not $keyBlock.Success) { throw "$($settings.tlsSecretName) holds no PEM certificate and RSA private key" }
            $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new([Convert]::FromBase64String(($certificateBlock.Groups[1].Value -replace '\s', '')))
            $parameters = ConvertFrom-RsaPrivateKey ([Convert]::FromBase64String(($keyBlock.Groups[2].Value -replace '\s', ''))) (-not $keyBlock.Groups[1].Success)
            $publicModulus = $certificate.PublicKey.Key.ExportParameters($false).Modulus
            if ([Convert]::ToBase64String($publicModulus) -ne [Convert]::ToBase64String($parameters.Modulus) -or $certificate.NotAfter -lt (Get-Date).AddHours(1)) {
                throw "$($settings.tlsSecretName) is not a certificate valid for another hour with its own key; nothing changed"
            }
            $installed = Get-Item -Path "Cert:\LocalMachine\My\$($certificate.Thumbprint)" -ErrorAction SilentlyContinue
            if (-not ($installed -and $installed.HasPrivateKey)) {
                $csp = New-Object System.Security.Cryptography.CspParameters(24, 'Microsoft Enhanced RSA and AES Cryptographic Provider', "edge-origin-$($certificate.Thumbprint)")
                $csp.Flags = [System.Security.Cryptography.CspProviderFlags]::UseMachineKeyStore -bor [System.Security.Cryptography.CspProviderFlags]::UseNonExportableKey
                $rsa = New-Object System.Security.Cryptography.RSACryptoServiceProvider($csp)
                $rsa.PersistKeyInCsp = $true
                $rsa.ImportParameters($parameters)
                $certificate.PrivateKey = $rsa
                $certificate.FriendlyName = 'edge-origin'
                $store = New-Object System.Security.Cryptography.X509Certificates.X509Store('My', 'LocalMachine')
                $store.Open('ReadWrite')
                try { $store.Add($certificate) } finally { $store.Close() }
            }
            $certificate.Thumbprint
        }

        # Edge mTLS: exactly the account CAs (JSON array of PEM "certificate"s; CA certificates valid now, at most 20) in
        # LocalMachine\ClientAuthIssuer, the store the 443 binding trusts for client certificates; whether it changed.
        function Install-EdgeClientCas([string]$token) {
            $id = @(Get-SecretVersions $settings.edgeClientCaSecretName $token) | Select-Object -First 1
            if (-not $id) { throw "no enabled version of $($settings.edgeClientCaSecretName) in $($settings.vaultUri)" }
            $list = ConvertFrom-Json -InputObject (Get-SecretValue $id $token)
            if ($list -isnot [array]) { throw "$($settings.edgeClientCaSecretName) is not a JSON array of CA certificates; nothing changed" }
            $now = Get-Date
            $cas = @{}
            foreach ($entry in ($list | Select-Object -First 20)) {
                $block = [regex]::Match([string]$entry.certificate, '-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----')
                if (-not $block.Success) { continue }
                $ca = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new([Convert]::FromBase64String(($block.Groups[1].Value -replace '\s', '')))
                $constraints = @($ca.Extensions | Where-Object { $_ -is [System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension] })
                if ($constraints.Count -eq 1 -and $constraints[0].CertificateAuthority -and $ca.NotBefore -le $now -and $ca.NotAfter -gt $now) {
                    $cas[$ca.Thumbprint] = $ca
                }
            }
            if ($cas.Count -eq 0) { throw "$($settings.edgeClientCaSecretName) holds no CA certificate valid now; nothing changed" }
            $changed = $false
            $store = New-Object System.Security.Cryptography.X509Certificates.X509Store('ClientAuthIssuer', 'LocalMachine')
            $store.Open('ReadWrite')
            try {
                foreach ($installed in @($store.Certificates)) {
                    if (-not $cas.ContainsKey($installed.Thumbprint)) { $store.Remove($installed); $changed = $true }
                }
                $present = @($store.Certificates | ForEach-Object { $_.Thumbprint })
                foreach ($thumbprint in @($cas.Keys)) {
                    if ($present -notcontains $thumbprint) { $store.Add($cas[$thumbprint]); $changed = $true }
                }
            } finally { $store.Close() }
            return $changed
        }

        # The 443 binding (http.sys's 0.0.0.0:443 for IIS's '*:443', IIS's application id) with the certificate and, with edge
        # mTLS, client certificates negotiated at the handshake and trusted only when they chain to the ClientAuthIssuer store.
        function Update-Binding([string]$thumbprint) {
            $arguments = @('http', 'update', 'sslcert', 'ipport=0.0.0.0:443', "certhash=$thumbprint", 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}')
            if ($settings.edgeClientCaSecretName) { $arguments += @('sslctlstorename=ClientAuthIssuer', 'clientcertnegotiation=enable') }
            & netsh @arguments | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "netsh could not bind the certificate $thumbprint to 0.0.0.0:443" }
        }

        # The installed certificate within {{OriginBootSettings.CertificateExpiryWarningDays}} days of expiry (or expired): a Warning event, source
        # {{OriginBootSettings.CertificateExpiringTag}}, at most once an hour. Runs before Key Vault is read, and never fails the refresh.
        function Write-CertificateExpiry {
            $stateFile = Join-Path $settings.stateDir 'certificate.txt'
            if (-not (Test-Path $stateFile)) { return }
            $thumbprint = Get-Content -Path $stateFile -TotalCount 1
            $installed = Get-Item -Path "Cert:\LocalMachine\My\$thumbprint" -ErrorAction SilentlyContinue
            if (-not $installed -or $installed.NotAfter -gt (Get-Date).AddDays({{OriginBootSettings.CertificateExpiryWarningDays}})) { return }
            $stamp = Join-Path $settings.stateDir 'certificate-expiry-logged.txt'
            if ((Test-Path $stamp) -and (Get-Item -Path $stamp).LastWriteTimeUtc -gt [DateTime]::UtcNow.AddSeconds(-{{OriginBootSettings.CertificateExpiryLogIntervalSeconds}})) { return }
            $daysLeft = [Math]::Floor(($installed.NotAfter - (Get-Date)).TotalDays)
            $notAfter = $installed.NotAfter.ToUniversalTime().ToString('s', [System.Globalization.CultureInfo]::InvariantCulture) + 'Z'
            Write-EventLog -LogName Application -Source '{{OriginBootSettings.CertificateExpiringTag}}' -EntryType Warning -EventId 2 -Message "{{OriginBootSettings.CertificateExpiringTag}} certificate=$thumbprint days_left=$daysLeft not_after=$notAfter"
            Set-Content -Path $stamp -Value $notAfter -Encoding ASCII
        }

        # The site's web.config from the template with the new pattern; replaced atomically, restored when IIS disagrees.
        function Install-WebConfig([string]$pattern) {
            $target = Join-Path $settings.sitePath 'web.config'
            $content = (Get-Content -Raw -Path $settings.webConfigTemplate).Replace('__ORIGIN_SECRET_PATTERN__', $pattern)
            if ((Test-Path $target) -and (Get-Content -Raw -Path $target) -ceq $content) { return $false }
            $next = "$target.next"
            $backup = Join-Path $settings.stateDir 'web.config.previous'
            [System.IO.File]::WriteAllText($next, $content, (New-Object System.Text.UTF8Encoding($false)))
            if (Test-Path $target) { [System.IO.File]::Replace($next, $target, $backup) } else { Move-Item -Path $next -Destination $target }
            $filter = "system.webServer/rewrite/rules/rule[@name='edge-origin-auth']/conditions/add"
            $active = (@(Get-WebConfigurationProperty -PSPath "IIS:\Sites\$($settings.site)" -Filter $filter -Name pattern -ErrorAction SilentlyContinue) | Select-Object -First 1).Value
            if ($active -cne $pattern) {
                if (Test-Path $backup) { Copy-Item -Path $backup -Destination $target -Force }
                throw 'IIS did not take the new web.config; rolled back'
            }
            return $true
        }

        try { Write-CertificateExpiry } catch { Write-RefreshLog "the certificate expiry check failed: $($_.Exception.Message)" }

        try {
            $token = Get-VaultToken
            if (-not $token) { throw "no token from $($settings.imdsEndpoint) for client $($settings.clientId)" }
            $pattern = Get-SecretPattern $token
            $thumbprint = Install-Certificate $token
            $casChanged = if ($settings.edgeClientCaSecretName) { Install-EdgeClientCas $token } else { $false }
            $stateFile = Join-Path $settings.stateDir 'certificate.txt'
            $previous = if (Test-Path $stateFile) { (Get-Content -Path $stateFile -TotalCount 1) } else { '' }
            $configChanged = Install-WebConfig $pattern
            if ($Bind -or (-not $FirstRun -and ($thumbprint -ne $previous -or $casChanged))) {
                Update-Binding $thumbprint
            }
            if (-not $FirstRun -and $thumbprint -ne $previous) {
                Get-ChildItem -Path 'Cert:\LocalMachine\My' | Where-Object { $_.FriendlyName -eq 'edge-origin' -and $_.Thumbprint -ne $thumbprint -and $_.Thumbprint -ne $previous } | Remove-Item -DeleteKey
            }
            if ($thumbprint -ne $previous) {
                Set-Content -Path $stateFile -Value @($thumbprint, $previous) -Encoding ASCII
            }
            if ($configChanged -or $casChanged -or $thumbprint -ne $previous) {
                Write-RefreshLog "installed the origin secrets, the certificate $thumbprint of $($settings.tlsSecretName) and the edge client CAs (changed: $casChanged)"
            }
        } catch {
            Write-RefreshLog "$($_.Exception.Message)"
            exit 1
        }
        """;
}
