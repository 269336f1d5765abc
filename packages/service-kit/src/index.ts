export {
  type Access,
  type AccessActor,
  type AccessRules,
  defineAccess,
  type Owner,
  type Reach,
  type Relation,
  relationOf,
  relations,
} from './access.ts';
export { type App, type CreateAppOptions, createApp } from './app.ts';
export {
  type Actor,
  actorFromClaims,
  type Claims,
  ClaimsSchema,
  isServiceActor,
  type Role,
  RoleSchema,
  roles,
  type ServiceActor,
  serviceActor,
} from './auth/actor.ts';
export {
  DEV_AUDIENCE,
  DEV_ISSUER,
  DevIssuer,
  type DevIssuerOptions,
  type DevUser,
  type DevUserName,
  devUsers,
  type SignOptions,
} from './auth/dev-issuer.ts';
export {
  type AuthOptions,
  authPlugin,
  canReachAssociation,
  findActor,
  requireAssociation,
  requireRole,
} from './auth/plugin.ts';
export {
  type CommandActor,
  type CommandMetadata,
  commandMetadata,
  correlationIdOf,
  eventMetadata,
  type RequestMetadata,
} from './command-metadata.ts';
export {
  type BaseConfig,
  baseConfigProperties,
  baseConfigSchema,
  CommaList,
  ConfigError,
  LogLevel,
  loadConfig,
  personalDataConfigProperties,
  serviceConfigSchema,
} from './config.ts';
export {
  badRequest,
  conflict,
  DomainError,
  type DomainErrorOptions,
  databaseUnavailable,
  type FieldError,
  forbidden,
  isDatabaseUnavailable,
  isDomainError,
  notFound,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  problemType,
  statusTitle,
  tooManyRequests,
  unauthorized,
  unprocessable,
} from './errors.ts';
export { createLogger, type LoggerConfig, redactedPaths } from './logger.ts';
export {
  type CheckResult,
  healthPlugin,
  kafkaCheck,
  postgresCheck,
  type ReadinessCheck,
  type ReadinessCheckOptions,
  redisCheck,
} from './plugins/health.ts';
export { type IdempotencyOptions, idempotencyPlugin } from './plugins/idempotency.ts';
export { type OpenApiOptions, openApiPlugin } from './plugins/openapi.ts';
export { clientErrorHandler, frameworkErrors, problemsPlugin } from './plugins/problems.ts';
export { type RateLimitPluginOptions, rateLimitPlugin } from './plugins/rate-limit.ts';
export { type RedisPluginOptions, redisPlugin } from './plugins/redis.ts';
export { type StrictInputOptions, strictInputPlugin } from './plugins/strict-input.ts';
export { requestContext, traceIdOf, traceparentOf, tracingPlugin } from './plugins/tracing.ts';
export { type CommandRouteOptions, commandRoute } from './routes.ts';
export { ProblemSchema, StringEnum } from './schemas.ts';
export { type ListenOptions, listen } from './server.ts';
export {
  createServiceApp,
  type ServiceAppOptions,
  type ServiceDefinition,
  type ServiceModule,
} from './service-app.ts';
export {
  defaultInstrumentations,
  shutdownTelemetry,
  startTelemetry,
  startTestTelemetry,
  type Telemetry,
  type TelemetryOptions,
  type TestTelemetry,
} from './telemetry/sdk.ts';
export {
  defaultInputBounds,
  type HttpPart,
  type InputBounds,
  strictRouteSchema,
  strictSchema,
} from './validation/strict-schema.ts';
export { strictValidatorCompiler, unstorableText } from './validation/validator.ts';
