// Extraction of an OAuth 2.0 bearer token (RFC 6750 section 2.1) from the Authorization header.

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Reads the bearer token from the request's Authorization header.
 * @param {{ getHeader(name: string): string[] | null | undefined }} request the EdgeWorkers request
 * @returns {{ token: string } | { reason: 'missing_token' | 'malformed' }}
 *   missing_token when there is no Authorization header or it uses another scheme;
 *   malformed when there are several Authorization headers or the bearer value is not a token68.
 */
export function readBearerToken(request) {
  const values = request.getHeader('Authorization');
  if (values === null || values === undefined || values.length === 0) {
    return { reason: 'missing_token' };
  }
  if (values.length > 1) {
    return { reason: 'malformed' };
  }
  const value = values[0];
  if (!/^Bearer(\s|$)/i.test(value)) {
    return { reason: 'missing_token' };
  }
  const match = BEARER.exec(value);
  if (match === null) {
    return { reason: 'malformed' };
  }
  return { token: match[1] };
}
