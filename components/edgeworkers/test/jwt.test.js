import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createJwtVerifier, MAX_TOKEN_LENGTH } from '../bundles/edge-gateway/lib/jwt.js';
import { createJwksKeyStore } from '../bundles/edge-gateway/lib/jwks.js';
import { createJwksServer } from '../test-support/edgeworkers-stub.js';
import { base64url, signHs256, signRs256, unsignedToken, generateRsaKey } from '../test-support/tokens.js';
import {
  AUDIENCE, HMAC_SECRET, ISSUER, JWKS_URL, NOW_MS, NOW_SECONDS, signingKey, validClaims,
} from '../test-support/fixtures.js';

const subtle = globalThis.crypto.subtle;
const utf8 = (text) => new Uint8Array(Buffer.from(text, 'utf8'));
const HMAC_KEY = Object.freeze({ hmacKey: utf8(HMAC_SECRET) });

function makeVerifier({ algorithms = ['RS256', 'HS256'], clockSkewSeconds, nowMs = NOW_MS, keys = [signingKey.jwk] } = {}) {
  const server = createJwksServer({ keys });
  const clock = { nowMs };
  const now = () => clock.nowMs;
  const rsaKeys = createJwksKeyStore({ subtle, httpRequest: server.handle, jwksUrl: JWKS_URL, now });
  const verifier = createJwtVerifier({ subtle, issuer: ISSUER, audience: AUDIENCE, algorithms, clockSkewSeconds, rsaKeys, now });
  return { verifier, server, clock };
}

describe('jwt verifier: valid tokens', () => {
  test('accepts a valid RS256 token and returns its claims', async () => {
    const { verifier } = makeVerifier();
    const result = await verifier.verify(signRs256(signingKey, validClaims()));
    assert.equal(result.ok, true);
    assert.equal(result.claims.sub, 'user-42');
  });

  test('accepts a valid HS256 token with the configured secret', async () => {
    const { verifier } = makeVerifier();
    const result = await verifier.verify(signHs256(HMAC_SECRET, validClaims()), HMAC_KEY);
    assert.deepEqual(result, { ok: true, claims: validClaims() });
  });

  test('accepts aud as an array that contains the audience', async () => {
    const { verifier } = makeVerifier();
    const result = await verifier.verify(signRs256(signingKey, validClaims({ aud: ['other', AUDIENCE] })));
    assert.equal(result.ok, true);
  });

  test('accepts a token without nbf and iat (only exp is required)', async () => {
    const { verifier } = makeVerifier();
    const claims = validClaims();
    delete claims.nbf;
    delete claims.iat;
    assert.equal((await verifier.verify(signRs256(signingKey, claims))).ok, true);
  });
});

