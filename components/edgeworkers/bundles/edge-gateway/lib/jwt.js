// A strict JWT (JWS compact) verifier for RS256 (keys from a JWKS) and HS256 (a shared secret).
//
// Unlike the lax defaults of Akamai's `jwt` module (which ignores expiry unless told otherwise),
// this verifier always requires and checks `exp`, checks `nbf` and `iat` when present, requires an
// exact `iss` and a matching `aud`, and only accepts the algorithms it is configured with:
// `none` is never accepted, RSA keys are only used for RS256 and the HMAC secret only for HS256,
// so a token cannot choose its own verification key type (no algorithm confusion).

// The expected issuer and audience are fixed when the verifier is created, or given per verification (when they
// come from property variables, read on every request). The HS256 key is given per verification as bytes
// (hmac-key.js decodes the property variable; the gateway decodes it again only when the variable's text changes, so
// an unchanged key arrives as the same Uint8Array, which its imported CryptoKey is cached by: treat it as immutable).

import { decodeBase64Url } from './base64url.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

/** Algorithms this verifier can check. `none` is deliberately absent. */
export const SUPPORTED_ALGORITHMS = Object.freeze(['RS256', 'HS256']);

/** Default tolerated clock difference, in seconds. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

/** Largest clock skew that may be configured, in seconds. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** Tokens longer than this (characters) are rejected as malformed before any decoding. */
export const MAX_TOKEN_LENGTH = 8192;

/** Shortest accepted HS256 secret in bytes (RFC 7518 section 3.2: at least the hash size). */
export const MIN_HMAC_SECRET_BYTES = 32;

/** Every reason a verification can fail with. */
export const JwtFailure = Object.freeze({
  MISSING_TOKEN: 'missing_token',
  MALFORMED: 'malformed',
  UNSUPPORTED_ALG: 'unsupported_alg',
  UNKNOWN_KID: 'unknown_kid',
  JWKS_UNAVAILABLE: 'jwks_unavailable',
  HMAC_SECRET_UNAVAILABLE: 'hmac_secret_unavailable',
  BAD_SIGNATURE: 'bad_signature',
  MISSING_EXP: 'missing_exp',
  EXPIRED: 'expired',
  NOT_YET_VALID: 'not_yet_valid',
  ISSUED_IN_FUTURE: 'issued_in_future',
  WRONG_ISSUER: 'wrong_issuer',
  WRONG_AUDIENCE: 'wrong_audience',
});

const RS256_ALGORITHM = Object.freeze({ name: 'RSASSA-PKCS1-v1_5' });
const HS256_IMPORT_ALGORITHM = Object.freeze({ name: 'HMAC', hash: 'SHA-256' });
const HS256_ALGORITHM = Object.freeze({ name: 'HMAC' });

/**
 * Creates a verifier.
 * @param {object} options
 * @param {SubtleCrypto} options.subtle WebCrypto (EdgeWorkers: `crypto.subtle` from the 'crypto' module)
 * @param {string} [options.issuer] the exact expected `iss`, unless every verify call gives it
 * @param {string} [options.audience] the expected `aud` (the token's `aud` must equal it or contain it), unless every
 *   verify call gives it
 * @param {string[]} options.algorithms allowed algorithms, a non-empty subset of SUPPORTED_ALGORITHMS
 * @param {number} [options.clockSkewSeconds] tolerated clock difference; integer 0..300, default 60
 * @param {{ getKey(kid: string): Promise<{ key: CryptoKey } | { reason: string }> }} [options.rsaKeys]
 *   the RS256 key store (see jwks.js); required when RS256 is allowed
 * @param {() => number} options.now current time in milliseconds since the epoch
 * @returns {{ verify(token: string | null | undefined, context?: { hmacKey?: Uint8Array | null, issuer?: string,
 *   audience?: string }): Promise<{ ok: true, claims: object } | { ok: false, reason: string }> }}
 *   context.hmacKey: the HS256 key bytes (at least MIN_HMAC_SECRET_BYTES, else hmac_secret_unavailable);
 *   context.issuer / context.audience: override the options' values for this verification
 */
