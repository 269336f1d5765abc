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
  // `system:` names the services' own identities (serviceActor): no token may claim one.
  sub: Type.String({ minLength: 1, maxLength: 255, pattern: '^(?!system:)' }),
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

/**
 * A service acting on its own (a consumer routing intakes, a scheduler firing deadlines): named
 * `system:<name>` in events, logs and access logs, with no human role and only the rights (the
 * commands or actions) it needs. Access rules grant a service identity exactly its rights.
 */
export interface ServiceActor<Right extends string = string> {
  readonly id: `system:${string}`;
  readonly name: string;
  readonly roles: readonly [];
  readonly rights: readonly Right[];
}

const serviceName = /^[a-z][a-z0-9-]*$/;

export function serviceActor<const Right extends string>(
  name: string,
  rights: readonly Right[],
): ServiceActor<Right> {
  if (!serviceName.test(name))
    throw new Error(`service identity ${name}: lowercase letters, digits and dashes`);
  return Object.freeze({
    id: `system:${name}` as const,
    name,
    roles: [] as const,
    rights: Object.freeze([...rights]),
  });
}

export function isServiceActor(actor: { id: string }): actor is ServiceActor {
  return actor.id.startsWith('system:') && 'rights' in actor;
}
