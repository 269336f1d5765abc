import type { IntegrationEvent } from '@parcours/contracts';

/**
 * A Kafka record as this package writes it. Header values are strings; what the broker hands back
 * (buffers, arrays) is normalised by `fromKafkaMessage`.
 */
export interface WireMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** A record as a Kafka client reads it (kafkajs shape, without importing kafkajs). */
export interface ReceivedMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

export interface TraceHeaders {
  traceparent?: string | undefined;
  tracestate?: string | undefined;
}

export const SPEC_VERSION = '1.0';
const utf8 = new TextDecoder('utf-8', { fatal: true });
export const CONTENT_TYPE = 'application/json';

/**
 * CloudEvents attribute → Kafka header (Kafka protocol binding 1.0, binary content mode). The trace
 * context travels twice: as the distributed tracing extension's attributes (`ce_traceparent`,
 * `ce_tracestate`: what a CloudEvents SDK reads) and as the plain W3C headers OpenTelemetry's
 * propagators read. Both hold the context of the command that made the event.
 */
export const CloudEventHeaders = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  subject: 'ce_subject',
  time: 'ce_time',
  contentType: 'content-type',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  traceparentExtension: 'ce_traceparent',
  tracestateExtension: 'ce_tracestate',
} as const;

/** A Kafka record that is not a CloudEvent this package can read; it can never succeed. */
export class InvalidCloudEventError extends Error {
  readonly code = 'INVALID_CLOUD_EVENT';
  /** The header at fault, when one is (missing or wrong). */
  readonly header: string | undefined;
  constructor(message: string, header?: string) {
    super(message);
    this.name = 'InvalidCloudEventError';
    this.header = header;
  }
}

export function toKafkaMessage(event: IntegrationEvent, trace: TraceHeaders = {}): WireMessage {
  const headers: Record<string, string> = {
    [CloudEventHeaders.specversion]: SPEC_VERSION,
    [CloudEventHeaders.id]: event.id,
    [CloudEventHeaders.type]: event.type,
    [CloudEventHeaders.source]: event.source,
    [CloudEventHeaders.subject]: event.subject,
    [CloudEventHeaders.time]: event.time,
    [CloudEventHeaders.contentType]: CONTENT_TYPE,
  };
  if (trace.traceparent) {
    headers[CloudEventHeaders.traceparent] = trace.traceparent;
    headers[CloudEventHeaders.traceparentExtension] = trace.traceparent;
  }
  if (trace.tracestate) {
    headers[CloudEventHeaders.tracestate] = trace.tracestate;
    headers[CloudEventHeaders.tracestateExtension] = trace.tracestate;
  }
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

/** Headers as strings; a repeated header keeps its last value. */
export function headersToStrings(headers: ReceivedMessage['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    if (value !== undefined) result[name] = value.toString();
  }
  return result;
}

export interface DecodedMessage {
  event: IntegrationEvent;
  headers: Record<string, string>;
  trace: TraceHeaders;
}

/** Reads a binary-mode CloudEvent; throws InvalidCloudEventError naming what is wrong. */
export function fromKafkaMessage(message: ReceivedMessage): DecodedMessage {
  const headers = headersToStrings(message.headers);
  const required = (
    attribute: 'specversion' | 'id' | 'type' | 'source' | 'subject' | 'time' | 'contentType',
  ) => {
    const header = CloudEventHeaders[attribute];
    const value = headers[header];
    if (value === undefined || value === '') {
      throw new InvalidCloudEventError(`Missing CloudEvents header "${header}"`, header);
    }
    return value;
  };

  const specversion = required('specversion');
  if (specversion !== SPEC_VERSION) {
    throw new InvalidCloudEventError(
      `Unsupported CloudEvents spec version "${specversion}" in header "${CloudEventHeaders.specversion}"`,
      CloudEventHeaders.specversion,
    );
  }
  const contentType = required('contentType');
  // Media type parameters (charset) are allowed.
  if (contentType.split(';')[0]!.trim().toLowerCase() !== CONTENT_TYPE) {
    throw new InvalidCloudEventError(
      `Unsupported content type "${contentType}" in header "${CloudEventHeaders.contentType}"`,
      CloudEventHeaders.contentType,
    );
  }
  const id = required('id');
  const type = required('type');
  const source = required('source');
  const subject = required('subject');
  const time = required('time');
  if (Number.isNaN(Date.parse(time))) {
    throw new InvalidCloudEventError(
      `Header "${CloudEventHeaders.time}" is not a time: "${time}"`,
      CloudEventHeaders.time,
    );
  }

  if (message.value === null || message.value.length === 0) {
    throw new InvalidCloudEventError('Message has no value (event data)');
  }
  let text: string;
  try {
    text = typeof message.value === 'string' ? message.value : utf8.decode(message.value);
  } catch {
    // Decoding leniently would turn the bad bytes into U+FFFD: text changed without anyone knowing.
    throw new InvalidCloudEventError('Message value is not UTF-8');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InvalidCloudEventError('Message value is not JSON');
  }

  return {
    event: { id, type, source, subject, time, data },
    headers,
    // A producer may set only one of the two (an SDK, the extension; an OpenTelemetry agent, the header).
    trace: {
      traceparent: headers[CloudEventHeaders.traceparent] ?? headers[CloudEventHeaders.traceparentExtension],
      tracestate: headers[CloudEventHeaders.tracestate] ?? headers[CloudEventHeaders.tracestateExtension],
    },
  };
}
