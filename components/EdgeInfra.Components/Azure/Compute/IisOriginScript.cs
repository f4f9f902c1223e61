namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The boot script of an <see cref="OriginFlavor.Iis"/> origin VM: a PowerShell script carried as the VM's custom data
/// (Windows saves it as <see cref="CustomDataPath"/>) and run once by a CustomScriptExtension with
/// <see cref="CommandToExecute"/>. It installs IIS and URL Rewrite, reads the origin secret from Key Vault, serves the
/// default site on 443 only, and adds a URL Rewrite rule that answers 403 to every request whose origin header is
/// missing or wrong, tagging it <see cref="OriginBootSettings.RejectionTag"/> in the IIS log; a scheduled task copies
/// tagged lines to the Application event log (source <see cref="OriginBootSettings.RejectionTag"/>, level Warning).
/// </summary>
internal static class IisOriginScript
{
    /// <summary>Where Windows saves a VM's custom data.</summary>
    public const string CustomDataPath = @"C:\AzureData\CustomData.bin";

    /// <summary>The CustomScriptExtension command: run the custom data as a PowerShell script.</summary>
    public const string CommandToExecute =
        "powershell.exe -NoProfile -ExecutionPolicy Bypass -Command \"Copy-Item -Path C:\\AzureData\\CustomData.bin -Destination C:\\AzureData\\edge-origin-setup.ps1 -Force; & C:\\AzureData\\edge-origin-setup.ps1\"";

