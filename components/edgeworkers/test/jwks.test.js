import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createJwksKeyStore, readRs256Keys, JWKS_MIN_REFRESH_SECONDS } from '../bundles/edge-gateway/lib/jwks.js';
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
