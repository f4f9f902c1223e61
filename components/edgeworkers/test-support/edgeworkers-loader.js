// Module resolution hook (registered with register() from node:module) that maps the EdgeWorkers
// built-in module specifiers, when imported from the bundle, to the local stand-in.
// For the fail-closed test, main.js imported as `main.js?config=invalid` gets an invalid config.

const BUILT_IN_MODULES = new Set(['crypto', 'http-request', 'log', 'create-response']);
const STUB_URL = new URL('./edgeworkers-stub.js', import.meta.url).href;
const INVALID_CONFIG_URL = new URL('./invalid-config-data.js', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const parentURL = context.parentURL ?? '';
  if (BUILT_IN_MODULES.has(specifier) && parentURL.includes('/bundles/')) {
    return { url: STUB_URL, shortCircuit: true };
  }
  if (specifier === './config-data.js' && parentURL.endsWith('?config=invalid')) {
    return { url: INVALID_CONFIG_URL, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