    /// <summary>The script, with the vault URI, secret name, identity and hostname as deploy-time values.</summary>
    public static Output<string> Render(OriginBootSettings settings) => Output.Format($$"""
        # EdgeInfra origin (IIS), run once by the CustomScriptExtension.
        # TLS on 443; a request without the per-environment origin secret in the {{settings.HeaderName}} header gets 403
        # and is logged with the tag {{OriginBootSettings.RejectionTag}}. The secret is read from Key Vault with the VM's
        # user-assigned identity; it is never part of the deployment.
        $ErrorActionPreference = 'Stop'
        $vaultUri = '{{settings.KeyVaultUri}}'
        $secretName = '{{settings.OriginSecretName}}'
        $clientId = '{{settings.IdentityClientId}}'
        $originHostname = '{{settings.OriginHostname}}'
        $tag = '{{OriginBootSettings.RejectionTag}}'
        $site = 'Default Web Site'

        if (-not [System.Diagnostics.EventLog]::SourceExists($tag)) {
            New-EventLog -LogName Application -Source $tag
        }

        # Reads the origin secret from Key Vault with the VM's user-assigned identity (an IMDS token for
        # https://vault.azure.net), retrying while the role assignment propagates. Refuses a value that is not 16 or
        # more characters of [A-Za-z0-9._+/=-], so it can be written into the rewrite rule safely.
        function Read-OriginSecret {
            $secret = $null
            for ($attempt = 1; $attempt -le 60 -and -not $secret; $attempt++) {
                try {
                    $token = (Invoke-RestMethod -UseBasicParsing -Headers @{ Metadata = 'true' } -Uri "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net&client_id=$clientId").access_token
                    $secret = (Invoke-RestMethod -UseBasicParsing -Headers @{ Authorization = "Bearer $token" } -Uri "$($vaultUri)secrets/$($secretName)?api-version=7.4").value
                } catch {
                    Start-Sleep -Seconds 10
                }
            }
            if ($secret -cnotmatch '{{OriginBootSettings.SecretValuePattern}}') {
                throw "the origin secret $secretName could not be read from $vaultUri, or is not 16 or more characters of [A-Za-z0-9._+/=-]"
            }
            return $secret
        }

        Install-WindowsFeature -Name Web-Server -IncludeManagementTools | Out-Null
        $rewriteMsi = Join-Path $env:TEMP 'rewrite_amd64_en-US.msi'
        Invoke-WebRequest -UseBasicParsing -Uri 'https://download.microsoft.com/download/1/2/8/128E2E22-C1B9-44A4-BE2A-5859ED1D4592/rewrite_amd64_en-US.msi' -OutFile $rewriteMsi
        $install = Start-Process -FilePath 'msiexec.exe' -ArgumentList '/i', "`"$rewriteMsi`"", '/quiet', '/norestart' -Wait -PassThru
        if ($install.ExitCode -ne 0) {
            throw "URL Rewrite setup failed with exit code $($install.ExitCode)"
        }
        Import-Module WebAdministration

        # 443 only, with a self-signed certificate for the origin hostname.
        $certificate = New-SelfSignedCertificate -DnsName $originHostname -CertStoreLocation 'Cert:\LocalMachine\My' -KeyAlgorithm RSA -KeyLength 2048 -NotAfter (Get-Date).AddYears(2)
        Get-WebBinding -Name $site -Protocol http | Remove-WebBinding
        New-WebBinding -Name $site -Protocol https -Port 443 -IPAddress '*'
        (Get-WebBinding -Name $site -Protocol https -Port 443).AddSslCertificate($certificate.Thumbprint, 'My')

        # Rejected requests set EDGE_ORIGIN_AUTH, which the site's IIS log records in the field edge-origin-auth.
        Add-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Filter 'system.webServer/rewrite/allowedServerVariables' -Name '.' -Value @{ name = 'EDGE_ORIGIN_AUTH' }
        Add-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Filter "system.applicationHost/sites/site[@name='$site']/logFile/customFields" -Name '.' -Value @{ logFieldName = 'edge-origin-auth'; sourceName = 'EDGE_ORIGIN_AUTH'; sourceType = 'ServerVariable' }

        # The edge presents the origin secret; anything else is rejected (case-sensitive match of the whole value).
        $webConfig = @'
        <?xml version="1.0" encoding="UTF-8"?>
        <configuration>
          <system.webServer>
            <rewrite>
              <rules>
                <rule name="edge-origin-auth" stopProcessing="true">
                  <match url=".*" />
                  <conditions>
                    <add input="{{{settings.IisServerVariable}}}" pattern="__ORIGIN_SECRET_PATTERN__" negate="true" ignoreCase="false" />
                  </conditions>
                  <serverVariables>
                    <set name="EDGE_ORIGIN_AUTH" value="{{OriginBootSettings.RejectionTag}}" />
                  </serverVariables>
                  <action type="CustomResponse" statusCode="403" statusReason="Forbidden" statusDescription="{{OriginBootSettings.RejectionTag}}" />
                </rule>
              </rules>
            </rewrite>
          </system.webServer>
        </configuration>
        '@
        $secretPattern = '^' + [regex]::Escape((Read-OriginSecret)) + '$'
        $webConfigPath = 'C:\inetpub\wwwroot\web.config'
        Set-Content -Path $webConfigPath -Value $webConfig.Replace('__ORIGIN_SECRET_PATTERN__', $secretPattern) -Encoding UTF8
        icacls $webConfigPath /inheritance:r /grant:r 'SYSTEM:F' 'Administrators:F' 'IIS_IUSRS:R' | Out-Null

        # Copies IIS log lines tagged with the rejection tag to the Application event log every minute.
        New-Item -ItemType Directory -Path 'C:\EdgeOrigin' -Force | Out-Null
        $forwarder = @'
        $tag = '{{OriginBootSettings.RejectionTag}}'
        $stateFile = 'C:\EdgeOrigin\forwarded-lines.txt'
        $forwarded = @{}
        if (Test-Path $stateFile) {
            foreach ($entry in Get-Content $stateFile) {
                $parts = $entry -split '\|'
                $forwarded[$parts[0]] = [int]$parts[1]
            }
        }
        foreach ($file in Get-ChildItem -Path 'C:\inetpub\logs\LogFiles\W3SVC1' -Filter '*.log' -ErrorAction SilentlyContinue) {
            $lines = @(Get-Content -Path $file.FullName)
            for ($index = [int]$forwarded[$file.Name]; $index -lt $lines.Count; $index++) {
                if ($lines[$index].Contains($tag)) {
                    Write-EventLog -LogName Application -Source $tag -EntryType Warning -EventId 403 -Message $lines[$index]
                }
            }
            $forwarded[$file.Name] = $lines.Count
        }
        $forwarded.GetEnumerator() | ForEach-Object { '{0}|{1}' -f $_.Key, $_.Value } | Set-Content -Path $stateFile
        '@
        Set-Content -Path 'C:\EdgeOrigin\Forward-AuthFailures.ps1' -Value $forwarder -Encoding UTF8
        $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -ExecutionPolicy Bypass -File C:\EdgeOrigin\Forward-AuthFailures.ps1'
        $trigger = New-ScheduledTaskTrigger -Once -At (Get-Date) -RepetitionInterval (New-TimeSpan -Minutes 1)
        Register-ScheduledTask -TaskName 'EdgeOriginAuthFailures' -Action $action -Trigger $trigger -User 'SYSTEM' -RunLevel Highest -Force | Out-Null
        """);
}
