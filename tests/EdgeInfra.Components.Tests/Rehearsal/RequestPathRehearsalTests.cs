using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Application;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Tests.Akamai.EdgeWorkers;
using EdgeInfra.Components.Tests.Azure.Compute;
using EdgeInfra.Testing;
using Xunit.Abstractions;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>
/// The whole request path, rehearsed on loopback from what <see cref="EdgeFrontedApplication"/> synthesizes: the
/// property's rule tree and the packed EdgeWorker bundle run by the edge stand-in (node), the nginx boot script run
/// against the Key Vault stand-in holding the stack's secret and certificate (made by the tls stand-in from the
/// stack's own inputs), real nginx and the default app. Nothing leaves 127.0.0.1; every loop is bounded.
/// </summary>
public sealed class RequestPathRehearsalTests(ITestOutputHelper output) : IDisposable
{
    private const string Host = "app.example.com";
    private const string IdentityProviderHost = "login.example.com";
    private const string JwksPath = "/app/discovery/v2.0/keys";
    private const string Issuer = "https://login.example.com/app/v2.0";
    private const string Audience = "api://app";

    // A dot in the name: nginx matches the certificate's CN with a regular expression, where an unescaped dot is any character.
    private const string PropertyName = "app.rehearsal";

    /// <summary>What the whole path needs on the machine; `.ci/run` installs it.</summary>
    private static readonly string[] Tools = ["nginx", "openssl", "python3", "curl", "jq", "bash", "node", "tar"];

    private readonly EdgeGatewayBundleCopy _bundle = new();
    private readonly CertificateAuthorityStandIn _accountCa = new("12345 Account CA G1");
    private readonly CertificateAuthorityStandIn _pki = new("public CA stand-in");
    private readonly TokenIssuer _issuer = new("key-1");
    private readonly string _work = Directory.CreateTempSubdirectory("edge-request-path-").FullName;

