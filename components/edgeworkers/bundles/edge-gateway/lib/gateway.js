// The edge gateway request flow (onClientRequest), built from the validated configuration and
// the runtime services, so tests can run it with stand-ins for the EdgeWorkers built-ins.
//
// For every request:
// 0. on the path prefixes that require a client certificate (config.clientCertificates), refuse the request unless
//    the property marked its certificate verified (client-certificates.js): log
//    `client_certificate_rejected reason=<reason> path_prefix=<prefix>` and answer 403;
// 1. read the expected issuer and audience (from config, or from their property variables on every request) and the
//    HS256 key's variable when HS256 is allowed (its text is decoded again only when it changes); an empty issuer or audience variable is a server fault: log
//    `gateway_misconfigured reason=issuer_variable_empty|audience_variable_empty` and answer 503;
// 2. read the bearer token and verify it (jwt.js); on failure log `token_rejected reason=<reason>`
//    and answer 401 with WWW-Authenticate (503 when the JWKS cannot be fetched; a missing, undecodable or short
//    HMAC key logs `gateway_misconfigured reason=hmac_secret_unavailable` and answers 503: the client is not at fault);
// 3. check the route's scopes and roles (route-access.js); a valid token without them: log
//    `token_forbidden reason=missing_scope|missing_role|undecodable_path path_prefix=<prefix>` and answer 403
//    with `WWW-Authenticate: Bearer error="insufficient_scope"` (RFC 6750 section 3.1);
// 4. strip incoming X-Edge-* headers and set the versioned schema headers (headers.js);
// 5. remove any client copy of the origin secret header (origin-auth.js; the property sets the real one);
// 6. route to an origin group by path and geo (routing.js).
// Logs carry reasons and decisions only, never tokens, claims values or secrets.

import { readBearerToken } from './bearer-token.js';
import { createJwtVerifier, JwtFailure } from './jwt.js';
import { createJwksKeyStore } from './jwks.js';
import { enrichRequestHeaders } from './headers.js';
import { stripOriginAuth } from './origin-auth.js';
import { routeRequest } from './routing.js';
import { checkClientCertificate } from './client-certificates.js';
import { decodeHmacKey } from './hmac-key.js';
import { checkRouteAccess } from './route-access.js';

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
    algorithms: jwt.algorithms,
    clockSkewSeconds: jwt.clockSkewSeconds,
    rsaKeys,
    now,
  });
  const hs256Allowed = jwt.algorithms.includes('HS256');
  // The last text of the HS256 key variable and its decoded bytes: the same text gives the same bytes object, which
  // the verifier's imported key is cached by.
  let hmacKeyText = null;
  let hmacKey = null;

  /** The HS256 key bytes from the property variable, decoded only when its text differs from the last request's. */
  function currentHmacKey(request) {
    if (!hs256Allowed) {
      return null;
    }
    const text = request.getVariable(jwt.hmacSecretVariable);
    if (text !== hmacKeyText) {
      hmacKey = decodeHmacKey(text, jwt.hmacKeyEncoding);
      hmacKeyText = text;
    }
    return hmacKey;
  }

  async function handleClientRequest(request) {
    if (config.clientCertificates !== null) {
      const refused = checkClientCertificate(request, config.clientCertificates);
      if (refused !== null) {
        logger.log(`client_certificate_rejected reason=${refused.reason} path_prefix=${refused.pathPrefix}`);
        respondToMissingClientCertificate(request);
        return;
      }
    }

    const issuer = expectedValue(request, jwt.issuer, jwt.issuerVariable);
    const audience = expectedValue(request, jwt.audience, jwt.audienceVariable);
    if (issuer === null || audience === null) {
      logger.log(`gateway_misconfigured reason=${issuer === null ? 'issuer_variable_empty' : 'audience_variable_empty'}`);
      respondToServerFault(request);
      return;
    }

    const bearer = readBearerToken(request);
    const result = bearer.reason === undefined
      ? await verifier.verify(bearer.token, { hmacKey: currentHmacKey(request), issuer, audience })
      : { ok: false, reason: bearer.reason };
    if (!result.ok) {
      if (result.reason === JwtFailure.HMAC_SECRET_UNAVAILABLE) {
        logger.log(`gateway_misconfigured reason=${result.reason}`);
        respondToServerFault(request);
        return;
      }
      logger.log(`token_rejected reason=${result.reason}`);
      respondToRejectedToken(request, result.reason);
      return;
    }

    const forbidden = checkRouteAccess(request.path, result.claims, config.routes);
    if (forbidden !== null) {
      logger.log(`token_forbidden reason=${forbidden.reason} path_prefix=${forbidden.pathPrefix}`);
      respondToInsufficientScope(request, forbidden.scopes);
      return;
    }

    enrichRequestHeaders(request, result.claims);

    stripOriginAuth(request, config.originAuth);

    const route = routeRequest(request, config.routing);
    logger.log(`routed origin_group=${route.originGroup} matched_by=${route.matchedBy}`);
  }

  return Object.freeze({ handleClientRequest });
}

/** The configured value, or the property variable's value; null when the variable is empty or unset. */
function expectedValue(request, value, variable) {
  if (variable === null) {
    return value;
  }
  const read = request.getVariable(variable);
  return typeof read === 'string' && read.length > 0 ? read : null;
}

/**
 * Answers a request the gateway cannot decide because its own configuration is broken (an empty issuer or audience
 * variable, a missing or short HMAC key): 503, never 401, since the client is not at fault. The body never says why.
 * @param {object} request the EdgeWorkers request
 */
export function respondToServerFault(request) {
  request.respondWith(503, JSON_NO_STORE, JSON.stringify({ error: 'service_unavailable' }));
}

/**
 * Answers a valid token that lacks what its route requires: 403 with
 * `WWW-Authenticate: Bearer error="insufficient_scope"` and, when the route lists scopes, a `scope` attribute with
 * them space-separated (RFC 6750 section 3.1). Route scopes are validated names (no quote or backslash).
 * @param {object} request the EdgeWorkers request
 * @param {string[]} scopes the route's scopes
 */
export function respondToInsufficientScope(request, scopes) {
  const challenge = scopes.length > 0
    ? `Bearer error="insufficient_scope", scope="${scopes.join(' ')}"`
    : 'Bearer error="insufficient_scope"';
  request.respondWith(
    403,
    { ...JSON_NO_STORE, 'WWW-Authenticate': [challenge] },
    JSON.stringify({ error: 'insufficient_scope' }),
  );
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
