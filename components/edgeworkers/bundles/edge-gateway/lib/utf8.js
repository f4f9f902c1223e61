// UTF-8 conversions built on encodeURIComponent/decodeURIComponent, which exist in every
// JavaScript runtime (the EdgeWorkers TextEncoder/TextDecoder live in the 'encoding' module).

/**
 * Encodes text as UTF-8 bytes. Throws URIError for lone surrogates.
 * @param {string} text
 * @returns {Uint8Array}
 */
export function encodeUtf8(text) {
  const escaped = encodeURIComponent(text);
  const bytes = [];
  for (let index = 0; index < escaped.length; index += 1) {
    if (escaped[index] === '%') {
      bytes.push(parseInt(escaped.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(escaped.charCodeAt(index));
    }
  }
  return Uint8Array.from(bytes);
}

/**
 * Decodes UTF-8 bytes into text.
 * Returns null when the bytes are not valid UTF-8 (decodeURIComponent rejects invalid sequences).
 * @param {Uint8Array} bytes
 * @returns {string | null}
 */
export function decodeUtf8(bytes) {
  let escaped = '';
  for (const byte of bytes) {
    escaped += (byte < 16 ? '%0' : '%') + byte.toString(16);
  }
  try {
    return decodeURIComponent(escaped);
  } catch {
    return null;
  }
}
