// Header enrichment: the edge tells the origin who the caller is, with a VERSIONED header schema
// that the origin reads (the origin trusts these headers only together with the origin secret).
//
// Header schema version 2 (all names are matched case-insensitively):
//   X-Edge-Claims-Version  always "2"
//   X-Edge-Sub             the token's `sub`
//   X-Edge-Scopes          the scopes from `scope` (space-separated string) and `scp` (array or
//                          string), first occurrence order, duplicates removed, joined by one space
//   X-Edge-Client-Id       `client_id`, or `azp` when there is no `client_id`
//   X-Edge-Issuer          the token's `iss`
//   X-Edge-Token-Exp       the token's `exp`, whole seconds since the epoch (rounded down), as a plain
//                          decimal integer for any value (never exponent notation such as "1e+21")
//   X-Edge-Roles           (new in version 2) the token's `roles` values that match ^[A-Za-z0-9._:-]{1,120}$,
//                          first occurrence order, duplicates removed, joined by one space
// A header is absent when its claim is absent, not a string (numbers for the expiry), or its
// encoded value is empty or too long (for X-Edge-Roles: when no value qualifies). Values are encoded as
// header-value.js describes. Version 2 is version 1 plus X-Edge-Roles: an origin that reads version 1 reads it too.
//
// Before enriching, every incoming header whose name starts with "X-Edge-" is removed, so a client
// can never send its own copy of a schema header (of this or any later schema version).

import { encodeHeaderValue } from './header-value.js';
import { readRoles, readScopes } from './claims.js';

/** The header schema version this bundle writes. */
export const HEADER_SCHEMA_VERSION = 2;

/** Names of the schema headers, version 2. */
export const EdgeHeader = Object.freeze({
  CLAIMS_VERSION: 'X-Edge-Claims-Version',
  SUB: 'X-Edge-Sub',
  SCOPES: 'X-Edge-Scopes',
  CLIENT_ID: 'X-Edge-Client-Id',
  ISSUER: 'X-Edge-Issuer',
  TOKEN_EXP: 'X-Edge-Token-Exp',
  ROLES: 'X-Edge-Roles',
});

/** Every incoming header with this (lower-case) name prefix is stripped. */
export const EDGE_HEADER_PREFIX = 'x-edge-';

/**
 * Removes the schema headers, and any other "X-Edge-" header the request carries.
 * @param {object} request the EdgeWorkers request (getHeaders is used when the runtime offers it)
 */
export function stripEdgeHeaders(request) {
  const names = new Set(Object.values(EdgeHeader).map((name) => name.toLowerCase()));
  if (typeof request.getHeaders === 'function') {
    for (const name of Object.keys(request.getHeaders() ?? {})) {
      if (name.toLowerCase().startsWith(EDGE_HEADER_PREFIX)) {
        names.add(name.toLowerCase());
      }
    }
  }
  for (const name of [...names].sort()) {
    request.removeHeader(name);
  }
}

/**
 * Computes the schema headers for verified claims, in schema order.
 * @param {object} claims verified JWT claims
 * @returns {Array<[string, string]>}
 */
export function buildEdgeHeaders(claims) {
  const headers = [[EdgeHeader.CLAIMS_VERSION, String(HEADER_SCHEMA_VERSION)]];
  const clientId = typeof claims.client_id === 'string' ? claims.client_id : claims.azp;
  const candidates = [
    [EdgeHeader.SUB, claims.sub],
    [EdgeHeader.SCOPES, readScopes(claims).join(' ')],
    [EdgeHeader.CLIENT_ID, clientId],
    [EdgeHeader.ISSUER, claims.iss],
    [EdgeHeader.TOKEN_EXP, typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? wholeSecondsText(claims.exp) : undefined],
    [EdgeHeader.ROLES, readRoles(claims).join(' ')],
  ];
  for (const [name, value] of candidates) {
    const encoded = typeof value === 'string' ? encodeHeaderValue(value) : null;
    if (encoded !== null) {
      headers.push([name, encoded]);
    }
  }
  return headers;
}

/**
 * Strips incoming edge headers, then sets the schema headers for the verified claims.
 * @param {object} request the EdgeWorkers request
 * @param {object} claims verified JWT claims
 * @returns {Array<[string, string]>} the headers that were set
 */
export function enrichRequestHeaders(request, claims) {
  stripEdgeHeaders(request);
  const headers = buildEdgeHeaders(claims);
  for (const [name, value] of headers) {
    request.setHeader(name, value);
  }
  return headers;
}

const TWO_TO_53 = 9007199254740992;
const LIMB = 10000000;

/**
 * The decimal digits of Math.floor(value), for any finite value, without exponent notation: String() switches to
 * "1e+21" at 10^21, so larger values are expanded exactly. A double of 2^53 or more is an integer m * 2^k with
 * m < 2^53; the digits of m are multiplied by 2^k in base-10^7 limbs (no BigInt, which the EdgeWorkers
 * documentation does not promise).
 * @param {number} value a finite number
 * @returns {string}
 */
export function wholeSecondsText(value) {
  const whole = Math.floor(value);
  if (Math.abs(whole) < 1e21) {
    return String(whole);
  }
  const sign = whole < 0 ? '-' : '';
  let mantissa = Math.abs(whole);
  let exponent = 0;
  while (mantissa >= TWO_TO_53) {
    mantissa /= 2;
    exponent += 1;
  }
  const limbs = [];
  for (let rest = mantissa; rest > 0; rest = (rest - (rest % LIMB)) / LIMB) {
    limbs.push(rest % LIMB);
  }
  while (exponent > 0) {
    const step = Math.min(exponent, 20);
    const factor = Math.pow(2, step);
    let carry = 0;
    for (let index = 0; index < limbs.length; index += 1) {
      const product = limbs[index] * factor + carry;
      limbs[index] = product % LIMB;
      carry = (product - limbs[index]) / LIMB;
    }
    while (carry > 0) {
      limbs.push(carry % LIMB);
      carry = (carry - (carry % LIMB)) / LIMB;
    }
    exponent -= step;
  }
  let text = String(limbs[limbs.length - 1]);
  for (let index = limbs.length - 2; index >= 0; index -= 1) {
    text += `000000${limbs[index]}`.slice(-7);
  }
  return sign + text;
}
