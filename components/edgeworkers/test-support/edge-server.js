// A LOCAL STAND-IN for an Akamai edge server serving one property, for the request-path rehearsal
// (tests/EdgeInfra.Components.Tests/Application/RequestPathRehearsalTests.cs). Loopback only.
//
// Usage: node edge-server.js <settings.json>
//   settings: {
//     rules:            the property's rule tree (`{ rules: { name: "default", ... } }`), as the stack synthesized it
//     bundleDirectory:  the EdgeWorker bundle as the stack packed it (its main.js runs for real)
//     hostnames:        the property's hostnames
//     resolve:          { hostname: port } - where an origin hostname is reached (always 127.0.0.1)
//     standardCaPem:    what stands in for Akamai's standard CA set (akamai-permissive) in this rehearsal
//     edgeCertificate:  { certPem, keyPem } served to clients
//     country:          the client's country, as the edge's geo data would say (optional)
//     identityProvider: { hostname, certPem, keyPem, path, jwks } - a stand-in for the IdP's JWKS host (optional)
//     clientCertificates: { versionGuid: { certPem, keyPem } } - the mTLS Origin Keystore's certificate versions,
//                       presented to an origin when the rule's mtlsOriginKeystore names the version (optional)
//     caSets:           { caSetId: [pem] } - Mutual TLS Edge Truststore CA sets: the HTTPS listener asks clients for a
//                       certificate and verifies it against their union; enforceMtlsSettings names the sets (optional)
//   }
// Writes JSON lines on stdout: first { event: "listening", http, https, identityProvider }, then one line per
// origin request ({ event: "origin", hostname, path, status, headers }), per gateway log line, per error.
// Reads JSON lines on stdin, each what a new property version (or a keystore renewal) brings:
// { variables: { PMUSER_X: value }, rules: { rules: ... }, clientCertificates: { guid: ... } }, all optional,
// answered { event: "variables" } once the edge uses them. Two more keys change the world around the edge:
// identityProvider: { jwks } (the IdP publishes another key set) and advanceClockSeconds: N (time passes: the clock
// of this process, which the gateway's JWKS cache and the response cache below read, moves N seconds ahead).
// The edge's behavior comes from edge-rule-engine.js; anything it cannot model fails the request with 500.
// The `caching` behavior MAX_AGE is modeled for GET answers 200 (the JWKS relay's cache: a re-fetch within the TTL
// gets the cached copy, as at a real edge server; event { event: "cache-hit" }); NO_STORE stores nothing.

import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { register } from 'node:module';
import { createInterface } from 'node:readline';
import { checkServerIdentity } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { applyHeaderModifications, applyVariableAssignments, matchBehaviors, methodAllowed } from './edge-rule-engine.js';

// Time can be moved ahead (advanceClockSeconds on stdin); Date.now is what the gateway and the cache read.
const realNow = Date.now.bind(Date);
let clockOffsetMs = 0;
Date.now = () => realNow() + clockOffsetMs;

register('./edgeworkers-loader.js', import.meta.url);
const runtime = await import('./edgeworkers-stub.js');

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let rules = settings.rules.rules;
const hostnames = new Set(settings.hostnames.map((name) => name.toLowerCase()));
const variables = new Map((rules.variables ?? []).map((variable) => [variable.name, variable.value]));
const sensitive = new Set((rules.variables ?? []).filter((variable) => variable.sensitive).map((variable) => variable.name));
const gateway = await import(pathToFileURL(`${settings.bundleDirectory}/main.js`).href);

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length', 'te', 'trailer']);
const HSTS_MAX_AGE = Object.freeze({ ONE_YEAR: 31536000, ONE_MONTH: 2592000, ONE_DAY: 86400, ZERO_MINS: 0 });

function emit(event) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

function drainGatewayLog() {
  for (const line of runtime.loggedLines.splice(0)) {
    emit({ event: 'gateway', line });
  }
}

/** The CA certificates an origin behavior trusts. */
function trustedAuthorities(origin) {
  if (origin.verificationMode !== 'CUSTOM') {
    throw new Error(`the edge stand-in models only verificationMode CUSTOM, not '${origin.verificationMode}'`);
  }
  const standard = (origin.standardCertificateAuthorities ?? []).includes('akamai-permissive') ? [settings.standardCaPem] : [];
  const custom = (origin.customCertificateAuthorities ?? []).map((entry) => entry.pemEncodedCert);
  switch (origin.originCertsToHonor) {
    case 'STANDARD_CERTIFICATE_AUTHORITIES':
      return standard;
    case 'CUSTOM_CERTIFICATE_AUTHORITIES':
      return custom;
    case 'COMBO':
      return [...standard, ...custom];
    default:
      throw new Error(`the edge stand-in does not model originCertsToHonor '${origin.originCertsToHonor}'`);
  }
}

