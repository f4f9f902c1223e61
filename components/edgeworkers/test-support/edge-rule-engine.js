// A LOCAL STAND-IN for what an Akamai edge server does with a property's rule tree, for the request-path
// rehearsal. It models only the criteria and behaviors EdgeInfra's properties use, as Property Manager
// documents them, and refuses any other: a rule tree it cannot model makes the rehearsal fail instead of
// passing on a guess.
//
// - Rules are evaluated top-down: a rule's behaviors apply when its criteria match ("all" or "any"), then its
//   children in order. A later instance of a single-valued behavior overrides an earlier one; header
//   modifications accumulate in order.
// - `cloudletsOrigin` criteria match only the origin id an EdgeWorker chose with request.route({ origin }),
//   so the tree is evaluated again after the EdgeWorker ran.
// - Caching: edge-server.js models MAX_AGE for GET 200 answers and NO_STORE; Origin IP ACL, Site Shield, CP codes, DataStream and
//   HSTS only set what a client can observe.

/** Behaviors of which only the last matching instance counts. */
const SINGLE_VALUED = new Set([
  'origin', 'edgeWorker', 'redirect', 'rewriteUrl', 'caching', 'cpCode', 'originIpAcl', 'siteShield',
  'httpStrictTransportSecurity', 'datastream', 'allowCloudletsOrigins', 'mtlsOriginKeystore', 'enforceMtlsSettings',
  'allowPost', 'allowPut', 'allowPatch', 'allowDelete', 'allowOptions',
]);

/** Behaviors that accumulate, in rule order. */
const ACCUMULATING = new Set(['modifyOutgoingRequestHeader', 'setVariable']);

/** Methods that need an allow behavior; GET and HEAD need none. */
const METHOD_BEHAVIORS = Object.freeze({
  POST: 'allowPost', PUT: 'allowPut', PATCH: 'allowPatch', DELETE: 'allowDelete', OPTIONS: 'allowOptions',
});

/**
 * The behaviors that apply to a request.
 * @param {object} rules the rule tree's `rules` object (the default rule)
 * @param {{ protocol: 'HTTP' | 'HTTPS', path: string, host?: string, originId?: string,
 *   clientCertificate?: { present: boolean, valid: boolean } }} request
 * @returns {{ single: Map<string, object>, headerModifications: object[], variableAssignments: object[] }}
 */
export function matchBehaviors(rules, request) {
  const single = new Map();
  const headerModifications = [];
  const variableAssignments = [];
  const visit = (rule) => {
    if (!criteriaMatch(rule, request)) {
      return;
    }
    for (const behavior of rule.behaviors ?? []) {
      if (SINGLE_VALUED.has(behavior.name)) {
        single.set(behavior.name, behavior.options ?? {});
      } else if (behavior.name === 'setVariable') {
        variableAssignments.push(behavior.options ?? {});
      } else if (ACCUMULATING.has(behavior.name)) {
        headerModifications.push(behavior.options ?? {});
      } else {
        throw new Error(`the edge stand-in does not model behavior '${behavior.name}' (rule '${rule.name}')`);
      }
    }
    for (const child of rule.children ?? []) {
      visit(child);
    }
  };
  visit(rules);
  return { single, headerModifications, variableAssignments };
}

function criteriaMatch(rule, request) {
  const criteria = rule.criteria ?? [];
  if (criteria.length === 0) {
    return true;
  }
  const results = criteria.map((criterion) => criterionMatches(criterion, request));
  return rule.criteriaMustSatisfy === 'any' ? results.some(Boolean) : results.every(Boolean);
}

function criterionMatches(criterion, request) {
  const options = criterion.options ?? {};
  switch (criterion.name) {
    case 'requestProtocol':
      return options.value === request.protocol;
    case 'path': {
      const matched = (options.values ?? []).some((pattern) => wildcardMatches(pattern, request.path, options.matchCaseSensitive === true));
      return options.matchOperator === 'DOES_NOT_MATCH_ONE_OF' ? !matched : matched;
    }
    case 'cloudletsOrigin':
      return request.originId !== undefined && options.originId === request.originId;
    case 'hostname': {
      const matched = (options.values ?? []).some((pattern) => wildcardMatches(pattern, request.host ?? '', false));
      return options.matchOperator === 'IS_NOT_ONE_OF' ? !matched : matched;
    }
    case 'clientCertificate': {
      const certificate = request.clientCertificate ?? { present: false, valid: false };
      if (options.isCertificatePresent !== true || options.enforceMtls === true) {
        throw new Error('the edge stand-in models the clientCertificate criterion only for a present certificate, without enforceMtls');
      }
      const validity = { VALID: certificate.valid, INVALID: !certificate.valid, IGNORE: true }[options.isCertificateValid];
      return certificate.present && validity === true;
    }
    default:
      throw new Error(`the edge stand-in does not model criterion '${criterion.name}'`);
  }
}

/** Property Manager's path wildcards: `*` any run of characters, `?` one character. */
function wildcardMatches(pattern, value, caseSensitive) {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, caseSensitive ? '' : 'i').test(value);
}

/**
 * Applies setVariable behaviors with a literal expression (the only kind the stand-in models) to the variables.
 */
export function applyVariableAssignments(variables, assignments) {
  for (const assignment of assignments) {
    if (assignment.valueSource !== 'EXPRESSION' || /\{\{/.test(String(assignment.variableValue)) || (assignment.transform ?? 'NONE') !== 'NONE') {
      throw new Error('the edge stand-in models only setVariable with a literal EXPRESSION and no transform');
    }
    if (!variables.has(assignment.variableName)) {
      throw new Error(`variable ${assignment.variableName} is not declared in the rule tree`);
    }
    variables.set(assignment.variableName, String(assignment.variableValue));
  }
}

/**
 * Whether the request method gets through the edge: GET and HEAD always, others with their enabled behavior
 * (else the edge answers 501).
 */
export function methodAllowed(method, single) {
  const behavior = METHOD_BEHAVIORS[method];
  if (method === 'GET' || method === 'HEAD') {
    return true;
  }
  return behavior !== undefined && single.get(behavior)?.enabled === true;
}

/**
 * Applies the header modifications to the outgoing headers (a Map of lower-case name to values).
 * `{{user.PMUSER_X}}` in a value is the variable's value.
 */
export function applyHeaderModifications(headers, modifications, variables) {
  for (const modification of modifications) {
    const name = (modification.customHeaderName ?? '').toLowerCase();
    if (name === '') {
      throw new Error('the edge stand-in models only custom header names in modifyOutgoingRequestHeader');
    }
    const value = () => String(modification.headerValue ?? '').replace(/\{\{user\.(PMUSER_[A-Z0-9_]+)\}\}/g, (_, variable) => {
      if (!variables.has(variable)) {
        throw new Error(`variable ${variable} is not declared in the rule tree`);
      }
      return variables.get(variable);
    });
    switch (modification.action) {
      case 'ADD':
        headers.set(name, [...(modification.avoidDuplicateHeaders === true ? [] : headers.get(name) ?? []), value()]);
        break;
      case 'MODIFY':
        headers.set(name, [value()]);
        break;
      case 'DELETE':
        headers.delete(name);
        break;
      default:
        throw new Error(`the edge stand-in does not model modifyOutgoingRequestHeader action '${modification.action}'`);
    }
  }
}
