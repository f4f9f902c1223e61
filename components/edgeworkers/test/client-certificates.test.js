import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createEdgeGateway } from '../bundles/edge-gateway/lib/gateway.js';
import { readGatewayConfig } from '../bundles/edge-gateway/lib/config.js';
import { canonicalPath, coveringPrefix } from '../bundles/edge-gateway/lib/client-certificates.js';
import {
  createFakeRequest, createJwksServer, httpRequest, logger, loggedLines, resetRuntime, setHttpHandler,
} from '../test-support/edgeworkers-stub.js';
import { signRs256 } from '../test-support/tokens.js';
import { HMAC_SECRET, NOW_MS, ORIGIN_SECRET, rawConfig, signingKey, validClaims } from '../test-support/fixtures.js';

const CLIENT_CERTIFICATES = Object.freeze({ verifiedVariable: 'PMUSER_CLIENT_CERT_VERIFIED', pathPrefixes: ['/partners', '/b2b/orders'] });

let gateway;

function gatewayWith(raw) {
  return createEdgeGateway({
    config: readGatewayConfig(raw),
    subtle: globalThis.crypto.subtle,
    httpRequest,
    logger,
    now: () => NOW_MS,
  });
}

beforeEach(() => {
  resetRuntime();
  setHttpHandler(createJwksServer({ keys: [signingKey.jwk] }).handle);
  gateway = gatewayWith({ ...rawConfig(), clientCertificates: CLIENT_CERTIFICATES });
});

function request(path, verified) {
  const variables = { PMUSER_ORIGIN_SECRET: ORIGIN_SECRET, PMUSER_JWT_HMAC_SECRET: HMAC_SECRET };
  if (verified !== undefined) {
    variables.PMUSER_CLIENT_CERT_VERIFIED = verified;
  }
  return createFakeRequest({
    path,
    country: 'US',
    variables,
    headers: { Authorization: `Bearer ${signRs256(signingKey, validClaims())}` },
  });
}

describe('client certificates: paths that require one', () => {
  test('a verified certificate and a valid token go on to the origin', async () => {
    const req = request('/partners/invoices', 'true');
    await gateway.handleClientRequest(req);
    assert.equal(req.response, null);
    assert.deepEqual(req.routedTo, { origin: 'origin-primary' });
  });

  for (const [name, verified] of [['unset (the property never marked it)', undefined], ['false', 'false'], ['TRUE', 'TRUE'], ['empty', '']]) {
    test(`variable ${name}: 403 before the token is even read, with a logged reason`, async () => {
      const req = request('/partners', verified);
      await gateway.handleClientRequest(req);
      assert.equal(req.response.status, 403);
      assert.deepEqual(JSON.parse(req.response.body), { error: 'client_certificate_required' });
      assert.deepEqual(req.response.headers['Cache-Control'], ['no-store']);
      assert.equal(req.routedTo, null);
      assert.deepEqual(loggedLines, ['client_certificate_rejected reason=not_verified path_prefix=/partners']);
    });
  }

  for (const path of ['/PARTNERS/x', '/%70artners', '/x/../partners/y', '//partners', '/b2b/./orders/1', '/B2B/Orders']) {
    test(`${path} is covered (case, encoding and dot segments do not slip past)`, async () => {
      const req = request(path, undefined);
      await gateway.handleClientRequest(req);
      assert.equal(req.response.status, 403);
    });
  }

  test('an undecodable path is refused', async () => {
    const req = request('/partners%zz', 'true');
    await gateway.handleClientRequest(req);
    assert.equal(req.response.status, 403);
    assert.deepEqual(loggedLines, ['client_certificate_rejected reason=undecodable_path path_prefix=-']);
  });

  test('a verified certificate does not replace the token: no token still gets 401', async () => {
    const req = createFakeRequest({ path: '/partners', variables: { PMUSER_CLIENT_CERT_VERIFIED: 'true' } });
    await gateway.handleClientRequest(req);
    assert.equal(req.response.status, 401);
  });
});

describe('client certificates: other paths', () => {
  for (const path of ['/', '/partnersx', '/orders', '/b2b', '/b2b/ordersx']) {
    test(`${path} needs no certificate`, async () => {
      const req = request(path, undefined);
      await gateway.handleClientRequest(req);
      assert.equal(req.response, null);
    });
  }

  test('without the clientCertificates section nothing needs one and the variable is never read', async () => {
    const plain = gatewayWith(rawConfig());
    const req = request('/partners', undefined);
    await plain.handleClientRequest(req);
    assert.equal(req.response, null);
    assert.ok(!req.variableReads.includes('PMUSER_CLIENT_CERT_VERIFIED'));
  });
});

describe('client certificates: paths and configuration', () => {
  test('canonicalPath decodes, collapses and resolves, in lower case', () => {
    assert.equal(canonicalPath('/A//b/./c/../D'), '/a/b/d');
    assert.equal(canonicalPath('/%2E%2E/x'), '/x');
    assert.equal(canonicalPath('/x/'), '/x/');
    assert.equal(canonicalPath('/%E0%A4%A'), null);
  });

  test('coveringPrefix matches the prefix and below, not siblings', () => {
    assert.equal(coveringPrefix('/partners', ['/partners']), '/partners');
    assert.equal(coveringPrefix('/partners/a', ['/Partners']), '/Partners');
    assert.equal(coveringPrefix('/partnersx', ['/partners']), null);
  });

  test('bad sections are reported, every problem at once', () => {
    assert.throws(() => readGatewayConfig({
      ...rawConfig(),
      clientCertificates: { verifiedVariable: 'cert_ok', pathPrefixes: ['partners', '/a/', '/B', '/b'], extra: 1 },
    }), (error) => {
      assert.match(error.message, /clientCertificates\.extra: unknown property/);
      assert.match(error.message, /clientCertificates\.verifiedVariable: value "cert_ok"/);
      assert.match(error.message, /clientCertificates\.pathPrefixes\[0\]: value "partners"/);
      assert.match(error.message, /clientCertificates\.pathPrefixes\[1\]: value "\/a\/"/);
      assert.match(error.message, /pathPrefix "\/b" must appear only once, ignoring case/);
      return true;
    });
    assert.throws(() => readGatewayConfig({ ...rawConfig(), clientCertificates: { pathPrefixes: [] } }), /must list at least one path prefix/);
  });

  test('defaults: verifiedVariable PMUSER_CLIENT_CERT_VERIFIED; absent section is null', () => {
    assert.equal(readGatewayConfig({ ...rawConfig(), clientCertificates: { pathPrefixes: ['/p'] } }).clientCertificates.verifiedVariable, 'PMUSER_CLIENT_CERT_VERIFIED');
    assert.equal(readGatewayConfig(rawConfig()).clientCertificates, null);
  });
});