/** The client certificate an mtlsOriginKeystore behavior presents, or none. */
function clientCertificate(keystore) {
  if (keystore?.enable !== true) {
    return {};
  }
  const version = (settings.clientCertificates ?? {})[keystore.clientCertificateVersionGuid];
  if (version === undefined) {
    throw new Error(`the keystore has no client certificate version ${keystore.clientCertificateVersionGuid}`);
  }
  return { cert: version.certPem, key: version.keyPem };
}

/** Sends the request to the origin over TLS, verified as the origin behavior says, with the keystore's client certificate. */
function forward(origin, keystore, request) {
  const port = settings.resolve[origin.hostname];
  if (port === undefined) {
    return Promise.reject(new Error(`no loopback stand-in for origin ${origin.hostname}`));
  }
  const forwardedHost = request.headers.get('host')[0];
  const validNames = (origin.customValidCnValues ?? []).map((value) => value
    .replace('{{Origin Hostname}}', origin.hostname)
    .replace('{{Forward Host Header}}', forwardedHost));
  const headers = {};
  for (const [name, values] of request.headers) {
    headers[name] = values.length === 1 ? values[0] : values;
  }
  if (request.body.length > 0) {
    headers['content-length'] = String(request.body.length);
  }
  return new Promise((resolve, reject) => {
    const outgoing = https.request({
      host: '127.0.0.1',
      port,
      method: request.method,
      path: request.pathAndQuery,
      headers,
      servername: origin.originSni === true ? origin.hostname : undefined,
      ca: trustedAuthorities(origin),
      ...clientCertificate(keystore),
      agent: false,
      timeout: 10000,
      checkServerIdentity: (_, certificate) => (validNames.some((name) => checkServerIdentity(name, certificate) === undefined)
        ? undefined
        : new Error(`origin certificate matches none of ${validNames.join(', ')}`)),
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('origin timeout')));
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** Runs the EdgeWorker's onClientRequest; returns its response or its routing decision and headers. */
async function runEdgeWorker(incoming, outgoingHeaders, requestVariables) {
  const visible = Object.fromEntries([...requestVariables].filter(([name]) => !sensitive.has(name)));
  const request = runtime.createFakeRequest({
    method: incoming.method,
    path: incoming.path,
    headers: Object.fromEntries(outgoingHeaders),
    variables: visible,
    country: settings.country,
  });
  request.host = incoming.host;
  request.query = incoming.query;
  request.url = incoming.query === '' ? incoming.path : `${incoming.path}?${incoming.query}`;
  await gateway.onClientRequest(request);
  drainGatewayLog();
  const chosen = new Map(requestVariables);
  for (const name of Object.keys(visible)) {
    chosen.set(name, request.getVariable(name) ?? '');
  }
  return { response: request.response, headers: new Map(Object.entries(request.getHeaders())), originId: request.routedTo?.origin, variables: chosen };
}

function respond(status, headers = {}, body = '') {
  return { status, headers, body: Buffer.from(body) };
}

/** What the edge answers to one request (a client's, or an EdgeWorker's sub-request). */
async function serve(incoming) {
  if (!hostnames.has(incoming.host)) {
    return respond(400, { 'content-type': 'text/plain' }, 'Invalid URL: the property does not serve this host');
  }
  const where = { protocol: incoming.protocol, path: incoming.path, host: incoming.host, clientCertificate: incoming.clientCertificate };
  let matched = matchBehaviors(rules, where);
  const redirect = matched.single.get('redirect');
  if (redirect !== undefined) {
    const query = incoming.query === '' ? '' : `?${incoming.query}`;
    const path = redirect.destinationPath === 'SAME_AS_REQUEST' ? incoming.path : redirect.destinationPath;
    return respond(redirect.responseCode, { location: `${redirect.destinationProtocol.toLowerCase()}://${incoming.host}${path}${query}` });
  }
  if (!methodAllowed(incoming.method, matched.single)) {
    return respond(501, { 'content-type': 'text/plain' }, 'Not Implemented');
  }
  const enforce = matched.single.get('enforceMtlsSettings');
  if (enforce !== undefined && enforce.enableAuthSet === true && enforce.enableDenyRequest === true) {
    const certificate = incoming.clientCertificate ?? { present: false, valid: false };
    const fromSet = certificate.valid && (enforce.certificateAuthoritySet ?? []).some((id) => certificate.caSetIds.includes(id));
    if (!fromSet) {
      return respond(403, { 'content-type': 'text/html' }, 'Access Denied');
    }
  }

  let headers = new Map();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (!HOP_BY_HOP.has(name.toLowerCase())) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value : [String(value)]);
    }
  }
  let requestVariables = new Map(variables);
  applyVariableAssignments(requestVariables, matched.variableAssignments);
  if (matched.single.get('edgeWorker')?.enabled === true) {
    if (incoming.subrequest) {
      throw new Error(`an EdgeWorker sub-request to ${incoming.path} would run the EdgeWorker again: turn it off on that path`);
    }
    const ran = await runEdgeWorker(incoming, headers, requestVariables);
    if (ran.response !== null) {
      const responseHeaders = Object.fromEntries(Object.entries(ran.response.headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]));
      return respond(ran.response.status, responseHeaders, ran.response.body ?? '');
    }
    headers = ran.headers;
    requestVariables = ran.variables;
    if (ran.originId !== undefined) {
      matched = matchBehaviors(rules, { ...where, originId: ran.originId });
    }
  }

  const origin = matched.single.get('origin');
  applyHeaderModifications(headers, matched.headerModifications, requestVariables);
  const forwardHost = { REQUEST_HOST_HEADER: incoming.host, ORIGIN_HOSTNAME: origin.hostname, CUSTOM: origin.customForwardHostHeader }[origin.forwardHostHeader];
  headers.set('host', [forwardHost]);
  if (origin.enableTrueClientIp === true) {
    headers.set(origin.trueClientIpHeader.toLowerCase(), ['127.0.0.1']);
  }
  const rewrite = matched.single.get('rewriteUrl');
  if (rewrite !== undefined && rewrite.behavior !== 'REWRITE') {
    throw new Error(`the edge stand-in models only rewriteUrl REWRITE, not '${rewrite.behavior}'`);
  }
  const pathAndQuery = rewrite !== undefined
    ? rewrite.targetUrl
    : `${incoming.path}${incoming.query === '' ? '' : `?${incoming.query}`}`;

  const cacheKey = `${incoming.protocol}|${incoming.host}|${incoming.path}?${incoming.query}`;
  const ttlMs = cacheableTtlMs(matched.single.get('caching'), incoming.method);
  const cached = ttlMs > 0 ? responseCache.get(cacheKey) : undefined;
  if (cached !== undefined && Date.now() < cached.expiresAtMs) {
    emit({ event: 'cache-hit', hostname: origin.hostname, path: pathAndQuery });
    return { status: cached.answer.status, headers: { ...cached.answer.headers }, body: cached.answer.body };
  }

  let answer;
  try {
    answer = await forward(origin, matched.single.get('mtlsOriginKeystore'), { method: incoming.method, headers, pathAndQuery, body: incoming.body });
  } catch (error) {
    emit({ event: 'origin-error', hostname: origin.hostname, path: pathAndQuery, message: String(error?.message ?? error) });
    return respond(502, { 'content-type': 'text/plain' }, 'Bad Gateway');
  }
  emit({ event: 'origin', hostname: origin.hostname, path: pathAndQuery, status: answer.status, headers: [...headers.keys()].sort() });
  if (ttlMs > 0 && answer.status === 200) {
    responseCache.set(cacheKey, { answer, expiresAtMs: Date.now() + ttlMs });
  }
  const responseHeaders = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (!HOP_BY_HOP.has(name)) {
      responseHeaders[name] = value;
    }
  }
  const hsts = matched.single.get('httpStrictTransportSecurity');
  if (incoming.protocol === 'HTTPS' && hsts?.enable === true) {
    responseHeaders['strict-transport-security'] = `max-age=${HSTS_MAX_AGE[hsts.maxAge]}`;
  }
  return { status: answer.status, headers: responseHeaders, body: answer.body };
}

