import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createJwksKeyStore, readRs256Keys, JWKS_FETCH_TIMEOUT_MS, JWKS_MIN_REFRESH_SECONDS } from '../bundles/edge-gateway/lib/jwks.js';
import { rsaPublicKeySpki } from '../bundles/edge-gateway/lib/rsa-spki.js';
import { decodeBase64Url } from '../bundles/edge-gateway/lib/base64url.js';
import { createJwksServer } from '../test-support/edgeworkers-stub.js';
import { JWKS_URL, NOW_MS, signingKey, rotatedKey } from '../test-support/fixtures.js';

const subtle = globalThis.crypto.subtle;

function makeStore(jwks, cacheSeconds = 300) {
  const server = createJwksServer(jwks);
  const clock = { nowMs: NOW_MS };
  const store = createJwksKeyStore({ subtle, httpRequest: server.handle, jwksUrl: JWKS_URL, cacheSeconds, now: () => clock.nowMs });
  return { store, server, clock };
}

test('fetches the JWKS from the configured URL with GET and imports the key for RS256 verify', async () => {
  const { store, server } = makeStore({ keys: [signingKey.jwk] });
  const found = await store.getKey('key-1');
  assert.equal(server.lastUrl, JWKS_URL);
  assert.equal(server.lastOptions.method, 'GET');
  assert.equal(found.key.algorithm.name, 'RSASSA-PKCS1-v1_5');
  assert.equal(found.key.algorithm.hash.name, 'SHA-256');
  assert.deepEqual(found.key.usages, ['verify']);
});

test('reuses the cached document within the cache lifetime, fetches again after it', async () => {
  const { store, server, clock } = makeStore({ keys: [signingKey.jwk] }, 300);
  await store.getKey('key-1');
  clock.nowMs += 299_000;
  await store.getKey('key-1');
  assert.equal(server.calls, 1);
  clock.nowMs += 1_000;
  await store.getKey('key-1');
  assert.equal(server.calls, 2);
});

test('an unknown kid triggers at most one early re-fetch per minimum refresh interval', async () => {
  const { store, server, clock } = makeStore({ keys: [signingKey.jwk] });
  await store.getKey('key-1');
  assert.deepEqual(await store.getKey('nope'), { reason: 'unknown_kid' });
  assert.equal(server.calls, 1, 'within the minimum interval of the first fetch');
  clock.nowMs += JWKS_MIN_REFRESH_SECONDS * 1000;
  assert.deepEqual(await store.getKey('nope'), { reason: 'unknown_kid' });
  assert.deepEqual(await store.getKey('nope'), { reason: 'unknown_kid' });
  assert.equal(server.calls, 2);
});

test('key rotation: a new kid is picked up by the early re-fetch', async () => {
  const { store, server, clock } = makeStore({ keys: [signingKey.jwk] });
  await store.getKey('key-1');
  server.jwks = { keys: [signingKey.jwk, rotatedKey.jwk] };
  clock.nowMs += JWKS_MIN_REFRESH_SECONDS * 1000;
  assert.ok((await store.getKey('key-2')).key);
});

test('JWKS never fetched -> jwks_unavailable; stale keys serve until one extra lifetime, then unavailable', async () => {
  const { store, server, clock } = makeStore({ keys: [signingKey.jwk] }, 300);
  server.failing = true;
  assert.deepEqual(await store.getKey('key-1'), { reason: 'jwks_unavailable' });
  server.failing = false;
  clock.nowMs += JWKS_MIN_REFRESH_SECONDS * 1000;
  assert.ok((await store.getKey('key-1')).key);
  server.failing = true;
  clock.nowMs += 599_000;
  assert.ok((await store.getKey('key-1')).key, 'stale-if-error');
  clock.nowMs += 1_000;
  assert.deepEqual(await store.getKey('key-1'), { reason: 'jwks_unavailable' });
});

test('concurrent lookups share one fetch', async () => {
  const { store, server } = makeStore({ keys: [signingKey.jwk] });
  const results = await Promise.all([store.getKey('key-1'), store.getKey('key-1'), store.getKey('key-1')]);
  assert.ok(results.every((result) => result.key));
  assert.equal(server.calls, 1);
});

