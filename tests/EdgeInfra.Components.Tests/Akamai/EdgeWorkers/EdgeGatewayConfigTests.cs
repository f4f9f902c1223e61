using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Tests.Akamai.Properties;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Akamai.EdgeWorkers;

public sealed class EdgeGatewayConfigTests : IDisposable
{
    /// <summary>The values of the checked-in sample config.json.</summary>
    private static EdgeGatewayConfig Sample(string audience = "api://edge-gateway") => new()
    {
        Jwt = new EdgeGatewayJwt
        {
            Issuer = "https://login.example.com/edge-sample/v2.0",
            Audience = audience,
            JwksUrl = "https://auth.example.com/.well-known/jwks.json",
        },
        Routing = new EdgeGatewayRouting
        {
            DefaultOriginGroup = "primary",
            OriginGroups = new Dictionary<string, EdgeGatewayOriginGroup>
            {
                ["reports"] = new("origin-reports"),
                ["primary"] = new("origin-primary"),
                ["eu"] = new("origin-eu"),
            },
            PathRules = [new("/reports", "reports")],
            GeoRules = [new(["DE", "FR", "NL"], "eu")],
        },
        Routes = [new EdgeGatewayRoute("/reports", ["reports.read"], ["Reports.Admin", "Reports.Reader"])],
    };

    private const string SampleJson = """
        {
          "headers": {
            "schemaVersion": 2
          },
          "jwt": {
            "algorithms": [
              "RS256"
            ],
            "audience": "api://edge-gateway",
            "clockSkewSeconds": 60,
            "issuer": "https://login.example.com/edge-sample/v2.0",
            "jwksCacheSeconds": 300,
            "jwksUrl": "https://auth.example.com/.well-known/jwks.json"
          },
          "originAuth": {
            "headerName": "X-Origin-Auth"
          },
          "routes": [
            {
              "pathPrefix": "/reports",
              "roles": [
                "Reports.Admin",
                "Reports.Reader"
              ],
              "scopes": [
                "reports.read"
              ]
            }
          ],
          "routing": {
            "defaultOriginGroup": "primary",
            "geoRules": [
              {
                "countries": [
                  "DE",
                  "FR",
                  "NL"
                ],
                "originGroup": "eu"
              }
            ],
            "originGroups": {
              "eu": {
                "originId": "origin-eu"
              },
              "primary": {
                "originId": "origin-primary"
              },
              "reports": {
                "originId": "origin-reports"
              }
            },
            "pathRules": [
              {
                "originGroup": "reports",
                "pathPrefix": "/reports"
              }
            ],
            "variableName": "PMUSER_ORIGIN_GROUP"
          }
        }

        """;

    private readonly EdgeGatewayBundleCopy _bundle = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "edgeinfra-gw-out-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _bundle.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private string DiskVersion => JsonDocument.Parse(_bundle.Read("bundle.json")).RootElement.GetProperty("edgeworker-version").GetString()!;

    private EdgeWorkerDeploymentArgs Args(EdgeGatewayConfig config) => new()
    {
        GroupId = 12345,
        BundleDirectory = _bundle.Path,
        ActivateProduction = true,
        OutputDirectory = _output,
        Config = config,
    };

    private static Dictionary<string, string> ReadEntries(ReadOnlyMemory<byte> tgz)
    {
        using var gzip = new GZipStream(new MemoryStream(tgz.ToArray()), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            using var content = new StreamReader(entry.DataStream!);
            entries[entry.Name] = content.ReadToEnd();
        }

        return entries;
    }