export function createJwtVerifier(options) {
  const { subtle, issuer, audience, algorithms, rsaKeys, now } = options;
  const clockSkewSeconds = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  assertVerifierOptions({ subtle, issuer, audience, algorithms, rsaKeys, now, clockSkewSeconds });
  const allowed = new Set(algorithms);
  let cachedHmac = null;

  async function hmacKeyFor(bytes) {
    if (cachedHmac === null || cachedHmac.bytes !== bytes) {
      const key = await subtle.importKey('raw', bytes, HS256_IMPORT_ALGORITHM, false, ['verify']);
      cachedHmac = { bytes, key };
    }
    return cachedHmac.key;
  }

  async function verificationKey(alg, header, hmacKey) {
    if (alg === 'RS256') {
      if (typeof header.kid !== 'string' || header.kid.length === 0) {
        return { reason: JwtFailure.UNKNOWN_KID };
      }
      const found = await rsaKeys.getKey(header.kid);
      return found.reason === undefined ? { key: found.key, algorithm: RS256_ALGORITHM } : found;
    }
    if (!(hmacKey instanceof Uint8Array) || hmacKey.length < MIN_HMAC_SECRET_BYTES) {
      return { reason: JwtFailure.HMAC_SECRET_UNAVAILABLE };
    }
    return { key: await hmacKeyFor(hmacKey), algorithm: HS256_ALGORITHM };
  }

  async function verify(token, context = {}) {
    const expected = {
      issuer: context.issuer ?? issuer,
      audience: context.audience ?? audience,
    };
    if (typeof expected.issuer !== 'string' || expected.issuer.length === 0
      || typeof expected.audience !== 'string' || expected.audience.length === 0) {
      throw new TypeError('verify needs a non-empty issuer and audience, from the options or the context');
    }
    if (typeof token !== 'string' || token.length === 0) {
      return failure(JwtFailure.MISSING_TOKEN);
    }
    if (token.length > MAX_TOKEN_LENGTH) {
      return failure(JwtFailure.MALFORMED);
    }
    const parts = token.split('.');
    if (parts.length !== 3) {
      return failure(JwtFailure.MALFORMED);
    }
    const [encodedHeader, encodedPayload, encodedSignature] = parts;
    const header = parseJsonObject(encodedHeader);
    if (header === null || typeof header.alg !== 'string') {
      return failure(JwtFailure.MALFORMED);
    }
    if (!allowed.has(header.alg)) {
      return failure(JwtFailure.UNSUPPORTED_ALG);
    }
    if (header.crit !== undefined) {
      return failure(JwtFailure.MALFORMED);
    }
    const claims = parseJsonObject(encodedPayload);
    const signature = decodeBase64Url(encodedSignature);
    if (claims === null || signature === null || signature.length === 0) {
      return failure(JwtFailure.MALFORMED);
    }

    const selected = await verificationKey(header.alg, header, context.hmacKey ?? null);
    if (selected.reason !== undefined) {
      return failure(selected.reason);
    }
    const signingInput = encodeUtf8(`${encodedHeader}.${encodedPayload}`);
    let signatureIsValid = false;
    try {
      signatureIsValid = await subtle.verify(selected.algorithm, selected.key, signature, signingInput);
    } catch {
      signatureIsValid = false;
    }
    if (!signatureIsValid) {
      return failure(JwtFailure.BAD_SIGNATURE);
    }

    const claimsFailure = checkClaims(claims, now() / 1000, expected);
    return claimsFailure === null ? { ok: true, claims } : failure(claimsFailure);
  }

  function checkClaims(claims, nowSeconds, expected) {
    if (claims.exp === undefined) {
      return JwtFailure.MISSING_EXP;
    }
    if (!isNumericDate(claims.exp) || !isOptionalNumericDate(claims.nbf) || !isOptionalNumericDate(claims.iat)) {
      return JwtFailure.MALFORMED;
    }
    if (nowSeconds >= claims.exp + clockSkewSeconds) {
      return JwtFailure.EXPIRED;
    }
    if (claims.nbf !== undefined && nowSeconds < claims.nbf - clockSkewSeconds) {
      return JwtFailure.NOT_YET_VALID;
    }
    if (claims.iat !== undefined && claims.iat > nowSeconds + clockSkewSeconds) {
      return JwtFailure.ISSUED_IN_FUTURE;
    }
    if (claims.iss !== expected.issuer) {
      return JwtFailure.WRONG_ISSUER;
    }
    if (!audienceMatches(claims.aud, expected.audience)) {
      return JwtFailure.WRONG_AUDIENCE;
    }
    return null;
  }

  return Object.freeze({ verify });
}

function failure(reason) {
  return { ok: false, reason };
}

function parseJsonObject(encoded) {
  const bytes = decodeBase64Url(encoded);
  if (bytes === null || bytes.length === 0) {
    return null;
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    return null;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

function isNumericDate(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

function isOptionalNumericDate(value) {
  return value === undefined || isNumericDate(value);
}

function audienceMatches(tokenAudience, expected) {
  if (typeof tokenAudience === 'string') {
    return tokenAudience === expected;
  }
  return Array.isArray(tokenAudience) && tokenAudience.includes(expected);
}

function assertVerifierOptions({ subtle, issuer, audience, algorithms, rsaKeys, now, clockSkewSeconds }) {
  const problems = [];
  if (subtle === null || typeof subtle !== 'object') {
    problems.push('subtle must be a WebCrypto SubtleCrypto object');
  }
  if (issuer !== undefined && issuer !== null && (typeof issuer !== 'string' || issuer.length === 0)) {
    problems.push(`issuer ${JSON.stringify(issuer)} must be a non-empty string when given`);
  }
  if (audience !== undefined && audience !== null && (typeof audience !== 'string' || audience.length === 0)) {
    problems.push(`audience ${JSON.stringify(audience)} must be a non-empty string when given`);
  }
  const validAlgorithms = Array.isArray(algorithms) && algorithms.length > 0
    && algorithms.every((alg) => SUPPORTED_ALGORITHMS.includes(alg));
  if (!validAlgorithms) {
    problems.push(`algorithms ${JSON.stringify(algorithms)} must be a non-empty subset of ${SUPPORTED_ALGORITHMS.join(', ')}`);
  }
  if (validAlgorithms && algorithms.includes('RS256') && (rsaKeys === null || typeof rsaKeys?.getKey !== 'function')) {
    problems.push('rsaKeys must be a key store with getKey(kid) when RS256 is allowed');
  }
  if (typeof now !== 'function') {
    problems.push('now must be a function returning milliseconds since the epoch');
  }
  if (!Number.isInteger(clockSkewSeconds) || clockSkewSeconds < 0 || clockSkewSeconds > MAX_CLOCK_SKEW_SECONDS) {
    problems.push(`clockSkewSeconds ${JSON.stringify(clockSkewSeconds)} must be an integer from 0 to ${MAX_CLOCK_SKEW_SECONDS}`);
  }
  if (problems.length > 0) {
    throw new TypeError(`invalid JWT verifier options: ${problems.join('; ')}`);
  }
}
