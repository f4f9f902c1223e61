import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readGatewayConfig } from '../bundles/edge-gateway/lib/config.js';
import configData from '../bundles/edge-gateway/config-data.js';
import { rawConfig } from '../test-support/fixtures.js';

const bundleDir = new URL('../bundles/edge-gateway/', import.meta.url);
const configJson = JSON.parse(readFileSync(new URL('config.json', bundleDir), 'utf8'));

test('the sample config.json is valid', () => {
  const config = readGatewayConfig(configJson);
  assert.equal(config.jwt.issuer, 'https://login.example.com/edge-sample/v2.0');
  assert.deepEqual(config.jwt.algorithms, ['RS256']);
  assert.equal(config.headers.schemaVersion, 1);
});

test('config-data.js (what the bundle imports) holds exactly config.json', () => {
  assert.deepEqual(configData, configJson);
});

test('bundle.json has edgeworker-version and description', () => {
  const manifest = JSON.parse(readFileSync(new URL('bundle.json', bundleDir), 'utf8'));
  assert.match(manifest['edgeworker-version'], /^\d+\.\d+\.\d+$/);
  assert.equal(typeof manifest.description, 'string');
});

test('defaults are applied and the result is frozen', () => {
  const raw = rawConfig();
  delete raw.originAuth;
  raw.jwt = { issuer: 'https://issuer', audience: 'aud', jwksUrl: 'https://issuer/jwks' };
  delete raw.routing.variableName;
  const config = readGatewayConfig(raw);
  assert.deepEqual(config.jwt, {
    issuer: 'https://issuer', audience: 'aud', algorithms: ['RS256'], jwksUrl: 'https://issuer/jwks',
    jwksCacheSeconds: 300, clockSkewSeconds: 60, hmacSecretVariable: 'PMUSER_JWT_HMAC_SECRET',
  });
  assert.deepEqual(config.originAuth, { headerName: 'X-Origin-Auth' });
  assert.equal(config.routing.variableName, 'PMUSER_ORIGIN_GROUP');
  assert.ok(Object.isFrozen(config.routing.originGroups.primary));
});

test('HS256-only config needs no JWKS URL and refuses one', () => {
  assert.doesNotThrow(() => readGatewayConfig(rawConfig({ jwt: { algorithms: ['HS256'], jwksUrl: undefined } })));
  assert.throws(() => readGatewayConfig(rawConfig({ jwt: { algorithms: ['HS256'] } })), /jwt\.jwksUrl: .*must be absent/);
});

test('every problem is reported at once, each naming the property, the value and the rule', () => {
  const raw = rawConfig({
    jwt: { issuer: '', algorithms: ['RS256', 'none'], jwksUrl: 'http://insecure', clockSkewSeconds: 301, jwksCacheSeconds: 5, extra: 1 },
    routing: {
      variableName: 'origin_group',
      defaultOriginGroup: 'missing',
      pathRules: [{ pathPrefix: 'reports', originGroup: 'nowhere' }, { pathPrefix: '/a', originGroup: 'eu' }, { pathPrefix: '/a', originGroup: 'eu' }],
      geoRules: [{ countries: ['de'], originGroup: 'eu' }, { countries: ['FR'], originGroup: 'eu' }, { countries: ['FR'], originGroup: 'eu' }],
    },
  });
  raw.headers.schemaVersion = 2;
  raw.originAuth.headerName = 'X-Edge-Secret';
  let message = '';
  try {
    readGatewayConfig(raw);
  } catch (error) {
    message = error.message;
  }
  const expected = [
    'jwt.extra: unknown property',
    'jwt.issuer: value "" must be a non-empty string',
    'jwt.algorithms: value ["RS256","none"]',
    'jwt.jwksUrl: value "http://insecure" must be an https:// URL',
    'jwt.jwksCacheSeconds: value 5 must be an integer from 60 to 86400',
    'jwt.clockSkewSeconds: value 301 must be an integer from 0 to 300',
    'headers.schemaVersion: value 2 must be 1',
    'originAuth.headerName: value "X-Edge-Secret"',
    'routing.variableName: value "origin_group"',
    'routing.defaultOriginGroup: value "missing" must be one of the origin groups',
    'routing.pathRules[0].pathPrefix: value "reports" must start with \'/\'',
    'routing.pathRules[0].originGroup: value "nowhere"',
    'routing.pathRules: pathPrefix "/a" must appear only once',
    'routing.geoRules[0].countries: value "de" must be an upper-case ISO 3166-1 alpha-2 code',
    'routing.geoRules[2].countries: country "FR" must appear in only one geo rule',
  ];
  for (const fragment of expected) {
    assert.ok(message.includes(fragment), `missing: ${fragment}\nin:\n${message}`);
  }
  assert.equal(message.split('\n- ').length - 1, expected.length);
});

test('non-object input is reported, not thrown as a TypeError', () => {
  assert.throws(() => readGatewayConfig(null), /config: value null must be an object/);
  assert.throws(() => readGatewayConfig({ jwt: [], headers: {}, routing: {} }), /jwt: value \[\] must be an object/);
});
