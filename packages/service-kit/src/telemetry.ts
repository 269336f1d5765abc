/**
 * Preload entry: `node --import @parcours/service-kit/telemetry src/server.ts`. Starts the SDK
 * before the service's modules load, so node:http (required by Fastify) is instrumented.
 *
 * No ESM loader hook (import-in-the-middle) is registered: with a `module.register` hook every
 * later `require()` crosses to the hooks thread synchronously, and libraries that require lazily
 * on hot paths made that 15% of the intake service's CPU under load (bench/intake). Spans for
 * requests, appends, the relay and consumers are opened by the kit, the event store and
 * messaging themselves through @opentelemetry/api.
 */
import { Type } from '@sinclair/typebox';
import { baseConfigProperties, loadConfig } from './config.ts';
import { startTelemetry } from './telemetry/sdk.ts';

const config = loadConfig(
  Type.Object({
    SERVICE_NAME: baseConfigProperties.SERVICE_NAME,
    OTEL_EXPORTER_OTLP_ENDPOINT: baseConfigProperties.OTEL_EXPORTER_OTLP_ENDPOINT,
  }),
);
startTelemetry({
  serviceName: config.SERVICE_NAME,
  ...(config.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT } : {}),
});