    public void Dispose()
    {
        _bundle.Dispose();
        _accountCa.Dispose();
        _pki.Dispose();
        _issuer.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task A_token_bearing_request_reaches_the_app_through_the_edge_and_nothing_else_does()
    {
        OriginRehearsal.RequireTools(Tools);
        var stack = await SynthesizeAsync();
        using var vault = VaultHolding(stack);
        using var origin = await OriginRehearsal.StartAsync(stack.BootScript, vault);
        Assert.Equal(0, origin.BootExitCode);
        using var edge = await EdgeStandIn.StartAsync(EdgeSettings(stack, origin, stack.Rules), _pki.Certificate);

        // A valid token: 200 from the default app, which echoes the identity headers the gateway set.
        var ok = await edge.SendAsync(Host, "/orders?page=2", _issuer.Sign(Claims()));
        Assert.True(ok.Status == HttpStatusCode.OK, $"{ok.Status}: {ok.Body}\n{Log(edge)}");
        Assert.Contains("\"x-edge-sub\": \"user-42\"", ok.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(stack.OriginSecret, ok.Body, StringComparison.Ordinal);
        Assert.Equal("max-age=31536000", ok.Response.Headers.GetValues("Strict-Transport-Security").Single());
        var forwarded = edge.EventsNamed("origin").Single(e => (string?)e["hostname"] == OriginVmClusterMocks.Fqdn);
        Assert.Contains("x-origin-auth", forwarded["headers"]!.AsArray().Select(h => (string?)h));

        // The keys came through the property's JWKS relay: the identity provider's host and path, no origin secret.
        var jwksFetch = edge.EventsNamed("identity-provider").Single();
        Assert.Equal(IdentityProviderHost, (string?)jwksFetch["host"]);
        Assert.Equal(JwksPath, (string?)jwksFetch["path"]);
        Assert.DoesNotContain("x-origin-auth", jwksFetch["headers"]!.AsArray().Select(h => (string?)h));

        // Invalid, expired or missing tokens: 401 at the edge, and the origin never sees the request.
        var served = await origin.ServedRequestsSettledAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.Unauthorized, (await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims(), forge: true))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims(exp: now - 3600)))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims(audience: "api://another")))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await edge.SendAsync(Host, "/orders")).Status);
        Assert.Equal(served, await origin.ServedRequestsSettledAsync());

        // Plain HTTP is redirected to HTTPS before the gateway runs; a method the property does not allow gets 501.
        var redirect = await edge.SendAsync(Host, "/orders?page=2", plainHttp: true);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.Status);
        Assert.Equal($"https://{Host}/orders?page=2", redirect.Response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotImplemented, (await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims()), HttpMethod.Options)).Status);
        Assert.Equal(HttpStatusCode.OK, (await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims()), HttpMethod.Delete)).Status);
        Assert.Equal(served + 1, await origin.ServedRequestsSettledAsync());

        // A direct request to the origin without the edge's credentials is refused: no client certificate, or one from
        // another CA, fails nginx's verification (400); the account CA's certificate with another name (one where the
        // dot is another character included), or the edge's certificate without the origin secret, gets 403.
        using var otherCa = new CertificateAuthorityStandIn("another CA");
        var edgeName = OriginClientCertificate.NameFor(PropertyName).Value;
        Assert.Equal(HttpStatusCode.BadRequest, await SendToOriginAsync(origin, stack.CaPem, null, stack.OriginSecret));
        Assert.Equal(HttpStatusCode.BadRequest, await SendToOriginAsync(origin, stack.CaPem, otherCa.IssueClient(edgeName), stack.OriginSecret));
        Assert.Equal(HttpStatusCode.Forbidden, await SendToOriginAsync(origin, stack.CaPem, _accountCa.IssueClient("someone-else"), stack.OriginSecret));
        Assert.Equal(HttpStatusCode.Forbidden, await SendToOriginAsync(origin, stack.CaPem, _accountCa.IssueClient(edgeName.Replace('.', 'x')), stack.OriginSecret));
        Assert.Equal(HttpStatusCode.Forbidden, await SendToOriginAsync(origin, stack.CaPem, _accountCa.IssueClient(edgeName), null));
        Assert.Equal(HttpStatusCode.OK, await SendToOriginAsync(origin, stack.CaPem, _accountCa.IssueClient(edgeName), stack.OriginSecret));

        // Rotation while requests run: Key Vault gets the new value, the origins' timer re-reads it, then the edge
        // switches (a new property version); not one request fails.
        using var traffic = BackgroundTraffic.Start(async () => Pick(await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims()))), 1000, TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        var rotated = NewSecret();
        vault.AddVersion(stack.OriginSecretName, rotated);
        Assert.Equal(0, await origin.RefreshAsync());
        await Task.Delay(500);
        await edge.SetVariablesAsync(new Dictionary<string, string> { [EdgeFrontedApplication.OriginSecretVariable] = rotated });
        await Task.Delay(500);
        await traffic.StopAsync();
        output.WriteLine($"rotation: {traffic.Sent} requests through the edge in {traffic.ElapsedMilliseconds} ms, {traffic.Failures.Count} failed");
        Assert.True(traffic.Sent > 10, $"only {traffic.Sent} requests were sent during the rotation");
        Assert.True(traffic.Failures.Count == 0, $"{traffic.Failures.Count} of {traffic.Sent} requests failed during the rotation: {string.Join("; ", traffic.Failures.Take(3))}\n{Log(edge)}");
    }

    [Fact]
    public async Task The_edge_refuses_an_origin_whose_certificate_is_not_from_the_ca_the_rule_tree_trusts()
    {
        OriginRehearsal.RequireTools(Tools);
        var stack = await SynthesizeAsync();
        using var vault = VaultHolding(stack);
        using var origin = await OriginRehearsal.StartAsync(stack.BootScript, vault);

        // The same rule tree, trusting another CA (here the public CA stand-in) instead of the stack's.
        var rules = JsonNode.Parse(stack.Rules.ToJsonString())!.AsObject();
        foreach (var authorities in Descendants(rules).OfType<JsonObject>().Where(o => o["customCertificateAuthorities"] is not null))
        {
            authorities["customCertificateAuthorities"] = new JsonArray(new JsonObject { ["pemEncodedCert"] = _pki.CertificatePem });
        }

        using var edge = await EdgeStandIn.StartAsync(EdgeSettings(stack, origin, rules), _pki.Certificate);
        var answer = await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims()));
        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Contains(edge.EventsNamed("origin-error"), e => (string?)e["hostname"] == OriginVmClusterMocks.Fqdn);
        Assert.Equal(0, await origin.ServedRequestsSettledAsync());
    }

    [Fact]
    public async Task Every_certificate_on_the_path_rotates_while_requests_run_and_none_fails()
    {
        OriginRehearsal.RequireTools(Tools);
        var mocks = new RehearsalMocks([_accountCa.CertificatePem]);
        var stack = await SynthesizeAsync(mocks);
        using var vault = VaultHolding(stack);
        using var origin = await OriginRehearsal.StartAsync(stack.BootScript, vault);
        using var edge = await EdgeStandIn.StartAsync(EdgeSettings(stack, origin, stack.Rules), _pki.Certificate);
        var edgeName = OriginClientCertificate.NameFor(PropertyName).Value;

        using var traffic = BackgroundTraffic.Start(async () => Pick(await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims()))), 4000, TimeSpan.FromSeconds(90));

        // 1. The server certificate is renewed (the tls provider's early renewal): same CA, new certificate in Key Vault.
        mocks.Renew("app-origin-ca-weu-origin-tls");
        var renewed = await SynthesizeAsync(mocks);
        Assert.NotEqual(stack.TlsBundle, renewed.TlsBundle);
        await RefreshOriginAsync(vault, origin, renewed.TlsSecretName, renewed.TlsBundle);

        // 2. Akamai renews the edge's client certificate: a new version from the same account CA, named by the property.
        mocks.RenewClientCertificate("client-certificate-version-2");
        var withClientV2 = await SynthesizeAsync(mocks);
        await edge.UpdateAsync(ClientCertificateUpdate(withClientV2, "client-certificate-version-2", _accountCa.IssueClient(edgeName)));

        // 3. Akamai rotates its account CA: the new CA is listed (and trusted by the origins) before a certificate from it
        //    is used, and the old one is dropped only after.
        using var nextAccountCa = new CertificateAuthorityStandIn("12345 Account CA G2");
        mocks.AccountCaPems = [_accountCa.CertificatePem, nextAccountCa.CertificatePem];
        await RefreshOriginAsync(vault, origin, OriginClientCertificate.CaSecretName, (await SynthesizeAsync(mocks)).EdgeClientCas);
        mocks.RenewClientCertificate("client-certificate-version-3");
        var withClientV3 = await SynthesizeAsync(mocks);
        await edge.UpdateAsync(ClientCertificateUpdate(withClientV3, "client-certificate-version-3", nextAccountCa.IssueClient(edgeName)));
        mocks.AccountCaPems = [nextAccountCa.CertificatePem];
        await RefreshOriginAsync(vault, origin, OriginClientCertificate.CaSecretName, (await SynthesizeAsync(mocks)).EdgeClientCas);

        // 4. The stack's own CA rotates in three deployments: the edge trusts generation 2, the origins get a certificate
        //    from it, generation 1 goes.
        var trustBoth = await SynthesizeAsync(mocks, [1, 2], issuingGeneration: 1);
        Assert.Equal(withClientV3.TlsBundle, trustBoth.TlsBundle);
        await edge.UpdateAsync(new JsonObject { ["rules"] = trustBoth.Rules.DeepClone() });
        var issueFromNext = await SynthesizeAsync(mocks, [1, 2], issuingGeneration: 2);
        Assert.NotEqual(trustBoth.TlsBundle, issueFromNext.TlsBundle);
        await RefreshOriginAsync(vault, origin, issueFromNext.TlsSecretName, issueFromNext.TlsBundle);
        var onlyNext = await SynthesizeAsync(mocks, [2], issuingGeneration: 2);
        Assert.Equal(issueFromNext.TlsBundle, onlyNext.TlsBundle);
        await edge.UpdateAsync(new JsonObject { ["rules"] = onlyNext.Rules.DeepClone() });

        await Task.Delay(500);
        await traffic.StopAsync();
        output.WriteLine($"certificate rotations: {traffic.Sent} requests through the edge in {traffic.ElapsedMilliseconds} ms, {traffic.Failures.Count} failed");
        Assert.True(traffic.Sent > 30, $"only {traffic.Sent} requests were sent during the rotations");
        Assert.True(traffic.Failures.Count == 0, $"{traffic.Failures.Count} of {traffic.Sent} requests failed during the rotations: {string.Join("; ", traffic.Failures.Take(3))}\n{Log(edge)}");

        // Afterwards the retired account CA's certificates are refused by the origin, and the edge trusts only generation 2.
        Assert.Equal(HttpStatusCode.BadRequest, await SendToOriginAsync(origin, onlyNext.CaPem, _accountCa.IssueClient(edgeName), stack.OriginSecret));
        Assert.Equal(HttpStatusCode.OK, await SendToOriginAsync(origin, onlyNext.CaPem, nextAccountCa.IssueClient(edgeName), stack.OriginSecret));
        Assert.Single(Descendants(onlyNext.Rules).OfType<JsonObject>().First(o => o["customCertificateAuthorities"] is not null)["customCertificateAuthorities"]!.AsArray());
    }

    [Fact]
    public async Task Routes_that_require_a_client_certificate_refuse_callers_without_one_from_the_ca_set()
    {
        OriginRehearsal.RequireTools(Tools);
        using var partners = new CertificateAuthorityStandIn("partners CA");
        using var strangers = new CertificateAuthorityStandIn("another CA");
        var stack = await SynthesizeAsync(new RehearsalMocks([_accountCa.CertificatePem]), clientCertificates: new ClientCertificatesSpec
        {
            CaCertificates = [partners.CertificatePem],
            CaSetName = "app-rehearsal-partners",
            PathPrefixes = ["/partners"],
        });
        using var vault = VaultHolding(stack);
        using var origin = await OriginRehearsal.StartAsync(stack.BootScript, vault);
        var settings = EdgeSettings(stack, origin, stack.Rules);
        var caSetId = (string)Descendants(stack.Rules).OfType<JsonObject>().Single(o => o["certificateAuthoritySet"] is not null)["certificateAuthoritySet"]![0]!;
        settings["caSets"] = new JsonObject { [caSetId] = new JsonArray(partners.CertificatePem) };
        using var edge = await EdgeStandIn.StartAsync(settings, _pki.Certificate);
        using var partner = ClientCertificate(partners.IssueClient("partner-service"));
        using var stranger = ClientCertificate(strangers.IssueClient("partner-service"));

        var served = await origin.ServedRequestsSettledAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await edge.SendAsync(Host, "/partners/orders", _issuer.Sign(Claims()))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await edge.SendAsync(Host, "/Partners", _issuer.Sign(Claims()), clientCertificate: stranger)).Status);
        Assert.Equal(served, await origin.ServedRequestsSettledAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await edge.SendAsync(Host, "/partners/orders", clientCertificate: partner)).Status);
        var allowed = await edge.SendAsync(Host, "/partners/orders", _issuer.Sign(Claims()), clientCertificate: partner);
        Assert.True(allowed.Status == HttpStatusCode.OK, $"{allowed.Status}: {allowed.Body}\n{Log(edge)}");
        Assert.Equal(HttpStatusCode.OK, (await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims()))).Status);
    }

    [Fact]
    public async Task A_route_refuses_valid_tokens_without_its_scope_or_role_at_the_edge_and_the_origin_sees_the_roles_of_those_it_admits()
    {
        OriginRehearsal.RequireTools(Tools);
        RouteAccess[] routes = [new RouteAccess { PathPrefix = "/orders", Scopes = ["orders.read"], Roles = ["Orders.Reader", "Orders.Admin"] }];
        var stack = await SynthesizeAsync(new RehearsalMocks([_accountCa.CertificatePem]), routes: routes);
        using var vault = VaultHolding(stack);
        using var origin = await OriginRehearsal.StartAsync(stack.BootScript, vault);
        using var edge = await EdgeStandIn.StartAsync(EdgeSettings(stack, origin, stack.Rules), _pki.Certificate);

        var served = await origin.ServedRequestsSettledAsync();
        int ForwardedToOrigin() => edge.EventsNamed("origin").Count(e => (string?)e["hostname"] == OriginVmClusterMocks.Fqdn);
        var forwarded = ForwardedToOrigin();
        (string Scope, string[] Roles, string Reason)[] refused =
        [
            ("profile", ["Orders.Reader"], "missing_scope"),
            ("orders.read", ["Reports.Reader"], "missing_role"),
            ("orders.read", [], "missing_role"),
        ];
        foreach (var (scope, roles, reason) in refused)
        {
            var logged = edge.EventsNamed("gateway").Count;
            var answer = await edge.SendAsync(Host, "/orders/42", _issuer.Sign(Claims(scope: scope, roles: roles)));
            Assert.True(answer.Status == HttpStatusCode.Forbidden, $"{scope} {string.Join(",", roles)}: {answer.Status} {answer.Body}\n{Log(edge)}");
            Assert.Equal("Bearer error=\"insufficient_scope\", scope=\"orders.read\"", answer.Response.Headers.WwwAuthenticate.Single().ToString());
            Assert.Equal("{\"error\":\"insufficient_scope\"}", answer.Body);
            Assert.Equal($"token_forbidden reason={reason} path_prefix=/orders", (string?)(await edge.NextEventNamedAsync("gateway", logged))["line"]);
            answer.Response.Dispose();
        }

        // Nothing of the refused requests reached nginx: its access log and the edge's forwarded requests are unchanged.
        Assert.Equal(served, await origin.ServedRequestsSettledAsync());
        Assert.Equal(forwarded, ForwardedToOrigin());

        var admitted = await edge.SendAsync(Host, "/orders/42", _issuer.Sign(Claims(roles: ["Orders.Admin", "Reports.Reader", "Orders.Admin"])));
        Assert.True(admitted.Status == HttpStatusCode.OK, $"{admitted.Status}: {admitted.Body}\n{Log(edge)}");
        Assert.Contains("\"x-edge-roles\": \"Orders.Admin Reports.Reader\"", admitted.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"x-edge-claims-version\": \"2\"", admitted.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(served + 1, await origin.ServedRequestsSettledAsync());

        // A path no route covers needs only a valid token.
        Assert.Equal(HttpStatusCode.OK, (await edge.SendAsync(Host, "/status", _issuer.Sign(Claims(scope: "profile")))).Status);
    }

    [Fact]
    public async Task The_identity_provider_rolls_its_signing_key_over_while_requests_run_and_none_fails()
    {
        OriginRehearsal.RequireTools(Tools);
        const int JwksCacheSeconds = 300;
        var stack = await SynthesizeAsync();
        using var vault = VaultHolding(stack);
        using var origin = await OriginRehearsal.StartAsync(stack.BootScript, vault);
        using var edge = await EdgeStandIn.StartAsync(EdgeSettings(stack, origin, stack.Rules), _pki.Certificate);
        Assert.Contains($"\"ttl\":\"{JwksCacheSeconds}s\"", stack.Rules.ToJsonString(), StringComparison.Ordinal);

        // A rollover as identity providers do it: the new key (new kid) is listed next to the old one first, and used for
        // signing only after the verifiers' caches have had time to pick it up. At the edge two caches hold the JWKS, both
        // for jwksCacheSeconds: the property's JWKS relay (caching MAX_AGE, modeled by the stand-in) and the gateway's own.
        // The stand-in's clock moves on by that time (plus the gateway's 30 s re-fetch interval) between the two steps.
        using var traffic = BackgroundTraffic.Start(async () => Pick(await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims()))), 4000, TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        _issuer.Publish("key-2");
        await edge.PublishJwksAsync(_issuer.Jwks);
        await Task.Delay(500);
        await edge.AdvanceClockAsync(JwksCacheSeconds + 30);
        await Task.Delay(500);
        _issuer.SignWith("key-2");
        await Task.Delay(1500);
        await traffic.StopAsync();
        var fetches = edge.EventsNamed("identity-provider").Count;
        output.WriteLine($"key rollover: {traffic.Sent} requests through the edge in {traffic.ElapsedMilliseconds} ms, {traffic.Failures.Count} failed; the identity provider served the JWKS {fetches} times, the relay's cache {edge.EventsNamed("cache-hit").Count} times");
        Assert.True(traffic.Sent > 10, $"only {traffic.Sent} requests were sent during the rollover");
        Assert.True(traffic.Failures.Count == 0, $"{traffic.Failures.Count} of {traffic.Sent} requests failed during the rollover: {string.Join("; ", traffic.Failures.Take(3))}\n{Log(edge)}");
        Assert.Equal(2, fetches);
        Assert.Equal(HttpStatusCode.OK, (await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims()))).Status);

        // What the edge does with a provider that signs with a new key at once: the gateway re-fetches on the unknown kid,
        // but the relay still serves its cached copy, so the token is refused (401) until that copy expires; then the
        // next unknown-kid re-fetch (the gateway's own copy is still fresh) reaches the provider and the token passes.
        await edge.AdvanceClockAsync(100);
        _issuer.Publish("key-3");
        _issuer.SignWith("key-3");
        await edge.PublishJwksAsync(_issuer.Jwks);
        var logged = edge.EventsNamed("gateway").Count;
        var early = await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims()));
        Assert.Equal(HttpStatusCode.Unauthorized, early.Status);
        Assert.Equal("token_rejected reason=unknown_kid", (string?)(await edge.NextEventNamedAsync("gateway", logged))["line"]);
        Assert.Equal(fetches, edge.EventsNamed("identity-provider").Count);
        Assert.Single(edge.EventsNamed("cache-hit"));
        await edge.AdvanceClockAsync(JwksCacheSeconds - 100 + 5);
        var later = await edge.SendAsync(Host, "/orders", _issuer.Sign(Claims()));
        Assert.True(later.Status == HttpStatusCode.OK, $"{later.Status}: {later.Body}\n{Log(edge)}");
        Assert.Equal(fetches + 1, edge.EventsNamed("identity-provider").Count);
        output.WriteLine($"immediate switch: refused (401 unknown_kid) while the relay held its {JwksCacheSeconds} s copy, admitted by the unknown-kid re-fetch once that copy expired");
    }

    private static X509Certificate2 ClientCertificate((string CertificatePem, string KeyPem) pem) =>
        X509Certificate2.CreateFromPem(pem.CertificatePem, pem.KeyPem);

    /// <summary>A new version of <paramref name="secretName"/> in Key Vault, then the origin's timer run; waits a moment for traffic to flow.</summary>
    private static async Task RefreshOriginAsync(VaultStandIn vault, OriginRehearsal origin, string secretName, string value)
    {
        vault.AddVersion(secretName, value);
        Assert.Equal(0, await origin.RefreshAsync());
        await Task.Delay(300);
    }

    /// <summary>The property version that names the keystore's new client certificate version, with that version's certificate.</summary>
    private static JsonObject ClientCertificateUpdate(Synthesized stack, string versionGuid, (string CertificatePem, string KeyPem) certificate)
    {
        Assert.Contains($"\"clientCertificateVersionGuid\":\"{versionGuid}\"", stack.Rules.ToJsonString(), StringComparison.Ordinal);
        return new JsonObject
        {
            ["rules"] = stack.Rules.DeepClone(),
            ["clientCertificates"] = new JsonObject
            {
                [versionGuid] = new JsonObject { ["certPem"] = certificate.CertificatePem, ["keyPem"] = certificate.KeyPem },
            },
        };
    }

    /// <summary>The Key Vault stand-in holding what the stack stores: the origin secret, the origin certificate and the edge's account CAs.</summary>
    private static VaultStandIn VaultHolding(Synthesized stack)
    {
        var vault = new VaultStandIn(stack.ClientId);
        vault.AddVersion(stack.OriginSecretName, stack.OriginSecret);
        vault.AddVersion(stack.TlsSecretName, stack.TlsBundle);
        vault.AddVersion(OriginClientCertificate.CaSecretName, stack.EdgeClientCas);
        return vault;
    }

    private static (HttpStatusCode Status, string Body) Pick((HttpStatusCode Status, string Body, HttpResponseMessage Response) answer)
    {
        answer.Response.Dispose();
        return (answer.Status, answer.Body);
    }

    private static object Claims(long? exp = null, string audience = Audience, string scope = "orders.read", string[]? roles = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new { iss = Issuer, aud = audience, sub = "user-42", iat = now - 5, nbf = now - 5, exp = exp ?? now + 600, scope, roles = roles ?? [] };
    }

    private static string NewSecret()
    {
        var spec = new GeneratedSecretSpec { ExpiresOn = DateTimeOffset.UnixEpoch.AddYears(60) };
        return RandomNumberGenerator.GetString(RandomPasswordAlphabet.Of(spec.Special, spec.SpecialCharacters), spec.Length);
    }

    private static string Log(EdgeStandIn edge) => string.Join("\n", edge.Events.TakeLast(20).Select(e => e.ToJsonString()));

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(pair => pair.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private JsonObject EdgeSettings(Synthesized stack, OriginRehearsal origin, JsonObject rules)
    {
        var edgeCertificate = _pki.Issue(Host);
        var clientCertificate = _accountCa.IssueClient(OriginClientCertificate.NameFor(PropertyName).Value);
        var identityProvider = _pki.Issue(IdentityProviderHost);
        return new JsonObject
        {
            ["rules"] = JsonNode.Parse(rules.ToJsonString()),
            ["bundleDirectory"] = stack.BundleDirectory,
            ["hostnames"] = new JsonArray(Host),
            ["resolve"] = new JsonObject { [OriginVmClusterMocks.Fqdn] = origin.HttpsPort },
            ["standardCaPem"] = _pki.CertificatePem,
            ["edgeCertificate"] = new JsonObject { ["certPem"] = edgeCertificate.CertificatePem, ["keyPem"] = edgeCertificate.KeyPem },
            ["country"] = "DE",
            ["clientCertificates"] = new JsonObject
            {
                [RehearsalMocks.ClientCertificateGuid] = new JsonObject { ["certPem"] = clientCertificate.CertificatePem, ["keyPem"] = clientCertificate.KeyPem },
            },
            ["identityProvider"] = new JsonObject
            {
                ["hostname"] = IdentityProviderHost,
                ["certPem"] = identityProvider.CertificatePem,
                ["keyPem"] = identityProvider.KeyPem,
                ["path"] = JwksPath,
                ["jwks"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(_issuer.Jwks)),
            },
        };
    }

    /// <summary>A request straight to the origin (not through the edge), with the given client certificate and origin secret.</summary>
    private static async Task<HttpStatusCode> SendToOriginAsync(OriginRehearsal origin, string caPem, (string CertificatePem, string KeyPem)? clientCertificate, string? originSecret)
    {
        using var ca = X509Certificate2.CreateFromPem(caPem);
        using var client = clientCertificate is { } pem ? X509Certificate2.CreateFromPem(pem.CertificatePem, pem.KeyPem) : null;
        using var http = LoopbackHttpClient.Create(OriginVmClusterMocks.Fqdn, origin.HttpsPort, ca, client);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{OriginVmClusterMocks.Fqdn}/orders");
        if (originSecret is not null)
        {
            request.Headers.Add("X-Origin-Auth", originSecret);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>What the stack synthesized, evaluated with <see cref="RehearsalMocks"/>.</summary>
    private sealed record Synthesized(
        JsonObject Rules, string BundleDirectory, string BootScript, string ClientId,
        string OriginSecretName, string OriginSecret, string TlsSecretName, string TlsBundle, string CaPem, string EdgeClientCas);

    private Task<Synthesized> SynthesizeAsync() => SynthesizeAsync(new RehearsalMocks([_accountCa.CertificatePem]));

    /// <summary>Runs the application against <paramref name="mocks"/> (which keep what did not change since their last run) with the CA generations given.</summary>
    private async Task<Synthesized> SynthesizeAsync(RehearsalMocks mocks, IReadOnlyList<int>? caGenerations = null, int issuingGeneration = 1, ClientCertificatesSpec? clientCertificates = null, IReadOnlyList<RouteAccess>? routes = null)
    {
        var region = new OriginRegionSpec
        {
            Name = "weu",
            Location = "westeurope",
            AddressSpace = "10.31.0.0/16",
            OriginSubnet = "10.31.1.0/24",
            VmCount = 1,
            DomainNameLabel = "app-origin-weu",
            BackupVaultName = "rsv-app-weu",
        };
        EdgeFrontedApplication? app = null;
        var result = await ComponentHarness.RunAsync(() => app = new EdgeFrontedApplication("app", new EdgeFrontedApplicationArgs
        {
            ResourceGroupName = "rg-app",
            Location = "westeurope",
            ContractId = "ctr_C-1",
            GroupId = "grp_12345",
            ProductId = "prd_Fresca",
            PropertyName = PropertyName,
            Routes = routes ?? [],
            Hostnames = [Host],
            EdgeHostname = clientCertificates is null ? $"{Host}.edgesuite.net" : $"{Host}.edgekey.net",
            CertificateEnrollmentId = clientCertificates is null ? null : 12345,
            ClientCertificates = clientCertificates,
            ActivationContacts = ["ops@example.com"],
            ActivationNote = "rehearsal",
            EdgeCidrs = ["203.0.113.0/24"],
            EdgeWorkerBundleDirectory = _bundle.Path,
            EdgeWorkerOutputDirectory = Path.Combine(_work, "out"),
            Jwt = new EdgeGatewayJwt { Issuer = Issuer, Audience = Audience, JwksUrl = $"https://{IdentityProviderHost}{JwksPath}" },
            Flavor = OriginFlavor.Nginx,
            AdminSshPublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9yaWdpbi1hZG1pbi1rZXktZm9yLXRlc3Rz ops@example",
            Regions = [region],
            VaultName = "kv-app-rehearsal",
            OriginSecret = new GeneratedSecretSpec { ExpiresOn = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) },
            OriginCaGenerations = caGenerations ?? [1],
            OriginCaIssuingGeneration = issuingGeneration,
        }), mocks);

        var rules = JsonNode.Parse(Plain(result.OfType("akamai:index/property:Property").Single().Inputs["rules"]))!.AsObject();
        var caPem = result.Evaluate(app!.OriginCertificateAuthority.CertificatePem);
        var vm = result.OfType<VirtualMachine>().Single();
        var osProfile = (IReadOnlyDictionary<string, object?>)vm.Inputs["osProfile"]!;
        var script = Encoding.UTF8.GetString(Convert.FromBase64String(Plain(osProfile["customData"])));
        var identity = result.OfType("azure-native:managedidentity:UserAssignedIdentity").Single();
        var tlsSecretName = EdgeFrontedApplication.TlsSecretName(region);
        string SecretValue(string name) => Plain(((IReadOnlyDictionary<string, object?>)result.OfType("azure-native:keyvault:Secret")
            .Single(s => Plain(s.Inputs["secretName"]) == name).Inputs["properties"]!)["value"]);

        var bundleDirectory = Path.Combine(_work, "bundles", "edge-gateway");
        Directory.CreateDirectory(bundleDirectory);
        using (var tar = Process.Start("tar", ["-xzf", Path.Combine(_work, "out", Path.GetFileName(app.Gateway.LocalBundlePath)), "-C", bundleDirectory]))
        {
            await tar.WaitForExitAsync();
            Assert.Equal(0, tar.ExitCode);
        }

        return new Synthesized(
            rules,
            bundleDirectory,
            script,
            Plain(identity.Outputs["clientId"]),
            app.OriginSecret.Name,
            result.Evaluate(app.OriginSecret.Password.Result),
            tlsSecretName,
            SecretValue(tlsSecretName),
            caPem,
            SecretValue(OriginClientCertificate.CaSecretName));
    }

    private static string Plain(object? value) => value is SecretValue secret ? Plain(secret.Value) : (string)value!;
}