test('keeps only RSA RS256 signature keys with a kid and at least 2048 bits', () => {
  const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const base = signingKey.jwk;
  const keys = readRs256Keys([
    { ...base, kid: 'good' },
    { ...base, kid: 'good', n: 'ignored-duplicate' },
    { ...weak, kid: 'weak' },
    { ...ec, kid: 'ec' },
    { ...base, kid: 'enc', use: 'enc' },
    { ...base, kid: 'ps', alg: 'PS256' },
    { ...base, kid: 'ops', key_ops: ['encrypt'] },
    { ...base, kid: undefined },
    { ...base, kid: 'no-alg', alg: undefined, use: undefined },
    null,
  ]);
  assert.deepEqual([...keys.keys()], ['good', 'no-alg']);
  assert.deepEqual(keys.get('good'), { kty: 'RSA', n: base.n, e: base.e, alg: 'RS256', ext: true });
});

test('keys are imported as SubjectPublicKeyInfo built from n and e (no JWK import), byte for byte the DER node exports', async () => {
  const calls = [];
  const spy = {
    importKey: (format, data, algorithm, extractable, usages) => {
      calls.push({ format, data });
      return subtle.importKey(format, data, algorithm, extractable, usages);
    },
  };
  const server = createJwksServer({ keys: [signingKey.jwk, rotatedKey.jwk] });
  const store = createJwksKeyStore({ subtle: spy, httpRequest: server.handle, jwksUrl: JWKS_URL, now: () => NOW_MS });
  assert.ok((await store.getKey('key-1')).key);
  assert.ok((await store.getKey('key-2')).key);
  assert.deepEqual(calls.map((call) => call.format), ['spki', 'spki']);
  assert.deepEqual(Buffer.from(calls[0].data), signingKey.publicKey.export({ type: 'spki', format: 'der' }));
  assert.deepEqual(Buffer.from(calls[1].data), rotatedKey.publicKey.export({ type: 'spki', format: 'der' }));
});

test('SPKI DER for unusual sizes: 4096-bit modulus, zero-padded n, 3-byte and high-bit exponents', async () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 4096, publicExponent: 3 });
  const jwk = publicKey.export({ format: 'jwk' });
  const padded = { ...jwk, n: Buffer.concat([Buffer.alloc(1), Buffer.from(jwk.n, 'base64url')]).toString('base64url') };
  assert.deepEqual(Buffer.from(rsaPublicKeySpki(decodeBase64Url(jwk.n), decodeBase64Url(jwk.e))), publicKey.export({ type: 'spki', format: 'der' }));
  assert.deepEqual(Buffer.from(rsaPublicKeySpki(decodeBase64Url(padded.n), decodeBase64Url(jwk.e))), publicKey.export({ type: 'spki', format: 'der' }));
  const highBit = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x8001 }).publicKey;
  const highJwk = highBit.export({ format: 'jwk' });
  assert.deepEqual(Buffer.from(rsaPublicKeySpki(decodeBase64Url(highJwk.n), decodeBase64Url(highJwk.e))), highBit.export({ type: 'spki', format: 'der' }));
});

test('the JWKS request carries a timeout that leaves the event time to answer', async () => {
  const { store, server } = makeStore({ keys: [signingKey.jwk] });
  await store.getKey('key-1');
  assert.equal(server.lastOptions.timeout, JWKS_FETCH_TIMEOUT_MS);
  assert.ok(JWKS_FETCH_TIMEOUT_MS > 0 && JWKS_FETCH_TIMEOUT_MS <= 2000, 'at most half of the smallest tier\'s 4 s event wall time');
});

test('a timed-out re-fetch keeps the cached keys (stale-if-error); with nothing cached the key store answers jwks_unavailable', async () => {
  const server = createJwksServer({ keys: [signingKey.jwk] });
  const clock = { nowMs: NOW_MS };
  let timingOut = false;
  const httpRequest = async (url, options) => {
    if (timingOut) {
      throw new Error(`subrequest to URL ${url} timed out`);
    }
    return server.handle(url, options);
  };
  const store = createJwksKeyStore({ subtle, httpRequest, jwksUrl: JWKS_URL, cacheSeconds: 300, now: () => clock.nowMs });
  await store.getKey('key-1');
  timingOut = true;
  clock.nowMs += 300_000;
  assert.ok((await store.getKey('key-1')).key);
  clock.nowMs += 300_000;
  assert.deepEqual(await store.getKey('key-1'), { reason: 'jwks_unavailable' });
  const cold = createJwksKeyStore({ subtle, httpRequest, jwksUrl: JWKS_URL, now: () => NOW_MS });
  assert.deepEqual(await cold.getKey('key-1'), { reason: 'jwks_unavailable' });
});
