// Who may call which paths (config `routes`, from the C# RouteAccess declarations): a route lists the scopes a token
// must ALL carry and the app roles of which it must carry AT LEAST ONE. The longest matching prefix decides; a path
// that no route matches needs only a valid token.
//
// A prefix covers the path itself and everything below it ("/orders": "/orders" and "/orders/1", not "/ordersx").
// Paths are compared ignoring case after percent-decoding, collapsing repeated '/' and resolving "." and ".."
// segments (client-certificates.js canonicalPath), so "/Orders", "/%6Frders" or "/x/../orders" are covered too:
// the edge errs on the side of enforcing, whatever the origin's own matching rules. A path that cannot be
// percent-decoded is refused when routes are configured.

import { canonicalPath, coveringPrefix } from './client-certificates.js';
import { ROLE_VALUE, readRoles, readScopes } from './claims.js';

/**
 * A scope or role name in a route: 1 to 120 letters, digits and . _ - : (Entra scope and app role values have no
 * spaces), the rule of a role value the gateway compares and forwards (claims.js).
 */
export const ACCESS_NAME = ROLE_VALUE;

/** A route's path prefix: one or more '/'-separated segments of unreserved characters, no trailing '/'. */
export const ROUTE_PATH_PREFIX = /^(?:\/[A-Za-z0-9._~-]+)+$/;

/** The longest route path prefix, as the C# components and the origins accept. */
export const MAX_ROUTE_PATH_PREFIX_LENGTH = 200;

/**
 * Whether a prefix has a "." or ".." segment: request paths are compared after those are resolved (canonicalPath),
 * so no request could match such a prefix.
 * @param {string} prefix a path prefix
 * @returns {boolean}
 */
export function hasDotSegment(prefix) {
  return prefix.split('/').some((segment) => segment === '.' || segment === '..');
}

/** Why a valid token was refused on a route. */
export const RouteAccessFailure = Object.freeze({
  MISSING_SCOPE: 'missing_scope',
  MISSING_ROLE: 'missing_role',
  UNDECODABLE_PATH: 'undecodable_path',
});

/**
 * The route that decides for a path: the longest prefix that covers it.
 * @param {string} path the request path
 * @param {Array<{ pathPrefix: string, scopes: string[], roles: string[] }>} routes validated routes
 * @returns {{ route: object | null } | { undecodable: true }}
 */
export function matchRoute(path, routes) {
  const canonical = canonicalPath(path);
  if (canonical === null) {
    return { undecodable: true };
  }
  let best = null;
  for (const route of routes) {
    if (coveringPrefix(canonical, [route.pathPrefix]) !== null && (best === null || route.pathPrefix.length > best.pathPrefix.length)) {
      best = route;
    }
  }
  return { route: best };
}

/**
 * Checks verified claims against the routes for a path.
 * @param {string} path the request path
 * @param {object} claims verified claims
 * @param {Array<{ pathPrefix: string, scopes: string[], roles: string[] }>} routes validated routes
 * @returns {{ reason: string, pathPrefix: string, scopes: string[] } | null} why the token is refused, or null
 */
export function checkRouteAccess(path, claims, routes) {
  if (routes.length === 0) {
    return null;
  }
  const matched = matchRoute(path, routes);
  if (matched.undecodable === true) {
    return { reason: RouteAccessFailure.UNDECODABLE_PATH, pathPrefix: '-', scopes: [] };
  }
  const route = matched.route;
  if (route === null) {
    return null;
  }
  const scopes = readScopes(claims);
  if (!route.scopes.every((scope) => scopes.includes(scope))) {
    return { reason: RouteAccessFailure.MISSING_SCOPE, pathPrefix: route.pathPrefix, scopes: route.scopes };
  }
  const roles = readRoles(claims);
  if (route.roles.length > 0 && !route.roles.some((role) => roles.includes(role))) {
    return { reason: RouteAccessFailure.MISSING_ROLE, pathPrefix: route.pathPrefix, scopes: route.scopes };
  }
  return null;
}
