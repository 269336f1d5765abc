import {
  type Actor,
  actorFromClaims,
  ClaimsSchema,
  type DevIssuer,
  unauthorized,
} from '@parcours/service-kit';
import { Value } from '@sinclair/typebox/value';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';

/** Who a token names, checked like the services check it (issuer, audience, signature, claims). */
export type TokenReader = (token: string) => Promise<{ actor: Actor; expiresAt: number }>;

export function tokenReader(options: {
  issuer: string;
  audience: string;
  keys: { jwksUrl: string } | { devIssuer: DevIssuer };
}): TokenReader {
  const keySet: JWTVerifyGetKey =
    'jwksUrl' in options.keys
      ? createRemoteJWKSet(new URL(options.keys.jwksUrl))
      : options.keys.devIssuer.keySet();
  return async (token) => {
    const { payload } = await jwtVerify(token, keySet, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ['ES256', 'RS256', 'EdDSA'],
      requiredClaims: ['exp', 'sub'],
    });
    // jwtVerify required `exp`.
    const expiresAt = (payload.exp as number) * 1000;
    if (!Value.Check(ClaimsSchema, payload)) {
      throw unauthorized(
        'token_claims_invalid',
        'The identity provider gave no Parcours roles for this account',
      );
    }
    return { actor: actorFromClaims(payload), expiresAt };
  };
}
