// Encoding of claim values into HTTP header values (part of the edge header schema, version 1).
//
// Printable ASCII (0x20-0x7E) is kept as is, except '%'. Every other character, and '%', is
// written as the percent-encoded bytes of its UTF-8 form ('%' becomes '%25', 'é' becomes '%C3%A9').
// The origin decodes a value with ordinary percent-decoding. CR, LF and other control characters
// therefore never reach a header.

/** Longest header value (after encoding) the edge forwards; longer values are left out. */
export const MAX_HEADER_VALUE_LENGTH = 4096;

/**
 * Encodes text for a header value, or returns null when the encoded value is empty, too long,
 * or the text holds a lone UTF-16 surrogate (which has no UTF-8 form).
 * @param {string} text
 * @returns {string | null}
 */
export function encodeHeaderValue(text) {
  let encoded = '';
  for (const character of text) {
    const code = character.codePointAt(0);
    if (code >= 0x20 && code <= 0x7e && character !== '%') {
      encoded += character;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      return null;
    } else {
      encoded += encodeURIComponent(character);
    }
  }
  return encoded.length === 0 || encoded.length > MAX_HEADER_VALUE_LENGTH ? null : encoded;
}
