import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { decodeBase64Url } from '../bundles/edge-gateway/lib/base64url.js';
import { decodeUtf8, encodeUtf8 } from '../bundles/edge-gateway/lib/utf8.js';
import { encodeHeaderValue, MAX_HEADER_VALUE_LENGTH } from '../bundles/edge-gateway/lib/header-value.js';

test('base64url decoding matches Node for random bytes of every length 0..64', () => {
  for (let length = 0; length <= 64; length += 1) {
    const bytes = randomBytes(length);
    assert.deepEqual(decodeBase64Url(bytes.toString('base64url')), new Uint8Array(bytes));
  }
});

test('base64url decoding rejects padding, foreign characters, bad lengths and non-canonical tails', () => {
  for (const text of ['QQ==', 'QQ+', 'Q/', 'a b', 'A', 'QR', 'QUJ', null, 42]) {
    assert.equal(decodeBase64Url(text), null, String(text));
  }
  assert.deepEqual(decodeBase64Url('QQ'), new Uint8Array([0x41]));
  assert.deepEqual(decodeBase64Url('QUI'), new Uint8Array([0x41, 0x42]));
});

test('UTF-8 round trip and rejection of invalid sequences', () => {
  const text = 'Grüße, 東京 🚀';
  assert.deepEqual(encodeUtf8(text), new Uint8Array(Buffer.from(text, 'utf8')));
  assert.equal(decodeUtf8(encodeUtf8(text)), text);
  for (const invalid of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
    assert.equal(decodeUtf8(new Uint8Array(invalid)), null, invalid.join(','));
  }
});

test('header values: printable ASCII kept, % and everything else percent-encoded as UTF-8', () => {
  assert.equal(encodeHeaderValue('alice@example.com'), 'alice@example.com');
  assert.equal(encodeHeaderValue('50% off'), '50%25 off');
  assert.equal(encodeHeaderValue('José'), 'Jos%C3%A9');
  assert.equal(encodeHeaderValue('a\r\nX-Injected: 1'), 'a%0D%0AX-Injected: 1');
  assert.equal(encodeHeaderValue('tab\there'), 'tab%09here');
  assert.equal(decodeURIComponent(encodeHeaderValue('Grüße %41 東京')), 'Grüße %41 東京');
});

test('header values: empty, too long or lone surrogates are left out', () => {
  assert.equal(encodeHeaderValue(''), null);
  assert.equal(encodeHeaderValue('x'.repeat(MAX_HEADER_VALUE_LENGTH)), 'x'.repeat(MAX_HEADER_VALUE_LENGTH));
  assert.equal(encodeHeaderValue('x'.repeat(MAX_HEADER_VALUE_LENGTH + 1)), null);
  assert.equal(encodeHeaderValue('bad\ud800'), null);
});
