import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripOriginAuth, DEFAULT_ORIGIN_AUTH_HEADER } from '../bundles/edge-gateway/lib/origin-auth.js';
import { createFakeRequest } from '../test-support/edgeworkers-stub.js';
import { ORIGIN_SECRET } from '../test-support/fixtures.js';

test('default header: X-Origin-Auth', () => {
  assert.equal(DEFAULT_ORIGIN_AUTH_HEADER, 'X-Origin-Auth');
});

test('deletes a client-sent copy and never reads the sensitive variable', () => {
  const request = createFakeRequest({ headers: { 'x-origin-auth': 'guess' }, variables: { PMUSER_ORIGIN_SECRET: ORIGIN_SECRET } });
  stripOriginAuth(request, { headerName: DEFAULT_ORIGIN_AUTH_HEADER });
  assert.equal(request.getHeader('X-Origin-Auth'), null);
  assert.deepEqual(request.variableReads, []);
});

test('a custom header name is honoured', () => {
  const request = createFakeRequest({ headers: { 'X-Backend-Key': 'guess', 'X-Origin-Auth': 'kept' } });
  stripOriginAuth(request, { headerName: 'X-Backend-Key' });
  assert.equal(request.getHeader('x-backend-key'), null);
  assert.deepEqual(request.getHeader('X-Origin-Auth'), ['kept']);
});
