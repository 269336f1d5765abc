import { Topics } from '@parcours/contracts';
import { baseConfigProperties, CommaList } from '@parcours/service-kit';
import { type StaticDecode, Type } from '@sinclair/typebox';

const { DATABASE_URL: _noDatabase, ...base } = baseConfigProperties;
const Url = Type.String({ pattern: '^https?://' });

/**
 * The web BFF's configuration: the kit's base variables (it owns no database), where the services
 * are, how people sign in, and which integration topics feed the live updates.
 */
export const webConfigSchema = Type.Object({
  ...base,
  /** The address people open: its scheme decides whether the session cookie is Secure. */
  PUBLIC_URL: Url,
  INTAKE_URL: Url,
  REFERRAL_URL: Url,
  FOLLOW_UP_URL: { ...Url, default: 'http://127.0.0.1:3003' },
  MEDIATION_URL: { ...Url, default: 'http://127.0.0.1:3004' },
  PROJECTIONS_URL: { ...Url, default: 'http://127.0.0.1:3005' },
  /** The built single-page application (vite build's output). */
  STATIC_DIR: Type.Optional(Type.String({ minLength: 1 })),
  /** A signed-in session lasts a working day; the user signs in again after it. */
  SESSION_TTL_SECONDS: Type.Integer({ minimum: 300, maximum: 86_400, default: 36_000 }),
  /** Production sign-in: an OpenID Connect provider (authorization code + PKCE). */
  OIDC_ISSUER_URL: Type.Optional(Url),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_SCOPES: Type.String({ minLength: 1, default: 'openid profile offline_access' }),
  /** Development and tests only: an identity provider on plain http (a local one). */
  OIDC_ALLOW_HTTP: Type.Boolean({ default: false }),
  /** Integration topics relayed to the browsers as live updates. */
  LIVE_TOPICS: { ...CommaList(), default: `${Topics.referral},${Topics.intake}` },
  /** One group for every BFF instance: each event is read once, then fanned out through Redis. */
  LIVE_CONSUMER_GROUP: Type.String({ minLength: 1, default: 'web-live' }),
  LIVE_CHANNEL: Type.String({ minLength: 1, default: 'parcours:web:live' }),
});
export type WebConfig = StaticDecode<typeof webConfigSchema>;
