// An RSA public key as SubjectPublicKeyInfo DER, built from a JWK's `n` and `e`, so the gateway imports JWKS keys
// with importKey('spki', ...): the format Akamai's own EdgeWorkers examples use for RSASSA-PKCS1-v1_5 keys with
// the built-in crypto module (akamai/edgeworkers-examples, delivery/common/jwt/examples/jwt-rs256/main.js), where
// no Akamai document shows 'jwk' import for RSA.
//
// SubjectPublicKeyInfo (RFC 5280 section 4.1) with the rsaEncryption algorithm (RFC 8017 appendix A.1,
// RFC 3279 section 2.3.1: parameters NULL):
//   SEQUENCE { SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }, BIT STRING { 0 unused bits,
//     RSAPublicKey ::= SEQUENCE { INTEGER modulus, INTEGER publicExponent } } }
// DER (X.690): definite lengths in the shortest form; INTEGERs are positive, minimal, with a leading 0x00 when
// their first byte has the high bit set.

const RSA_ENCRYPTION_ALGORITHM = Object.freeze([
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
]);

/**
 * The DER SubjectPublicKeyInfo of the RSA public key (modulus, exponent).
 * @param {Uint8Array} modulus big-endian unsigned bytes (the decoded JWK `n`)
 * @param {Uint8Array} exponent big-endian unsigned bytes (the decoded JWK `e`)
 * @returns {Uint8Array}
 */
export function rsaPublicKeySpki(modulus, exponent) {
  const rsaPublicKey = derElement(0x30, [...derInteger(modulus), ...derInteger(exponent)]);
  const bitString = derElement(0x03, [0x00, ...rsaPublicKey]);
  return Uint8Array.from(derElement(0x30, [...RSA_ENCRYPTION_ALGORITHM, ...bitString]));
}

function derInteger(bytes) {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) {
    start += 1;
  }
  const value = Array.from(bytes.subarray(start));
  return derElement(0x02, value[0] >= 0x80 ? [0x00, ...value] : value);
}

function derElement(tag, content) {
  return [tag, ...derLength(content.length), ...content];
}

function derLength(length) {
  if (length < 0x80) {
    return [length];
  }
  const bytes = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    bytes.unshift(rest % 256);
  }
  return [0x80 | bytes.length, ...bytes];
}
