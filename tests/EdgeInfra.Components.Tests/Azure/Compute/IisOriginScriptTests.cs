using EdgeInfra.Components.Azure.Compute;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginBootScriptTests;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterFixtures;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>
/// The IIS boot script as a VM receives it. Windows PowerShell and IIS cannot run here: these tests pin the order and
/// the contract (APIs that exist on Windows Server 2022 with Windows PowerShell 5.1 and .NET Framework 4.8).
/// </summary>
public sealed class IisOriginScriptTests
{
    [Fact]
    public async Task Nothing_is_bound_or_started_before_the_check_and_the_certificate_are_in_place()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis)))[0];

        AssertInOrder(
            script,
            "Install-WindowsFeature -Name Web-Server, Web-Asp-Net45 -IncludeManagementTools",
            "Stop-Website -Name $site",
            "Set-ItemProperty -Path \"IIS:\\Sites\\$site\" -Name serverAutoStart -Value $false",
            "Get-WebBinding -Name $site | Remove-WebBinding",
            "& powershell.exe -NoProfile -ExecutionPolicy Bypass -File 'C:\\EdgeOrigin\\Refresh-EdgeOrigin.ps1' -FirstRun",
            "exit 1",
            "New-WebBinding -Name $site -Protocol https -Port 443 -IPAddress '*'",
            ".AddSslCertificate($thumbprint, 'My')",
            "Set-ItemProperty -Path \"IIS:\\Sites\\$site\" -Name serverAutoStart -Value $true",
            "Start-Website -Name $site",
            "Register-ScheduledTask -TaskName 'EdgeOriginRefresh'");
        Assert.Equal(script.IndexOf("New-WebBinding", StringComparison.Ordinal), script.LastIndexOf("New-WebBinding", StringComparison.Ordinal));
        Assert.Equal(script.IndexOf("Start-Website", StringComparison.Ordinal), script.LastIndexOf("Start-Website", StringComparison.Ordinal));
        Assert.DoesNotContain("New-SelfSignedCertificate", script, StringComparison.Ordinal);
        Assert.DoesNotContain("-Protocol http ", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_read_is_retried_then_fails_closed()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis)))[0];

        Assert.Contains("$attempts = if ($env:EDGE_ORIGIN_FIRST_READ_ATTEMPTS) { [int]$env:EDGE_ORIGIN_FIRST_READ_ATTEMPTS } else { 90 }", script);
        AssertInOrder(script, "if ($LASTEXITCODE -eq 0) {", "if ($attempt -ge $attempts) {", "'Key Vault could not be read; the origin stays closed'", "exit 1", "Start-Sleep -Seconds 10");
        // The refresh throws, and exits 1, on anything it cannot read or check.
        AssertInOrder(script, "} catch {", "Write-RefreshLog \"$($_.Exception.Message)\"", "exit 1");
    }

    [Fact]
    public async Task The_refresh_reads_key_vault_with_the_identity_and_accepts_the_two_newest_versions()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis)))[0];

        Assert.Contains("""
                vaultUri = 'https://kv-app.vault.azure.net/'
                secretName = 'origin-secret'
                tlsSecretName = 'origin-tls'
                clientId = 'origin-identity-client'
                imdsEndpoint = 'http://169.254.169.254'
            """, script);
        Assert.Contains("Invoke-RestMethod -UseBasicParsing -TimeoutSec 10 -Headers @{ Metadata = 'true' } -Uri $uri", script);
        Assert.Contains("\"$($settings.imdsEndpoint)/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net&client_id=$($settings.clientId)\"", script);
        Assert.Contains("$url = \"$($settings.vaultUri)secrets/$name/versions?api-version=7.4&maxresults=25\"", script);
        Assert.Contains("Where-Object { $_.attributes.enabled -eq $true }", script);
        Assert.Contains("Sort-Object -Property { [long]$_.attributes.created } -Descending", script);
        Assert.Contains("@(Get-SecretVersions $settings.secretName $token) | Select-Object -First 2", script);
        Assert.Contains("'^(' + (($values | ForEach-Object { [regex]::Escape($_) }) -join '|') + ')$'", script);
        Assert.Contains("if ($value -cnotmatch '^[A-Za-z0-9._+/=-]{16,}$')", script);
        Assert.Contains("[System.IO.File]::Replace($next, $target, $backup)", script);
        Assert.Contains("throw 'IIS did not take the new web.config; rolled back'", script);
    }

    [Fact]
    public async Task The_refresh_task_runs_every_minute_without_overlapping()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis)))[0];

        Assert.Contains("$refreshAction = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -ExecutionPolicy Bypass -File C:\\EdgeOrigin\\Refresh-EdgeOrigin.ps1'", script);
        Assert.Contains("$refreshTrigger = New-ScheduledTaskTrigger -Once -At (Get-Date).AddMinutes(1) -RepetitionInterval (New-TimeSpan -Minutes 1)", script);
        Assert.Contains("New-ScheduledTaskSettingsSet -MultipleInstances IgnoreNew", script);
        Assert.Contains("-User 'SYSTEM' -RunLevel Highest", script);
    }

    [Fact]
    public async Task The_certificate_comes_from_the_pem_bundle_with_net_framework_apis_only()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis)))[0];

        Assert.Contains("'-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA )?PRIVATE KEY-----'", script);
        Assert.Contains("New-Object System.Security.Cryptography.RSAParameters", script);
        Assert.Contains("[System.Security.Cryptography.CspProviderFlags]::UseMachineKeyStore -bor [System.Security.Cryptography.CspProviderFlags]::UseNonExportableKey", script);
        Assert.Contains("$certificate.PrivateKey = $rsa", script);
        Assert.Contains("$certificate.NotAfter -lt (Get-Date).AddHours(1)", script);
        Assert.Contains("$arguments = @('http', 'update', 'sslcert', 'ipport=0.0.0.0:443', \"certhash=$thumbprint\", 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}')", script);
        Assert.DoesNotContain("CreateFromPem", script, StringComparison.Ordinal);
        Assert.DoesNotContain("openssl", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_edge_mtls_http_sys_trusts_only_the_account_cas_iis_requires_a_certificate_and_the_rule_requires_the_edge_cn_and_the_secret()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis, EdgeClient)))[0];

        Assert.Contains("""
                edgeClientCaSecretName = 'edge-client-ca'
                edgeClientCommonName = 'shop.prod-origin-client'
            """, script);
        Assert.Contains("""
                      <conditions logicalGrouping="MatchAny">
                        <add input="{HTTP_X_ORIGIN_AUTH}" pattern="__ORIGIN_SECRET_PATTERN__" negate="true" ignoreCase="false" />
                        <add input="{CERT_FLAGS}" pattern="^1$" negate="true" />
                        <add input="{CERT_SUBJECT}" pattern="(^|,)\s*CN=__EDGE_CLIENT_CN_PATTERN__\s*(,|$)" negate="true" ignoreCase="false" />
                      </conditions>
            """, script);

        // The script fills in the CN's expression (the CN may be a deploy-time value) before it writes the template.
        AssertInOrder(
            script,
            "$webConfig = $webConfig.Replace('__EDGE_CLIENT_CN_PATTERN__', $settings.edgeClientCommonName.Replace('.', '\\.'))",
            "Set-Content -Path \"$stateDir\\web.config.template\" -Value $webConfig");
        AssertInOrder(
            script,
            "& powershell.exe -NoProfile -ExecutionPolicy Bypass -File 'C:\\EdgeOrigin\\Refresh-EdgeOrigin.ps1' -FirstRun",
            "New-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL' -Name ClientAuthTrustMode -PropertyType DWord -Value 2 -Force",
            "-Location $site -Filter 'system.webServer/security/access' -Name sslFlags -Value 'Ssl,SslNegotiateCert,SslRequireCert'",
            "New-WebBinding -Name $site -Protocol https -Port 443 -IPAddress '*'",
            "-File 'C:\\EdgeOrigin\\Refresh-EdgeOrigin.ps1' -Bind\nif ($LASTEXITCODE -ne 0) {",
            "exit 1",
            "Start-Website -Name $site");

        // The refresh keeps exactly the account CAs in the ClientAuthIssuer store and binds 443 to it.
        Assert.Contains("New-Object System.Security.Cryptography.X509Certificates.X509Store('ClientAuthIssuer', 'LocalMachine')", script);
        Assert.Contains("$constraints[0].CertificateAuthority -and $ca.NotBefore -le $now -and $ca.NotAfter -gt $now", script);
        Assert.Contains("if ($settings.edgeClientCaSecretName) { $arguments += @('sslctlstorename=ClientAuthIssuer', 'clientcertnegotiation=enable') }", script);
        Assert.Contains("$casChanged = if ($settings.edgeClientCaSecretName) { Install-EdgeClientCas $token } else { $false }", script);
        Assert.Contains("if ($Bind -or (-not $FirstRun -and ($thumbprint -ne $previous -or $casChanged))) {", script);

        var without = (await ScriptsAsync(Defaults(OriginFlavor.Iis)))[0];
        Assert.DoesNotContain("ClientAuthTrustMode", without, StringComparison.Ordinal);
        Assert.DoesNotContain("sslFlags", without, StringComparison.Ordinal);
        Assert.DoesNotContain("CERT_SUBJECT", without, StringComparison.Ordinal);
        Assert.Contains("edgeClientCaSecretName = ''", without);
    }

    [Fact]
    public async Task The_refresh_writes_a_warning_event_for_a_certificate_within_seven_days_of_expiry_once_an_hour_before_key_vault()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis)))[0];

        Assert.Contains("foreach ($source in $tag, 'edge-origin-role-denied', 'edge-origin-certificate-expiring', 'edge-origin-refresh', 'edge-origin-setup') {", script);
        Assert.Contains("$installed.NotAfter -gt (Get-Date).AddDays(7)", script);
        Assert.Contains("(Get-Item -Path $stamp).LastWriteTimeUtc -gt [DateTime]::UtcNow.AddSeconds(-3600)", script);
        Assert.Contains("Write-EventLog -LogName Application -Source 'edge-origin-certificate-expiring' -EntryType Warning -EventId 2 -Message \"edge-origin-certificate-expiring certificate=$thumbprint days_left=$daysLeft not_after=$notAfter\"", script);
        AssertInOrder(script, "try { Write-CertificateExpiry } catch {", "$token = Get-VaultToken");
    }

    [Fact]
    public async Task The_rewrite_rule_rejects_without_a_current_secret_and_the_default_app_echoes_the_edge_headers()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis)))[0];

        Assert.Contains("""
                    <rule name="edge-origin-auth" stopProcessing="true">
                      <match url=".*" />
                      <conditions>
                        <add input="{HTTP_X_ORIGIN_AUTH}" pattern="__ORIGIN_SECRET_PATTERN__" negate="true" ignoreCase="false" />
                      </conditions>
                      <serverVariables>
                        <set name="EDGE_ORIGIN_AUTH" value="edge-origin-auth-failed" />
                      </serverVariables>
                      <action type="CustomResponse" statusCode="403" statusReason="Forbidden" statusDescription="edge-origin-auth-failed" />
                    </rule>
            """, script);
        Assert.Contains("Write-EventLog -LogName Application -Source $tag -EntryType Warning", script);
        Assert.Contains("public class EdgeOriginApp : IHttpHandler", script);
        Assert.Contains("if (request.Path == \"/healthz\")", script);
        Assert.Contains("name.StartsWith(\"X-Edge-\", StringComparison.OrdinalIgnoreCase)", script);
        Assert.Contains("-Filter 'system.webServer/handlers' -Name '.' -AtIndex 0 -Value @{ name = 'edge-origin-app'; path = '*'; verb = '*'; type = 'EdgeOriginApp'; preCondition = 'integratedMode' }", script);
        Assert.Contains("\n'@\n", script);
    }
}
