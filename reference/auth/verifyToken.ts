import { decodeJwt, errors, jwtVerify } from 'jose';
import type { ChoiceSet } from '../choices.js';
import { HttpError, unauthorized } from '../errors.js';
import type { FaultSwitch } from '../faults.js';
import type { KeySource } from './keySource.js';
import { verifyWithEmbeddedKey, verifyWithPublicKeyAsSecret } from './keyConfusion.js';
import { principalFromClaims, type Principal } from './principal.js';

export interface TokenVerifierConfig {
  readonly keys: KeySource;
  readonly issuer: string;
  readonly audiences: readonly string[];
  /** Seeded defects of the verifier (reference/faults.ts); none when absent. */
  readonly faults?: FaultSwitch;
  /** The sides taken on open points (reference/choices.ts): which claims are checked at all. */
  readonly choices?: ChoiceSet;
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

/**
 * Checks `Authorization: Bearer <JWT>`: RS256 only, signature against the trusted JWKS, `exp` required and not
 * passed, `nbf` (when present) reached, `iss` and `aud` as configured. Every rejection is a 401 naming the reason
 * (decisions #8); the only other outcome is a 503 when a remote JWKS cannot be fetched.
 */
export function tokenVerifier(config: TokenVerifierConfig): TokenVerifier {
  return async (authorization) => {
    const token = bearerToken(authorization);
    const choices = config.choices;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, config.keys.getKey, {
        algorithms: ['RS256'],
        ...(choices?.isOn('no-issuer-check') ? {} : { issuer: config.issuer }),
        ...(choices?.isOn('no-audience-check') ? {} : { audience: [...config.audiences] }),
        requiredClaims: config.faults?.isOn('no-exp-accepted') || choices?.isOn('exp-optional') ? [] : ['exp'],
        clockTolerance: config.faults?.isOn('exp-leeway-10-minutes') ? 600 : choices?.isOn('clock-leeway-60s') ? 60 : 0,
      }));
    } catch (error) {
      // `no-nbf-check`: jose checks nbf after the signature, iss and aud and before exp, so only exp is left.
      if (choices?.isOn('no-nbf-check') && isClaimError(error, 'nbf')) return acceptUnlessExpired(token);
      const faults = config.faults;
      if (faults?.isOn('expired-token-accepted') && error instanceof errors.JWTExpired) return acceptAnyway(token);
      if (faults?.isOn('wrong-audience-accepted') && isClaimError(error, 'aud')) return acceptAnyway(token);
      if (faults?.isOn('forged-signature-accepted') && error instanceof errors.JWSSignatureVerificationFailed)
        return acceptAnyway(token);
      if (faults?.isOn('alg-none-accepted') && error instanceof errors.JOSEAlgNotAllowed) return acceptAnyway(token);
      if (faults?.isOn('hmac-public-key-accepted') && error instanceof errors.JOSEAlgNotAllowed) {
        const confused = await verifyWithPublicKeyAsSecret(token, config.keys, config).catch(() => null);
        if (confused) return principalFromClaims(confused);
      }
      if (faults?.isOn('embedded-jwk-trusted') && error instanceof errors.JWSSignatureVerificationFailed) {
        const embedded = await verifyWithEmbeddedKey(token, config).catch(() => null);
        if (embedded) return principalFromClaims(embedded);
      }
      throw rejection(error, config);
    }
    return principalFromClaims(payload, config.faults);
  };
}

/** What the verifier faults do: take the claims without the check that failed. */
function acceptAnyway(token: string): Principal {
  return principalFromClaims(decodeJwt(token));
}

function acceptUnlessExpired(token: string): Principal {
  const claims = decodeJwt(token);
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) throw unauthorized('the token has expired');
  return principalFromClaims(claims);
}

function isClaimError(error: unknown, claim: string): boolean {
  return error instanceof errors.JWTClaimValidationFailed && error.claim === claim;
}

function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === '') {
    throw unauthorized('no bearer token: send Authorization: Bearer <JWT>');
  }
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw unauthorized('the Authorization header is not of the form "Bearer <JWT>"');
  return match[1];
}

function rejection(error: unknown, config: TokenVerifierConfig): HttpError {
  if (error instanceof errors.JWTExpired) return unauthorized('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthorized(`the token's '${error.claim}' claim is not accepted: ${error.message}`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return unauthorized('the token is not signed with RS256');
  if (error instanceof errors.JWSSignatureVerificationFailed) return unauthorized('the token signature is not valid');
  if (error instanceof errors.JWKSNoMatchingKey) return unauthorized('no trusted key matches the token');
  if (
    config.keys.remote &&
    (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError))
  ) {
    return new HttpError(503, [`cannot fetch the trusted keys (${config.keys.description})`]);
  }
  if (error instanceof errors.JOSEError) return unauthorized(`the token is malformed: ${error.message}`);
  // jose reports some garbage inputs (bad base64 in odd places) as TypeError; still the caller's fault.
  return unauthorized('the token is malformed');
}
