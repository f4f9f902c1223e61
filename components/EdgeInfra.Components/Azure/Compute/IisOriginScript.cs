namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The boot script of an <see cref="OriginFlavor.Iis"/> origin VM: a Windows PowerShell 5.1 script carried as the VM's
/// custom data (Windows saves it as <see cref="CustomDataPath"/>) and run once by a CustomScriptExtension with
/// <see cref="CommandToExecute"/>. It installs IIS, ASP.NET 4.8 and URL Rewrite and stops the default site at once
/// (IIS starts it on port 80 as it installs) with every binding removed; writes the URL Rewrite rule's template, the
/// default app (<see cref="DefaultOriginApp.AspNetHandlerText"/>) and <see cref="IisOriginRefreshScript"/>, and runs the
/// refresh once, retried every ten seconds for fifteen minutes (<c>EDGE_ORIGIN_FIRST_READ_ATTEMPTS</c>, default 90):
/// it puts the origin-secret check into the site's <c>web.config</c> and the stack-issued certificate into the machine
/// store. Only then does the script create the 443 binding with that certificate and start the site, so nothing listens
/// before the check is in place; if Key Vault cannot be read the script exits 1 with the site stopped and no binding
/// (fails closed). A request whose origin header is not one of the accepted secrets gets 403 and is tagged
/// <see cref="OriginBootSettings.RejectionTag"/> in the IIS log; a scheduled task copies tagged lines to the
/// Application event log (source <see cref="OriginBootSettings.RejectionTag"/>, level Warning). With
/// <see cref="OriginVmClusterArgs.Routes"/> that list roles, further rules refuse a verified request whose
/// <c>X-Edge-Roles</c> lacks the roles of the route its path falls under (<see cref="IisOriginRoles"/>), tagged and
/// forwarded the same way under <see cref="OriginBootSettings.RoleDeniedTag"/>. Another scheduled task
/// re-runs the refresh every minute, so rotations reach the VM without a rebuild. With edge mTLS
/// (<see cref="OriginVmClusterArgs.EdgeClientCertificate"/>) http.sys negotiates a client certificate on 443 and trusts
/// only those chaining to the Akamai account CAs the refresh keeps in <c>LocalMachine\ClientAuthIssuer</c>, IIS requires
/// one (<c>sslFlags</c>), and the same URL Rewrite rule rejects, with the same tag, a request whose certificate is absent,
/// from an unrecognized CA or without the edge's CN, as it does one without the secret: both factors are required.
/// </summary>
internal static class IisOriginScript
{
    /// <summary>Where Windows saves a VM's custom data.</summary>
    public const string CustomDataPath = @"C:\AzureData\CustomData.bin";

    /// <summary>The CustomScriptExtension command: run the custom data as a PowerShell script.</summary>
    public const string CommandToExecute =
        "powershell.exe -NoProfile -ExecutionPolicy Bypass -Command \"Copy-Item -Path C:\\AzureData\\CustomData.bin -Destination C:\\AzureData\\edge-origin-setup.ps1 -Force; & C:\\AzureData\\edge-origin-setup.ps1\"";

    /// <summary>The Scheduled Task that runs <see cref="IisOriginRefreshScript"/> every minute.</summary>
    public const string RefreshTaskName = "EdgeOriginRefresh";

    /// <summary>Where the web.config template holds the CN's regular expression until the script fills it in.</summary>
    private const string EdgeClientCommonNamePlaceholder = "__EDGE_CLIENT_CN_PATTERN__";

