import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOriginAuth, DEFAULT_ORIGIN_AUTH_HEADER, DEFAULT_ORIGIN_SECRET_VARIABLE } from '../bundles/edge-gateway/lib/origin-auth.js';
import { createFakeRequest } from '../test-support/edgeworkers-stub.js';
import { ORIGIN_SECRET } from '../test-support/fixtures.js';

const settings = { headerName: DEFAULT_ORIGIN_AUTH_HEADER, secretVariable: DEFAULT_ORIGIN_SECRET_VARIABLE };

test('defaults: X-Origin-Auth from PMUSER_ORIGIN_SECRET', () => {
  assert.equal(DEFAULT_ORIGIN_AUTH_HEADER, 'X-Origin-Auth');
  assert.equal(DEFAULT_ORIGIN_SECRET_VARIABLE, 'PMUSER_ORIGIN_SECRET');
});

test('sets the header from the sensitive variable, replacing a client-sent copy', () => {
  const request = createFakeRequest({ headers: { 'x-origin-auth': 'guess' }, variables: { PMUSER_ORIGIN_SECRET: ORIGIN_SECRET } });
  assert.deepEqual(applyOriginAuth(request, settings), { ok: true });
  assert.deepEqual(request.getHeader('X-Origin-Auth'), [ORIGIN_SECRET]);
  assert.deepEqual(request.variableReads, ['PMUSER_ORIGIN_SECRET']);
});

test('a custom header name and variable are honoured', () => {
  const request = createFakeRequest({ variables: { PMUSER_EDGE_KEY: ORIGIN_SECRET } });
  applyOriginAuth(request, { headerName: 'X-Backend-Key', secretVariable: 'PMUSER_EDGE_KEY' });
  assert.deepEqual(request.getHeader('x-backend-key'), [ORIGIN_SECRET]);
});

test('missing or unsafe secret: not ok, and the client-sent copy is still removed', () => {
  for (const [variables, reason] of [
    [{}, 'origin_secret_missing'],
    [{ PMUSER_ORIGIN_SECRET: '' }, 'origin_secret_missing'],
    [{ PMUSER_ORIGIN_SECRET: 'two words' }, 'origin_secret_invalid'],
    [{ PMUSER_ORIGIN_SECRET: 'line\r\nbreak' }, 'origin_secret_invalid'],
  ]) {
    const request = createFakeRequest({ headers: { 'X-Origin-Auth': 'guess' }, variables });
    assert.deepEqual(applyOriginAuth(request, settings), { ok: false, reason });
    assert.equal(request.getHeader('X-Origin-Auth'), null);
  }
});
