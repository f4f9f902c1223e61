import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createEdgeGateway } from '../bundles/edge-gateway/lib/gateway.js';
import { readGatewayConfig } from '../bundles/edge-gateway/lib/config.js';
import {
  createFakeRequest, createJwksServer, httpRequest, logger, loggedLines, resetRuntime, setHttpHandler,
} from '../test-support/edgeworkers-stub.js';
import { signHs256, signRs256, unsignedToken } from '../test-support/tokens.js';
import {
  AUDIENCE, HMAC_SECRET, ISSUER, NOW_MS, NOW_SECONDS, ORIGIN_SECRET, rawConfig, signingKey, validClaims,
} from '../test-support/fixtures.js';
import { JWKS_FETCH_TIMEOUT_MS } from '../bundles/edge-gateway/lib/jwks.js';

const VARIABLES = Object.freeze({ PMUSER_ORIGIN_SECRET: ORIGIN_SECRET, PMUSER_JWT_HMAC_SECRET: HMAC_SECRET });

let jwksServer;
let gateway;

beforeEach(() => {
  resetRuntime();
  jwksServer = createJwksServer({ keys: [signingKey.jwk] });
  setHttpHandler(jwksServer.handle);
  gateway = createEdgeGateway({
    config: readGatewayConfig(rawConfig()),
    subtle: globalThis.crypto.subtle,
    httpRequest,
    logger,
    now: () => NOW_MS,
  });
});

function requestWithToken(token, init = {}) {
  return createFakeRequest({
    path: '/orders',
    country: 'US',
    variables: VARIABLES,
    ...init,
    headers: { ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }), ...init.headers },
  });
}

function assertNoSecretsLogged(...secrets) {
  for (const line of loggedLines) {
    for (const secret of secrets) {
      assert.ok(!line.includes(secret), `log line leaks a secret: ${line}`);
    }
  }
}

describe('gateway: accepted requests', () => {
  test('valid RS256 token: enriched, routed, nothing answered at the edge, the origin secret never read', async () => {
    const token = signRs256(signingKey, validClaims());
    const request = requestWithToken(token);
    await gateway.handleClientRequest(request);
    assert.equal(request.response, null);
    assert.deepEqual(request.getHeader('X-Edge-Claims-Version'), ['2']);
    assert.deepEqual(request.getHeader('X-Edge-Sub'), ['user-42']);
    assert.deepEqual(request.getHeader('X-Edge-Scopes'), ['orders.read orders.write']);
    assert.deepEqual(request.getHeader('X-Edge-Client-Id'), ['web-app']);
    assert.deepEqual(request.getHeader('X-Edge-Token-Exp'), [String(NOW_SECONDS + 600)]);
    assert.equal(request.getHeader('X-Origin-Auth'), null);
    assert.ok(!request.variableReads.includes('PMUSER_ORIGIN_SECRET'));
    assert.deepEqual(request.routedTo, { origin: 'origin-primary' });
    assert.equal(request.getVariable('PMUSER_ORIGIN_GROUP'), 'primary');
    assert.deepEqual(loggedLines, ['routed origin_group=primary matched_by=default']);
    assertNoSecretsLogged(ORIGIN_SECRET, HMAC_SECRET, token);
  });

  test('valid HS256 token with the secret from PMUSER_JWT_HMAC_SECRET', async () => {
    const request = requestWithToken(signHs256(HMAC_SECRET, validClaims({ sub: 'svc-7' })));
    await gateway.handleClientRequest(request);
    assert.equal(request.response, null);
    assert.deepEqual(request.getHeader('X-Edge-Sub'), ['svc-7']);
    assert.equal(jwksServer.calls, 0);
  });

  test('spoofed X-Edge-* headers are replaced and a client-sent X-Origin-Auth is deleted', async () => {
    const request = requestWithToken(signRs256(signingKey, validClaims()), {
      headers: { 'X-Edge-Sub': 'admin', 'X-Edge-Scopes': 'admin', 'X-Edge-Role': 'root', 'X-Origin-Auth': 'guess' },
    });
    await gateway.handleClientRequest(request);
    assert.deepEqual(request.getHeader('X-Edge-Sub'), ['user-42']);
    assert.deepEqual(request.getHeader('X-Edge-Scopes'), ['orders.read orders.write']);
    assert.equal(request.getHeader('X-Edge-Role'), null);
    assert.equal(request.getHeader('X-Origin-Auth'), null);
  });

  test('routing by path prefix and by geo', async () => {
    const byPath = requestWithToken(signRs256(signingKey, validClaims()), { path: '/reports/2024', country: 'DE' });
    await gateway.handleClientRequest(byPath);
    assert.deepEqual(byPath.routedTo, { origin: 'origin-reports' });
    const byGeo = requestWithToken(signRs256(signingKey, validClaims()), { path: '/orders', country: 'DE' });
    await gateway.handleClientRequest(byGeo);
    assert.deepEqual(byGeo.routedTo, { origin: 'origin-eu' });
    assert.equal(byGeo.getVariable('PMUSER_ORIGIN_GROUP'), 'eu');
  });
});

