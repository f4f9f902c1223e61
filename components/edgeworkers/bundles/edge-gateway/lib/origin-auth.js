// Origin authentication: the edge presents a per-environment secret to the origin in a header.
// The secret lives in a SENSITIVE property user variable (default PMUSER_ORIGIN_SECRET), set by
// the property rules, so it never appears in the bundle, in logs or in debug headers.
// This module never logs the secret and never returns it.

/** Default header that carries the origin secret. */
export const DEFAULT_ORIGIN_AUTH_HEADER = 'X-Origin-Auth';

/** Default property variable that holds the origin secret. */
export const DEFAULT_ORIGIN_SECRET_VARIABLE = 'PMUSER_ORIGIN_SECRET';

const HEADER_SAFE_SECRET = /^[\x21-\x7e]+$/;

/**
 * Removes any incoming copy of the origin auth header, then sets it from the secret variable.
 * @param {object} request the EdgeWorkers request
 * @param {{ headerName: string, secretVariable: string }} settings
 * @returns {{ ok: true } | { ok: false, reason: 'origin_secret_missing' | 'origin_secret_invalid' }}
 *   the header is left absent when the result is not ok
 */
export function applyOriginAuth(request, settings) {
  request.removeHeader(settings.headerName);
  const secret = request.getVariable(settings.secretVariable);
  if (typeof secret !== 'string' || secret.length === 0) {
    return { ok: false, reason: 'origin_secret_missing' };
  }
  if (!HEADER_SAFE_SECRET.test(secret)) {
    return { ok: false, reason: 'origin_secret_invalid' };
  }
  request.setHeader(settings.headerName, secret);
  return { ok: true };
}
