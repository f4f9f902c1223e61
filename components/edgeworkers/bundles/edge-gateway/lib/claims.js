// What a verified token says about the caller's permissions: its scopes and its app roles. Shared by the route
// check (route-access.js) and the header schema (headers.js), so the edge decides on exactly what it forwards.

/** A role value that is forwarded and compared: 1 to 120 letters, digits and . _ : - (Entra app role values have no spaces). */
export const ROLE_VALUE = /^[A-Za-z0-9._:-]{1,120}$/;

/**
 * The token's scopes: `scope` (a space-separated string, RFC 8693 / RFC 9068) and `scp` (a string or an array of
 * strings, as Entra ID and Okta write it), first occurrence order, duplicates removed.
 * @param {object} claims verified claims
 * @returns {string[]}
 */
export function readScopes(claims) {
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

/**
 * The token's app roles: the strings of the `roles` array that match ROLE_VALUE, first occurrence order,
 * duplicates removed. Anything else (a string instead of an array, a value with a space) is ignored.
 * @param {object} claims verified claims
 * @returns {string[]}
 */
export function readRoles(claims) {
  const roles = [];
  if (Array.isArray(claims.roles)) {
    for (const role of claims.roles) {
      if (typeof role === 'string' && ROLE_VALUE.test(role) && !roles.includes(role)) {
        roles.push(role);
      }
    }
  }
  return roles;
}
