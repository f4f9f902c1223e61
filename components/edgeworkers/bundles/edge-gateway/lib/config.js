// The bundle's configuration: validation and defaults.
//
// The data comes from config.json, which the C# stack generates (one source of truth), and which
// the bundler also writes as config-data.js (`export default <the same JSON>;`) because EdgeWorkers
// can only import JavaScript modules. Every problem is reported at once, each naming the property,
// the bad value and the rule. Unknown properties are errors (they are usually typos).
//
// Format (defaults in brackets):
// {
//   "jwt": {
//     "issuer": string, compared exactly with `iss`
//     "issuerVariable": "PMUSER_...", the property variable holding the issuer, read on every request
//                 exactly one of issuer / issuerVariable; an empty variable answers 503 (server fault)
//     "audience": string, must equal `aud` or be one of its entries
//     "audienceVariable": "PMUSER_...", as issuerVariable; exactly one of audience / audienceVariable
//     "algorithms": ["RS256" | "HS256", ...] [["RS256"]]
//     "jwksUrl": "https://..." required when RS256 is allowed
//     "jwksCacheSeconds": integer 60..86400 [300]
//     "clockSkewSeconds": integer 0..300 [60]
//     "hmacSecretVariable": "PMUSER_..." [PMUSER_JWT_HMAC_SECRET], read only when HS256 is allowed
//     "hmacKeyEncoding": "utf8" | "base64url" | "hex" ["utf8"], how the variable's text gives the key bytes
//                 (hmac-key.js); fewer than 32 bytes after decoding answers 503 (server fault)
//   },
//   "headers": { "schemaVersion": 2 } required; the only version this bundle writes is 2
//   "routes": [{ "pathPrefix": "/orders", "scopes": ["orders.read"], "roles": ["Orders.Reader"] }] [[]]
//                 who may call which paths (route-access.js): pathPrefix one or more '/'-separated segments of
//                 letters, digits and . _ ~ - (no trailing '/', no '.' or '..' segment), at most 200 characters,
//                 unique ignoring case; scopes (all required) and
//                 roles (one of them required) each 1-120 letters, digits and . _ - :, no duplicates
//   "originAuth": {                                    [the whole object is optional]
//     "headerName": header name [X-Origin-Auth], must not start with X-Edge-; the gateway deletes client copies,
//                   the property sets it from its sensitive variable
//   },
//   "routing": {
//     "variableName": "PMUSER_..." [PMUSER_ORIGIN_GROUP]
//     "defaultOriginGroup": group name, required, must be in originGroups
//     "originGroups": { "<group>": { "originId": "<property origin id>" } } required, non-empty
//     "pathRules": [{ "pathPrefix": "/...", "originGroup": "<group>" }] [[]], prefixes unique
//     "geoRules": [{ "countries": ["DE", ...], "originGroup": "<group>" }] [[]], a country in one rule only
//   },
//   "clientCertificates": {                            [absent: no path requires a client certificate]
//     "verifiedVariable": "PMUSER_..." [PMUSER_CLIENT_CERT_VERIFIED], "true" when the property verified the certificate
//     "pathPrefixes": ["/...", ...] required, non-empty, no trailing '/', unique ignoring case
//   }
// }

import { SUPPORTED_ALGORITHMS, DEFAULT_CLOCK_SKEW_SECONDS, MAX_CLOCK_SKEW_SECONDS } from './jwt.js';
import { DEFAULT_JWKS_CACHE_SECONDS } from './jwks.js';
import { HEADER_SCHEMA_VERSION, EDGE_HEADER_PREFIX } from './headers.js';
import { DEFAULT_ORIGIN_AUTH_HEADER } from './origin-auth.js';
import { DEFAULT_ORIGIN_GROUP_VARIABLE } from './routing.js';
import { DEFAULT_VERIFIED_VARIABLE } from './client-certificates.js';
import { HMAC_KEY_ENCODINGS, DEFAULT_HMAC_KEY_ENCODING } from './hmac-key.js';
import { ACCESS_NAME, ROUTE_PATH_PREFIX, MAX_ROUTE_PATH_PREFIX_LENGTH, hasDotSegment } from './route-access.js';

/** Default property variable holding the HS256 secret. */
export const DEFAULT_HMAC_SECRET_VARIABLE = 'PMUSER_JWT_HMAC_SECRET';

