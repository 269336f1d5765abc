import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  InMemorySpanExporter,
  NoopSpanProcessor,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export interface TelemetryOptions {
  serviceName: string;
  /** OTLP/HTTP base endpoint (OTEL_EXPORTER_OTLP_ENDPOINT); traces go to `${endpoint}/v1/traces`. */
  otlpEndpoint?: string;
  /** Replaces the exporter choice (tests pass an in-memory processor). */
  spanProcessors?: SpanProcessor[];
  /** http instrumentation by default; tests pass []. */
  instrumentations?: Instrumentation[];
}

export interface Telemetry {
  shutdown(): Promise<void>;
}

let started: Telemetry | undefined;

export function defaultInstrumentations(): Instrumentation[] {
  return [];
}

/**
 * Starts the OpenTelemetry SDK once per process: W3C trace-context (and baggage) propagation,
 * the instrumentations, and an OTLP/HTTP exporter when an endpoint is set. Without an endpoint
 * spans are still recorded (a no-op processor keeps a real tracer provider), so trace ids exist
 * for logs and are propagated on events and messages.
 * Under ESM the instrumentations patch modules only if the loader hook was registered before
 * they were imported: start services with `node --import @parcours/service-kit/telemetry`.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (started) return started;
  const spanProcessors =
    options.spanProcessors ??
    (options.otlpEndpoint
      ? [
          new BatchSpanProcessor(
            new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }),
          ),
        ]
      : [new NoopSpanProcessor()]);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    spanProcessors,
    // Logs go through pino; metrics are configured separately.
    logRecordProcessors: [],
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    instrumentations: options.instrumentations ?? defaultInstrumentations(),
  });
  sdk.start();
  const telemetry: Telemetry = {
    shutdown: async () => {
      started = undefined;
      await sdk.shutdown();
    },
  };
  started = telemetry;
  return telemetry;
}

/** Flushes and stops the SDK if this process started it (called by `listen` on shutdown). */
export async function shutdownTelemetry(): Promise<void> {
  await started?.shutdown();
}

export interface TestTelemetry extends Telemetry {
  exporter: InMemorySpanExporter;
  /** Spans ended so far. */
  spans(): ReadableSpan[];
  reset(): void;
}

/** For tests: the SDK with an in-memory exporter and no instrumentation, so spans can be read back. */
export function startTestTelemetry(serviceName = 'test'): TestTelemetry {
  const exporter = new InMemorySpanExporter();
  const telemetry = startTelemetry({
    serviceName,
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    instrumentations: [],
  });
  return {
    exporter,
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    shutdown: () => telemetry.shutdown(),
  };
}
