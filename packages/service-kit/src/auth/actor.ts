import { type Static, Type } from '@sinclair/typebox';

export const roles = [
  'helpline',
  'caseworker',
  'mediator',
  'office-manager',
  'association-manager',
  'federation-analyst',
  'auditor',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export const RoleSchema = Type.Union(roles.map((role) => Type.Literal(role)));

/** The claims a Parcours token must carry (besides iss, aud, exp). */
export const ClaimsSchema = Type.Object({
  sub: Type.String({ minLength: 1, maxLength: 255 }),
  name: Type.String({ minLength: 1, maxLength: 255 }),
  roles: Type.Array(RoleSchema, { minItems: 1 }),
  /** Absent for national roles (helpline platform, federation analyst, national auditor, admin). */
  association: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  office: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export type Claims = Static<typeof ClaimsSchema>;

/** Who is acting: taken from a verified token only. */
export interface Actor {
  id: string;
  name: string;
  roles: Role[];
  association?: string;
  office?: string;
}

export function actorFromClaims(claims: Claims): Actor {
  return {
    id: claims.sub,
    name: claims.name,
    roles: [...claims.roles],
    ...(claims.association ? { association: claims.association } : {}),
    ...(claims.office ? { office: claims.office } : {}),
  };
}
