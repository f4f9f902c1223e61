// The HS256 key from the text of its property variable. Property variables hold text, and a key is bytes: the
// JOSE RFCs' examples use random binary keys (RFC 7515 appendix A.1 gives one as a JWK `k`, base64url), which
// have no UTF-8 text form. `jwt.hmacKeyEncoding` says how the text gives the bytes:
//   "utf8"       the text's UTF-8 bytes (the default, and the only form before bundle 1.3.0)
//   "base64url"  RFC 4648 section 5 without padding, canonical (as a JWK `k` value)
//   "hex"        an even number of hex digits, either case
// Text that does not decode is treated like a missing key: the gateway answers 503, a server fault.

import { decodeBase64Url } from './base64url.js';
import { encodeUtf8 } from './utf8.js';

/** The encodings `jwt.hmacKeyEncoding` accepts. */
export const HMAC_KEY_ENCODINGS = Object.freeze(['utf8', 'base64url', 'hex']);

/** The encoding used when `jwt.hmacKeyEncoding` is absent. */
export const DEFAULT_HMAC_KEY_ENCODING = 'utf8';

const HEX_TEXT = /^(?:[0-9A-Fa-f]{2})+$/;

/**
 * Decodes the variable's text into key bytes.
 * @param {string | null | undefined} text the property variable's value
 * @param {'utf8' | 'base64url' | 'hex'} encoding
 * @returns {Uint8Array | null} the key bytes, or null when there is no text or it does not decode
 */
export function decodeHmacKey(text, encoding) {
  if (typeof text !== 'string' || text.length === 0) {
    return null;
  }
  if (encoding === 'base64url') {
    return decodeBase64Url(text);
  }
  if (encoding === 'hex') {
    if (!HEX_TEXT.test(text)) {
      return null;
    }
    const bytes = new Uint8Array(text.length / 2);
    for (let index = 0; index < bytes.length; index += 1) {
      bytes[index] = parseInt(text.slice(index * 2, index * 2 + 2), 16);
    }
    return bytes;
  }
  try {
    return encodeUtf8(text);
  } catch {
    return null;
  }
}
