export { createTestDatabase, uniqueTopic } from './database.ts';
export { deciderSpec } from './decider-spec.ts';
export {
  defaults,
  localKafkaNode,
  type Origin,
  portOpen,
  resolveStack,
  type Stack,
  startLocalKafka,
  stopLocalKafka,
} from './stack.ts';