describe('gateway: rejected requests answer 401 and log the reason', () => {
  const cases = [
    ['expired', () => signRs256(signingKey, validClaims({ exp: NOW_SECONDS - 120 }))],
    ['not_yet_valid', () => signRs256(signingKey, validClaims({ nbf: NOW_SECONDS + 120 }))],
    ['wrong_issuer', () => signRs256(signingKey, validClaims({ iss: 'https://evil.example.com' }))],
    ['wrong_audience', () => signRs256(signingKey, validClaims({ aud: 'api://other' }))],
    ['bad_signature', () => `${signRs256(signingKey, validClaims()).slice(0, -6)}AAAAAA`],
    ['malformed', () => 'abc.def'],
    ['unsupported_alg', () => unsignedToken(validClaims())],
    ['unknown_kid', () => signRs256(signingKey, validClaims(), { kid: 'retired' })],
    ['bad_signature', () => signHs256(signingKey.publicPem, validClaims())],
  ];
  for (const [reason, makeToken] of cases) {
    test(reason, async () => {
      const token = makeToken();
      const request = requestWithToken(token, { headers: { 'X-Edge-Sub': 'admin' } });
      await gateway.handleClientRequest(request);
      assert.equal(request.response.status, 401);
      assert.deepEqual(request.response.headers['WWW-Authenticate'], ['Bearer error="invalid_token"']);
      assert.deepEqual(request.response.headers['Cache-Control'], ['no-store']);
      assert.deepEqual(JSON.parse(request.response.body), { error: 'invalid_token' });
      assert.deepEqual(loggedLines, [`token_rejected reason=${reason}`]);
      assert.equal(request.routedTo, null);
      assert.equal(request.getHeader('X-Origin-Auth'), null);
      assertNoSecretsLogged(token, ORIGIN_SECRET, HMAC_SECRET);
    });
  }

  test('missing token: 401 with a plain Bearer challenge (RFC 6750 3.1)', async () => {
    for (const headers of [{}, { Authorization: 'Basic dXNlcjpwYXNz' }]) {
      resetRuntime();
      const request = createFakeRequest({ headers, variables: VARIABLES });
      await gateway.handleClientRequest(request);
      assert.equal(request.response.status, 401);
      assert.deepEqual(request.response.headers['WWW-Authenticate'], ['Bearer']);
      assert.deepEqual(loggedLines, ['token_rejected reason=missing_token']);
    }
  });

  test('two Authorization headers or a bearer value that is not a token: malformed', async () => {
    const token = signRs256(signingKey, validClaims());
    for (const value of [[`Bearer ${token}`, `Bearer ${token}`], ['Bearer a b'], ['Bearer']]) {
      resetRuntime();
      const request = createFakeRequest({ headers: { Authorization: value }, variables: VARIABLES });
      await gateway.handleClientRequest(request);
      assert.equal(request.response.status, 401);
      assert.deepEqual(loggedLines, ['token_rejected reason=malformed']);
    }
  });

  test('the bearer scheme is case-insensitive', async () => {
    const request = createFakeRequest({ headers: { Authorization: `bearer ${signRs256(signingKey, validClaims())}` }, variables: VARIABLES });
    await gateway.handleClientRequest(request);
    assert.equal(request.response, null);
  });

});

