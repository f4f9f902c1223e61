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
  assert.equal(config.headers.schemaVersion, 2);
  assert.deepEqual(config.routes, [{ pathPrefix: '/reports', roles: ['Reports.Admin', 'Reports.Reader'], scopes: ['reports.read'] }]);
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
    issuer: 'https://issuer', issuerVariable: null, audience: 'aud', audienceVariable: null, algorithms: ['RS256'],
    jwksUrl: 'https://issuer/jwks', jwksCacheSeconds: 300, clockSkewSeconds: 60, hmacSecretVariable: 'PMUSER_JWT_HMAC_SECRET',
    hmacKeyEncoding: 'utf8',
  });
  assert.deepEqual(config.routes, []);
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
  raw.headers.schemaVersion = 1;
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
    'headers.schemaVersion: value 1 must be 2',
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

test('issuer and audience from property variables: exactly one of each pair', () => {
  const config = readGatewayConfig(rawConfig({ jwt: { issuer: undefined, issuerVariable: 'PMUSER_JWT_ISSUER', audience: undefined, audienceVariable: 'PMUSER_JWT_AUDIENCE' } }));
  assert.equal(config.jwt.issuer, null);
  assert.equal(config.jwt.issuerVariable, 'PMUSER_JWT_ISSUER');
  assert.equal(config.jwt.audienceVariable, 'PMUSER_JWT_AUDIENCE');
  assert.throws(
    () => readGatewayConfig(rawConfig({ jwt: { issuerVariable: 'PMUSER_JWT_ISSUER' } })),
    /jwt\.issuer: value "https:\/\/login\.example\.com\/tenant\/v2\.0" must be absent when jwt\.issuerVariable \("PMUSER_JWT_ISSUER"\) is set/,
  );
  assert.throws(
    () => readGatewayConfig(rawConfig({ jwt: { audience: undefined } })),
    /jwt\.audience: value undefined must be a non-empty string \(or give jwt\.audienceVariable/,
  );
  assert.throws(
    () => readGatewayConfig(rawConfig({ jwt: { audience: undefined, audienceVariable: 'jwt_audience' } })),
    /jwt\.audienceVariable: value "jwt_audience" must be a property user variable name/,
  );
});

test('hmacKeyEncoding: utf8, base64url or hex', () => {
  for (const encoding of ['utf8', 'base64url', 'hex']) {
    assert.equal(readGatewayConfig(rawConfig({ jwt: { hmacKeyEncoding: encoding } })).jwt.hmacKeyEncoding, encoding);
  }
  assert.throws(() => readGatewayConfig(rawConfig({ jwt: { hmacKeyEncoding: 'base64' } })), /jwt\.hmacKeyEncoding: value "base64" must be one of utf8, base64url, hex/);
});

test('routes: prefixes, scope and role names are checked, each problem named', () => {
  const good = readGatewayConfig({ ...rawConfig(), routes: [{ pathPrefix: '/orders', scopes: ['orders.read'], roles: ['Orders.Reader', 'api:admin'] }, { pathPrefix: '/orders/public' }] });
  assert.deepEqual(good.routes[1], { pathPrefix: '/orders/public', scopes: [], roles: [] });
  assert.ok(Object.isFrozen(good.routes[0].scopes));
  let message = '';
  try {
    readGatewayConfig({
      ...rawConfig(),
      routes: [
        { pathPrefix: '/orders/', scopes: ['orders read'], roles: ['x'.repeat(121)] },
        { pathPrefix: '/Orders', scopes: ['a', 'a'], roles: 'Orders.Reader', extra: true },
        { pathPrefix: '/orders', roles: [''] },
        { pathPrefix: '/' },
      ],
    });
  } catch (error) {
    message = error.message;
  }
  const expected = [
    'routes[0].pathPrefix: value "/orders/" must be \'/\' and one or more segments',
    'routes[0].scopes[0]: value "orders read" must be 1 to 120 letters, digits',
    `routes[0].roles[0]: value "${'x'.repeat(121)}" must be 1 to 120`,
    'routes[1].extra: unknown property (allowed: pathPrefix, scopes, roles)',
    'routes[1].scopes[1]: value "a" must appear only once',
    'routes[1].roles: value "Orders.Reader" must be a list',
    'routes[2].roles[0]: value "" must be 1 to 120',
    'routes[3].pathPrefix: value "/" must be',
    'routes: pathPrefix "/orders" must appear only once, ignoring case',
  ];
  for (const fragment of expected) {
    assert.ok(message.includes(fragment), `missing: ${fragment}\nin:\n${message}`);
  }
  assert.equal(message.split('\n- ').length - 1, expected.length);
});

test('routes: a prefix with a "." or ".." segment, or longer than 200 characters, is refused (the gateway could never match it)', () => {
  const long = `/${'p'.repeat(200)}`;
  const longest = `/${'p'.repeat(199)}`;
  const good = readGatewayConfig({ ...rawConfig(), routes: [{ pathPrefix: longest }, { pathPrefix: '/a.b/..c/...' }] });
  assert.deepEqual(good.routes.map((route) => route.pathPrefix), [longest, '/a.b/..c/...']);
  let message = '';
  try {
    readGatewayConfig({
      ...rawConfig(),
      routes: [{ pathPrefix: '/a/../orders' }, { pathPrefix: '/./orders' }, { pathPrefix: '/orders/..' }, { pathPrefix: long }],
    });
  } catch (error) {
    message = error.message;
  }
  const why = "must have no '.' or '..' segment: the gateway resolves those in request paths before comparing, so no request could match the route and it would never be enforced";
  const expected = [
    `routes[0].pathPrefix: value "/a/../orders" ${why}`,
    `routes[1].pathPrefix: value "/./orders" ${why}`,
    `routes[2].pathPrefix: value "/orders/.." ${why}`,
    `routes[3].pathPrefix: value "${long}" must be at most 200 characters (it has 201), the longest prefix the origins' route rules accept`,
  ];
  assert.equal(message, `invalid edge-gateway config:\n- ${expected.join('\n- ')}`);
});
