// RS256 verification keys fetched from a JWKS endpoint, looked up by `kid`, imported once and cached.
//
// Cache rules:
// - the JWKS document is reused for `cacheSeconds`, then fetched again;
// - a `kid` that is not in the document triggers one early re-fetch (key rotation), at most once
//   every JWKS_MIN_REFRESH_SECONDS, so unknown kids cannot make the edge hammer the JWKS host;
// - when a re-fetch fails, the previous keys stay usable until they are `cacheSeconds` past expiry
//   (stale-if-error); after that, or when no document was ever fetched, lookups answer jwks_unavailable.
// Only RSA keys usable for RS256 signatures with a modulus of at least 2048 bits are kept; they are imported as
// SubjectPublicKeyInfo (rsa-spki.js).
//
// Every fetch is bounded by JWKS_FETCH_TIMEOUT_MS, the `timeout` option of httpRequest (milliseconds; "When a
// httpRequest() timeout occurs, a JavaScript error() Object is thrown", techdocs.akamai.com/edgeworkers/docs/http-request).
// The smallest resource tier (Basic Compute) allows 4 s of wall time per event handler and per sub-request
// (techdocs.akamai.com/edgeworkers/docs/resource-tier-limitations); 2 s leaves the event at least 2 s to answer
// 503 instead of being cut off. A timeout is a failed fetch: previous keys stay usable as below, else jwks_unavailable.

import { decodeBase64Url } from './base64url.js';
import { rsaPublicKeySpki } from './rsa-spki.js';

/** Default JWKS cache lifetime, in seconds. */
export const DEFAULT_JWKS_CACHE_SECONDS = 300;

/** Smallest interval between two JWKS fetches, in seconds. */
export const JWKS_MIN_REFRESH_SECONDS = 30;

/** Smallest accepted RSA modulus, in bits. */
export const MIN_RSA_MODULUS_BITS = 2048;

/** Largest number of keys read from one JWKS document. */
export const MAX_JWKS_KEYS = 50;

/** How long one JWKS fetch may take, in milliseconds (the httpRequest `timeout` option). */
export const JWKS_FETCH_TIMEOUT_MS = 2000;

const RS256_IMPORT_ALGORITHM = Object.freeze({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });

/**
 * Creates the RS256 key store.
 * @param {object} options
 * @param {SubtleCrypto} options.subtle WebCrypto
 * @param {(url: string, options?: object) => Promise<{ ok: boolean, status: number, json(): Promise<unknown> }>} options.httpRequest
 *   EdgeWorkers `httpRequest` from the 'http-request' module
 * @param {string} options.jwksUrl the JWKS document URL (served through an Akamai property, as EdgeWorkers sub-requests require)
 * @param {number} [options.cacheSeconds] JWKS cache lifetime, default 300
 * @param {() => number} options.now current time in milliseconds since the epoch
 * @returns {{ getKey(kid: string): Promise<{ key: CryptoKey } | { reason: 'unknown_kid' | 'jwks_unavailable' }> }}
 */
export function createJwksKeyStore(options) {
  const { subtle, httpRequest, jwksUrl, now } = options;
  const cacheMs = (options.cacheSeconds ?? DEFAULT_JWKS_CACHE_SECONDS) * 1000;
  const minRefreshMs = JWKS_MIN_REFRESH_SECONDS * 1000;
  let jwksByKid = new Map();
  let importedByKid = new Map();
  let fetchedAtMs = null;
  let lastAttemptMs = null;
  let inFlight = null;

  async function fetchJwks() {
    const response = await httpRequest(jwksUrl, { method: 'GET', headers: { Accept: 'application/json' }, timeout: JWKS_FETCH_TIMEOUT_MS });
    if (!response.ok) {
      throw new Error(`JWKS answered HTTP ${response.status}`);
    }
    const document = await response.json();
    if (document === null || typeof document !== 'object' || !Array.isArray(document.keys)) {
      throw new Error('JWKS document has no keys array');
    }
    return readRs256Keys(document.keys);
  }

  async function refresh(attemptMs) {
    lastAttemptMs = attemptMs;
    try {
      const keys = await fetchJwks();
      jwksByKid = keys;
      importedByKid = new Map();
      fetchedAtMs = attemptMs;
    } catch {
      // Keep the previous keys; getKey decides whether they are still usable.
    }
  }

  async function refreshOnce(attemptMs) {
    if (inFlight === null) {
      inFlight = refresh(attemptMs).finally(() => {
        inFlight = null;
      });
    }
    await inFlight;
  }

  async function importKey(kid) {
    if (!importedByKid.has(kid)) {
      const jwk = jwksByKid.get(kid);
      const spki = rsaPublicKeySpki(decodeBase64Url(jwk.n), decodeBase64Url(jwk.e));
      const imported = subtle.importKey('spki', spki, RS256_IMPORT_ALGORITHM, false, ['verify']);
      importedByKid.set(kid, imported);
    }
    return importedByKid.get(kid);
  }

  async function getKey(kid) {
    if (inFlight !== null) {
      await inFlight;
    }
    const attemptMs = now();
    const expired = fetchedAtMs === null || attemptMs - fetchedAtMs >= cacheMs;
    const missing = !jwksByKid.has(kid);
    const mayFetch = lastAttemptMs === null || attemptMs - lastAttemptMs >= minRefreshMs;
    if ((expired || missing) && mayFetch) {
      await refreshOnce(attemptMs);
    }
    const usable = fetchedAtMs !== null && attemptMs - fetchedAtMs < 2 * cacheMs;
    if (!usable) {
      return { reason: 'jwks_unavailable' };
    }
    if (!jwksByKid.has(kid)) {
      return { reason: 'unknown_kid' };
    }
    try {
      return { key: await importKey(kid) };
    } catch {
      importedByKid.delete(kid);
      return { reason: 'unknown_kid' };
    }
  }

  return Object.freeze({ getKey });
}

/**
 * Keeps the JWKS entries that are RSA signature keys for RS256 with a `kid`; the first entry wins
 * when a `kid` repeats. Returns the minimal public JWK ({ kty, n, e, alg, ext }) per kid.
 * @param {unknown[]} keys
 * @returns {Map<string, JsonWebKey>}
 */
export function readRs256Keys(keys) {
  const byKid = new Map();
  for (const jwk of keys.slice(0, MAX_JWKS_KEYS)) {
    if (isRs256SigningKey(jwk) && !byKid.has(jwk.kid)) {
      byKid.set(jwk.kid, Object.freeze({ kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true }));
    }
  }
  return byKid;
}

function isRs256SigningKey(jwk) {
  if (jwk === null || typeof jwk !== 'object' || jwk.kty !== 'RSA') {
    return false;
  }
  if (typeof jwk.kid !== 'string' || jwk.kid.length === 0) {
    return false;
  }
  if ((jwk.alg !== undefined && jwk.alg !== 'RS256') || (jwk.use !== undefined && jwk.use !== 'sig')) {
    return false;
  }
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) {
    return false;
  }
  const modulus = decodeBase64Url(jwk.n);
  const exponent = decodeBase64Url(jwk.e);
  return modulus !== null && exponent !== null && exponent.length > 0 && modulusBits(modulus) >= MIN_RSA_MODULUS_BITS;
}

function modulusBits(modulus) {
  let start = 0;
  while (start < modulus.length && modulus[start] === 0) {
    start += 1;
  }
  if (start === modulus.length) {
    return 0;
  }
  return (modulus.length - start - 1) * 8 + (32 - Math.clz32(modulus[start]));
}