describe('gateway: failing closed', () => {
  test('JWKS unreachable: 503 without a bearer challenge, reason logged', async () => {
    jwksServer.failing = true;
    const request = requestWithToken(signRs256(signingKey, validClaims()));
    await gateway.handleClientRequest(request);
    assert.equal(request.response.status, 503);
    assert.equal(request.response.headers['WWW-Authenticate'], undefined);
    assert.deepEqual(loggedLines, ['token_rejected reason=jwks_unavailable']);
  });

  test('HS256 token while the secret variable is empty or short: 503, a server fault, not 401', async () => {
    for (const variables of [{}, { PMUSER_JWT_HMAC_SECRET: '' }, { PMUSER_JWT_HMAC_SECRET: 'x'.repeat(31) }]) {
      resetRuntime();
      setHttpHandler(jwksServer.handle);
      const request = requestWithToken(signHs256(HMAC_SECRET, validClaims()), { variables });
      await gateway.handleClientRequest(request);
      assert.equal(request.response.status, 503);
      assert.equal(request.response.headers['WWW-Authenticate'], undefined);
      assert.deepEqual(JSON.parse(request.response.body), { error: 'service_unavailable' });
      assert.deepEqual(loggedLines, ['gateway_misconfigured reason=hmac_secret_unavailable']);
      assert.equal(request.routedTo, null);
    }
  });

  test('an RS256 token still passes while the HMAC secret is missing', async () => {
    const request = requestWithToken(signRs256(signingKey, validClaims()), { variables: {} });
    await gateway.handleClientRequest(request);
    assert.equal(request.response, null);
  });

  test('JWKS fetch: GET with a timeout of JWKS_FETCH_TIMEOUT_MS; a timeout answers 503 like an outage', async () => {
    let options;
    setHttpHandler(async (url, given) => {
      options = given;
      throw new Error(`subrequest to URL ${url} timed out`);
    });
    const request = requestWithToken(signRs256(signingKey, validClaims()));
    await gateway.handleClientRequest(request);
    assert.equal(options.timeout, JWKS_FETCH_TIMEOUT_MS);
    assert.equal(options.method, 'GET');
    assert.equal(request.response.status, 503);
    assert.deepEqual(loggedLines, ['token_rejected reason=jwks_unavailable']);
  });

  test('the origin secret variable is not needed at the edge: the property sets the header', async () => {
    const request = requestWithToken(signRs256(signingKey, validClaims()), { variables: { PMUSER_JWT_HMAC_SECRET: HMAC_SECRET } });
    await gateway.handleClientRequest(request);
    assert.equal(request.response, null);
    assert.deepEqual(request.routedTo, { origin: 'origin-primary' });
  });
});

function gatewayWith(raw) {
  return createEdgeGateway({ config: readGatewayConfig(raw), subtle: globalThis.crypto.subtle, httpRequest, logger, now: () => NOW_MS });
}

const ROUTES = Object.freeze([
  { pathPrefix: '/orders', scopes: ['orders.read'], roles: ['Orders.Reader', 'Orders.Admin'] },
  { pathPrefix: '/orders/admin', scopes: ['orders.read', 'orders.write'], roles: ['Orders.Admin'] },
  { pathPrefix: '/orders/public' },
  { pathPrefix: '/reports', roles: ['Reports.Reader'] },
]);

