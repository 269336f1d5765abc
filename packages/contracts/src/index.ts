export { type AsyncApiDocument, buildAsyncApiDocument } from './asyncapi.ts';
export {
  type ContractRegistry,
  createContractRegistry,
  type DataOf,
  defineIntegrationEvent,
  type EventOf,
  type IntegrationEventContract,
  UnknownEventTypeError,
  type ValidationError,
} from './contract.ts';
export {
  DirectoryAgreementV1,
  type DirectoryIntegrationEvent,
  DirectoryOfficeV1,
  DirectoryPartnerV1,
  directoryContracts,
} from './directory/events.ts';
export { EncryptedEnvelope } from './encrypted-envelope.ts';
export {
  CompensationClaimFiledV1,
  ContactAttemptedV1,
  EvviRequestedV1,
  EvviSubmittedV1,
  FileAssignedV1,
  FileClosedV1,
  FileClosureRefusedV1,
  FileClosureRequestedV1,
  FileFlaggedInactiveV1,
  FileMediationRequestedV1,
  FileOpenedV1,
  FileReopenedV1,
  followUpContracts,
  HearingScheduledV1,
  SupportActionRecordedV1,
} from './followup/events.ts';
export {
  ActionChannels,
  ActionKinds,
  ClosureReasons,
  ContactChannels,
  ContactNumbers,
  EvviLevels,
  EvviRequesters,
  OpenItems,
  ProtectiveMeasures,
  Schemes,
} from './followup/values.ts';
export {
  type IntakeReadyForOrientation,
  IntakeReadyForOrientationData,
  IntakeReadyForOrientationV1,
  IntakeReadyForOrientationV2,
  intakeReadyForOrientationContracts,
  isIntakeReadyForOrientation,
} from './intake/ready-for-orientation.ts';
export type { IntegrationEvent } from './integration-event.ts';
export {
  MediationAgreedV1,
  MediationOpenedV1,
  MediationRefusedV1,
  MediationRequestedV1,
  MediationReturnedV1,
  MediationSessionHeldV1,
  MediationSettledV1,
  MediationTermNotExecutedV1,
  mediationContracts,
} from './mediation/events.ts';
export {
  type MediationRule,
  MediationRules,
  ReturnReasons,
  SessionKinds,
} from './mediation/values.ts';
export {
  IntegrationEventInvalidError,
  type OutboxMessage,
  type OutboxSink,
  toOutboxMessage,
} from './outbox.ts';
export {
  ReferralAcceptedV1,
  ReferralDeclinedV1,
  ReferralDoneV1,
  ReferralExpiredV1,
  ReferralProposedV1,
  ReferralQueuedV1,
  ReferralRedirectedV1,
  ReferralRevokedV1,
  referralContracts,
  TargetSchema,
} from './referral/events.ts';
export { integrationEvents } from './registry.ts';
export { defineTestEvent } from './test-events.ts';
export { type Topic, Topics } from './topics.ts';
export {
  type AgeBand,
  AgeBands,
  type AuthorLink,
  AuthorLinks,
  type IntakeChannel,
  IntakeChannels,
  isCoupleLink,
  type Need,
  Needs,
  OffenceCategories,
  type OffenceCategory,
  type OfficeType,
  OfficeTypes,
  Urgencies,
  type Urgency,
  type VulnerabilityFlag,
  VulnerabilityFlags,
} from './values.ts';
