import {
  ContactAttemptedV1,
  EvviRequestedV1,
  EvviSubmittedV1,
  FileAssignedV1,
  FileClosedV1,
  FileFlaggedInactiveV1,
  FileOpenedV1,
  HearingScheduledV1,
  IntakeReadyForOrientationV2,
  type IntegrationEvent,
  type IntegrationEventContract,
  MediationAgreedV1,
  MediationOpenedV1,
  MediationReturnedV1,
  MediationSessionHeldV1,
  ReferralAcceptedV1,
  ReferralExpiredV1,
  ReferralProposedV1,
  SupportActionRecordedV1,
} from '@parcours/contracts';

/** One case's story, as the services would tell it: the facts the projections count. */
export interface Journey {
  caseId: string;
  /** When the intake was ready. */
  start: Date;
  associationId: string;
  officeId: string;
  channel?: 'helpline' | 'walk-in' | 'requisition' | 'partner' | 'mass-event';
  /** The office the victim walked into (walk-ins). */
  originOfficeId?: string;
  offenceCategory?: string;
  /** The victim's link with the author, as intake records it (partner or former partner in a couple). */
  authorLink?: string;
  /** The referral is left unanswered until it expires (no file then). */
  expires?: boolean;
  /** The referral is still waiting for an answer. */
  unanswered?: boolean;
  /** Hours from the proposal to the acceptance. */
  acceptAfterHours?: number;
  caseworkerId?: string;
  /** Days after the file opened, with their kind. */
  actions?: { day: number; kind: string }[];
  contactAfterHours?: number;
  evvi?: { late: boolean };
  hearingInDays?: number;
  mediation?: 'agreed' | 'returned' | 'open';
  closeAfterDays?: number;
  inactiveAfterDays?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const envelope = {
  enc: 'aes-256-gcm/v1' as const,
  subject: 'victim',
  iv: 'AAECAwQFBgcICQoL',
  tag: 'AAECAwQFBgcICQoLDA0ODw==',
  ct: 'c2VjcmV0',
};

/**
 * The integration events of a journey, each checked against its contract (the demo generator's
 * millions skip the check: its unit test checks a sample). Ids derive from the case id and a
 * counter, so the same journey gives the same events (replays, the bench).
 */
export function journeyEvents(j: Journey, options: { validate?: boolean } = {}): IntegrationEvent[] {
  const validate = options.validate ?? true;
  const events: IntegrationEvent[] = [];
  let n = 0;
  const emit = <C extends IntegrationEventContract>(
    contract: C,
    time: Date,
    data: Record<string, unknown>,
  ) => {
    const errors = validate ? contract.validate(data) : [];
    if (errors.length > 0) throw new Error(`${contract.type}: ${JSON.stringify(errors)}`);
    events.push(contract.create({ id: `${j.caseId}-e${n++}`, subject: j.caseId, time, data: data as never }));
  };
  const at = (offset: number) => new Date(j.start.getTime() + offset);
  const iso = (offset: number) => at(offset).toISOString();
  const place = { associationId: j.associationId, officeId: j.officeId };
  const target = { kind: 'office', ...place };
  const offenceCategory = j.offenceCategory ?? 'physical-violence';
  const channel = j.channel ?? 'helpline';
  emit(IntakeReadyForOrientationV2, at(0), {
    caseId: j.caseId,
    intakeId: `${j.caseId}-intake`,
    channel,
    residence: { countryCode: 'FR' },
    offenceCategory,
    ...(j.authorLink ? { authorLink: j.authorLink } : {}),
    needs: ['legal-information'],
    urgency: 'normal',
    ...(j.originOfficeId ? { origin: { officeId: j.originOfficeId, associationId: j.associationId } } : {}),
    consent: { services: true, sharing: true },
    safeContact: { safeNumber: true, safeHours: false, noVoicemail: true, throughThirdParty: false },
    personal: envelope,
  });
  const referralId = `${j.caseId}-ref`;
  const referral = { referralId, caseId: j.caseId };
  emit(ReferralProposedV1, at(60_000), {
    ...referral,
    intakeId: `${j.caseId}-intake`,
    mode: 'transfer',
    from: { kind: 'national-platform' },
    target,
    urgency: 'normal',
    offenceCategory,
    dueAt: iso(72 * HOUR),
    reasons: ['residence'],
    at: iso(60_000),
  });
  if (j.unanswered) return events;
  if (j.expires) {
    emit(ReferralExpiredV1, at(72 * HOUR), {
      ...referral,
      target,
      escalatedTo: { role: 'office-manager', ...place },
      at: iso(72 * HOUR),
    });
    return events;
  }
  const accepted = (j.acceptAfterHours ?? 5) * HOUR;
  emit(ReferralAcceptedV1, at(accepted), {
    ...referral,
    target,
    mode: 'transfer',
    by: 'staff-1',
    at: iso(accepted),
  });
  const fileId = `${j.caseId}-file`;
  const file = { fileId, caseId: j.caseId, ...place };
  const opened = accepted + 60_000;
  emit(FileOpenedV1, at(opened), {
    ...file,
    origin: 'transfer',
    referralId,
    channel,
    offenceCategory,
    needs: ['legal-information'],
    urgency: 'normal',
    at: iso(opened),
  });
  emit(FileAssignedV1, at(opened + 60_000), {
    ...file,
    caseworkerId: j.caseworkerId ?? 'staff-1',
    forced: false,
    at: iso(opened + 60_000),
  });
  if (j.contactAfterHours !== undefined) {
    const t = opened + j.contactAfterHours * HOUR;
    emit(ContactAttemptedV1, at(t), {
      ...file,
      attemptId: `${fileId}-call`,
      channel: 'phone',
      number: 'safe',
      answered: true,
      voicemailLeft: false,
      startedAt: iso(t),
      at: iso(t),
    });
  }
  for (const [i, action] of (j.actions ?? []).entries()) {
    const t = opened + action.day * DAY + HOUR;
    emit(SupportActionRecordedV1, at(t), {
      ...file,
      actionId: `${fileId}-a${i}`,
      kind: action.kind,
      channel: 'in-person',
      durationMinutes: 45,
      on: iso(t),
      staffCount: 1,
      at: iso(t),
    });
  }
  if (j.evvi) {
    const requestId = `${fileId}-evvi`;
    const dueOn = at(opened + 10 * DAY)
      .toISOString()
      .slice(0, 10);
    emit(EvviRequestedV1, at(opened + HOUR), {
      ...file,
      requestId,
      requestedBy: 'prosecutor',
      dueOn,
      at: iso(opened + HOUR),
    });
    const t = opened + (j.evvi.late ? 12 : 6) * DAY;
    emit(EvviSubmittedV1, at(t), {
      ...file,
      requestId,
      version: 1,
      level: 'high',
      measures: ['protection-order'],
      late: j.evvi.late,
      at: iso(t),
    });
  }
  if (j.hearingInDays !== undefined) {
    emit(HearingScheduledV1, at(opened + DAY), {
      ...file,
      hearingId: `${fileId}-hearing`,
      court: 'tj-paris',
      startsAt: iso(opened + j.hearingInDays * DAY),
      accompanimentPlanned: true,
      at: iso(opened + DAY),
    });
  }
  if (j.mediation) {
    const mandate = {
      mandateId: `${j.caseId}-mandate`,
      ...place,
      court: 'tj-paris',
      caseId: j.caseId,
      fileId,
    };
    const t = opened + 3 * DAY;
    const day = (offset: number) => at(offset).toISOString().slice(0, 10);
    emit(MediationOpenedV1, at(t), {
      ...mandate,
      origin: 'follow-up',
      offenceCategory,
      orderedOn: day(t),
      deadline: day(t + 90 * DAY),
      firstConvocationBy: day(t + 30 * DAY),
      at: iso(t),
    });
    if (j.mediation !== 'open') {
      emit(MediationSessionHeldV1, at(t + 20 * DAY), {
        ...mandate,
        sessionId: `${mandate.mandateId}-s1`,
        kind: 'joint',
        heldOn: day(t + 20 * DAY),
        present: 2,
        absent: 0,
        excused: 0,
        at: iso(t + 20 * DAY),
      });
      const end = t + 21 * DAY;
      if (j.mediation === 'agreed')
        emit(MediationAgreedV1, at(end), {
          ...mandate,
          terms: { compensation: 1, apology: 1, restitution: 0, undertaking: 0 },
          compensationCents: 50_000,
          instalments: 1,
          lastDueDate: day(end + 60 * DAY),
          sessionsHeld: 1,
          at: iso(end),
        });
      else
        emit(MediationReturnedV1, at(end), {
          ...mandate,
          reason: 'no-agreement',
          sessionsHeld: 1,
          noShows: 0,
          at: iso(end),
        });
    }
  }
  if (j.inactiveAfterDays !== undefined) {
    const t = opened + j.inactiveAfterDays * DAY;
    const lastAction = Math.max(0, ...(j.actions ?? []).map((a) => a.day * DAY + HOUR));
    emit(FileFlaggedInactiveV1, at(t), { ...file, since: iso(opened + lastAction + 60_000), at: iso(t) });
  }
  if (j.closeAfterDays !== undefined) {
    const t = opened + j.closeAfterDays * DAY;
    emit(FileClosedV1, at(t), {
      ...file,
      reason: 'support-completed',
      approved: false,
      openItems: [],
      at: iso(t),
    });
  }
  return events;
}
