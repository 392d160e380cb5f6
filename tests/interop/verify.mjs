// Verifies an ExecGov credential with jose alone, as an independent verifier in another language would:
// the key comes from the issuer's public JWKS (selected by kid), the algorithm is pinned to EdDSA and the
// token type to execgov-credential+jwt (RFC 8725 §3.1, §3.11).
//
// Input:  { "token": "...", "jwks": { "keys": [...] }, "issuer": "...", "audience": "...", "currentDate": <unix seconds> }
// Output: { "verified": true, "protectedHeader": {...}, "payload": {...}, "thumbprints": [...] }
//      or { "verified": false, "code": "ERR_...", "message": "...", "thumbprints": [...] }
// "thumbprints" are jose's RFC 7638 thumbprints of the JWKS keys, in order.
import { calculateJwkThumbprint, createLocalJWKSet, errors, jwtVerify } from 'jose';
import { readInput, writeOutput } from './io.mjs';

const input = await readInput();
const thumbprints = await Promise.all(input.jwks.keys.map((jwk) => calculateJwkThumbprint(jwk, 'sha256')));
const keySet = createLocalJWKSet(input.jwks);

try {
  const { payload, protectedHeader } = await jwtVerify(input.token, keySet, {
    algorithms: ['EdDSA'],
    typ: 'execgov-credential+jwt',
    issuer: input.issuer,
    audience: input.audience,
    currentDate: new Date(input.currentDate * 1000),
    requiredClaims: ['iss', 'sub', 'aud', 'iat', 'nbf', 'exp', 'jti', 'sid', 'cnf', 'authorization_details', 'authoriser'],
  });
  writeOutput({ verified: true, protectedHeader, payload, thumbprints });
} catch (error) {
  if (!(error instanceof errors.JOSEError)) {
    throw error;
  }

  writeOutput({ verified: false, code: error.code, message: error.message, thumbprints });
}
