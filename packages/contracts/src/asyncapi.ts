import { pathToFileURL } from 'node:url';
import type { ContractRegistry, IntegrationEventContract } from './contract.ts';
import { integrationEvents } from './registry.ts';

/** AsyncAPI 3.0 as plain JSON. */
export type AsyncApiDocument = Record<string, unknown>;

/** Component and channel ids allow only `[A-Za-z0-9._-]`. */
const idOf = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

/** CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes travel as headers. */
function cloudEventHeaders(contract: IntegrationEventContract) {
  return {
    type: 'object',
    required: ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_subject', 'ce_time', 'content-type'],
    properties: {
      ce_specversion: { type: 'string', const: '1.0' },
      ce_id: { type: 'string', description: 'Event id; consumers deduplicate on it' },
      ce_type: { type: 'string', const: contract.type },
      ce_source: { type: 'string', const: contract.source },
      ce_subject: { type: 'string', description: 'Case id, also the message key' },
      ce_time: { type: 'string', format: 'date-time' },
      'content-type': { type: 'string', const: 'application/json' },
      traceparent: { type: 'string', description: 'W3C Trace Context' },
      tracestate: { type: 'string', description: 'W3C Trace Context' },
      ce_traceparent: { type: 'string', description: 'CloudEvents distributed tracing: the same context' },
      ce_tracestate: { type: 'string', description: 'CloudEvents distributed tracing: the same context' },
    },
  };
}

/** Plain JSON Schema of a TypeBox schema (drops TypeBox's symbol keys). */
const jsonSchema = (contract: IntegrationEventContract) => JSON.parse(JSON.stringify(contract.schema));

/**
 * The AsyncAPI 3.0 document of the registered contracts: a channel per topic, a message per event
 * type (CloudEvents headers, `data` as payload, case id as Kafka key), a send operation per message.
 */
export function buildAsyncApiDocument(registry: ContractRegistry = integrationEvents): AsyncApiDocument {
  const channels: Record<string, { address: string; messages: Record<string, unknown> }> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};

  const contracts = [...registry.all()].sort((a, b) => a.type.localeCompare(b.type));
  for (const contract of contracts) {
    const channelId = idOf(contract.topic);
    const messageId = idOf(contract.type);
    messages[messageId] = {
      name: contract.type,
      title: contract.type,
      summary: contract.summary,
      contentType: 'application/json',
      headers: cloudEventHeaders(contract),
      payload: jsonSchema(contract),
      bindings: { kafka: { key: { type: 'string', description: 'Case id' }, bindingVersion: '0.5.0' } },
    };
    const channel = channels[channelId] ?? { address: contract.topic, messages: {} };
    channels[channelId] = channel;
    channel.messages[messageId] = { $ref: `#/components/messages/${messageId}` };
    operations[`send.${messageId}`] = {
      action: 'send',
      summary: `${contract.source} publishes ${contract.type}`,
      channel: { $ref: `#/channels/${channelId}` },
      messages: [{ $ref: `#/channels/${channelId}/messages/${messageId}` }],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Parcours integration events',
      version: '1.0.0',
      description:
        'Events Parcours services exchange over Kafka, as CloudEvents 1.0 in binary mode (Kafka protocol binding). Generated from packages/contracts.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}

// `node packages/contracts/src/asyncapi.ts > docs/asyncapi.json`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
}