    /// <summary>
    /// The URL Rewrite conditions of the rejecting rule: the origin secret alone, or with edge mTLS any of three failures
    /// (<c>logicalGrouping="MatchAny"</c>): the secret, <c>CERT_FLAGS</c> other than <c>1</c> (bit 0: a client certificate
    /// is present; bit 1: its CA is not one the server recognizes) and a <c>CERT_SUBJECT</c> without the edge's CN
    /// (IIS server variables: https://learn.microsoft.com/iis/web-dev-reference/server-variables).
    /// </summary>
    private static string EdgeClientConditions(OriginBootSettings settings)
    {
        const string Indent = "\n            ";
        var secret = $"<add input=\"{{{settings.IisServerVariable}}}\" pattern=\"__ORIGIN_SECRET_PATTERN__\" negate=\"true\" ignoreCase=\"false\" />";
        return settings.EdgeClient is null
            ? ">" + Indent + secret
            : " logicalGrouping=\"MatchAny\">" + Indent + secret
                + Indent + "<add input=\"{CERT_FLAGS}\" pattern=\"^1$\" negate=\"true\" />"
                + Indent + $"<add input=\"{{CERT_SUBJECT}}\" pattern=\"(^|,)\\s*CN={EdgeClientCommonNamePlaceholder}\\s*(,|$)\" negate=\"true\" ignoreCase=\"false\" />";
    }

    /// <summary>
    /// With edge mTLS: Schannel's Exclusive CA Trust (<c>ClientAuthTrustMode</c> 2: a client certificate must chain to a
    /// certificate of the binding's trusted issuer store, which the refresh fills with the account CAs;
    /// https://learn.microsoft.com/windows-server/security/tls/what-s-new-in-tls-ssl-schannel-ssp-overview), and the
    /// site's <c>sslFlags</c> requiring a client certificate (https://learn.microsoft.com/iis/configuration/system.webserver/security/access),
    /// set in applicationHost.config for the site, where the section is unlocked.
    /// </summary>
    private static string EdgeClientAccess(OriginBootSettings settings) => settings.EdgeClient is null
        ? string.Empty
        : """
          # Edge mTLS: client certificates must chain to the account CAs of the ClientAuthIssuer store, and the site requires one.
          New-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL' -Name ClientAuthTrustMode -PropertyType DWord -Value 2 -Force | Out-Null
          Set-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Location $site -Filter 'system.webServer/security/access' -Name sslFlags -Value 'Ssl,SslNegotiateCert,SslRequireCert'

          """;