describe('gateway: scopes and roles per route', () => {
  let routed;
  beforeEach(() => {
    routed = gatewayWith({ ...rawConfig(), routes: ROUTES });
  });

  async function send(path, claims) {
    resetRuntime();
    setHttpHandler(jwksServer.handle);
    const request = requestWithToken(signRs256(signingKey, validClaims(claims)), { path });
    await routed.handleClientRequest(request);
    return request;
  }

  function assertForbidden(request, reason, pathPrefix, challenge) {
    assert.equal(request.response.status, 403);
    assert.deepEqual(request.response.headers['WWW-Authenticate'], [challenge]);
    assert.deepEqual(request.response.headers['Cache-Control'], ['no-store']);
    assert.deepEqual(JSON.parse(request.response.body), { error: 'insufficient_scope' });
    assert.deepEqual(loggedLines, [`token_forbidden reason=${reason} path_prefix=${pathPrefix}`]);
    assert.equal(request.routedTo, null);
    assert.equal(request.getHeader('X-Edge-Sub'), null, 'nothing is enriched for a refused request');
  }

  test('a token with the scope and one of the roles passes, and the origin gets X-Edge-Roles', async () => {
    const request = await send('/orders/42', { scope: 'orders.read', roles: ['Orders.Reader', 'Other'] });
    assert.equal(request.response, null);
    assert.deepEqual(request.getHeader('X-Edge-Roles'), ['Orders.Reader Other']);
    assert.deepEqual(request.getHeader('X-Edge-Claims-Version'), ['2']);
    assert.deepEqual(request.routedTo, { origin: 'origin-primary' });
  });

  test('without the scope: 403 insufficient_scope naming the route\'s scopes', async () => {
    const request = await send('/orders', { scope: 'orders.write', roles: ['Orders.Reader'] });
    assertForbidden(request, 'missing_scope', '/orders', 'Bearer error="insufficient_scope", scope="orders.read"');
  });

  test('without any of the roles: 403, reason missing_role', async () => {
    assertForbidden(await send('/orders/7', { scope: 'orders.read', roles: ['Reports.Reader'] }), 'missing_role', '/orders', 'Bearer error="insufficient_scope", scope="orders.read"');
    assertForbidden(await send('/orders/7', { scope: 'orders.read' }), 'missing_role', '/orders', 'Bearer error="insufficient_scope", scope="orders.read"');
    assertForbidden(await send('/orders/7', { scope: 'orders.read', roles: 'Orders.Reader' }), 'missing_role', '/orders', 'Bearer error="insufficient_scope", scope="orders.read"');
  });

  test('a route without scopes has no scope attribute in its challenge', async () => {
    assertForbidden(await send('/reports/q3', { roles: ['Orders.Admin'] }), 'missing_role', '/reports', 'Bearer error="insufficient_scope"');
  });

  test('every scope is required; scp (array or string) counts as well as scope', async () => {
    assertForbidden(await send('/orders/admin/x', { scope: 'orders.read', roles: ['Orders.Admin'] }), 'missing_scope', '/orders/admin', 'Bearer error="insufficient_scope", scope="orders.read orders.write"');
    assert.equal((await send('/orders/admin/x', { scope: undefined, scp: ['orders.write', 'orders.read'], roles: ['Orders.Admin'] })).response, null);
    assert.equal((await send('/orders/admin', { scope: undefined, scp: 'orders.read orders.write', roles: ['Orders.Admin'] })).response, null);
  });

  test('the longest matching prefix decides, and a prefix covers only whole segments', async () => {
    assertForbidden(await send('/orders/admin', { scope: 'orders.read orders.write', roles: ['Orders.Reader'] }), 'missing_role', '/orders/admin', 'Bearer error="insufficient_scope", scope="orders.read orders.write"');
    assert.equal((await send('/orders/public/menu', { scope: '' })).response, null, 'a route without requirements opens its sub-tree');
    assert.equal((await send('/ordersx', { scope: '' })).response, null, 'no route covers /ordersx');
    assert.equal((await send('/', { scope: '' })).response, null);
  });

  test('case, percent-encoding, repeated slashes and dot segments do not get around a route', async () => {
    for (const path of ['/Orders', '/%6Frders/1', '//orders', '/x/../orders', '/orders/./1', '/ORDERS/ADMIN/../1']) {
      assertForbidden(await send(path, { scope: 'nothing' }), 'missing_scope', '/orders', 'Bearer error="insufficient_scope", scope="orders.read"');
    }
    const undecodable = await send('/orders/%E0%A4%A', { scope: 'orders.read', roles: ['Orders.Admin'] });
    assertForbidden(undecodable, 'undecodable_path', '-', 'Bearer error="insufficient_scope"');
  });

  test('an invalid token on a route is still 401, checked before the route', async () => {
    const request = await send('/orders', { exp: NOW_SECONDS - 3600, scope: 'orders.read', roles: ['Orders.Reader'] });
    assert.equal(request.response.status, 401);
    assert.deepEqual(loggedLines, ['token_rejected reason=expired']);
  });
});

