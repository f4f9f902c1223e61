// Client certificates: on the configured path prefixes, only requests whose client certificate the property
// verified go on. An EdgeWorker does not see the TLS handshake and no EdgeWorkers request property documents the
// client certificate, so the gateway reads what the PROPERTY decided, through documented features only:
// a rule with the `clientCertificate` criterion (isCertificatePresent, isCertificateValid: VALID) sets the user
// variable (default PMUSER_CLIENT_CERT_VERIFIED, declared "false") to "true" with `setVariable`, and the gateway
// reads it with request.getVariable. Anything but "true" is refused (fail closed). The property itself denies those
// paths without a certificate from its CA set (`enforceMtlsSettings`); this check is defense in depth.
//
// A prefix covers the path itself and everything below it ("/partners": "/partners" and "/partners/x", not
// "/partnersx"). Paths are compared ignoring case after percent-decoding, collapsing repeated '/' and resolving
// "." and ".." segments, so "/Partners", "/%70artners" or "/x/../partners" are covered too. A path that cannot be
// percent-decoded is refused.

/** Default property variable that holds "true" when the client presented a verified certificate. */
export const DEFAULT_VERIFIED_VARIABLE = 'PMUSER_CLIENT_CERT_VERIFIED';

/** Why a request was refused. */
export const ClientCertificateFailure = Object.freeze({
  NOT_VERIFIED: 'not_verified',
  UNDECODABLE_PATH: 'undecodable_path',
});

/**
 * The canonical form of a request path for prefix matching: percent-decoded, repeated '/' collapsed, dot segments
 * resolved, lower case; null when the path cannot be decoded.
 * @param {string} path the request path
 * @returns {string | null}
 */
export function canonicalPath(path) {
  let decoded;
  try {
    decoded = decodeURIComponent(String(path ?? ''));
  } catch {
    return null;
  }
  const segments = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') {
      continue;
    }
    if (segment === '..') {
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  const trailing = decoded.length > 1 && decoded.endsWith('/') && segments.length > 0 ? '/' : '';
  return `/${segments.join('/')}${trailing}`.toLowerCase();
}

/**
 * The configured prefix that covers the path, or null.
 * @param {string} canonical the canonical path (see canonicalPath)
 * @param {string[]} pathPrefixes the configured prefixes
 * @returns {string | null}
 */
export function coveringPrefix(canonical, pathPrefixes) {
  return pathPrefixes.find((prefix) => {
    const lower = prefix.toLowerCase();
    return canonical === lower || canonical.startsWith(`${lower}/`);
  }) ?? null;
}

/**
 * Checks the request against the clientCertificates settings.
 * @param {object} request the EdgeWorkers request
 * @param {{ verifiedVariable: string, pathPrefixes: string[] }} settings validated settings (see config.js)
 * @returns {{ reason: string, pathPrefix: string } | null} why the request is refused, or null when it may go on
 */
export function checkClientCertificate(request, settings) {
  const canonical = canonicalPath(request.path);
  if (canonical === null) {
    return { reason: ClientCertificateFailure.UNDECODABLE_PATH, pathPrefix: '-' };
  }
  const pathPrefix = coveringPrefix(canonical, settings.pathPrefixes);
  if (pathPrefix === null || request.getVariable(settings.verifiedVariable) === 'true') {
    return null;
  }
  return { reason: ClientCertificateFailure.NOT_VERIFIED, pathPrefix };
}