describe('jwt verifier: rejected tokens', () => {
  const cases = [
    ['expired', () => signRs256(signingKey, validClaims({ exp: NOW_SECONDS - 61 })), 'expired'],
    ['not yet valid (nbf)', () => signRs256(signingKey, validClaims({ nbf: NOW_SECONDS + 61 })), 'not_yet_valid'],
    ['issued in the future (iat)', () => signRs256(signingKey, validClaims({ iat: NOW_SECONDS + 61 })), 'issued_in_future'],
    ['wrong issuer', () => signRs256(signingKey, validClaims({ iss: `${ISSUER}/` })), 'wrong_issuer'],
    ['missing issuer', () => signRs256(signingKey, validClaims({ iss: undefined })), 'wrong_issuer'],
    ['wrong audience', () => signRs256(signingKey, validClaims({ aud: 'api://other' })), 'wrong_audience'],
    ['audience array without ours', () => signRs256(signingKey, validClaims({ aud: ['a', 'b'] })), 'wrong_audience'],
    ['missing audience', () => signRs256(signingKey, validClaims({ aud: undefined })), 'wrong_audience'],
    ['missing exp', () => signRs256(signingKey, validClaims({ exp: undefined })), 'missing_exp'],
    ['exp as a string', () => signRs256(signingKey, validClaims({ exp: String(NOW_SECONDS + 600) })), 'malformed'],
    ['nbf as a string', () => signRs256(signingKey, validClaims({ nbf: 'yesterday' })), 'malformed'],
  ];
  for (const [name, makeToken, reason] of cases) {
    test(`${name} -> ${reason}`, async () => {
      const { verifier } = makeVerifier();
      assert.deepEqual(await verifier.verify(makeToken()), { ok: false, reason });
    });
  }

  test('bad signature: payload changed after signing', async () => {
    const { verifier } = makeVerifier();
    const [header, , signature] = signRs256(signingKey, validClaims()).split('.');
    const forgedPayload = base64url(JSON.stringify(validClaims({ sub: 'admin' })));
    assert.deepEqual(await verifier.verify(`${header}.${forgedPayload}.${signature}`), { ok: false, reason: 'bad_signature' });
  });

  test('bad signature: signed by another RSA key under a known kid', async () => {
    const { verifier } = makeVerifier();
    const impostor = { ...generateRsaKey('key-1') };
    assert.deepEqual(await verifier.verify(signRs256(impostor, validClaims())), { ok: false, reason: 'bad_signature' });
  });

  test('bad signature: HS256 with another secret', async () => {
    const { verifier } = makeVerifier();
    const token = signHs256('another-secret-that-is-long-enough-000000', validClaims());
    assert.deepEqual(await verifier.verify(token, HMAC_KEY), { ok: false, reason: 'bad_signature' });
  });

  test('missing token', async () => {
    const { verifier } = makeVerifier();
    for (const token of [undefined, null, '']) {
      assert.deepEqual(await verifier.verify(token), { ok: false, reason: 'missing_token' });
    }
  });

  test('malformed tokens', async () => {
    const { verifier } = makeVerifier();
    const good = signRs256(signingKey, validClaims());
    const [header, payload, signature] = good.split('.');
    const malformed = [
      'not-a-jwt',
      `${header}.${payload}`,
      `${good}.extra`,
      `${header}.${payload}.`,
      `${header}!.${payload}.${signature}`,
      `${header}.${payload}.${signature}=`,
      `${base64url('not json')}.${payload}.${signature}`,
      `${base64url('[1,2]')}.${payload}.${signature}`,
      `${base64url('{"typ":"JWT"}')}.${payload}.${signature}`,
      `${header}.${base64url('"a string"')}.${signature}`,
      `${header}.${base64url(Buffer.from([0xff, 0xfe]))}.${signature}`,
      `${base64url(JSON.stringify({ alg: 'RS256', kid: 'key-1', crit: ['exp'] }))}.${payload}.${signature}`,
      'a'.repeat(MAX_TOKEN_LENGTH + 1),
    ];
    for (const token of malformed) {
      assert.deepEqual(await verifier.verify(token), { ok: false, reason: 'malformed' }, token.slice(0, 80));
    }
  });

  test('alg "none" is never accepted', async () => {
    const { verifier } = makeVerifier();
    assert.deepEqual(await verifier.verify(unsignedToken(validClaims())), { ok: false, reason: 'unsupported_alg' });
    const withSignature = `${unsignedToken(validClaims())}${base64url('x')}`;
    assert.deepEqual(await verifier.verify(withSignature), { ok: false, reason: 'unsupported_alg' });
    const upperCase = signRs256(signingKey, validClaims(), { alg: 'None' });
    assert.deepEqual(await verifier.verify(upperCase), { ok: false, reason: 'unsupported_alg' });
  });

  test('algorithms outside the allow-list are rejected', async () => {
    const { verifier } = makeVerifier({ algorithms: ['RS256'] });
    assert.deepEqual(await verifier.verify(signHs256(HMAC_SECRET, validClaims()), HMAC_KEY), { ok: false, reason: 'unsupported_alg' });
    assert.deepEqual(await verifier.verify(signRs256(signingKey, validClaims(), { alg: 'RS512' })), { ok: false, reason: 'unsupported_alg' });
  });

  test('alg confusion: HS256 token signed with the RSA public key is rejected', async () => {
    const pem = signingKey.publicPem;
    const confused = signHs256(pem, validClaims(), { kid: 'key-1' });
    const rsOnly = makeVerifier({ algorithms: ['RS256'] });
    assert.deepEqual(await rsOnly.verifier.verify(confused), { ok: false, reason: 'unsupported_alg' });
    const both = makeVerifier({ algorithms: ['RS256', 'HS256'] });
    assert.deepEqual(await both.verifier.verify(confused, HMAC_KEY), { ok: false, reason: 'bad_signature' });
    assert.deepEqual(await both.verifier.verify(confused, { hmacKey: null }), { ok: false, reason: 'hmac_secret_unavailable' });
    assert.equal(both.server.calls, 0, 'an HS256 token never reaches the JWKS keys');
  });

  test('alg confusion: RS256 token is never checked with the HMAC secret', async () => {
    const { verifier } = makeVerifier({ keys: [] });
    const forged = signHs256(HMAC_SECRET, validClaims(), { alg: 'RS256', kid: 'key-1' });
    assert.deepEqual(await verifier.verify(forged, HMAC_KEY), { ok: false, reason: 'unknown_kid' });
  });

  test('HS256 needs a secret of at least 32 bytes', async () => {
    const { verifier } = makeVerifier();
    const shortSecret = 'short-secret';
    const token = signHs256(shortSecret, validClaims());
    assert.deepEqual(await verifier.verify(token, { hmacKey: utf8(shortSecret) }), { ok: false, reason: 'hmac_secret_unavailable' });
    assert.deepEqual(await verifier.verify(token, {}), { ok: false, reason: 'hmac_secret_unavailable' });
    const key31 = new Uint8Array(31).fill(7);
    assert.deepEqual(await verifier.verify(signHs256(Buffer.from(key31), validClaims()), { hmacKey: key31 }), { ok: false, reason: 'hmac_secret_unavailable' });
  });

  test('HS256 with a binary key (RFC 7515 appendix A.1: the key of its HS256 example)', async () => {
    const { verifier } = makeVerifier();
    const key = new Uint8Array(Buffer.from('AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow', 'base64url'));
    assert.equal(key.length, 64);
    const token = signHs256(Buffer.from(key), validClaims());
    assert.equal((await verifier.verify(token, { hmacKey: key })).ok, true);
    assert.deepEqual(await verifier.verify(token, { hmacKey: key.slice(0, 32) }), { ok: false, reason: 'bad_signature' });
  });

  test('issuer and audience given per verification (from property variables) override the options', async () => {
    const { verifier } = makeVerifier();
    const token = signRs256(signingKey, validClaims({ iss: 'https://other.example.com/v2.0', aud: 'api://other' }));
    assert.deepEqual(await verifier.verify(token), { ok: false, reason: 'wrong_issuer' });
    assert.equal((await verifier.verify(token, { issuer: 'https://other.example.com/v2.0', audience: 'api://other' })).ok, true);
    assert.deepEqual(await verifier.verify(token, { issuer: 'https://other.example.com/v2.0' }), { ok: false, reason: 'wrong_audience' });
  });

  test('unknown kid and missing kid', async () => {
    const { verifier } = makeVerifier();
    assert.deepEqual(await verifier.verify(signRs256(signingKey, validClaims(), { kid: 'key-9' })), { ok: false, reason: 'unknown_kid' });
    assert.deepEqual(await verifier.verify(signRs256(signingKey, validClaims(), { kid: undefined })), { ok: false, reason: 'unknown_kid' });
  });

  test('claims are only checked after the signature: an expired forged token is bad_signature', async () => {
    const { verifier } = makeVerifier();
    const [header, , signature] = signRs256(signingKey, validClaims()).split('.');
    const expiredPayload = base64url(JSON.stringify(validClaims({ exp: 1 })));
    assert.deepEqual(await verifier.verify(`${header}.${expiredPayload}.${signature}`), { ok: false, reason: 'bad_signature' });
  });
});

