/**
 * Preload entry: `node --import @parcours/service-kit/telemetry src/server.ts`.
 * Registers the import-in-the-middle loader hook first, then starts the SDK, so that modules the
 * service imports afterwards (node:http, fastify, pg) are instrumented under ESM.
 */
import { register } from 'node:module';
import { Type } from '@sinclair/typebox';

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);

// Imported after the hook is registered.
const { baseConfigProperties, loadConfig } = await import('./config.ts');
const { startTelemetry } = await import('./telemetry/sdk.ts');

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
