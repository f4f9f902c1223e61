// A LOCAL STAND-IN for the Akamai EdgeWorkers runtime, for tests under Node.js.
//
// It exports what the bundle imports from the built-in modules ('crypto' -> crypto,
// 'http-request' -> httpRequest, 'log' -> logger, 'create-response' -> createResponse), so the
// loader hook (edgeworkers-loader.js) can map all four specifiers to this one module, plus test
// helpers: a fake request, a fake JWKS server and a reset function.
//
// It lives outside test/ because `node --test` runs every .js file under a test/ directory as a
// test file, which would count these helpers as passing tests.

/** WebCrypto, as the 'crypto' built-in module exports it. */
export const crypto = { subtle: globalThis.crypto.subtle };

/** Lines written through `logger.log`, in order. */
export const loggedLines = [];

/** The 'log' built-in: captures every line. */
export const logger = Object.freeze({
  log(format, ...values) {
    loggedLines.push([format, ...values.map(String)].join(' '));
  },
});

let httpHandler = async (url) => ({ ok: false, status: 599, json: async () => ({ url }) });

/** The 'http-request' built-in: delegates to the handler set with setHttpHandler. */
export function httpRequest(url, options) {
  return httpHandler(url, options);
}

/** Sets the function that answers httpRequest calls. */
export function setHttpHandler(handler) {
  httpHandler = handler;
}

/** The 'create-response' built-in (unused by the gateway; present so the specifier resolves). */
export function createResponse(status, headers, body) {
  return { status, headers, body };
}

/** Clears captured log lines and the HTTP handler. */
export function resetRuntime() {
  loggedLines.length = 0;
  httpHandler = async (url) => ({ ok: false, status: 599, json: async () => ({ url }) });
}

/**
 * A fake JWKS endpoint: answers the JWKS document (which tests may replace) and counts calls.
 * @param {{ keys: object[] }} jwks
 */
export function createJwksServer(jwks) {
  const server = {
    jwks,
    calls: 0,
    failing: false,
    async handle(url, options) {
      server.calls += 1;
      server.lastUrl = url;
      server.lastOptions = options;
      if (server.failing) {
        return { ok: false, status: 502, json: async () => { throw new Error('not json'); } };
      }
      const body = JSON.parse(JSON.stringify(server.jwks));
      return { ok: true, status: 200, json: async () => body };
    },
  };
  return server;
}

/**
 * A fake EdgeWorkers request with the parts of the API the gateway uses.
 * Header names are case-insensitive; getHeader returns an array of values or null.
 * respondWith and route record what was asked for in `response` and `routedTo`.
 * @param {{ method?: string, path?: string, headers?: Record<string, string | string[]>,
 *   variables?: Record<string, string>, country?: string }} [init]
 */
export function createFakeRequest(init = {}) {
  const headers = new Map();
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    headers.set(name.toLowerCase(), Array.isArray(value) ? [...value] : [value]);
  }
  const variables = new Map(Object.entries(init.variables ?? {}));
  const request = {
    method: init.method ?? 'GET',
    host: 'www.example.com',
    path: init.path ?? '/',
    query: '',
    url: init.path ?? '/',
    userLocation: { country: init.country },
    response: null,
    routedTo: null,
    variableReads: [],
    getHeader(name) {
      const values = headers.get(name.toLowerCase());
      return values === undefined ? null : [...values];
    },
    getHeaders() {
      return Object.fromEntries([...headers].map(([name, values]) => [name, [...values]]));
    },
    setHeader(name, value) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? [...value] : [String(value)]);
    },
    addHeader(name, value) {
      const existing = headers.get(name.toLowerCase()) ?? [];
      headers.set(name.toLowerCase(), [...existing, String(value)]);
    },
    removeHeader(name) {
      headers.delete(name.toLowerCase());
    },
    getVariable(name) {
      request.variableReads.push(name);
      return variables.get(name);
    },
    setVariable(name, value) {
      variables.set(name, String(value));
    },
    respondWith(status, responseHeaders, body, denyReason) {
      if (request.response !== null) {
        throw new Error('respondWith called twice');
      }
      request.response = { status, headers: responseHeaders, body, denyReason };
    },
    route(destination) {
      request.routedTo = destination;
    },
  };
  return request;
}
