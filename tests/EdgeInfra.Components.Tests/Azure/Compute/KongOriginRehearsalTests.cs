using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Tests.Rehearsal;
using YamlDotNet.RepresentationModel;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterFixtures;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterTests;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>
/// The shell half of the Kong origin, for real: the boot script exactly as a VM receives it and its refresh program,
/// run by bash against the loopback IMDS/Key Vault stand-in (<see cref="KeyVaultStandIn"/>, shared with the nginx
/// rehearsal). Kong itself cannot be installed here: a stand-in <c>kong</c> first on <c>PATH</c> records every call,
/// keeps each declarative config it is asked to parse, and fails when told to; the test reads those configs with a
/// YAML parser and runs their <c>pre-function</c> Lua under LuaJIT (the Lua of OpenResty, which Kong runs on) with a
/// stand-in of the Kong PDK calls it makes. Traffic goes to 127.0.0.1 only; every run is bounded.
/// </summary>
public sealed class KongOriginRehearsalTests
{
    [Fact]
    public async Task The_boot_script_installs_the_stack_certificate_and_a_config_that_accepts_only_the_current_secret()
    {
        RequireTools("bash", "curl", "jq", "openssl", "luajit");
        using var rehearsal = await Rehearsal.StartAsync();

        Assert.True(rehearsal.BootExitCode == 0, rehearsal.BootError);
        Assert.Equal([$"config -c {rehearsal.KongConf} parse"], rehearsal.KongCalls().Select(call => call[..call.LastIndexOf(' ')]));
        var config = Yaml(rehearsal.InstalledConfig());
        Assert.Equal("3.0", Scalar(config, "_format_version"));
        var service = (YamlMappingNode)((YamlSequenceNode)config["services"])[0];
        Assert.Equal($"http://127.0.0.1:{rehearsal.AppPort}", Scalar(service, "url"));
        Assert.Equal("/", ((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)service["routes"])[0])["paths"])[0].ToString());
        var plugin = (YamlMappingNode)((YamlSequenceNode)config["plugins"])[0];
        Assert.Equal("pre-function", Scalar(plugin, "name"));

        Assert.Equal("200 cleared=X-Origin-Auth", await rehearsal.RunPreFunctionAsync(rehearsal.Secrets[0]));
        Assert.StartsWith("403 warned=edge-origin-auth-failed client=", await rehearsal.RunPreFunctionAsync("not-the-origin-secret-0123456789"), StringComparison.Ordinal);
        Assert.StartsWith("403 warned=", await rehearsal.RunPreFunctionAsync(null), StringComparison.Ordinal);

        // ssl_cert and ssl_cert_key are the server certificate (then the stack CA) and its key from Key Vault.
        var installed = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(rehearsal.State("origin.crt"), rehearsal.State("origin.key"));
        Assert.True(installed.HasPrivateKey);
        Assert.Equal(rehearsal.Ca.Subject, installed.Issuer);
        Assert.Contains($"ssl_cert = {rehearsal.State("origin.crt")}\nssl_cert_key = {rehearsal.State("origin.key")}\n", File.ReadAllText(rehearsal.KongConf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotation_is_accepted_alongside_the_previous_secret_and_kong_is_reloaded()
    {
        RequireTools("bash", "curl", "jq", "openssl", "luajit");
        using var rehearsal = await Rehearsal.StartAsync();

        var second = rehearsal.AddSecretVersion();
        Assert.Equal(0, await rehearsal.RefreshAsync());
        Assert.Equal($"reload -c {rehearsal.KongConf}", rehearsal.KongCalls()[^1]);
        Assert.Equal("200 cleared=X-Origin-Auth", await rehearsal.RunPreFunctionAsync(rehearsal.Secrets[0]));
        Assert.Equal("200 cleared=X-Origin-Auth", await rehearsal.RunPreFunctionAsync(second));

        var third = rehearsal.AddSecretVersion();
        Assert.Equal(0, await rehearsal.RefreshAsync());
        Assert.Equal("200 cleared=X-Origin-Auth", await rehearsal.RunPreFunctionAsync(third));
        Assert.Equal("200 cleared=X-Origin-Auth", await rehearsal.RunPreFunctionAsync(second));
        Assert.StartsWith("403 ", await rehearsal.RunPreFunctionAsync(rehearsal.Secrets[0]), StringComparison.Ordinal);

        // Nothing changed: nothing is reloaded.
        var calls = rehearsal.KongCalls().Count;
        Assert.Equal(0, await rehearsal.RefreshAsync());
        Assert.DoesNotContain(rehearsal.KongCalls().Skip(calls), call => call.StartsWith("reload", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_config_kong_refuses_is_never_installed_and_a_failed_reload_is_rolled_back()
    {
        RequireTools("bash", "curl", "jq", "openssl", "luajit");
        using var rehearsal = await Rehearsal.StartAsync();
        var before = rehearsal.InstalledConfig();

        rehearsal.AddSecretVersion();
        rehearsal.KongParseExit = 1;
        Assert.NotEqual(0, await rehearsal.RefreshAsync());
        Assert.Equal(before, rehearsal.InstalledConfig());
        Assert.DoesNotContain(rehearsal.KongCalls(), call => call.StartsWith("reload", StringComparison.Ordinal));

        rehearsal.KongParseExit = 0;
        rehearsal.KongReloadExit = 1;
        Assert.NotEqual(0, await rehearsal.RefreshAsync());
        Assert.Equal(before, rehearsal.InstalledConfig());
        Assert.Equal(2, rehearsal.KongCalls().Count(call => call.StartsWith("reload", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_key_vault_the_boot_script_fails_and_leaves_kong_nothing_to_serve()
    {
        RequireTools("bash", "curl", "jq", "openssl");
        using var rehearsal = await Rehearsal.StartAsync(vaultAnswers: false);

        Assert.NotEqual(0, rehearsal.BootExitCode);
        Assert.False(File.Exists(rehearsal.State("kong.yml")));
        Assert.False(File.Exists(rehearsal.State("origin.crt")));
        Assert.Empty(rehearsal.KongCalls());
    }

    [Fact]
    public async Task With_edge_mtls_kong_asks_nginx_for_the_client_certificate_and_requires_it_verified_with_the_edge_cn_and_the_secret()
    {
        RequireTools("bash", "curl", "jq", "openssl", "luajit");
        using var rehearsal = await Rehearsal.StartAsync(edgeClient: true);

        Assert.True(rehearsal.BootExitCode == 0, rehearsal.BootError);
        Assert.Contains(
            $"nginx_proxy_ssl_client_certificate = {rehearsal.State("edge-client-ca.crt")}\nnginx_proxy_ssl_verify_client = optional\nnginx_proxy_ssl_verify_depth = 2\n",
            File.ReadAllText(rehearsal.KongConf),
            StringComparison.Ordinal);

        // The installed bundle is the account CA, and it verifies the edge's client certificate as nginx (OpenSSL) would.
        var (edgeCertificate, _) = rehearsal.AccountCa.IssueClient(EdgeClient.CommonName.Value);
        Assert.Equal(0, await rehearsal.OpensslAsync(edgeCertificate, "verify", "-CAfile", rehearsal.State("edge-client-ca.crt")));
        var (strangerCertificate, _) = rehearsal.OtherAccountCa.IssueClient(EdgeClient.CommonName.Value);
        Assert.NotEqual(0, await rehearsal.OpensslAsync(strangerCertificate, "verify", "-CAfile", rehearsal.State("edge-client-ca.crt")));

        // nginx's $ssl_client_s_dn is the RFC 2253 subject (the stand-in's name lists CN last, Akamai's first: either passes).
        var edgeSubject = await rehearsal.SubjectAsync(edgeCertificate);
        Assert.EndsWith($",CN={EdgeClient.CommonName.Value}", edgeSubject, StringComparison.Ordinal);
        Assert.Equal("200 cleared=X-Origin-Auth", await rehearsal.RunPreFunctionAsync(rehearsal.Secrets[0], "SUCCESS", $"CN={EdgeClient.CommonName.Value},OU=12345,O=Akamai Technologies\\, Inc.,C=US"));
        var secret = rehearsal.Secrets[0];
        Assert.Equal("200 cleared=X-Origin-Auth", await rehearsal.RunPreFunctionAsync(secret, "SUCCESS", edgeSubject));

        // Without a verified certificate, with another CN, or without the secret: refused and logged with the tag.
        Assert.StartsWith("403 warned=edge-origin-auth-failed client=", await rehearsal.RunPreFunctionAsync(secret, "NONE", null), StringComparison.Ordinal);
        Assert.StartsWith("403 warned=edge-origin-auth-failed client=", await rehearsal.RunPreFunctionAsync(secret, "FAILED:unable to get local issuer certificate", edgeSubject), StringComparison.Ordinal);
        var otherSubject = await rehearsal.SubjectAsync(rehearsal.AccountCa.IssueClient("shop.prod-origin-client-other").CertificatePem);
        Assert.StartsWith("403 warned=edge-origin-auth-failed client=", await rehearsal.RunPreFunctionAsync(secret, "SUCCESS", otherSubject), StringComparison.Ordinal);
        Assert.StartsWith("403 warned=edge-origin-auth-failed client=", await rehearsal.RunPreFunctionAsync(secret, "SUCCESS", "CN=shop,OU=x,O=y,C=US"), StringComparison.Ordinal);
        Assert.StartsWith("403 warned=edge-origin-auth-failed client=", await rehearsal.RunPreFunctionAsync("not-the-origin-secret-0123456789", "SUCCESS", edgeSubject), StringComparison.Ordinal);
        Assert.StartsWith("403 warned=edge-origin-auth-failed client=", await rehearsal.RunPreFunctionAsync(null, "SUCCESS", edgeSubject), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_edge_mtls_a_new_account_ca_list_is_installed_and_kong_reloaded()
    {
        RequireTools("bash", "curl", "jq", "openssl", "luajit");
        using var rehearsal = await Rehearsal.StartAsync(edgeClient: true);
        Assert.True(rehearsal.BootExitCode == 0, rehearsal.BootError);
        var before = File.ReadAllText(rehearsal.State("edge-client-ca.crt"));

        // Nothing changed: no reload.
        Assert.Equal(0, await rehearsal.RefreshAsync());
        Assert.DoesNotContain(rehearsal.KongCalls(), call => call.StartsWith("reload", StringComparison.Ordinal));

        // Akamai adds a CA to the account: the bundle holds both and Kong reloads, so nginx reads it again.
        rehearsal.PublishAccountCas(rehearsal.AccountCa, rehearsal.OtherAccountCa);
        Assert.Equal(0, await rehearsal.RefreshAsync());
        Assert.Equal($"reload -c {rehearsal.KongConf}", rehearsal.KongCalls()[^1]);
        var after = File.ReadAllText(rehearsal.State("edge-client-ca.crt"));
        Assert.StartsWith(before, after, StringComparison.Ordinal);
        var (strangerCertificate, _) = rehearsal.OtherAccountCa.IssueClient(EdgeClient.CommonName.Value);
        Assert.Equal(0, await rehearsal.OpensslAsync(strangerCertificate, "verify", "-CAfile", rehearsal.State("edge-client-ca.crt")));

        // A list with no CA certificate is refused: the last good bundle stays, nothing is reloaded.
        rehearsal.PublishAccountCaJson("[{\"certificate\":\"not a certificate\"}]");
        var calls = rehearsal.KongCalls().Count;
        Assert.NotEqual(0, await rehearsal.RefreshAsync());
        Assert.Equal(after, File.ReadAllText(rehearsal.State("edge-client-ca.crt")));
        Assert.DoesNotContain(rehearsal.KongCalls().Skip(calls), call => call.StartsWith("reload", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_refresh_logs_a_certificate_within_seven_days_of_expiry_once_an_hour_even_when_key_vault_fails()
    {
        RequireTools("bash", "curl", "jq", "openssl", "luajit");
        using var rehearsal = await Rehearsal.StartAsync();
        Assert.True(rehearsal.BootExitCode == 0, rehearsal.BootError);

        // The stand-in's server certificate is valid for one day.
        rehearsal.VaultAnswers = false;
        Assert.NotEqual(0, await rehearsal.RefreshAsync());
        var line = Assert.Single(rehearsal.Logged("edge-origin-certificate-expiring"));
        Assert.True(
            System.Text.RegularExpressions.Regex.IsMatch(line, @"\A-p local0\.warning -t edge-origin-certificate-expiring edge-origin-certificate-expiring certificate=\S+/origin\.crt days_left=[01] not_after=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\z"),
            line);

        // The next minute's run logs nothing new.
        rehearsal.VaultAnswers = true;
        Assert.Equal(0, await rehearsal.RefreshAsync());
        Assert.Single(rehearsal.Logged("edge-origin-certificate-expiring"));
    }

    [Fact]
    public async Task The_pre_function_refuses_a_verified_request_without_a_role_of_the_route_its_path_falls_under()
    {
        RequireTools("bash", "curl", "jq", "openssl", "luajit");
        using var rehearsal = await Rehearsal.StartAsync(edgeClient: true, routes: Routes);
        Assert.True(rehearsal.BootExitCode == 0, rehearsal.BootError);
        var secret = rehearsal.Secrets[0];
        var edgeSubject = $"CN={EdgeClient.CommonName.Value},OU=12345,O=Akamai Technologies\\, Inc.,C=US";
        Task<string> Run(string uri, string? roles, string? presented = null) => rehearsal.RunPreFunctionAsync(presented ?? secret, "SUCCESS", edgeSubject, uri, roles);

        // (normalized path as nginx's $uri holds it, X-Edge-Roles or null for none, whether it passes)
        var cases = new (string Uri, string? Roles, bool Passes)[]
        {
            ("/orders", "Orders.Reader", true),
            ("/orders/1", "Other Orders.Admin", true),
            ("/orders/1", "A Orders.Reader B", true),
            ("/orders", null, false),
            ("/orders", "", false),
            ("/orders/1", "Other", false),
            ("/orders/1", "orders.reader", false),
            ("/orders/1", "OrdersXReader", false),
            ("/orders/1", "Orders.Reader2", false),
            ("/orders/1", "Orders.Reader,Other", false),
            ("/orders/1", "Orders.%", false),
            ("/ordersx", null, true),
            ("/Orders", null, true),
            ("/", null, true),
            ("/orders/public", null, true),
            ("/orders/public/list", null, true),
            ("/orders/publicx", null, false),
            ("/orders/public/admin", "Orders.Reader", false),
            ("/orders/public/admin/users", "Orders.Admin", true),
            ("/reports.v1/summary", "api:reports-reader_2", true),
            ("/reports.v1", "api:reports-reader", false),
            ("/reportsXv1", null, true),
        };
        var failures = new List<string>();
        foreach (var (uri, roles, passes) in cases)
        {
            var answer = await Run(uri, roles);
            var expected = passes ? "200 cleared=X-Origin-Auth" : "403 warned=edge-origin-role-denied client=192.0.2.7 host=origin.example path_prefix=";
            if (!answer.StartsWith(expected, StringComparison.Ordinal))
            {
                failures.Add($"{uri} roles={roles ?? "(none)"}: {answer}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal("403 warned=edge-origin-role-denied client=192.0.2.7 host=origin.example path_prefix=/orders/public/admin path=/orders/public/admin/users", await Run("/orders/public/admin/users", "Orders.Reader"));

        // The origin secret and the edge's certificate are checked first: a request without them is the existing rejection.
        Assert.StartsWith("403 warned=edge-origin-auth-failed ", await Run("/orders", "Orders.Reader", "not-the-origin-secret-0123456789"), StringComparison.Ordinal);
        Assert.StartsWith("403 warned=edge-origin-auth-failed ", await rehearsal.RunPreFunctionAsync(secret, "NONE", null, "/orders", "Orders.Reader"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_routes_that_list_roles_the_pre_function_has_no_role_check()
    {
        RequireTools("bash", "curl", "jq", "openssl", "luajit");
        using var rehearsal = await Rehearsal.StartAsync(routes: [new() { PathPrefix = "/orders", Scopes = ["orders.read"] }]);
        Assert.True(rehearsal.BootExitCode == 0, rehearsal.BootError);

        Assert.DoesNotContain("X-Edge-Roles", rehearsal.InstalledConfig(), StringComparison.Ordinal);
        Assert.Equal("200 cleared=X-Origin-Auth", await rehearsal.RunPreFunctionAsync(rehearsal.Secrets[0], "NONE", null, "/orders", null));
    }

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static void RequireTools(params string[] tools)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        var missing = tools.Where(tool => !path.Any(folder => File.Exists(Path.Combine(folder, tool)))).ToList();
        Assert.True(missing.Count == 0, $"the Kong rehearsal needs {string.Join(", ", missing)} (`.ci/run` installs them: apt-get install curl jq openssl luajit)");
    }

    /// <summary>One rehearsal: a temporary root, the stand-in, the rendered script's files and the stand-in kong.</summary>
    private sealed class Rehearsal : IDisposable
    {
        /// <summary>Records its arguments; keeps each config it parses; exits as the rehearsal tells it.</summary>
        private const string KongStandIn = """
            #!/bin/bash
            printf '%s\n' "$*" >> "${KONG_STAND_IN}/calls"
            if [ "$1" = config ] && [ "$4" = parse ]; then
                cp "$5" "${KONG_STAND_IN}/parsed-$(wc -l < "${KONG_STAND_IN}/calls").yml"
                exit "$(cat "${KONG_STAND_IN}/parse-exit")"
            fi
            if [ "$1" = reload ]; then
                exit "$(cat "${KONG_STAND_IN}/reload-exit")"
            fi
            exit 0
            """;

        /// <summary>Runs the pre-function's code once with a stand-in of the Kong PDK: prints the status and what it cleared or logged.</summary>
        private const string LuaHarness = """
            local code = assert(io.open(arg[1])):read("*a")
            local presented = arg[2] ~= "-" and arg[2] or nil
            local headers = { ["X-Origin-Auth"] = presented, ["X-Edge-Roles"] = arg[6] ~= "-" and arg[6] or nil }
            ngx = { var = { ssl_client_verify = arg[3], ssl_client_s_dn = arg[4] ~= "-" and arg[4] or nil, uri = arg[5] } }
            local status, said = 200, ""
            kong = {
              request = {
                get_header = function(name) assert(name == "X-Origin-Auth" or name == "X-Edge-Roles", name) return headers[name] end,
                get_host = function() return "origin.example" end,
                get_path = function() return arg[5] end,
              },
              client = { get_ip = function() return "192.0.2.7" end },
              log = { warn = function(...) said = "warned=" .. table.concat({...}) end },
              response = { exit = function(code) status = code end },
              service = { request = { clear_header = function(name) said = "cleared=" .. name end } },
            }
            assert(loadstring(code, "pre-function"))()
            io.write(status .. " " .. said)
            """;

        /// <summary>Records what the scripts log to syslog.</summary>
        private const string LoggerStandIn = """
            #!/bin/bash
            printf '%s\n' "$*" >> "${KONG_STAND_IN}/logged"
            """;

        private readonly KeyVaultStandIn _standIn;
        private readonly Dictionary<string, string> _environment;
        private readonly string _kongFolder;

        private Rehearsal(bool vaultAnswers)
        {
            Root = Directory.CreateTempSubdirectory("edge-origin-kong-").FullName;
            _standIn = new KeyVaultStandIn(Root, vaultAnswers);
            _kongFolder = Path.Combine(Root, "kong-stand-in");
            Directory.CreateDirectory(_kongFolder);
            foreach (var (name, text) in new[] { ("kong", KongStandIn), ("logger", LoggerStandIn) })
            {
                File.WriteAllText(Path.Combine(_kongFolder, name), text);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(Path.Combine(_kongFolder, name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            File.WriteAllText(Path.Combine(_kongFolder, "calls"), "");
            KongParseExit = 0;
            KongReloadExit = 0;
            AppPort = RehearsalProcess.FreePort();
            _environment = new Dictionary<string, string>
            {
                ["EDGE_ORIGIN_ROOT"] = Root,
                ["EDGE_ORIGIN_IMDS_ENDPOINT"] = _standIn.Uri.TrimEnd('/'),
                ["EDGE_ORIGIN_VAULT_URI"] = _standIn.Uri,
                ["EDGE_ORIGIN_HTTPS_PORT"] = RehearsalProcess.FreePort().ToString(CultureInfo.InvariantCulture),
                ["EDGE_ORIGIN_APP_PORT"] = AppPort.ToString(CultureInfo.InvariantCulture),
                ["EDGE_ORIGIN_FIRST_READ_ATTEMPTS"] = "1",
                ["KONG_STAND_IN"] = _kongFolder,
                ["PATH"] = $"{_kongFolder}:{Environment.GetEnvironmentVariable("PATH")}",
            };
        }

        public string Root { get; }

        public int AppPort { get; }

        public int BootExitCode { get; private set; }

        public string BootError { get; private set; } = "";

        public List<string> Secrets => _standIn.Secrets;

        public System.Security.Cryptography.X509Certificates.X509Certificate2 Ca => _standIn.Ca;

        public string KongConf => Path.Combine(Root, "etc/kong/kong.conf");

        public int KongParseExit
        {
            set => File.WriteAllText(Path.Combine(_kongFolder, "parse-exit"), value.ToString(CultureInfo.InvariantCulture));
        }

        public int KongReloadExit
        {
            set => File.WriteAllText(Path.Combine(_kongFolder, "reload-exit"), value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>The Akamai account CA of the mTLS Origin Keystore, and another account's.</summary>
        public CertificateAuthorityStandIn AccountCa { get; } = new("Akamai account CA");

        public CertificateAuthorityStandIn OtherAccountCa { get; } = new("another account CA");

        public bool VaultAnswers
        {
            set => _standIn.VaultAnswers = value;
        }

        public static async Task<Rehearsal> StartAsync(bool vaultAnswers = true, bool edgeClient = false, IReadOnlyList<RouteAccess>? routes = null)
        {
            var rehearsal = new Rehearsal(vaultAnswers);
            rehearsal.PublishAccountCas(rehearsal.AccountCa);
            var args = Defaults(OriginFlavor.Kong, edgeClient ? EdgeClient : null, routes);
            var result = await ComponentHarness.RunAsync(() => new OriginVmCluster("origin", args), new OriginVmClusterMocks());
            var vm = result.OfType<VirtualMachine>().First();
            var script = Encoding.UTF8.GetString(Convert.FromBase64String((string)Plain(Map(vm.Inputs["osProfile"])["customData"])!));
            File.WriteAllText(Path.Combine(rehearsal.Root, "boot.sh"), script);
            (rehearsal.BootExitCode, rehearsal.BootError) = await RehearsalProcess.RunAsync("bash", [Path.Combine(rehearsal.Root, "boot.sh")], rehearsal._environment);
            return rehearsal;
        }

        public string AddSecretVersion() => _standIn.AddSecretVersion();

        /// <summary>A new version of the edge client CA secret, as the stack writes Akamai's account CA list.</summary>
        public void PublishAccountCas(params CertificateAuthorityStandIn[] cas) =>
            PublishAccountCaJson(JsonSerializer.Serialize(cas.Select(ca => new { certificate = ca.CertificatePem })));

        public void PublishAccountCaJson(string json) => _standIn.Vault.AddVersion(EdgeClient.CaSecretName, json);

        /// <summary>The lines logged to syslog with <paramref name="tag"/>, as the logger arguments.</summary>
        public List<string> Logged(string tag)
        {
            var file = Path.Combine(_kongFolder, "logged");
            return File.Exists(file) ? [.. File.ReadAllLines(file).Where(line => line.Contains($"-t {tag} ", StringComparison.Ordinal))] : [];
        }

        /// <summary>Runs <c>openssl x509|verify ARGS</c> on <paramref name="pem"/>; its exit code.</summary>
        public async Task<int> OpensslAsync(string pem, params string[] arguments)
        {
            var file = Path.Combine(Root, $"certificate-{Guid.NewGuid():N}.pem");
            File.WriteAllText(file, pem);
            return (await RehearsalProcess.RunAsync("openssl", [.. arguments, file], _environment)).ExitCode;
        }

        /// <summary>The subject of <paramref name="pem"/> in RFC 2253 form, as nginx's <c>$ssl_client_s_dn</c> gives it.</summary>
        public async Task<string> SubjectAsync(string pem)
        {
            var file = Path.Combine(Root, $"certificate-{Guid.NewGuid():N}.pem");
            File.WriteAllText(file, pem);
            using var process = RehearsalProcess.Start("openssl", ["x509", "-in", file, "-noout", "-subject", "-nameopt", "RFC2253"], _environment);
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return output.Trim()["subject=".Length..];
        }

        /// <summary>What the systemd timer runs every minute, with Kong running.</summary>
        public async Task<int> RefreshAsync() =>
            (await RehearsalProcess.RunAsync(Path.Combine(Root, "usr/local/lib/edge-origin/refresh"), [Path.Combine(Root, "etc/edge-origin/settings")], _environment)).ExitCode;

        public string State(string file) => Path.Combine(Root, "etc/kong/edge-origin", file);

        public string InstalledConfig() => File.ReadAllText(State("kong.yml"));

        public List<string> KongCalls() => [.. File.ReadAllLines(Path.Combine(_kongFolder, "calls"))];

        /// <summary>The installed config's pre-function, run under LuaJIT for one request presenting <paramref name="secret"/> (null: none).</summary>
        public async Task<string> RunPreFunctionAsync(string? secret) => await RunPreFunctionAsync(secret, "NONE", null);

        /// <summary>
        /// The pre-function for one request presenting <paramref name="secret"/>, over a connection whose client certificate
        /// nginx found <paramref name="clientVerify"/> (<c>$ssl_client_verify</c>) with the subject <paramref name="subject"/>.
        /// </summary>
        public Task<string> RunPreFunctionAsync(string? secret, string clientVerify, string? subject) => RunPreFunctionAsync(secret, clientVerify, subject, "/orders", null);

        /// <summary>
        /// The pre-function for one request as the previous overload, for the normalized path <paramref name="uri"/>
        /// (<c>ngx.var.uri</c>) with <paramref name="roles"/> in <c>X-Edge-Roles</c> (null: no such header).
        /// </summary>
        public async Task<string> RunPreFunctionAsync(string? secret, string clientVerify, string? subject, string uri, string? roles)
        {
            var config = new YamlStream();
            config.Load(new StringReader(InstalledConfig()));
            var plugin = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)config.Documents[0].RootNode)["plugins"])[0];
            var code = ((YamlScalarNode)((YamlSequenceNode)((YamlMappingNode)plugin["config"])["access"])[0]).Value!;
            File.WriteAllText(Path.Combine(Root, "pre-function.lua"), code);
            File.WriteAllText(Path.Combine(Root, "harness.lua"), LuaHarness);
            using var process = RehearsalProcess.Start("luajit", [Path.Combine(Root, "harness.lua"), Path.Combine(Root, "pre-function.lua"), secret ?? "-", clientVerify, subject ?? "-", uri, roles ?? "-"], _environment);
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, error);
            return output;
        }

        public void Dispose()
        {
            AccountCa.Dispose();
            OtherAccountCa.Dispose();
            _standIn.Dispose();
            Directory.Delete(Root, recursive: true);
        }
    }
}
