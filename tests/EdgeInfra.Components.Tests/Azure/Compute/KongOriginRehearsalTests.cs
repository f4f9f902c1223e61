using System.Globalization;
using System.Text;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Components.Azure.Compute;
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
            local status, said = 200, ""
            kong = {
              request = {
                get_header = function(name) assert(name == "X-Origin-Auth", name) return presented end,
                get_host = function() return "origin.example" end,
                get_path = function() return "/orders" end,
              },
              client = { get_ip = function() return "192.0.2.7" end },
              log = { warn = function(...) said = "warned=" .. table.concat({...}) end },
              response = { exit = function(code) status = code end },
              service = { request = { clear_header = function(name) said = "cleared=" .. name end } },
            }
            assert(loadstring(code, "pre-function"))()
            io.write(status .. " " .. said)
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
            File.WriteAllText(Path.Combine(_kongFolder, "kong"), KongStandIn);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(_kongFolder, "kong"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
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

        public static async Task<Rehearsal> StartAsync(bool vaultAnswers = true)
        {
            var rehearsal = new Rehearsal(vaultAnswers);
            var result = await ComponentHarness.RunAsync(() => new OriginVmCluster("origin", Defaults(OriginFlavor.Kong)), new OriginVmClusterMocks());
            var vm = result.OfType<VirtualMachine>().First();
            var script = Encoding.UTF8.GetString(Convert.FromBase64String((string)Plain(Map(vm.Inputs["osProfile"])["customData"])!));
            File.WriteAllText(Path.Combine(rehearsal.Root, "boot.sh"), script);
            (rehearsal.BootExitCode, rehearsal.BootError) = await RehearsalProcess.RunAsync("bash", [Path.Combine(rehearsal.Root, "boot.sh")], rehearsal._environment);
            return rehearsal;
        }

        public string AddSecretVersion() => _standIn.AddSecretVersion();

        /// <summary>What the systemd timer runs every minute, with Kong running.</summary>
        public async Task<int> RefreshAsync() =>
            (await RehearsalProcess.RunAsync(Path.Combine(Root, "usr/local/lib/edge-origin/refresh"), [Path.Combine(Root, "etc/edge-origin/settings")], _environment)).ExitCode;

        public string State(string file) => Path.Combine(Root, "etc/kong/edge-origin", file);

        public string InstalledConfig() => File.ReadAllText(State("kong.yml"));

        public List<string> KongCalls() => [.. File.ReadAllLines(Path.Combine(_kongFolder, "calls"))];

        /// <summary>The installed config's pre-function, run under LuaJIT for one request presenting <paramref name="secret"/> (null: none).</summary>
        public async Task<string> RunPreFunctionAsync(string? secret)
        {
            var config = new YamlStream();
            config.Load(new StringReader(InstalledConfig()));
            var plugin = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)config.Documents[0].RootNode)["plugins"])[0];
            var code = ((YamlScalarNode)((YamlSequenceNode)((YamlMappingNode)plugin["config"])["access"])[0]).Value!;
            File.WriteAllText(Path.Combine(Root, "pre-function.lua"), code);
            File.WriteAllText(Path.Combine(Root, "harness.lua"), LuaHarness);
            using var process = RehearsalProcess.Start("luajit", [Path.Combine(Root, "harness.lua"), Path.Combine(Root, "pre-function.lua"), secret ?? "-"], _environment);
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, error);
            return output;
        }

        public void Dispose()
        {
            _standIn.Dispose();
            Directory.Delete(Root, recursive: true);
        }
    }
}
