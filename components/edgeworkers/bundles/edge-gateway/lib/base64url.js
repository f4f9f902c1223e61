// Strict base64url decoding (RFC 4648 section 5, no padding), as used by JWS compact serialization.
// Pure JavaScript so that it behaves the same in the EdgeWorkers runtime and in Node.js tests.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes unpadded base64url text into bytes.
 * Returns null when the text is not canonical base64url: a character outside the alphabet,
 * padding, an impossible length, or non-zero trailing bits.
 * @param {string} text
 * @returns {Uint8Array | null}
 */
export function decodeBase64Url(text) {
  if (typeof text !== 'string' || !BASE64URL_TEXT.test(text) || text.length % 4 === 1) {
    return null;
  }
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bufferedBits = 0;
  let written = 0;
  for (let index = 0; index < text.length; index += 1) {
    buffer = (buffer << 6) | ALPHABET.indexOf(text[index]);
    bufferedBits += 6;
    if (bufferedBits >= 8) {
      bufferedBits -= 8;
      bytes[written] = (buffer >> bufferedBits) & 0xff;
      written += 1;
      buffer &= (1 << bufferedBits) - 1;
    }
  }
  if (buffer !== 0) {
    return null;
  }
  return bytes;
}
