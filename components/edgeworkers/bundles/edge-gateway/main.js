// Akamai EdgeWorker: the edge gateway.
// Verifies the bearer JWT, enriches the request with the versioned X-Edge-* headers, adds the
// origin secret header and routes to an origin group. The flow lives in lib/gateway.js.
//
// The bundle is self-contained: the C# bundler packs this whole directory (main.js, bundle.json,
// config-data.js, config.json and lib/). config-data.js is `export default <config.json>;`.
// If the configuration is invalid, every request is answered 500 (fail closed) and the problem
// is logged, instead of letting requests through without checks.

import { crypto } from 'crypto';
import { httpRequest } from 'http-request';
import { logger } from 'log';
import configData from './config-data.js';
import { readGatewayConfig } from './lib/config.js';
import { createEdgeGateway } from './lib/gateway.js';

let gateway = null;
let configProblem = null;
try {
  gateway = createEdgeGateway({
    config: readGatewayConfig(configData),
    subtle: crypto.subtle,
    httpRequest,
    logger,
  });
} catch (error) {
  configProblem = String(error?.message ?? error);
}

const FAIL_CLOSED_HEADERS = Object.freeze({
  'Content-Type': ['application/json'],
  'Cache-Control': ['no-store'],
});

function failClosed(request, logLine) {
  logger.log(logLine);
  request.respondWith(500, FAIL_CLOSED_HEADERS, JSON.stringify({ error: 'internal_error' }));
}

/**
 * EdgeWorkers event: runs for every client request before the cache lookup.
 * @param {object} request the EdgeWorkers request
 */
export async function onClientRequest(request) {
  if (gateway === null) {
    failClosed(request, `config_invalid ${configProblem.split('\n').join(' ')}`);
    return;
  }
  try {
    await gateway.handleClientRequest(request);
  } catch (error) {
    failClosed(request, `gateway_error ${error?.name ?? 'Error'}`);
  }
}
