export type { IntegrationEvent } from './integration-event.ts';
