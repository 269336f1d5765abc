import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import { createMessaging, type RunningConsumer } from '@parcours/messaging';
import { type App, type BaseConfig, createApp, DevIssuer, kafkaCheck } from '@parcours/service-kit';
import type { Redis } from 'ioredis';
import type { WebConfig } from './config.ts';
import { LiveHub } from './live/hub.ts';
import { startLiveRelay } from './live/relay.ts';
import { liveRoutes } from './live/routes.ts';
import { proxyRoutes } from './proxy/proxy.ts';
import { devSignIn } from './session/dev-sign-in.ts';
import { oidcSignIn } from './session/oidc-sign-in.ts';
import { sessionPlugin } from './session/plugin.ts';
import { sessionRoutes } from './session/routes.ts';
import { tokenReader } from './session/tokens.ts';
import { staticRoutes } from './static.ts';

export type { App };

export interface BuildOptions {
  config: WebConfig;
  redis?: Redis;
  /** The local issuer to sign in with when AUTH_DEV_ISSUER is true (DevIssuer.shared() otherwise). */
  devIssuer?: DevIssuer;
}

const namespace = 'parcours:web';

/**
 * The backend-for-frontend: sessions and sign-in, the proxy to the services, live updates (Kafka
 * → Redis → Server-Sent Events), the commune picker's look-up and the built app. Every route is
 * reached with the session cookie, none with a bearer token: the kit's token check is skipped
 * (`public`) and `app.sessions.require` guards them instead.
 */
export async function buildApp({ config, ...options }: BuildOptions): Promise<App> {
  const devIssuer = config.AUTH_DEV_ISSUER
    ? (options.devIssuer ??
      (await DevIssuer.shared({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE })))
    : undefined;
  // The kit reads no DATABASE_URL: the BFF has no database of its own.
  const app = await createApp({
    config: config as unknown as BaseConfig,
    ...(options.redis ? { redis: options.redis } : {}),
    ...(devIssuer ? { devIssuer } : {}),
    openApi: { title: 'Parcours web (backend-for-frontend)' },
  });
  const read = tokenReader({
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    keys: devIssuer ? { devIssuer } : { jwksUrl: config.AUTH_JWKS_URL! },
  });
  const signIn = devIssuer
    ? devSignIn(devIssuer, read, config.SESSION_TTL_SECONDS)
    : oidcSignIn(
        {
          issuerUrl: config.OIDC_ISSUER_URL!,
          clientId: config.OIDC_CLIENT_ID!,
          ...(config.OIDC_CLIENT_SECRET ? { clientSecret: config.OIDC_CLIENT_SECRET } : {}),
          scopes: config.OIDC_SCOPES,
          allowHttp: config.OIDC_ALLOW_HTTP,
          publicUrl: config.PUBLIC_URL,
          redis: app.redis,
          namespace,
        },
        read,
      );

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables in style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        // Helmet's default upgrade would send an http deployment's requests to https.
        upgradeInsecureRequests: config.PUBLIC_URL.startsWith('https://') ? [] : null,
      },
    },
    hsts: config.PUBLIC_URL.startsWith('https://'),
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(sessionPlugin, {
    redis: app.redis,
    publicUrl: config.PUBLIC_URL,
    ttlSeconds: config.SESSION_TTL_SECONDS,
    namespace,
    renew: signIn.renew,
  });

  await signIn.routes(app);
  await sessionRoutes(app);
  await proxyRoutes(app, {
    services: {
      intake: config.INTAKE_URL,
      referral: config.REFERRAL_URL,
      'follow-up': config.FOLLOW_UP_URL,
      mediation: config.MEDIATION_URL,
      projections: config.PROJECTIONS_URL,
    },
  });

  const messaging = createMessaging({
    brokers: config.KAFKA_BROKERS,
    clientId: config.SERVICE_NAME,
    logger: app.log,
  });
  const hub = await LiveHub.start(app.redis, config.LIVE_CHANNEL, app.log);
  await liveRoutes(app, { hub });
  let relay: RunningConsumer | undefined;
  let closing = false;
  let retry: NodeJS.Timeout | undefined;
  app.registerReadinessCheck(
    'kafka',
    kafkaCheck(() => messaging.describeTopics(config.LIVE_TOPICS)),
  );
  // The topics belong to the services: until they exist (a service not started yet, Kafka down)
  // the BFF serves everything else and tries again; live updates start once it can follow them.
  const follow = async () => {
    try {
      const started = await startLiveRelay({
        messaging,
        redis: app.redis,
        topics: config.LIVE_TOPICS,
        groupId: config.LIVE_CONSUMER_GROUP,
        channel: config.LIVE_CHANNEL,
        namespace,
      });
      if (closing) await started.stop();
      else relay = started;
    } catch (error) {
      if (closing) return;
      app.log.warn({ err: error }, 'live updates not followed yet; trying again in 5 s');
      retry = setTimeout(follow, 5_000);
    }
  };
  app.addHook('onReady', async () => {
    void follow();
  });
  app.addHook('preClose', async () => {
    closing = true;
    clearTimeout(retry);
    await hub.close();
  });
  app.addHook('onClose', async () => {
    await relay?.stop();
    await messaging.disconnect().catch(() => undefined);
  });

  if (config.STATIC_DIR) await staticRoutes(app, { root: config.STATIC_DIR });
  return app;
}
