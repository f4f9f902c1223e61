import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOriginGroup, routeRequest } from '../bundles/edge-gateway/lib/routing.js';
import { readGatewayConfig } from '../bundles/edge-gateway/lib/config.js';
import { createFakeRequest } from '../test-support/edgeworkers-stub.js';
import { rawConfig } from '../test-support/fixtures.js';

const routing = readGatewayConfig(rawConfig()).routing;

test('path prefix: matches the prefix and below, not siblings that share its letters', () => {
  assert.equal(chooseOriginGroup(routing, { path: '/reports', country: 'US' }).originGroup, 'reports');
  assert.equal(chooseOriginGroup(routing, { path: '/reports/2024/q1', country: 'US' }).originGroup, 'reports');
  assert.equal(chooseOriginGroup(routing, { path: '/reportsX', country: 'US' }).originGroup, 'primary');
});

test('path prefix: the longest matching prefix wins', () => {
  const chosen = chooseOriginGroup(routing, { path: '/reports/archive/2019', country: 'US' });
  assert.deepEqual(chosen, { originGroup: 'reportsArchive', originId: 'origin-reports-archive', matchedBy: 'path' });
  assert.equal(chooseOriginGroup(routing, { path: '/reports/archive', country: 'US' }).originGroup, 'reports');
});

test('geo: the country picks the group when no path rule matches; path rules win over geo', () => {
  assert.deepEqual(chooseOriginGroup(routing, { path: '/orders', country: 'DE' }), { originGroup: 'eu', originId: 'origin-eu', matchedBy: 'geo' });
  assert.equal(chooseOriginGroup(routing, { path: '/orders', country: 'fr' }).originGroup, 'eu');
  assert.equal(chooseOriginGroup(routing, { path: '/reports/x', country: 'DE' }).originGroup, 'reports');
});

test('default group when nothing matches or the country is unknown', () => {
  for (const country of ['US', undefined, '']) {
    assert.deepEqual(chooseOriginGroup(routing, { path: '/orders', country }), { originGroup: 'primary', originId: 'origin-primary', matchedBy: 'default' });
  }
});

test('routeRequest sets the origin group variable and calls route({ origin })', () => {
  const request = createFakeRequest({ path: '/orders/7', country: 'FR' });
  routeRequest(request, routing);
  assert.equal(request.getVariable('PMUSER_ORIGIN_GROUP'), 'eu');
  assert.deepEqual(request.routedTo, { origin: 'origin-eu' });
});