    /// <summary>The script, with the vault URI, secret names, identity and header as deploy-time values.</summary>
    public static Output<string> Render(OriginBootSettings settings) => Output.Format($$"""
        # EdgeInfra origin (IIS), run once by the CustomScriptExtension.
        # TLS on 443 with the stack's certificate from Key Vault; a request whose {{settings.HeaderName}} header is not one
        # of the current origin secrets gets 403 and is logged with the tag {{OriginBootSettings.RejectionTag}}.
        # Secrets and certificate are read from Key Vault with the VM's user-assigned identity, at boot and every
        # minute after; they are never part of the deployment. The site starts only once they are in place.
        $ErrorActionPreference = 'Stop'
        $site = 'Default Web Site'
        $sitePath = 'C:\inetpub\wwwroot'
        $stateDir = 'C:\EdgeOrigin'
        $tag = '{{OriginBootSettings.RejectionTag}}'

        foreach ($source in $tag, '{{OriginBootSettings.RoleDeniedTag}}', '{{OriginBootSettings.CertificateExpiringTag}}', 'edge-origin-refresh', 'edge-origin-setup') {
            if (-not [System.Diagnostics.EventLog]::SourceExists($source)) {
                New-EventLog -LogName Application -Source $source
            }
        }

        # IIS starts the default site on port 80 as it installs: stop it at once, without bindings, until the check and
        # the certificate are in place.
        Install-WindowsFeature -Name Web-Server, Web-Asp-Net45 -IncludeManagementTools | Out-Null
        Import-Module WebAdministration
        Stop-Website -Name $site
        Set-ItemProperty -Path "IIS:\Sites\$site" -Name serverAutoStart -Value $false
        Get-WebBinding -Name $site | Remove-WebBinding

        $rewriteMsi = Join-Path $env:TEMP 'rewrite_amd64_en-US.msi'
        Invoke-WebRequest -UseBasicParsing -Uri 'https://download.microsoft.com/download/1/2/8/128E2E22-C1B9-44A4-BE2A-5859ED1D4592/rewrite_amd64_en-US.msi' -OutFile $rewriteMsi
        $install = Start-Process -FilePath 'msiexec.exe' -ArgumentList '/i', "`"$rewriteMsi`"", '/quiet', '/norestart' -Wait -PassThru
        if ($install.ExitCode -ne 0) {
            throw "URL Rewrite setup failed with exit code $($install.ExitCode)"
        }

        New-Item -ItemType Directory -Path $stateDir -Force | Out-Null
        icacls $stateDir /inheritance:r /grant:r 'SYSTEM:(OI)(CI)F' 'Administrators:(OI)(CI)F' | Out-Null
        $settings = [ordered]@{
            vaultUri = '{{settings.KeyVaultUri}}'
            secretName = '{{settings.OriginSecretName}}'
            tlsSecretName = '{{settings.TlsSecretName}}'
            clientId = '{{settings.IdentityClientId}}'
            imdsEndpoint = 'http://169.254.169.254'
            site = $site
            sitePath = $sitePath
            stateDir = $stateDir
            webConfigTemplate = "$stateDir\web.config.template"
            edgeClientCaSecretName = '{{settings.EdgeClientCaSecretName}}'
            edgeClientCommonName = '{{settings.EdgeClientCommonName}}'
        }
        $settings | ConvertTo-Json | Set-Content -Path "$stateDir\settings.json" -Encoding ASCII

        $refresh = @'
        {{IisOriginRefreshScript.Text}}
        '@
        Set-Content -Path '{{IisOriginRefreshScript.Path}}' -Value $refresh -Encoding ASCII

        # Rejected requests set EDGE_ORIGIN_AUTH, which the site's IIS log records in the field edge-origin-auth; accepted
        # ones reach the site without the origin header.
        Add-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Filter 'system.webServer/rewrite/allowedServerVariables' -Name '.' -Value @{ name = 'EDGE_ORIGIN_AUTH' }
        Add-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Filter 'system.webServer/rewrite/allowedServerVariables' -Name '.' -Value @{ name = '{{settings.IisServerVariable}}' }
        Add-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Filter "system.applicationHost/sites/site[@name='$site']/logFile/customFields" -Name '.' -Value @{ logFieldName = 'edge-origin-auth'; sourceName = 'EDGE_ORIGIN_AUTH'; sourceType = 'ServerVariable' }

        # The edge presents one of the origin secrets; anything else is rejected (case-sensitive match of the whole value).
        # The refresh fills in the pattern: the newest two versions in Key Vault.
        $webConfig = @'
        <?xml version="1.0" encoding="UTF-8"?>
        <configuration>
          <system.webServer>
            <rewrite>
              <rules>
                <rule name="edge-origin-auth" stopProcessing="true">
                  <match url=".*" />
                  <conditions{{EdgeClientConditions(settings)}}
                  </conditions>
                  <serverVariables>
                    <set name="EDGE_ORIGIN_AUTH" value="{{OriginBootSettings.RejectionTag}}" />
                  </serverVariables>
                  <action type="CustomResponse" statusCode="403" statusReason="Forbidden" statusDescription="{{OriginBootSettings.RejectionTag}}" />
                </rule>
        {{IisOriginRoles.Rules(settings.Routes)}}        <rule name="edge-origin-strip">
                  <match url=".*" />
                  <serverVariables>
                    <set name="{{settings.IisServerVariable}}" value="" />
                  </serverVariables>
                  <action type="None" />
                </rule>
              </rules>
            </rewrite>
          </system.webServer>
        </configuration>
        '@
        # The CN as a regular expression: its dots escaped (the only special character a valid CN can hold).
        $webConfig = $webConfig.Replace('{{EdgeClientCommonNamePlaceholder}}', $settings.edgeClientCommonName.Replace('.', '\.'))
        Set-Content -Path "$stateDir\web.config.template" -Value $webConfig -Encoding UTF8

        # The default app: /healthz and an echo of the X-Edge-* headers, ahead of the static file handler.
        $app = @'
        {{DefaultOriginApp.AspNetHandlerText}}
        '@
        New-Item -ItemType Directory -Path "$sitePath\App_Code" -Force | Out-Null
        Set-Content -Path '{{DefaultOriginApp.AspNetHandlerPath}}' -Value $app -Encoding ASCII
        Add-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Location $site -Filter 'system.webServer/handlers' -Name '.' -AtIndex 0 -Value @{ name = 'edge-origin-app'; path = '*'; verb = '*'; type = 'EdgeOriginApp'; preCondition = 'integratedMode' }

        # First read, retried for fifteen minutes while the certificate and the role assignments appear: nothing is bound
        # or started unless the check and the certificate are in place.
        $attempts = if ($env:EDGE_ORIGIN_FIRST_READ_ATTEMPTS) { [int]$env:EDGE_ORIGIN_FIRST_READ_ATTEMPTS } else { 90 }
        for ($attempt = 1; ; $attempt++) {
            & powershell.exe -NoProfile -ExecutionPolicy Bypass -File '{{IisOriginRefreshScript.Path}}' -FirstRun
            if ($LASTEXITCODE -eq 0) {
                break
            }
            if ($attempt -ge $attempts) {
                Write-EventLog -LogName Application -Source 'edge-origin-setup' -EntryType Error -EventId 1 -Message 'Key Vault could not be read; the origin stays closed'
                exit 1
            }
            Start-Sleep -Seconds 10
        }
        icacls "$sitePath\web.config" /inheritance:r /grant:r 'SYSTEM:F' 'Administrators:F' 'IIS_IUSRS:R' | Out-Null

        {{EdgeClientAccess(settings)}}
        # 443 only, with the stack's certificate{{(settings.EdgeClient is null ? "" : " and client certificate negotiation")}}; then the site starts.
        $thumbprint = Get-Content -Path "$stateDir\certificate.txt" -TotalCount 1
        New-WebBinding -Name $site -Protocol https -Port 443 -IPAddress '*'
        (Get-WebBinding -Name $site -Protocol https -Port 443).AddSslCertificate($thumbprint, 'My')
        & powershell.exe -NoProfile -ExecutionPolicy Bypass -File '{{IisOriginRefreshScript.Path}}' -Bind
        if ($LASTEXITCODE -ne 0) {
            Write-EventLog -LogName Application -Source 'edge-origin-setup' -EntryType Error -EventId 1 -Message 'The 443 binding could not be completed; the origin stays closed'
            exit 1
        }
        Set-ItemProperty -Path "IIS:\Sites\$site" -Name serverAutoStart -Value $true
        Start-Website -Name $site

        # The refresh every minute (a run never overlaps the previous one).
        $refreshAction = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -ExecutionPolicy Bypass -File {{IisOriginRefreshScript.Path}}'
        $refreshTrigger = New-ScheduledTaskTrigger -Once -At (Get-Date).AddMinutes(1) -RepetitionInterval (New-TimeSpan -Minutes 1)
        $refreshSettings = New-ScheduledTaskSettingsSet -MultipleInstances IgnoreNew -ExecutionTimeLimit (New-TimeSpan -Minutes 5)
        Register-ScheduledTask -TaskName '{{RefreshTaskName}}' -Action $refreshAction -Trigger $refreshTrigger -Settings $refreshSettings -User 'SYSTEM' -RunLevel Highest -Force | Out-Null

        # Copies IIS log lines tagged with the rejection tag or the role-denied tag to the Application event log every
        # minute, each under the source of its tag.
        $forwarder = @'
        $tags = '{{OriginBootSettings.RejectionTag}}', '{{OriginBootSettings.RoleDeniedTag}}'
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
                foreach ($tag in $tags) {
                    if ($lines[$index].Contains($tag)) {
                        Write-EventLog -LogName Application -Source $tag -EntryType Warning -EventId 403 -Message $lines[$index]
                    }
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