const PROPERTY_VARIABLE = /^PMUSER_[A-Z0-9_]+$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HTTPS_URL = /^https:\/\/[^\s/?#@]+(\/[^\s]*)?$/;
const IDENTIFIER = /^[A-Za-z0-9_.-]+$/;
const PATH_PREFIX = /^\/[^\s?#]*$/;
const COUNTRY = /^[A-Z]{2}$/;

/**
 * Validates raw configuration data and returns the frozen configuration with defaults applied.
 * @param {unknown} raw the parsed config.json
 * @returns {object} the configuration
 * @throws {Error} listing every problem, one per line
 */
export function readGatewayConfig(raw) {
  const problems = [];
  const root = objectAt(raw, 'config', problems, ['jwt', 'headers', 'originAuth', 'routing', 'clientCertificates', 'routes']);
  const config = {
    jwt: readJwt(objectAt(root.jwt, 'jwt', problems, [
      'issuer', 'issuerVariable', 'audience', 'audienceVariable', 'algorithms', 'jwksUrl', 'jwksCacheSeconds',
      'clockSkewSeconds', 'hmacSecretVariable', 'hmacKeyEncoding',
    ]), problems),
    headers: readHeaders(objectAt(root.headers, 'headers', problems, ['schemaVersion']), problems),
    originAuth: readOriginAuth(objectAt(root.originAuth ?? {}, 'originAuth', problems, ['headerName']), problems),
    routing: readRouting(objectAt(root.routing, 'routing', problems, [
      'variableName', 'defaultOriginGroup', 'originGroups', 'pathRules', 'geoRules',
    ]), problems),
    clientCertificates: root.clientCertificates === undefined
      ? null
      : readClientCertificates(objectAt(root.clientCertificates, 'clientCertificates', problems, ['verifiedVariable', 'pathPrefixes']), problems),
    routes: readRoutes(root.routes ?? [], problems),
  };
  if (problems.length > 0) {
    throw new Error(`invalid edge-gateway config:\n- ${problems.join('\n- ')}`);
  }
  return deepFreeze(config);
}

function readJwt(jwt, problems) {
  const issuer = valueOrVariable(jwt, 'issuer', 'issuerVariable', problems);
  const audience = valueOrVariable(jwt, 'audience', 'audienceVariable', problems);
  const algorithms = jwt.algorithms ?? ['RS256'];
  const validAlgorithms = Array.isArray(algorithms) && algorithms.length > 0
    && algorithms.every((alg) => SUPPORTED_ALGORITHMS.includes(alg))
    && new Set(algorithms).size === algorithms.length;
  if (!validAlgorithms) {
    problems.push(`jwt.algorithms: value ${show(algorithms)} must be a non-empty list of distinct values from ${SUPPORTED_ALGORITHMS.join(', ')} ("none" is never allowed)`);
  }
  const usesRs256 = Array.isArray(algorithms) && algorithms.includes('RS256');
  let jwksUrl = jwt.jwksUrl ?? null;
  if (usesRs256 && (typeof jwksUrl !== 'string' || !HTTPS_URL.test(jwksUrl))) {
    problems.push(`jwt.jwksUrl: value ${show(jwt.jwksUrl)} must be an https:// URL when RS256 is allowed`);
  } else if (!usesRs256 && jwksUrl !== null) {
    problems.push(`jwt.jwksUrl: value ${show(jwksUrl)} must be absent when RS256 is not allowed`);
    jwksUrl = null;
  }
  const jwksCacheSeconds = integerIn(jwt.jwksCacheSeconds ?? DEFAULT_JWKS_CACHE_SECONDS, 60, 86400, 'jwt.jwksCacheSeconds', problems);
  const clockSkewSeconds = integerIn(jwt.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS, 0, MAX_CLOCK_SKEW_SECONDS, 'jwt.clockSkewSeconds', problems);
  const hmacSecretVariable = propertyVariable(jwt.hmacSecretVariable ?? DEFAULT_HMAC_SECRET_VARIABLE, 'jwt.hmacSecretVariable', problems);
  const hmacKeyEncoding = jwt.hmacKeyEncoding ?? DEFAULT_HMAC_KEY_ENCODING;
  if (!HMAC_KEY_ENCODINGS.includes(hmacKeyEncoding)) {
    problems.push(`jwt.hmacKeyEncoding: value ${show(hmacKeyEncoding)} must be one of ${HMAC_KEY_ENCODINGS.join(', ')}`);
  }
  return {
    issuer: issuer.value,
    issuerVariable: issuer.variable,
    audience: audience.value,
    audienceVariable: audience.variable,
    algorithms: validAlgorithms ? [...algorithms] : [],
    jwksUrl,
    jwksCacheSeconds,
    clockSkewSeconds,
    hmacSecretVariable,
    hmacKeyEncoding,
  };
}

/** Exactly one of jwt[valueKey] (a non-empty string) and jwt[variableKey] (a property variable name). */
function valueOrVariable(jwt, valueKey, variableKey, problems) {
  const value = jwt[valueKey];
  const variable = jwt[variableKey];
  if (value !== undefined && variable !== undefined) {
    problems.push(`jwt.${valueKey}: value ${show(value)} must be absent when jwt.${variableKey} (${show(variable)}) is set: give exactly one of them`);
    return { value: null, variable: null };
  }
  if (variable !== undefined) {
    return { value: null, variable: propertyVariable(variable, `jwt.${variableKey}`, problems) };
  }
  if (typeof value !== 'string' || value.length === 0) {
    problems.push(`jwt.${valueKey}: value ${show(value)} must be a non-empty string (or give jwt.${variableKey}, a property variable holding it)`);
  }
  return { value, variable: null };
}

function readRoutes(routes, problems) {
  const read = listAt(routes, 'routes', problems).map((item, index) => {
    const where = `routes[${index}]`;
    const route = objectAt(item, where, problems, ['pathPrefix', 'scopes', 'roles']);
    if (typeof route.pathPrefix !== 'string' || !ROUTE_PATH_PREFIX.test(route.pathPrefix)) {
      problems.push(`${where}.pathPrefix: value ${show(route.pathPrefix)} must be '/' and one or more segments of letters, digits, '.', '_', '~' or '-' separated by '/' (no trailing '/')`);
    } else if (hasDotSegment(route.pathPrefix)) {
      problems.push(`${where}.pathPrefix: value ${show(route.pathPrefix)} must have no '.' or '..' segment: the gateway resolves those in request paths before comparing, so no request could match the route and it would never be enforced`);
    } else if (route.pathPrefix.length > MAX_ROUTE_PATH_PREFIX_LENGTH) {
      problems.push(`${where}.pathPrefix: value ${show(route.pathPrefix)} must be at most ${MAX_ROUTE_PATH_PREFIX_LENGTH} characters (it has ${route.pathPrefix.length}), the longest prefix the origins' route rules accept`);
    }
    return {
      pathPrefix: route.pathPrefix,
      scopes: accessNames(route.scopes ?? [], `${where}.scopes`, problems),
      roles: accessNames(route.roles ?? [], `${where}.roles`, problems),
    };
  });
  const lower = read.map((route) => String(route.pathPrefix).toLowerCase());
  for (const prefix of new Set(lower.filter((prefix, index) => lower.indexOf(prefix) !== index))) {
    problems.push(`routes: pathPrefix ${show(prefix)} must appear only once, ignoring case`);
  }
  return read;
}

function accessNames(names, where, problems) {
  const list = listAt(names, where, problems);
  list.forEach((name, index) => {
    if (typeof name !== 'string' || !ACCESS_NAME.test(name)) {
      problems.push(`${where}[${index}]: value ${show(name)} must be 1 to 120 letters, digits, '.', '_', '-' or ':'`);
    } else if (list.indexOf(name) !== index) {
      problems.push(`${where}[${index}]: value ${show(name)} must appear only once`);
    }
  });
  return [...list];
}

function readHeaders(headers, problems) {
  if (headers.schemaVersion !== HEADER_SCHEMA_VERSION) {
    problems.push(`headers.schemaVersion: value ${show(headers.schemaVersion)} must be ${HEADER_SCHEMA_VERSION}, the header schema version this bundle writes`);
  }
  return { schemaVersion: HEADER_SCHEMA_VERSION };
}

function readOriginAuth(originAuth, problems) {
  const headerName = originAuth.headerName ?? DEFAULT_ORIGIN_AUTH_HEADER;
  if (typeof headerName !== 'string' || !HEADER_NAME.test(headerName) || headerName.toLowerCase().startsWith(EDGE_HEADER_PREFIX)) {
    problems.push(`originAuth.headerName: value ${show(headerName)} must be an HTTP header name that does not start with X-Edge-`);
  }
  return { headerName };
}

function readRouting(routing, problems) {
  const variableName = propertyVariable(routing.variableName ?? DEFAULT_ORIGIN_GROUP_VARIABLE, 'routing.variableName', problems);
  const originGroups = {};
  const groups = objectAt(routing.originGroups, 'routing.originGroups', problems, null);
  const groupNames = Object.keys(groups).sort();
  if (routing.originGroups !== undefined && groupNames.length === 0) {
    problems.push('routing.originGroups: value {} must name at least one origin group');
  }
  for (const name of groupNames) {
    const where = `routing.originGroups.${name}`;
    if (!IDENTIFIER.test(name)) {
      problems.push(`${where}: group name ${show(name)} must use only letters, digits, '.', '_' and '-'`);
    }
    const group = objectAt(groups[name], where, problems, ['originId']);
    if (typeof group.originId !== 'string' || !IDENTIFIER.test(group.originId)) {
      problems.push(`${where}.originId: value ${show(group.originId)} must be a property origin id (letters, digits, '.', '_', '-')`);
    }
    originGroups[name] = { originId: group.originId };
  }
  const knownGroup = (name, where) => {
    if (!Object.prototype.hasOwnProperty.call(originGroups, name)) {
      problems.push(`${where}: value ${show(name)} must be one of the origin groups (${groupNames.join(', ') || 'none'})`);
    }
  };
  const defaultOriginGroup = routing.defaultOriginGroup;
  knownGroup(defaultOriginGroup, 'routing.defaultOriginGroup');

  const pathRules = listAt(routing.pathRules ?? [], 'routing.pathRules', problems).map((item, index) => {
    const where = `routing.pathRules[${index}]`;
    const rule = objectAt(item, where, problems, ['pathPrefix', 'originGroup']);
    if (typeof rule.pathPrefix !== 'string' || !PATH_PREFIX.test(rule.pathPrefix)) {
      problems.push(`${where}.pathPrefix: value ${show(rule.pathPrefix)} must start with '/' and contain no whitespace, '?' or '#'`);
    }
    knownGroup(rule.originGroup, `${where}.originGroup`);
    return { pathPrefix: rule.pathPrefix, originGroup: rule.originGroup };
  });
  const prefixes = pathRules.map((rule) => rule.pathPrefix);
  for (const prefix of new Set(prefixes.filter((prefix, index) => prefixes.indexOf(prefix) !== index))) {
    problems.push(`routing.pathRules: pathPrefix ${show(prefix)} must appear only once`);
  }

  const seenCountries = new Set();
  const geoRules = listAt(routing.geoRules ?? [], 'routing.geoRules', problems).map((item, index) => {
    const where = `routing.geoRules[${index}]`;
    const rule = objectAt(item, where, problems, ['countries', 'originGroup']);
    const countries = listAt(rule.countries, `${where}.countries`, problems);
    if (Array.isArray(rule.countries) && countries.length === 0) {
      problems.push(`${where}.countries: value [] must list at least one country`);
    }
    for (const country of countries) {
      if (typeof country !== 'string' || !COUNTRY.test(country)) {
        problems.push(`${where}.countries: value ${show(country)} must be an upper-case ISO 3166-1 alpha-2 code`);
      } else if (seenCountries.has(country)) {
        problems.push(`${where}.countries: country ${show(country)} must appear in only one geo rule`);
      }
      seenCountries.add(country);
    }
    knownGroup(rule.originGroup, `${where}.originGroup`);
    return { countries: [...countries], originGroup: rule.originGroup };
  });
  return { variableName, defaultOriginGroup, originGroups, pathRules, geoRules };
}

function readClientCertificates(settings, problems) {
  const verifiedVariable = propertyVariable(settings.verifiedVariable ?? DEFAULT_VERIFIED_VARIABLE, 'clientCertificates.verifiedVariable', problems);
  const pathPrefixes = listAt(settings.pathPrefixes, 'clientCertificates.pathPrefixes', problems);
  if (Array.isArray(settings.pathPrefixes) && pathPrefixes.length === 0) {
    problems.push('clientCertificates.pathPrefixes: value [] must list at least one path prefix');
  }
  pathPrefixes.forEach((prefix, index) => {
    if (typeof prefix !== 'string' || !PATH_PREFIX.test(prefix) || (prefix.length > 1 && prefix.endsWith('/'))) {
      problems.push(`clientCertificates.pathPrefixes[${index}]: value ${show(prefix)} must start with '/' and contain no whitespace, '?', '#' or trailing '/'`);
    }
  });
  const lower = pathPrefixes.map((prefix) => String(prefix).toLowerCase());
  for (const prefix of new Set(lower.filter((prefix, index) => lower.indexOf(prefix) !== index))) {
    problems.push(`clientCertificates.pathPrefixes: pathPrefix ${show(prefix)} must appear only once, ignoring case`);
  }
  return { verifiedVariable, pathPrefixes: [...pathPrefixes] };
}

function objectAt(value, where, problems, allowedKeys) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: value ${show(value)} must be an object`);
    return {};
  }
  if (allowedKeys !== null) {
    for (const key of Object.keys(value).sort()) {
      if (!allowedKeys.includes(key)) {
        problems.push(`${where}.${key}: unknown property (allowed: ${allowedKeys.join(', ')})`);
      }
    }
  }
  return value;
}

function listAt(value, where, problems) {
  if (!Array.isArray(value)) {
    problems.push(`${where}: value ${show(value)} must be a list`);
    return [];
  }
  return value;
}

function integerIn(value, min, max, where, problems) {
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${where}: value ${show(value)} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function propertyVariable(value, where, problems) {
  if (typeof value !== 'string' || !PROPERTY_VARIABLE.test(value)) {
    problems.push(`${where}: value ${show(value)} must be a property user variable name (PMUSER_ followed by A-Z, 0-9 or _)`);
  }
  return value;
}

function show(value) {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) {
      deepFreeze(inner);
    }
    Object.freeze(value);
  }
  return value;
}
