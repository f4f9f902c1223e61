import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildEdgeHeaders, EdgeHeader, enrichRequestHeaders, HEADER_SCHEMA_VERSION, stripEdgeHeaders, wholeSecondsText,
} from '../bundles/edge-gateway/lib/headers.js';
import { createFakeRequest } from '../test-support/edgeworkers-stub.js';
import { validClaims, NOW_SECONDS, ISSUER } from '../test-support/fixtures.js';

test('schema version 2 with its header names: version 1 and X-Edge-Roles', () => {
  assert.equal(HEADER_SCHEMA_VERSION, 2);
  assert.deepEqual(Object.values(EdgeHeader), [
    'X-Edge-Claims-Version', 'X-Edge-Sub', 'X-Edge-Scopes', 'X-Edge-Client-Id', 'X-Edge-Issuer', 'X-Edge-Token-Exp',
    'X-Edge-Roles',
  ]);
});

test('enrichment writes the versioned schema from the claims', () => {
  const headers = buildEdgeHeaders(validClaims({ exp: NOW_SECONDS + 600.7 }));
  assert.deepEqual(headers, [
    ['X-Edge-Claims-Version', '2'],
    ['X-Edge-Sub', 'user-42'],
    ['X-Edge-Scopes', 'orders.read orders.write'],
    ['X-Edge-Client-Id', 'web-app'],
    ['X-Edge-Issuer', ISSUER],
    ['X-Edge-Token-Exp', String(NOW_SECONDS + 600)],
  ]);
});

test('scopes merge scope and scp, keep first order, drop duplicates; azp stands in for client_id', () => {
  const headers = new Map(buildEdgeHeaders({ scope: ' a  b ', scp: ['b', 'c', 7], azp: 'spa', exp: 1 }));
  assert.equal(headers.get('X-Edge-Scopes'), 'a b c');
  assert.equal(headers.get('X-Edge-Client-Id'), 'spa');
  assert.equal(new Map(buildEdgeHeaders({ scp: 'x y', exp: 1 })).get('X-Edge-Scopes'), 'x y');
});

test('absent or non-string claims leave their header out; only the version is always present', () => {
  assert.deepEqual(buildEdgeHeaders({ sub: 42, scope: '', iss: ['x'], roles: 'Orders.Reader' }), [['X-Edge-Claims-Version', '2']]);
});

test('claim values cannot inject header lines', () => {
  const headers = new Map(buildEdgeHeaders({ sub: 'eve\r\nX-Edge-Sub: admin', exp: 1 }));
  assert.equal(headers.get('X-Edge-Sub'), 'eve%0D%0AX-Edge-Sub: admin');
});

test('spoofed incoming X-Edge-* headers are stripped before enrichment', () => {
  const request = createFakeRequest({
    headers: {
      'x-edge-sub': 'admin',
      'X-EDGE-SCOPES': 'everything',
      'X-Edge-Claims-Version': '1',
      'X-Edge-Roles': 'Admin',
      'X-Edge-Tenant': 'other-tenant',
      'X-Edge-Client-Id': 'spoofed',
      Accept: 'application/json',
    },
  });
  enrichRequestHeaders(request, { sub: 'user-42', exp: 1 });
  assert.deepEqual(request.getHeader('X-Edge-Sub'), ['user-42']);
  assert.deepEqual(request.getHeader('X-Edge-Claims-Version'), ['2']);
  assert.equal(request.getHeader('X-Edge-Scopes'), null);
  assert.equal(request.getHeader('X-Edge-Roles'), null);
  assert.equal(request.getHeader('X-Edge-Tenant'), null, 'headers of other schema versions are stripped too');
  assert.equal(request.getHeader('X-Edge-Client-Id'), null);
  assert.deepEqual(request.getHeader('Accept'), ['application/json']);
});

test('stripping works without getHeaders (schema names only)', () => {
  const request = createFakeRequest({ headers: { 'X-Edge-Sub': 'admin', 'X-Edge-Roles': 'Admin', 'X-Edge-Other': 'kept' } });
  delete request.getHeaders;
  stripEdgeHeaders(request);
  assert.equal(request.getHeader('X-Edge-Sub'), null);
  assert.equal(request.getHeader('X-Edge-Roles'), null);
  assert.deepEqual(request.getHeader('X-Edge-Other'), ['kept']);
});

test('X-Edge-Roles: the roles array, valid names only, first order, no duplicates, one space', () => {
  const roles = ['Orders.Reader', 'has space', 7, 'Orders.Admin', 'Orders.Reader', 'api:admin', 'x'.repeat(121), 'ünicode', ''];
  assert.equal(new Map(buildEdgeHeaders({ roles, exp: 1 })).get('X-Edge-Roles'), 'Orders.Reader Orders.Admin api:admin');
  assert.equal(new Map(buildEdgeHeaders({ roles: ['has space'], exp: 1 })).has('X-Edge-Roles'), false);
  assert.equal(new Map(buildEdgeHeaders({ roles: [], exp: 1 })).has('X-Edge-Roles'), false);
});

test('X-Edge-Token-Exp is whole seconds as plain digits for any exp, also at and above 1e21', () => {
  const cases = [1, 1.9, 1_700_000_600.7, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e20, 1e21, 1e21 + 131072, 1.5e22, 1e300, Number.MAX_VALUE];
  for (const exp of cases) {
    const header = new Map(buildEdgeHeaders({ exp })).get('X-Edge-Token-Exp');
    assert.match(header, /^[0-9]+$/, `exp ${exp}`);
    assert.equal(header, BigInt(Math.floor(exp)).toString(), `exp ${exp}`);
  }
  assert.equal(wholeSecondsText(1e21), '1000000000000000000000');
  assert.equal(wholeSecondsText(-1e21), '-1000000000000000000000');
  assert.equal(new Map(buildEdgeHeaders({ exp: Infinity })).has('X-Edge-Token-Exp'), false);
});
