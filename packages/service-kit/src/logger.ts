import { trace } from '@opentelemetry/api';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

// Personal data never reaches the logs: the usual field names at any of the first three levels,
// credentials, and request bodies as a whole (bodies are not logged at all; this is the net).
const personalFields = [
  'name',
  'firstName',
  'lastName',
  'phone',
  'email',
  'address',
  'birthDate',
  'narrative',
  'body',
];
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.headers.authorization',
  ...personalFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

export interface LoggerConfig {
  level?: string;
  serviceName?: string;
  /** Where lines go (stdout by default); tests pass a stream to read them. */
  stream?: DestinationStream;
}

/** Structured JSON logs with the active span's trace_id/span_id and personal data redacted. */
export function createLogger(config: LoggerConfig = {}): Logger {
  const options: LoggerOptions = {
    level: config.level ?? 'info',
    ...(config.serviceName ? { base: { service: config.serviceName } } : {}),
    redact: { paths: redactedPaths, censor: '[Redacted]' },
    mixin() {
      const span = trace.getActiveSpan();
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
    serializers: {
      // Method, route path and id only: no headers (tokens), no query string (may name a person).
      req: (req: { id?: unknown; method?: unknown; url?: unknown }) => ({
        id: req.id,
        method: req.method,
        path: typeof req.url === 'string' ? req.url.split('?')[0] : undefined,
      }),
      res: (res: { statusCode?: unknown }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
  return config.stream ? pino(options, config.stream) : pino(options);
}