    [Fact]
    public void Equal_configs_render_byte_identical_json_with_sorted_keys()
    {
        Assert.Equal(SampleJson.ReplaceLineEndings("\n"), Sample().ToJson());
        Assert.Equal(Sample().ToJson(), Sample().ToJson());
        Assert.Equal(
            "// Generated from config.json by the bundler: EdgeWorkers can only import JavaScript modules.\n// Do not edit by hand; test/config.test.js checks that it matches config.json.\nexport default " + SampleJson.ReplaceLineEndings("\n").TrimEnd('\n') + ";\n",
            Sample().ToConfigDataJs());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SampleJson.ReplaceLineEndings("\n")))), Sample().Sha256());
        Assert.Equal("-c" + Sample().Sha256()[..8], Sample().VersionSuffix());
    }

    [Fact]
    public void Hs256_writes_the_hmac_variable_and_no_jwks_url()
    {
        var config = Sample() with { Jwt = new EdgeGatewayJwt { Issuer = "https://issuer", Audience = "aud", Algorithms = ["HS256"] } };
        var jwt = JsonDocument.Parse(config.ToJson()).RootElement.GetProperty("jwt");
        Assert.Equal(["algorithms", "audience", "clockSkewSeconds", "hmacKeyEncoding", "hmacSecretVariable", "issuer", "jwksCacheSeconds"], jwt.EnumerateObject().Select(p => p.Name));
        Assert.Equal("PMUSER_JWT_HMAC_SECRET", jwt.GetProperty("hmacSecretVariable").GetString());
        Assert.Equal("utf8", jwt.GetProperty("hmacKeyEncoding").GetString());
    }

    [Fact]
    public void Issuer_and_audience_from_property_variables_are_written_instead_of_the_values()
    {
        var config = Sample() with { Jwt = Sample().Jwt with { Issuer = null, IssuerVariable = "PMUSER_JWT_ISSUER", Audience = null, AudienceVariable = "PMUSER_JWT_AUDIENCE" } };
        var jwt = JsonDocument.Parse(config.ToJson()).RootElement.GetProperty("jwt");
        Assert.Equal(["algorithms", "audienceVariable", "clockSkewSeconds", "issuerVariable", "jwksCacheSeconds", "jwksUrl"], jwt.EnumerateObject().Select(p => p.Name));
        Assert.Equal("PMUSER_JWT_ISSUER", jwt.GetProperty("issuerVariable").GetString());
        Assert.Equal("PMUSER_JWT_AUDIENCE", jwt.GetProperty("audienceVariable").GetString());
        Assert.Equal(EdgeWorkerBundle.Load(_bundle.Path, config).Version, DiskVersion + config.VersionSuffix());
    }

    [Fact]
    public void Issuer_and_audience_are_each_given_exactly_once()
    {
        var both = Sample() with { Jwt = Sample().Jwt with { IssuerVariable = "PMUSER_JWT_ISSUER", AudienceVariable = "jwt_audience" } };
        Assert.Equal(
        [
            "config.jwt.issuer: value \"https://login.example.com/edge-sample/v2.0\" must be null when issuerVariable (\"PMUSER_JWT_ISSUER\") is set: give exactly one of them",
            "config.jwt.audienceVariable: value \"jwt_audience\" must be a property user variable name (PMUSER_ followed by A-Z, 0-9 or _)",
            "config.jwt.audience: value \"api://edge-gateway\" must be null when audienceVariable (\"jwt_audience\") is set: give exactly one of them",
        ], Errors(() => new EdgeWorkerDeployment("gw", Args(both))).Select(e => $"{e.Property}: {e.Message}"));
        var neither = Sample() with { Jwt = Sample().Jwt with { Issuer = null, Audience = null } };
        Assert.Equal(
        [
            "config.jwt.issuer: value null must be an https:// URL (or set issuerVariable, the property variable that holds it)",
            "config.jwt.audience: value null must be a non-empty string (or set audienceVariable, the property variable that holds it)",
        ], Errors(() => new EdgeWorkerDeployment("gw", Args(neither))).Select(e => $"{e.Property}: {e.Message}"));
    }

    [Fact]
    public void The_rendered_files_pass_the_bundles_own_javascript_validator()
    {
        // Node.js is part of the test toolchain (the README's test command runs the bundle's own tests with it).
        var node = FindNode();
        Assert.True(node is not null, "Node.js is not on PATH: the tests need it to run the bundle's own validator.");

        var config = Sample() with { Jwt = Sample().Jwt with { Algorithms = ["RS256", "HS256"], ClockSkewSeconds = 0, HmacKeyEncoding = "base64url" } };
        var bundle = EdgeWorkerBundle.Load(_bundle.Path, config);
        var entries = ReadEntries(bundle.Tarball);
        var folder = Path.Combine(_bundle.Path, ".rendered");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "config.json"), entries["config.json"]);
        File.WriteAllText(Path.Combine(folder, "config-data.js"), entries["config-data.js"]);
        File.WriteAllText(Path.Combine(folder, "package.json"), "{\"type\": \"module\"}\n");

        var configJs = new Uri(Path.Combine(_bundle.Path, "lib", "config.js")).AbsoluteUri;
        var dataJs = new Uri(Path.Combine(folder, "config-data.js")).AbsoluteUri;
        var script = $$"""
            import { readGatewayConfig } from '{{configJs}}';
            import data from '{{dataJs}}';
            import { readFileSync } from 'node:fs';
            import { deepStrictEqual } from 'node:assert';
            const json = JSON.parse(readFileSync(new URL('./config.json', '{{dataJs}}'), 'utf8'));
            deepStrictEqual(data, json);
            const config = readGatewayConfig(json);
            process.stdout.write(JSON.stringify([config.jwt.issuer, config.jwt.algorithms, config.jwt.clockSkewSeconds, config.headers.schemaVersion, config.routing.defaultOriginGroup, config.jwt.hmacKeyEncoding, config.routes]));
            """;
        var start = new ProcessStartInfo(node!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--input-type=module", "-e", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal("[\"https://login.example.com/edge-sample/v2.0\",[\"RS256\",\"HS256\"],0,2,\"primary\",\"base64url\",[{\"pathPrefix\":\"/reports\",\"scopes\":[\"reports.read\"],\"roles\":[\"Reports.Admin\",\"Reports.Reader\"]}]]", stdout);
    }

    [Fact]
    public void The_real_bundle_is_packed_with_the_rendered_config_and_a_suffixed_version()
    {
        var config = Sample("api://edge-gateway-dev");
        var before = Directory.EnumerateFiles(_bundle.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

        var bundle = EdgeWorkerBundle.Load(_bundle.Path, config);

        var version = DiskVersion + config.VersionSuffix();
        Assert.Matches("^[0-9.]+-c[0-9a-f]{8}$", bundle.Version);
        Assert.Equal(version, bundle.Version);
        var entries = ReadEntries(bundle.Tarball);
        Assert.Equal(config.ToConfigDataJs(), entries["config-data.js"]);
        Assert.Equal(config.ToJson(), entries["config.json"]);
        Assert.Contains("\"audience\": \"api://edge-gateway-dev\"", entries["config-data.js"], StringComparison.Ordinal);
        Assert.Equal(version, JsonDocument.Parse(entries["bundle.json"]).RootElement.GetProperty("edgeworker-version").GetString());
        Assert.Equal(_bundle.Read("main.js"), entries["main.js"]);
        Assert.Equal(EdgeWorkerBundle.Load(_bundle.Path).Lock, bundle.Lock);
        Assert.Equal(before, Directory.EnumerateFiles(_bundle.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText));
    }

    [Fact]
    public void The_version_changes_with_the_config_and_not_otherwise()
    {
        var first = EdgeWorkerBundle.Load(_bundle.Path, Sample());
        var again = EdgeWorkerBundle.Load(_bundle.Path, Sample());
        var prod = EdgeWorkerBundle.Load(_bundle.Path, Sample("api://edge-gateway-prod"));

        Assert.Equal(first.Version, again.Version);
        Assert.True(first.Tarball.Span.SequenceEqual(again.Tarball.Span));
        Assert.NotEqual(first.Version, prod.Version);
        Assert.StartsWith(DiskVersion + "-c", prod.Version, StringComparison.Ordinal);
        Assert.Equal(first.Lock, prod.Lock);
    }

    [Fact]
    public async Task A_deployment_with_config_pins_both_activations_to_the_suffixed_version()
    {
        var config = Sample();
        var version = DiskVersion + config.VersionSuffix();
        void Build() => _ = new EdgeWorkerDeployment("gw", Args(config));

        var program = SynthConforming(Build);
        var result = await RunAsync(Build, new EdgePropertyMocks());
        Assert.Equal($"{_output.Replace('\\', '/')}/gw-{version}.tgz", result.Resource("gw-edgeworker").Inputs["localBundle"]);
        Assert.Equal("STAGING", result.Resource("gw-activation-staging").Inputs["network"]);
        Assert.Equal(2, result.Resources.Count(r => Equals(r.Inputs.GetValueOrDefault("version"), version)));
        var tarball = File.ReadAllBytes(Path.Combine(_output, $"gw-{version}.tgz"));
        Assert.Equal(config.ToConfigDataJs(), ReadEntries(tarball)["config-data.js"]);

        Assert.Equal(program, Synth(() => new EdgeWorkerDeployment("gw", Args(Sample()))));
        Assert.Equal(tarball, File.ReadAllBytes(Path.Combine(_output, $"gw-{version}.tgz")));
    }

    [Fact]
    public void The_lock_still_applies_to_the_files_on_disk()
    {
        File.AppendAllText(Path.Combine(_bundle.Path, "main.js"), "// changed\n");
        var error = Assert.Single(Errors(() => new EdgeWorkerDeployment("gw", Args(Sample()))));
        Assert.Equal($"component 'gw' (edgeinfra:akamai:EdgeWorkerDeployment), property 'bundle.lock.json': files changed but edgeworker-version is still {DiskVersion}: bump it in bundle.json, then update the lock with EdgeWorkerBundle.WriteLock", error.ToString());
    }

    [Fact]
    public void Every_invalid_config_value_is_reported_at_once_with_property_value_and_rule()
    {
        var config = new EdgeGatewayConfig
        {
            Jwt = new EdgeGatewayJwt
            {
                Issuer = "http://login.example.com",
                Audience = " ",
                Algorithms = ["RS256", "none"],
                JwksUrl = "http://auth.example.com/jwks",
                JwksCacheSeconds = 5,
                ClockSkewSeconds = 301,
                HmacSecretVariable = "secret",
                HmacKeyEncoding = "base64",
            },
            Headers = new EdgeGatewayHeaders { SchemaVersion = 1 },
            OriginAuth = new EdgeGatewayOriginAuth { HeaderName = "X-Edge-Secret" },
            Routing = new EdgeGatewayRouting
            {
                VariableName = "origin_group",
                DefaultOriginGroup = "missing",
                OriginGroups = new Dictionary<string, EdgeGatewayOriginGroup> { ["eu"] = new("origin eu") },
                PathRules = [new("reports", "nowhere"), new("/a", "eu"), new("/a", "eu")],
                GeoRules = [new(["de"], "eu"), new(["FR"], "eu"), new(["FR"], "eu"), new([], "eu")],
            },
            Routes = [new EdgeGatewayRoute("/orders/", ["orders read"], []), new EdgeGatewayRoute("/ORDERS", [], ["a", "a"]), new EdgeGatewayRoute("/orders", [], [])],
        };
        var errors = Errors(() => new EdgeWorkerDeployment("gw", Args(config)));
        Assert.Equal(
        [
            "config.jwt.issuer: value \"http://login.example.com\" must be an https:// URL (or set issuerVariable, the property variable that holds it)",
            "config.jwt.audience: value \" \" must be a non-empty string (or set audienceVariable, the property variable that holds it)",
            "config.jwt.hmacKeyEncoding: value \"base64\" must be one of utf8, base64url, hex",
            "config.jwt.algorithms: value [\"RS256\",\"none\"] must be a non-empty list of distinct values from RS256, HS256 (\"none\" is never allowed)",
            "config.jwt.jwksUrl: value \"http://auth.example.com/jwks\" must be an https:// URL when RS256 is allowed",
            "config.jwt.jwksCacheSeconds: value 5 must be an integer from 60 to 86400",
            "config.jwt.clockSkewSeconds: value 301 must be an integer from 0 to 300",
            "config.jwt.hmacSecretVariable: value \"secret\" must be a property user variable name (PMUSER_ followed by A-Z, 0-9 or _)",
            "config.headers.schemaVersion: value 1 must be 2, the header schema version this bundle writes",
            "config.originAuth.headerName: value \"X-Edge-Secret\" must be an HTTP header name that does not start with X-Edge-",
            "config.routing.variableName: value \"origin_group\" must be a property user variable name (PMUSER_ followed by A-Z, 0-9 or _)",
            "config.routing.originGroups.eu.originId: value \"origin eu\" must be a property origin id (letters, digits, '.', '_', '-')",
            "config.routing.defaultOriginGroup: value \"missing\" must be one of the origin groups (eu)",
            "config.routing.pathRules[0].pathPrefix: value \"reports\" must start with '/' and contain no whitespace, '?' or '#'",
            "config.routing.pathRules[0].originGroup: value \"nowhere\" must be one of the origin groups (eu)",
            "config.routing.pathRules: pathPrefix \"/a\" must appear only once",
            "config.routing.geoRules[0].countries: value \"de\" must be an upper-case ISO 3166-1 alpha-2 code",
            "config.routing.geoRules[2].countries: country \"FR\" must appear in only one geo rule",
            "config.routing.geoRules[3].countries: value [] must list at least one country",
            "config.routes[0].pathPrefix: value \"/orders/\" must be '/' and one or more segments of letters, digits, '.', '_', '~' or '-' separated by '/' (no trailing '/')",
            "config.routes[0].scopes[0]: value \"orders read\" must be 1 to 120 letters, digits, '.', '_', '-' or ':'",
            "config.routes[1].roles[1]: value \"a\" must appear only once",
            "config.routes: pathPrefix \"/ORDERS\" must appear only once, ignoring case (the gateway compares paths ignoring case)",
        ], errors.Select(e => $"{e.Property}: {e.Message}"));
        Assert.All(errors, e => Assert.StartsWith("component 'gw' (edgeinfra:akamai:EdgeWorkerDeployment), property 'config.", e.ToString(), StringComparison.Ordinal));
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public void A_route_prefix_with_a_dot_segment_or_over_200_characters_is_refused_as_the_gateway_could_never_match_it()
    {
        var longest = "/" + new string('p', 199);
        var accepted = Sample() with { Routes = [new EdgeGatewayRoute(longest, [], ["Orders.Reader"]), new EdgeGatewayRoute("/a.b/..c/...", ["orders.read"], [])] };
        Assert.Equal(DiskVersion + accepted.VersionSuffix(), EdgeWorkerBundle.Load(_bundle.Path, accepted).Version);

        var tooLong = "/" + new string('p', 200);
        var config = Sample() with
        {
            Routes = [new EdgeGatewayRoute("/a/../orders", [], ["Orders.Reader"]), new EdgeGatewayRoute("/./orders", [], []), new EdgeGatewayRoute("/orders/..", [], []), new EdgeGatewayRoute(tooLong, [], [])],
        };
        var errors = Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(_bundle.Path, config)).Errors;
        const string Why = "must have no '.' or '..' segment: the gateway resolves those in request paths before comparing, so no request could match the route and it would never be enforced";
        Assert.Equal(
        [
            $"config.routes[0].pathPrefix: value \"/a/../orders\" {Why}",
            $"config.routes[1].pathPrefix: value \"/./orders\" {Why}",
            $"config.routes[2].pathPrefix: value \"/orders/..\" {Why}",
            $"config.routes[3].pathPrefix: value \"{tooLong}\" must be at most 200 characters (it has 201), the longest prefix the origins' route rules accept",
        ], errors.Select(e => $"{e.Property}: {e.Message}"));
    }

    [Theory]
    [InlineData("HS256", "https://auth.example.com/jwks", "config.jwt.jwksUrl: value \"https://auth.example.com/jwks\" must be absent when RS256 is not allowed")]
    [InlineData("RS256", null, "config.jwt.jwksUrl: value null must be an https:// URL when RS256 is allowed")]
    public void The_jwks_url_follows_the_algorithms(string algorithm, string? jwksUrl, string message)
    {
        var config = Sample() with { Jwt = Sample().Jwt with { Algorithms = [algorithm], JwksUrl = jwksUrl } };
        var error = Assert.Single(Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(_bundle.Path, config)).Errors);
        Assert.Equal(message, $"{error.Property}: {error.Message}");
    }

    [Fact]
    public void No_origin_groups_is_reported()
    {
        var config = Sample() with { Routing = Sample().Routing with { OriginGroups = new Dictionary<string, EdgeGatewayOriginGroup>(), PathRules = [], GeoRules = [] } };
        var errors = Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(_bundle.Path, config)).Errors;
        Assert.Equal(
        [
            "config.routing.originGroups: value {} must name at least one origin group",
            "config.routing.defaultOriginGroup: value \"primary\" must be one of the origin groups (none)",
        ], errors.Select(e => $"{e.Property}: {e.Message}"));
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);
}