describe('gateway: issuer and audience from property variables', () => {
  const raw = rawConfig({ jwt: { issuer: undefined, issuerVariable: 'PMUSER_JWT_ISSUER', audience: undefined, audienceVariable: 'PMUSER_JWT_AUDIENCE' } });

  test('read on every request: a token for them passes, one for other values does not', async () => {
    const fromVariables = gatewayWith(raw);
    const variables = { ...VARIABLES, PMUSER_JWT_ISSUER: ISSUER, PMUSER_JWT_AUDIENCE: AUDIENCE };
    const ok = requestWithToken(signRs256(signingKey, validClaims()), { variables });
    await fromVariables.handleClientRequest(ok);
    assert.equal(ok.response, null);
    assert.ok(ok.variableReads.includes('PMUSER_JWT_ISSUER') && ok.variableReads.includes('PMUSER_JWT_AUDIENCE'));

    resetRuntime();
    setHttpHandler(jwksServer.handle);
    const moved = requestWithToken(signRs256(signingKey, validClaims()), { variables: { ...variables, PMUSER_JWT_AUDIENCE: 'api://moved' } });
    await fromVariables.handleClientRequest(moved);
    assert.equal(moved.response.status, 401);
    assert.deepEqual(loggedLines, ['token_rejected reason=wrong_audience']);
  });

  test('an empty or unset variable is a server fault: 503 service_unavailable, never 401, for any request', async () => {
    const fromVariables = gatewayWith(raw);
    const cases = [
      [{ PMUSER_JWT_AUDIENCE: AUDIENCE }, 'issuer_variable_empty'],
      [{ PMUSER_JWT_ISSUER: '', PMUSER_JWT_AUDIENCE: AUDIENCE }, 'issuer_variable_empty'],
      [{ PMUSER_JWT_ISSUER: ISSUER, PMUSER_JWT_AUDIENCE: '' }, 'audience_variable_empty'],
      [{ PMUSER_JWT_ISSUER: ISSUER }, 'audience_variable_empty'],
    ];
    for (const [variables, reason] of cases) {
      for (const token of [signRs256(signingKey, validClaims()), undefined]) {
        resetRuntime();
        const request = requestWithToken(token, { variables: { ...VARIABLES, ...variables } });
        await fromVariables.handleClientRequest(request);
        assert.equal(request.response.status, 503);
        assert.equal(request.response.headers['WWW-Authenticate'], undefined);
        assert.deepEqual(JSON.parse(request.response.body), { error: 'service_unavailable' });
        assert.deepEqual(loggedLines, [`gateway_misconfigured reason=${reason}`]);
      }
    }
  });

  test('issuer from config and audience from a variable mix', async () => {
    const mixed = gatewayWith(rawConfig({ jwt: { audience: undefined, audienceVariable: 'PMUSER_JWT_AUDIENCE' } }));
    const request = requestWithToken(signRs256(signingKey, validClaims()), { variables: { ...VARIABLES, PMUSER_JWT_AUDIENCE: AUDIENCE } });
    await mixed.handleClientRequest(request);
    assert.equal(request.response, null);
    assert.ok(!request.variableReads.includes('PMUSER_JWT_ISSUER'));
  });
});

