// Header enrichment: the edge tells the origin who the caller is, with a VERSIONED header schema
// that the origin reads (the origin trusts these headers only together with the origin secret).
//
// Header schema version 1 (all names are matched case-insensitively):
//   X-Edge-Claims-Version  always "1"
//   X-Edge-Sub             the token's `sub`
//   X-Edge-Scopes          the scopes from `scope` (space-separated string) and `scp` (array or
//                          string), first occurrence order, duplicates removed, joined by one space
//   X-Edge-Client-Id       `client_id`, or `azp` when there is no `client_id`
//   X-Edge-Issuer          the token's `iss`
//   X-Edge-Token-Exp       the token's `exp`, whole seconds since the epoch (rounded down)
// A header is absent when its claim is absent, not a string (numbers for the expiry), or its
// encoded value is empty or too long. Values are encoded as header-value.js describes.
//
// Before enriching, every incoming header whose name starts with "X-Edge-" is removed, so a client
// can never send its own copy of a schema header (of this or any later schema version).

import { encodeHeaderValue } from './header-value.js';

/** The header schema version this bundle writes. */
export const HEADER_SCHEMA_VERSION = 1;

/** Names of the schema headers, version 1. */
export const EdgeHeader = Object.freeze({
  CLAIMS_VERSION: 'X-Edge-Claims-Version',
  SUB: 'X-Edge-Sub',
  SCOPES: 'X-Edge-Scopes',
  CLIENT_ID: 'X-Edge-Client-Id',
  ISSUER: 'X-Edge-Issuer',
  TOKEN_EXP: 'X-Edge-Token-Exp',
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
    [EdgeHeader.TOKEN_EXP, typeof claims.exp === 'number' ? String(Math.floor(claims.exp)) : undefined],
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

function readScopes(claims) {
  const scopes = [];
  const add = (text) => {
    for (const scope of text.split(/\s+/)) {
      if (scope.length > 0 && !scopes.includes(scope)) {
        scopes.push(scope);
      }
    }
  };
  if (typeof claims.scope === 'string') {
    add(claims.scope);
  }
  if (typeof claims.scp === 'string') {
    add(claims.scp);
  } else if (Array.isArray(claims.scp)) {
    for (const scope of claims.scp) {
      if (typeof scope === 'string') {
        add(scope);
      }
    }
  }
  return scopes;
}
