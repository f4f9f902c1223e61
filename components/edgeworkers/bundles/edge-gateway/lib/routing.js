// Routing: choose an origin group by path prefix, then by the client's country, else the default.
//
// - Path rules win over geo rules. Among path rules the longest matching prefix wins. A prefix
//   matches the path itself and everything below it: "/api" matches "/api" and "/api/x" but not
//   "/apix"; "/api/" matches "/api/" and "/api/x".
// - Geo rules match request.userLocation.country (ISO 3166-1 alpha-2, compared upper-case).
// - The chosen group name is written to a property variable (default PMUSER_ORIGIN_GROUP) so
//   property rules can match on it, and the request is sent to the group's origin with
//   request.route({ origin }) (the origin id defined in the property's conditional origins).

/** Default property variable that receives the chosen origin group. */
export const DEFAULT_ORIGIN_GROUP_VARIABLE = 'PMUSER_ORIGIN_GROUP';

/**
 * Chooses the origin group for a path and a country.
 * @param {{ defaultOriginGroup: string, originGroups: Record<string, { originId: string }>,
 *   pathRules: Array<{ pathPrefix: string, originGroup: string }>,
 *   geoRules: Array<{ countries: string[], originGroup: string }> }} routing validated routing config
 * @param {{ path: string, country: string | undefined }} where
 * @returns {{ originGroup: string, originId: string, matchedBy: 'path' | 'geo' | 'default' }}
 */
export function chooseOriginGroup(routing, where) {
  let best = null;
  for (const rule of routing.pathRules) {
    if (pathMatches(where.path, rule.pathPrefix) && (best === null || rule.pathPrefix.length > best.pathPrefix.length)) {
      best = rule;
    }
  }
  if (best !== null) {
    return decision(routing, best.originGroup, 'path');
  }
  const country = typeof where.country === 'string' ? where.country.toUpperCase() : '';
  const geoRule = routing.geoRules.find((rule) => rule.countries.includes(country));
  if (geoRule !== undefined) {
    return decision(routing, geoRule.originGroup, 'geo');
  }
  return decision(routing, routing.defaultOriginGroup, 'default');
}

/**
 * Routes the request: sets the origin group variable and calls request.route({ origin }).
 * @param {object} request the EdgeWorkers request
 * @param {object} routing validated routing config (see config.js)
 * @returns {{ originGroup: string, originId: string, matchedBy: string }}
 */
export function routeRequest(request, routing) {
  const chosen = chooseOriginGroup(routing, { path: request.path, country: request.userLocation?.country });
  request.setVariable(routing.variableName, chosen.originGroup);
  request.route({ origin: chosen.originId });
  return chosen;
}

function pathMatches(path, prefix) {
  if (typeof path !== 'string') {
    return false;
  }
  if (prefix.endsWith('/')) {
    return path.startsWith(prefix);
  }
  return path === prefix || path.startsWith(`${prefix}/`);
}

function decision(routing, originGroup, matchedBy) {
  return { originGroup, originId: routing.originGroups[originGroup].originId, matchedBy };
}