describe('jwt verifier: clock skew boundaries', () => {
  const exp = NOW_SECONDS + 100;
  const token = () => signRs256(signingKey, validClaims({ exp, nbf: NOW_SECONDS - 10, iat: NOW_SECONDS - 10 }));

  test('default skew 60 s: valid until exp + 60 s, expired from then on', async () => {
    const { verifier, clock } = makeVerifier();
    const signed = token();
    clock.nowMs = (exp + 59) * 1000 + 999;
    assert.equal((await verifier.verify(signed)).ok, true);
    clock.nowMs = (exp + 60) * 1000;
    assert.deepEqual(await verifier.verify(signed), { ok: false, reason: 'expired' });
  });

  test('skew 0: expired exactly at exp', async () => {
    const { verifier, clock } = makeVerifier({ clockSkewSeconds: 0 });
    const signed = token();
    clock.nowMs = exp * 1000 - 1;
    assert.equal((await verifier.verify(signed)).ok, true);
    clock.nowMs = exp * 1000;
    assert.deepEqual(await verifier.verify(signed), { ok: false, reason: 'expired' });
  });

  test('nbf: accepted from nbf - skew on', async () => {
    const { verifier } = makeVerifier({ clockSkewSeconds: 30 });
    assert.equal((await verifier.verify(signRs256(signingKey, validClaims({ nbf: NOW_SECONDS + 30 })))).ok, true);
    assert.deepEqual(await verifier.verify(signRs256(signingKey, validClaims({ nbf: NOW_SECONDS + 31 }))), { ok: false, reason: 'not_yet_valid' });
  });

  test('iat: accepted up to now + skew', async () => {
    const { verifier } = makeVerifier({ clockSkewSeconds: 300 });
    assert.equal((await verifier.verify(signRs256(signingKey, validClaims({ iat: NOW_SECONDS + 300 })))).ok, true);
    assert.deepEqual(await verifier.verify(signRs256(signingKey, validClaims({ iat: NOW_SECONDS + 301 }))), { ok: false, reason: 'issued_in_future' });
  });

  test('skew outside 0..300 or not an integer is refused at creation', () => {
    for (const clockSkewSeconds of [-1, 301, 1.5, '60']) {
      assert.throws(() => makeVerifier({ clockSkewSeconds }), /clockSkewSeconds/);
    }
  });
});