/** Answers kept by the `caching` behavior (MAX_AGE), by protocol, host, path and query. */
const responseCache = new Map();

/** How long an answer may be cached: the MAX_AGE ttl for GET, else 0 (NO_STORE and anything else store nothing). */
function cacheableTtlMs(caching, method) {
  if (caching?.behavior !== 'MAX_AGE' || method !== 'GET') {
    return 0;
  }
  const match = /^([0-9]+)([smhd])$/.exec(String(caching.ttl));
  if (match === null) {
    throw new Error(`the edge stand-in cannot read the caching ttl '${caching.ttl}'`);
  }
  return Number(match[1]) * { s: 1000, m: 60000, h: 3600000, d: 86400000 }[match[2]];
}

/** The 'http-request' built-in: a sub-request goes through this same property, or nowhere. */
runtime.setHttpHandler(async (url, options = {}) => {
  const target = new URL(url);
  const answer = hostnames.has(target.hostname)
    ? await serve({
      protocol: target.protocol === 'https:' ? 'HTTPS' : 'HTTP',
      method: options.method ?? 'GET',
      host: target.hostname,
      path: target.pathname,
      query: target.search.slice(1),
      headers: options.headers ?? {},
      body: Buffer.alloc(0),
      subrequest: true,
    })
    : respond(400, {}, 'sub-requests reach only hostnames served through Akamai');
  const text = answer.body.toString('utf8');
  return { ok: answer.status >= 200 && answer.status < 300, status: answer.status, json: async () => JSON.parse(text), text: async () => text };
});

