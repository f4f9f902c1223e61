// Origin authentication: the origin admits only requests that carry the per-environment origin secret in a header.
// The PROPERTY sets that header on the request to the origin, from its SENSITIVE user variable, with a
// modifyOutgoingRequestHeader behavior: Akamai documents sensitive variables in request behaviors, but does not
// document that an EdgeWorker can read one, so this bundle never reads the secret. It only deletes any copy of the
// header a client sent, so a client-supplied value can never reach the origin, whatever the property does.

/** Default header that carries the origin secret. */
export const DEFAULT_ORIGIN_AUTH_HEADER = 'X-Origin-Auth';

/**
 * Removes any incoming copy of the origin auth header.
 * @param {object} request the EdgeWorkers request
 * @param {{ headerName: string }} settings
 */
export function stripOriginAuth(request, settings) {
  request.removeHeader(settings.headerName);
}