describe('jwt verifier: options', () => {
  test('reports every invalid option at once', () => {
    assert.throws(
      () => createJwtVerifier({ subtle, issuer: '', audience: 7, algorithms: ['none'], now: 5, clockSkewSeconds: 999 }),
      (error) => ['issuer', 'audience', 'algorithms', 'now', 'clockSkewSeconds'].every((word) => error.message.includes(word)),
    );
  });

  test('issuer and audience may be left to each verification, which must then give them', async () => {
    const server = createJwksServer({ keys: [signingKey.jwk] });
    const rsaKeys = createJwksKeyStore({ subtle, httpRequest: server.handle, jwksUrl: JWKS_URL, now: () => NOW_MS });
    const verifier = createJwtVerifier({ subtle, algorithms: ['RS256'], rsaKeys, now: () => NOW_MS });
    const token = signRs256(signingKey, validClaims());
    assert.equal((await verifier.verify(token, { issuer: ISSUER, audience: AUDIENCE })).ok, true);
    await assert.rejects(() => verifier.verify(token), TypeError);
  });

  test('RS256 requires a key store', () => {
    assert.throws(
      () => createJwtVerifier({ subtle, issuer: ISSUER, audience: AUDIENCE, algorithms: ['RS256'], now: () => NOW_MS }),
      /rsaKeys/,
    );
  });
});
