// Real keys and signed tokens for the tests, made with node:crypto.

import { createHmac, generateKeyPairSync, sign } from 'node:crypto';

/** Encodes bytes or text as unpadded base64url. */
export function base64url(value) {
  return Buffer.from(value).toString('base64url');
}

/**
 * Generates an RSA 2048 key pair and its public JWK.
 * @param {string} kid
 */
export function generateRsaKey(kid) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' });
  return { kid, publicKey, privateKey, jwk, publicPem };
}

function encodeParts(header, payload) {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
}

/** Signs an RS256 token with the key (header.kid defaults to the key's kid). */
export function signRs256(key, payload, headerExtra = {}) {
  const signingInput = encodeParts({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...headerExtra }, payload);
  return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), key.privateKey))}`;
}

/** Signs an HS256 token with the secret (string or bytes). */
export function signHs256(secret, payload, headerExtra = {}) {
  const signingInput = encodeParts({ alg: 'HS256', typ: 'JWT', ...headerExtra }, payload);
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/** An unsecured token (alg "none", empty signature). */
export function unsignedToken(payload) {
  return `${encodeParts({ alg: 'none', typ: 'JWT' }, payload)}.`;
}