describe('gateway: the HS256 key', () => {
  function countingGateway(raw = rawConfig()) {
    const imports = [];
    const subtle = globalThis.crypto.subtle;
    const counting = {
      importKey: (format, data, algorithm, extractable, usages) => {
        imports.push(algorithm.name);
        return subtle.importKey(format, data, algorithm, extractable, usages);
      },
      verify: (...args) => subtle.verify(...args),
    };
    return { imports, gateway: createEdgeGateway({ config: readGatewayConfig(raw), subtle: counting, httpRequest, logger, now: () => NOW_MS }) };
  }

  test('is decoded and imported once while the variable keeps its text, and again when the text changes', async () => {
    const { imports, gateway: counted } = countingGateway();
    for (let round = 0; round < 3; round += 1) {
      const request = requestWithToken(signHs256(HMAC_SECRET, validClaims()));
      await counted.handleClientRequest(request);
      assert.equal(request.response, null);
    }
    await counted.handleClientRequest(requestWithToken(undefined));
    await counted.handleClientRequest(requestWithToken(signHs256(HMAC_SECRET, validClaims())));
    assert.deepEqual(imports, ['HMAC']);

    const rotated = 'r'.repeat(40);
    const request = requestWithToken(signHs256(rotated, validClaims()), { variables: { ...VARIABLES, PMUSER_JWT_HMAC_SECRET: rotated } });
    await counted.handleClientRequest(request);
    assert.equal(request.response, null);
    const old = requestWithToken(signHs256(HMAC_SECRET, validClaims()), { variables: { ...VARIABLES, PMUSER_JWT_HMAC_SECRET: rotated } });
    await counted.handleClientRequest(old);
    assert.equal(old.response.status, 401);
    assert.deepEqual(imports, ['HMAC', 'HMAC']);
  });

  test('is not read when HS256 is not allowed', async () => {
    const { imports, gateway: rsOnly } = countingGateway(rawConfig({ jwt: { algorithms: ['RS256'] } }));
    const request = requestWithToken(signRs256(signingKey, validClaims()));
    await rsOnly.handleClientRequest(request);
    assert.equal(request.response, null);
    assert.ok(!request.variableReads.includes('PMUSER_JWT_HMAC_SECRET'));
    assert.ok(!imports.includes('HMAC'));
  });
});

describe('gateway: HS256 key encodings', () => {
  const key = Buffer.from('AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow', 'base64url');

  for (const [encoding, text] of [['base64url', key.toString('base64url')], ['hex', key.toString('hex')], ['hex', key.toString('hex').toUpperCase()]]) {
    test(`${encoding}: a binary key verifies its tokens`, async () => {
      const encoded = gatewayWith(rawConfig({ jwt: { hmacKeyEncoding: encoding } }));
      const request = requestWithToken(signHs256(key, validClaims()), { variables: { PMUSER_JWT_HMAC_SECRET: text } });
      await encoded.handleClientRequest(request);
      assert.equal(request.response, null);
      assertNoSecretsLogged(text);
    });
  }

  test('text that does not decode, or decodes to fewer than 32 bytes, answers 503', async () => {
    const cases = [
      ['base64url', `${key.toString('base64url')}=`],
      ['base64url', key.toString('base64')],
      ['base64url', key.subarray(0, 31).toString('base64url')],
      ['hex', key.toString('hex').slice(1)],
      ['hex', `${key.toString('hex').slice(2)}zz`],
      ['hex', key.subarray(0, 31).toString('hex')],
    ];
    for (const [encoding, text] of cases) {
      resetRuntime();
      const encoded = gatewayWith(rawConfig({ jwt: { hmacKeyEncoding: encoding } }));
      const request = requestWithToken(signHs256(key, validClaims()), { variables: { PMUSER_JWT_HMAC_SECRET: text } });
      await encoded.handleClientRequest(request);
      assert.equal(request.response.status, 503, `${encoding} ${text}`);
      assert.deepEqual(loggedLines, ['gateway_misconfigured reason=hmac_secret_unavailable']);
    }
  });

  test('utf8 (the default) takes the text as is: a hex text is 64 bytes of key, not 32', async () => {
    const text = key.subarray(0, 32).toString('hex');
    const request = requestWithToken(signHs256(Buffer.from(text, 'utf8'), validClaims()), { variables: { PMUSER_JWT_HMAC_SECRET: text } });
    await gateway.handleClientRequest(request);
    assert.equal(request.response, null);
  });
});
