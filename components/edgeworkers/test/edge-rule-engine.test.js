// The rehearsal's edge stand-in must model the rule tree as Property Manager documents it, and refuse what it
// does not model rather than guess.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyHeaderModifications, applyVariableAssignments, matchBehaviors, methodAllowed } from '../test-support/edge-rule-engine.js';

const tree = {
  name: 'default',
  behaviors: [
    { name: 'origin', options: { hostname: 'default.example.net' } },
    { name: 'edgeWorker', options: { enabled: true } },
    { name: 'modifyOutgoingRequestHeader', options: { action: 'ADD', customHeaderName: 'X-Origin-Auth', headerValue: '{{user.PMUSER_SECRET}}' } },
    { name: 'allowPost', options: { enabled: true } },
  ],
  children: [
    {
      name: 'Redirect HTTP to HTTPS',
      criteria: [{ name: 'requestProtocol', options: { value: 'HTTP' } }],
      behaviors: [{ name: 'redirect', options: { responseCode: 301 } }],
    },
    {
      name: 'Relay',
      criteria: [{ name: 'path', options: { matchOperator: 'MATCHES_ONE_OF', values: ['/keys/*.json'], matchCaseSensitive: true } }],
      behaviors: [
        { name: 'edgeWorker', options: { enabled: false } },
        { name: 'origin', options: { hostname: 'idp.example.com' } },
        { name: 'modifyOutgoingRequestHeader', options: { action: 'DELETE', customHeaderName: 'X-Origin-Auth' } },
      ],
    },
    {
      name: 'Conditional origins',
      children: [{ name: 'Origin eu', criteria: [{ name: 'cloudletsOrigin', options: { originId: 'origin_eu' } }], behaviors: [{ name: 'origin', options: { hostname: 'eu.example.net' } }] }],
    },
  ],
};

test('a later rule overrides single-valued behaviors and header modifications accumulate in order', () => {
  const matched = matchBehaviors(tree, { protocol: 'HTTPS', path: '/keys/a.json' });
  assert.equal(matched.single.get('origin').hostname, 'idp.example.com');
  assert.equal(matched.single.get('edgeWorker').enabled, false);
  assert.deepEqual(matched.headerModifications.map((m) => m.action), ['ADD', 'DELETE']);
  assert.equal(matched.single.has('redirect'), false);
});

test('path wildcards and case sensitivity follow the criterion options', () => {
  assert.equal(matchBehaviors(tree, { protocol: 'HTTPS', path: '/KEYS/a.json' }).single.get('origin').hostname, 'default.example.net');
  assert.equal(matchBehaviors(tree, { protocol: 'HTTPS', path: '/keys/sub/a.json' }).single.get('origin').hostname, 'idp.example.com');
  assert.equal(matchBehaviors(tree, { protocol: 'HTTPS', path: '/keys/a.jsonx' }).single.get('origin').hostname, 'default.example.net');
});

test('a conditional origin applies only to the origin id an EdgeWorker routed to', () => {
  assert.equal(matchBehaviors(tree, { protocol: 'HTTPS', path: '/' }).single.get('origin').hostname, 'default.example.net');
  assert.equal(matchBehaviors(tree, { protocol: 'HTTPS', path: '/', originId: 'origin_eu' }).single.get('origin').hostname, 'eu.example.net');
  assert.equal(matchBehaviors(tree, { protocol: 'HTTP', path: '/' }).single.get('redirect').responseCode, 301);
});

test('behaviors and criteria the stand-in does not model fail instead of being skipped', () => {
  assert.throws(() => matchBehaviors({ name: 'default', behaviors: [{ name: 'imageManager', options: {} }] }, { protocol: 'HTTPS', path: '/' }), /does not model behavior 'imageManager'/);
  assert.throws(() => matchBehaviors({ name: 'default', children: [{ name: 'x', criteria: [{ name: 'userLocation', options: {} }] }] }, { protocol: 'HTTPS', path: '/' }), /does not model criterion 'userLocation'/);
});

test('only GET, HEAD and explicitly allowed methods get through', () => {
  const { single } = matchBehaviors(tree, { protocol: 'HTTPS', path: '/' });
  assert.equal(methodAllowed('GET', single), true);
  assert.equal(methodAllowed('HEAD', single), true);
  assert.equal(methodAllowed('POST', single), true);
  assert.equal(methodAllowed('PUT', single), false);
  assert.equal(methodAllowed('TRACE', single), false);
});

test('header modifications substitute declared variables and refuse undeclared ones', () => {
  const headers = new Map([['x-origin-auth', ['from-client']]]);
  const { headerModifications } = matchBehaviors(tree, { protocol: 'HTTPS', path: '/' });
  applyHeaderModifications(headers, [{ action: 'DELETE', customHeaderName: 'X-Origin-Auth' }, ...headerModifications], new Map([['PMUSER_SECRET', 's3cret']]));
  assert.deepEqual(headers.get('x-origin-auth'), ['s3cret']);
  assert.throws(() => applyHeaderModifications(new Map(), headerModifications, new Map()), /PMUSER_SECRET is not declared/);
});

test('client certificate rules match only a present, valid certificate on the listed hosts, and set literal variables', () => {
  const mtls = {
    name: 'default',
    children: [
      {
        name: 'verified',
        criteria: [{ name: 'clientCertificate', options: { isCertificatePresent: true, isCertificateValid: 'VALID', enforceMtls: false } }],
        behaviors: [{ name: 'setVariable', options: { variableName: 'PMUSER_VERIFIED', valueSource: 'EXPRESSION', variableValue: 'true', transform: 'NONE' } }],
      },
      {
        name: 'required',
        criteria: [{ name: 'hostname', options: { matchOperator: 'IS_ONE_OF', values: ['api.example.com'] } }],
        behaviors: [{ name: 'enforceMtlsSettings', options: { enableAuthSet: true, enableDenyRequest: true, certificateAuthoritySet: ['1'] } }],
      },
    ],
  };
  const valid = matchBehaviors(mtls, { protocol: 'HTTPS', path: '/', host: 'API.example.com', clientCertificate: { present: true, valid: true } });
  assert.equal(valid.variableAssignments.length, 1);
  assert.equal(valid.single.has('enforceMtlsSettings'), true);
  const invalid = matchBehaviors(mtls, { protocol: 'HTTPS', path: '/', host: 'other.example.com', clientCertificate: { present: true, valid: false } });
  assert.equal(invalid.variableAssignments.length, 0);
  assert.equal(invalid.single.has('enforceMtlsSettings'), false);
  const variables = new Map([['PMUSER_VERIFIED', 'false']]);
  applyVariableAssignments(variables, valid.variableAssignments);
  assert.equal(variables.get('PMUSER_VERIFIED'), 'true');
  assert.throws(() => applyVariableAssignments(variables, [{ variableName: 'PMUSER_VERIFIED', valueSource: 'EXPRESSION', variableValue: '{{builtin.AK_HOST}}' }]), /only setVariable with a literal/);
  assert.throws(() => applyVariableAssignments(new Map(), valid.variableAssignments), /PMUSER_VERIFIED is not declared/);
});
