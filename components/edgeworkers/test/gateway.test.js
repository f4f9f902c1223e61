import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createEdgeGateway } from '../bundles/edge-gateway/lib/gateway.js';
import { readGatewayConfig } from '../bundles/edge-gateway/lib/config.js';
import {
  createFakeRequest, createJwksServer, httpRequest, logger, loggedLines, resetRuntime, setHttpHandler,
} from '../test-support/edgeworkers-stub.js';
import { signHs256, signRs256, unsignedToken } from '../test-support/tokens.js';
import {
  HMAC_SECRET, NOW_MS, NOW_SECONDS, ORIGIN_SECRET, rawConfig, signingKey, validClaims,
} from '../test-support/fixtures.js';

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
    assert.deepEqual(request.getHeader('X-Edge-Claims-Version'), ['1']);
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

  test('HS256 token while the secret variable is empty: 401 hmac_secret_unavailable', async () => {
    const request = requestWithToken(signHs256(HMAC_SECRET, validClaims()), { variables: { PMUSER_ORIGIN_SECRET: ORIGIN_SECRET } });
    await gateway.handleClientRequest(request);
    assert.equal(request.response.status, 401);
    assert.deepEqual(loggedLines, ['token_rejected reason=hmac_secret_unavailable']);
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

  test('the origin secret variable is not needed at the edge: the property sets the header', async () => {
    const request = requestWithToken(signRs256(signingKey, validClaims()), { variables: { PMUSER_JWT_HMAC_SECRET: HMAC_SECRET } });
    await gateway.handleClientRequest(request);
    assert.equal(request.response, null);
    assert.deepEqual(request.routedTo, { origin: 'origin-primary' });
  });
});
