// The edge gateway request flow (onClientRequest), built from the validated configuration and
// the runtime services, so tests can run it with stand-ins for the EdgeWorkers built-ins.
//
// For every request:
// 0. on the path prefixes that require a client certificate (config.clientCertificates), refuse the request unless
//    the property marked its certificate verified (client-certificates.js): log
//    `client_certificate_rejected reason=<reason> path_prefix=<prefix>` and answer 403;
// 1. read the bearer token and verify it (jwt.js); on failure log `token_rejected reason=<reason>`
//    and answer 401 with WWW-Authenticate (or 503 when the JWKS cannot be fetched);
// 2. strip incoming X-Edge-* headers and set the versioned schema headers (headers.js);
// 3. set the origin secret header from the sensitive property variable (origin-auth.js); when the
//    secret is missing, log the reason and answer 503 (fail closed: never forward unauthenticated);
// 4. route to an origin group by path and geo (routing.js).
// Logs carry reasons and decisions only, never tokens, claims values or secrets.

import { readBearerToken } from './bearer-token.js';
import { createJwtVerifier, JwtFailure } from './jwt.js';
import { createJwksKeyStore } from './jwks.js';
import { enrichRequestHeaders } from './headers.js';
import { stripOriginAuth } from './origin-auth.js';
import { routeRequest } from './routing.js';
import { checkClientCertificate } from './client-certificates.js';

const JSON_NO_STORE = Object.freeze({
  'Content-Type': ['application/json'],
  'Cache-Control': ['no-store'],
});

/**
 * Creates the gateway.
 * @param {object} options
 * @param {object} options.config the configuration from readGatewayConfig
 * @param {SubtleCrypto} options.subtle WebCrypto (`crypto.subtle` from the 'crypto' module)
 * @param {Function} options.httpRequest `httpRequest` from the 'http-request' module
 * @param {{ log(message: string): void }} options.logger `logger` from the 'log' module
 * @param {() => number} [options.now] milliseconds since the epoch, default Date.now
 * @returns {{ handleClientRequest(request: object): Promise<void> }}
 */
export function createEdgeGateway(options) {
  const { config, subtle, httpRequest, logger } = options;
  const now = options.now ?? (() => Date.now());
  const jwt = config.jwt;
  const rsaKeys = jwt.algorithms.includes('RS256')
    ? createJwksKeyStore({ subtle, httpRequest, jwksUrl: jwt.jwksUrl, cacheSeconds: jwt.jwksCacheSeconds, now })
    : undefined;
  const verifier = createJwtVerifier({
    subtle,
    issuer: jwt.issuer,
    audience: jwt.audience,
    algorithms: jwt.algorithms,
    clockSkewSeconds: jwt.clockSkewSeconds,
    rsaKeys,
    now,
  });

  async function handleClientRequest(request) {
    if (config.clientCertificates !== null) {
      const refused = checkClientCertificate(request, config.clientCertificates);
      if (refused !== null) {
        logger.log(`client_certificate_rejected reason=${refused.reason} path_prefix=${refused.pathPrefix}`);
        respondToMissingClientCertificate(request);
        return;
      }
    }

    const bearer = readBearerToken(request);
    const hmacSecret = jwt.algorithms.includes('HS256') ? request.getVariable(jwt.hmacSecretVariable) : null;
    const result = bearer.reason === undefined
      ? await verifier.verify(bearer.token, hmacSecret)
      : { ok: false, reason: bearer.reason };
    if (!result.ok) {
      logger.log(`token_rejected reason=${result.reason}`);
      respondToRejectedToken(request, result.reason);
      return;
    }

    enrichRequestHeaders(request, result.claims);

    stripOriginAuth(request, config.originAuth);

    const route = routeRequest(request, config.routing);
    logger.log(`routed origin_group=${route.originGroup} matched_by=${route.matchedBy}`);
  }

  return Object.freeze({ handleClientRequest });
}

/**
 * Answers a request without a verified client certificate on a path that requires one: 403. Not 401: the failure
 * is at the TLS layer, no HTTP authentication scheme can answer a challenge for it, and the property's own
 * enforceMtlsSettings behavior answers 403 as well. The body never says why.
 * @param {object} request the EdgeWorkers request
 */
export function respondToMissingClientCertificate(request) {
  request.respondWith(403, JSON_NO_STORE, JSON.stringify({ error: 'client_certificate_required' }));
}

/**
 * Answers a request whose token was rejected.
 * 401 with `WWW-Authenticate: Bearer error="invalid_token"`; when no token was sent at all the
 * challenge is a plain `Bearer` (RFC 6750 section 3.1: no error code without credentials).
 * A JWKS outage answers 503, because the token may well be valid. The body never says why.
 * @param {object} request the EdgeWorkers request
 * @param {string} reason the verification failure reason
 */
export function respondToRejectedToken(request, reason) {
  if (reason === JwtFailure.JWKS_UNAVAILABLE) {
    request.respondWith(503, JSON_NO_STORE, JSON.stringify({ error: 'service_unavailable' }));
    return;
  }
  const challenge = reason === JwtFailure.MISSING_TOKEN ? 'Bearer' : 'Bearer error="invalid_token"';
  request.respondWith(
    401,
    { ...JSON_NO_STORE, 'WWW-Authenticate': [challenge] },
    JSON.stringify({ error: reason === JwtFailure.MISSING_TOKEN ? 'unauthorized' : 'invalid_token' }),
  );
}
