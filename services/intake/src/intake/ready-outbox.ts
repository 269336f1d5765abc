import {
  type IntakeReadyForOrientation,
  IntakeReadyForOrientationV2 as ReadyContract,
  toOutboxMessage,
} from '@parcours/contracts';
import type { OutboxMessage } from '@parcours/eventstore';
import type { RequestMetadata } from '@parcours/service-kit';
import type { IntakeEvent, IntakeState } from './intake.ts';

/**
 * Maps the domain's IntakeReadyForOrientation to the integration event: ids, area, category,
 * needs, urgency, consent and safe-contact flags in clear; the personal data only as the envelope.
 * Validated strictly here, so nothing undeclared (a name in clear) can reach the outbox.
 */
export function readyForOrientationOutbox(
  topic: string,
  events: IntakeEvent[],
  state: IntakeState,
  metadata: RequestMetadata,
): OutboxMessage[] {
  const ready = events.find((e) => e.type === 'IntakeReadyForOrientation');
  if (!ready || state.status === 'none') return [];
  const { intake } = state;
  // Every intake has an envelope (`{}` when anonymous): one without is a bug, never a silent drop.
  if (!intake.personal) throw new Error(`intake ${intake.intakeId} has no personal-data envelope`);
  const {
    residence,
    consent,
    safeContact,
    offenceCategory,
    authorLink,
    needs,
    urgency,
    vulnerabilities,
    ageBand,
  } = intake.profile;
  const details = intake.details;
  // Annotated, so that a property the contract does not declare fails to compile.
  const data: IntakeReadyForOrientation['data'] = {
    caseId: intake.caseId,
    intakeId: intake.intakeId,
    channel: intake.details.channel,
    residence: {
      ...(residence.postcode ? { postcode: residence.postcode } : {}),
      countryCode: residence.countryCode,
      ...(residence.communeCode ? { communeCode: residence.communeCode } : {}),
    },
    offenceCategory,
    ...(authorLink ? { authorLink } : {}),
    needs,
    urgency,
    consent: {
      services: consent.services,
      sharing: consent.sharing,
      ...(intake.consentOverride
        ? { override: { reason: intake.consentOverride.reason, by: intake.consentOverride.by } }
        : {}),
    },
    safeContact,
    ...(vulnerabilities.length > 0 ? { vulnerabilities } : {}),
    ...(ageBand ? { ageBand } : {}),
    ...(details.channel === 'walk-in'
      ? { origin: { officeId: details.officeId, associationId: details.associationId } }
      : {}),
    ...(details.channel === 'partner' ? { origin: { agreementId: details.agreementId } } : {}),
    ...(details.channel === 'mass-event' ? { origin: { massEventId: details.massEventId } } : {}),
    ...(details.channel === 'requisition'
      ? { requisition: { dueDate: details.dueDate, evviRequested: details.evviRequested } }
      : {}),
    personal: intake.personal,
  };
  return [
    toOutboxMessage(ReadyContract, {
      topic,
      subject: intake.caseId,
      time: ready.data.at,
      data,
      traceparent: metadata.traceparent,
    }),
  ];
}
