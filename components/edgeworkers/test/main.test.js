// Runs the real bundle entry point (bundles/edge-gateway/main.js) with its EdgeWorkers built-in
// imports ('crypto', 'http-request', 'log') resolved to the local stand-in by a loader hook.

import { register } from 'node:module';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';

register('../test-support/edgeworkers-loader.js', import.meta.url);

const runtime = await import('../test-support/edgeworkers-stub.js');
const main = await import('../bundles/edge-gateway/main.js');
const { default: sampleConfig } = await import('../bundles/edge-gateway/config-data.js');
const { signRs256 } = await import('../test-support/tokens.js');
const { signingKey, ORIGIN_SECRET } = await import('../test-support/fixtures.js');

function sampleClaims(extra = {}) {
  const now = Math.floor(Date.now() / 1000);
  return { iss: sampleConfig.jwt.issuer, aud: sampleConfig.jwt.audience, sub: 'user-1', iat: now, exp: now + 300, scope: 'reports.read', roles: ['Reports.Reader'], ...extra };
}

let jwksServer;
beforeEach(() => {
  runtime.resetRuntime();
  jwksServer = runtime.createJwksServer({ keys: [signingKey.jwk] });
  runtime.setHttpHandler(jwksServer.handle);
});

test('main.js exports onClientRequest and uses the sample config', async () => {
  assert.equal(typeof main.onClientRequest, 'function');
  const request = runtime.createFakeRequest({
    path: '/reports/q1',
    headers: { Authorization: `Bearer ${signRs256(signingKey, sampleClaims())}`, 'X-Edge-Sub': 'admin' },
    variables: { PMUSER_ORIGIN_SECRET: ORIGIN_SECRET },
  });
  await main.onClientRequest(request);
  assert.equal(request.response, null);
  assert.equal(jwksServer.lastUrl, sampleConfig.jwt.jwksUrl);
  assert.deepEqual(request.getHeader('X-Edge-Sub'), ['user-1']);
  assert.deepEqual(request.getHeader('X-Edge-Roles'), ['Reports.Reader']);
  assert.equal(request.getHeader('X-Origin-Auth'), null);
  assert.deepEqual(request.routedTo, { origin: 'origin-reports' });
});

test('main.js answers 403 insufficient_scope on the sample route without its role', async () => {
  const request = runtime.createFakeRequest({
    path: '/reports/q1',
    headers: { Authorization: `Bearer ${signRs256(signingKey, sampleClaims({ roles: ['Orders.Reader'] }))}` },
    variables: { PMUSER_ORIGIN_SECRET: ORIGIN_SECRET },
  });
  await main.onClientRequest(request);
  assert.equal(request.response.status, 403);
  assert.deepEqual(request.response.headers['WWW-Authenticate'], ['Bearer error="insufficient_scope", scope="reports.read"']);
  assert.deepEqual(runtime.loggedLines, ['token_forbidden reason=missing_role path_prefix=/reports']);
});

test('main.js answers 401 and logs the reason for an expired token', async () => {
  const now = Math.floor(Date.now() / 1000);
  const request = runtime.createFakeRequest({
    headers: { Authorization: `Bearer ${signRs256(signingKey, sampleClaims({ exp: now - 3600 }))}` },
    variables: { PMUSER_ORIGIN_SECRET: ORIGIN_SECRET },
  });
  await main.onClientRequest(request);
  assert.equal(request.response.status, 401);
  assert.deepEqual(request.response.headers['WWW-Authenticate'], ['Bearer error="invalid_token"']);
  assert.deepEqual(runtime.loggedLines, ['token_rejected reason=expired']);
});

test('main.js fails closed with 500 when an unexpected error happens', async () => {
  const request = runtime.createFakeRequest({
    headers: { Authorization: `Bearer ${signRs256(signingKey, sampleClaims())}` },
    variables: { PMUSER_ORIGIN_SECRET: ORIGIN_SECRET },
  });
  request.route = () => {
    throw new TypeError('route failed');
  };
  await main.onClientRequest(request);
  assert.equal(request.response.status, 500);
  assert.deepEqual(runtime.loggedLines, ['gateway_error TypeError']);
});

test('main.js with an invalid config answers every request 500 and logs the problems', async () => {
  const broken = await import('../bundles/edge-gateway/main.js?config=invalid');
  const request = runtime.createFakeRequest({ headers: { Authorization: `Bearer ${signRs256(signingKey, sampleClaims())}` } });
  await broken.onClientRequest(request);
  assert.equal(request.response.status, 500);
  assert.equal(request.routedTo, null);
  assert.equal(runtime.loggedLines.length, 1);
  assert.match(runtime.loggedLines[0], /^config_invalid invalid edge-gateway config: - jwt\.issuer/);
  assert.match(runtime.loggedLines[0], /jwt\.jwksUrl/);
});
