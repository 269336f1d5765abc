import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  SignJWT,
} from 'jose';
import type { Claims } from './actor.ts';

export type DevUser = Claims;

/** One user per role, plus a caseworker of a second association for cross-association checks. */
export const devUsers = {
  helpline: { sub: 'dev-helpline', name: 'Hélène Listener', roles: ['helpline'] },
  caseworker: {
    sub: 'dev-caseworker',
    name: 'Camille Jurist',
    roles: ['caseworker'],
    association: 'asso-75',
    office: 'office-75-bav',
  },
  mediator: { sub: 'dev-mediator', name: 'Marc Mediator', roles: ['mediator'], association: 'asso-75' },
  'office-manager': {
    sub: 'dev-office-manager',
    name: 'Odile Office',
    roles: ['office-manager'],
    association: 'asso-75',
    office: 'office-75-bav',
  },
  'association-manager': {
    sub: 'dev-association-manager',
    name: 'Alain Director',
    roles: ['association-manager'],
    association: 'asso-75',
  },
  'federation-analyst': {
    sub: 'dev-federation-analyst',
    name: 'Fanny Analyst',
    roles: ['federation-analyst'],
  },
  auditor: { sub: 'dev-auditor', name: 'Denis DPO', roles: ['auditor'], association: 'asso-75' },
  admin: { sub: 'dev-admin', name: 'Ada Admin', roles: ['admin'] },
  'caseworker-69': {
    sub: 'dev-caseworker-69',
    name: 'Louise Lyon',
    roles: ['caseworker'],
    association: 'asso-69',
    office: 'office-69-lyon',
  },
} as const satisfies Record<string, DevUser>;
export type DevUserName = keyof typeof devUsers;

export const DEV_ISSUER = 'parcours-dev-issuer';
export const DEV_AUDIENCE = 'parcours';
const ALG = 'ES256';
type SigningKey = Awaited<ReturnType<typeof importJWK>>;

export interface DevIssuerOptions {
  issuer?: string;
  audience?: string;
  /** A private ES256 JWK to reuse (so tokens survive restarts); a fresh pair is generated otherwise. */
  privateJwk?: JWK;
}

export interface SignOptions {
  /** jose time span ('15m', '1h') or seconds from now; negative values make expired tokens for tests. */
  expiresIn?: string | number;
  audience?: string;
  issuer?: string;
}

/**
 * The local token issuer for development and tests: an ES256 key pair and a directory of users.
 * Never enabled in production: services trust it only with AUTH_DEV_ISSUER=true.
 */
export class DevIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly #privateKey: SigningKey;
  readonly #publicJwk: JWK;
  readonly #privateJwk: JWK;

  private constructor(
    issuer: string,
    audience: string,
    privateKey: SigningKey,
    publicJwk: JWK,
    privateJwk: JWK,
  ) {
    this.issuer = issuer;
    this.audience = audience;
    this.#privateKey = privateKey;
    this.#publicJwk = publicJwk;
    this.#privateJwk = privateJwk;
  }

  static async create(options: DevIssuerOptions = {}): Promise<DevIssuer> {
    let privateJwk = options.privateJwk;
    if (!privateJwk) {
      const pair = await generateKeyPair(ALG, { extractable: true });
      privateJwk = await exportJWK(pair.privateKey);
    }
    const privateKey = await importJWK({ ...privateJwk, alg: ALG }, ALG);
    const { d: _private, ...publicPart } = privateJwk;
    const kid = privateJwk.kid ?? `dev-${(privateJwk.x ?? '').slice(0, 8)}`;
    const publicJwk: JWK = { ...publicPart, kid, alg: ALG, use: 'sig' };
    return new DevIssuer(
      options.issuer ?? DEV_ISSUER,
      options.audience ?? DEV_AUDIENCE,
      privateKey,
      publicJwk,
      { ...privateJwk, kid },
    );
  }

  /**
   * The issuer shared by the services and the dev-token CLI on one machine: its key is kept in
   * packages/service-kit/.dev-issuer.jwk.json (git-ignored), created on first use.
   */
  static async shared(options: Omit<DevIssuerOptions, 'privateJwk'> & { keyFile?: string } = {}) {
    const keyFile = options.keyFile ?? defaultKeyFile;
    try {
      const privateJwk = JSON.parse(await readFile(keyFile, 'utf8')) as JWK;
      return await DevIssuer.create({ ...options, privateJwk });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const issuer = await DevIssuer.create(options);
      await mkdir(dirname(keyFile), { recursive: true });
      await writeFile(keyFile, JSON.stringify(issuer.#privateJwk), { mode: 0o600 });
      return issuer;
    }
  }

  jwks(): JSONWebKeySet {
    return { keys: [this.#publicJwk] };
  }

  /** A key resolver for jose's jwtVerify. */
  keySet(): JWTVerifyGetKey {
    return createLocalJWKSet(this.jwks());
  }

  async sign(user: DevUser | DevUserName, options: SignOptions = {}): Promise<string> {
    const claims: DevUser = typeof user === 'string' ? devUsers[user] : user;
    const { sub, ...rest } = claims;
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = options.expiresIn ?? '1h';
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: ALG, kid: this.#publicJwk.kid ?? 'dev', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? this.audience)
      .setIssuedAt(typeof expiresIn === 'number' && expiresIn < 0 ? now + expiresIn - 60 : now)
      .setExpirationTime(typeof expiresIn === 'number' ? now + expiresIn : expiresIn)
      .sign(this.#privateKey);
  }
}

const defaultKeyFile = resolve(dirname(fileURLToPath(import.meta.url)), '../../.dev-issuer.jwk.json');
