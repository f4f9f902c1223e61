// Shared test values: a fixed clock, issuer/audience, one RSA key set and a valid gateway config.

import { generateRsaKey } from './tokens.js';

export const ISSUER = 'https://login.example.com/tenant/v2.0';
export const AUDIENCE = 'api://edge-gateway';
export const JWKS_URL = 'https://auth.example.com/.well-known/jwks.json';
export const NOW_SECONDS = 1_700_000_000;
export const NOW_MS = NOW_SECONDS * 1000;
export const HMAC_SECRET = 'hs256-test-secret-0123456789abcdefghijklmnop';
export const ORIGIN_SECRET = 'origin-secret-Zx9-very-private-value';

/** Generated once per test process (RSA key generation is slow). */
export const signingKey = generateRsaKey('key-1');
export const rotatedKey = generateRsaKey('key-2');

/** Claims that pass every check at NOW. */
export function validClaims(extra = {}) {
  return {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'user-42',
    iat: NOW_SECONDS - 10,
    nbf: NOW_SECONDS - 10,
    exp: NOW_SECONDS + 600,
    scope: 'orders.read orders.write',
    client_id: 'web-app',
    ...extra,
  };
}

/** A raw gateway config (as in config.json) allowing RS256 and HS256. */
export function rawConfig(overrides = {}) {
  return {
    jwt: {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['RS256', 'HS256'],
      jwksUrl: JWKS_URL,
      clockSkewSeconds: 60,
      hmacSecretVariable: 'PMUSER_JWT_HMAC_SECRET',
      ...overrides.jwt,
    },
    headers: { schemaVersion: 2 },
    originAuth: { headerName: 'X-Origin-Auth' },
    routing: {
      variableName: 'PMUSER_ORIGIN_GROUP',
      defaultOriginGroup: 'primary',
      originGroups: {
        primary: { originId: 'origin-primary' },
        eu: { originId: 'origin-eu' },
        reports: { originId: 'origin-reports' },
        reportsArchive: { originId: 'origin-reports-archive' },
      },
      pathRules: [
        { pathPrefix: '/reports', originGroup: 'reports' },
        { pathPrefix: '/reports/archive/', originGroup: 'reportsArchive' },
      ],
      geoRules: [{ countries: ['DE', 'FR'], originGroup: 'eu' }],
      ...overrides.routing,
    },
  };
}