function listener(protocol) {
  return (request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      const target = new URL(request.url, 'http://edge.invalid');
      let answer;
      try {
        answer = await serve({
          protocol,
          method: request.method,
          host: (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase(),
          path: target.pathname,
          query: target.search.slice(1),
          headers: request.headers,
          body: Buffer.concat(chunks),
          subrequest: false,
          clientCertificate: protocol === 'HTTPS' ? presentedCertificate(request.socket) : undefined,
        });
      } catch (error) {
        emit({ event: 'error', message: String(error?.stack ?? error) });
        answer = respond(500, { 'content-type': 'text/plain' }, 'edge stand-in error');
      }
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    });
  };
}

/** The CA sets whose certificates sign the client's certificate, if it presented one that verifies. */
function presentedCertificate(socket) {
  const peer = socket.getPeerCertificate?.(true);
  const present = peer !== undefined && peer !== null && Object.keys(peer).length > 0;
  if (!present || !socket.authorized) {
    return { present, valid: false, caSetIds: [] };
  }
  const caSetIds = Object.entries(settings.caSets ?? {})
    .filter(([, pems]) => pems.some((pem) => new X509Certificate(peer.raw).checkIssued(new X509Certificate(pem))))
    .map(([id]) => id);
  return { present, valid: true, caSetIds };
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

let identityProviderPort = null;
if (settings.identityProvider !== undefined) {
  const provider = settings.identityProvider;
  identityProviderPort = await listen(https.createServer({ cert: provider.certPem, key: provider.keyPem }, (request, response) => {
    emit({ event: 'identity-provider', host: request.headers.host, path: request.url, headers: Object.keys(request.headers).sort() });
    if (request.url !== provider.path) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(provider.jwks));
  }));
  settings.resolve[provider.hostname] = identityProviderPort;
}

const httpPort = await listen(http.createServer(listener('HTTP')));
const caSetPems = Object.values(settings.caSets ?? {}).flat();
const httpsPort = await listen(https.createServer({
  cert: settings.edgeCertificate.certPem,
  key: settings.edgeCertificate.keyPem,
  ...(caSetPems.length > 0 ? { requestCert: true, rejectUnauthorized: false, ca: caSetPems } : {}),
}, listener('HTTPS')));
emit({ event: 'listening', http: httpPort, https: httpsPort, identityProvider: identityProviderPort });

createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  Object.assign(settings.clientCertificates ??= {}, message.clientCertificates ?? {});
  if (message.rules !== undefined) {
    rules = message.rules.rules;
  }
  if (message.identityProvider?.jwks !== undefined) {
    settings.identityProvider.jwks = message.identityProvider.jwks;
  }
  if (Number.isFinite(message.advanceClockSeconds)) {
    clockOffsetMs += message.advanceClockSeconds * 1000;
  }
  for (const [name, value] of Object.entries(message.variables ?? {})) {
    if (!variables.has(name)) {
      emit({ event: 'error', message: `variable ${name} is not declared in the rule tree` });
      continue;
    }
    variables.set(name, value);
  }
  emit({ event: 'variables' });
}).on('close', () => process.exit(0));
