import { IntakeReadyForOrientationV2 } from '@parcours/contracts';
import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import type { Place } from '../command.ts';
import { at, bav, commissariat, facts, lyon, opened, people, refuses, system } from '../test-builders.ts';
import {
  type CaseEvent,
  type CaseState,
  caseDecider,
  caseFactsOf,
  evolveCase,
  initialCase,
  type Sender,
  type Target,
} from './case.ts';
import { type FileReaction, reactToCase } from './reactions.ts';

const spec = deciderSpec(caseDecider);
const newId = (seed: string) => `id(${seed})`;
const context = {
  newId,
  metadata: system,
  timeZoneOf: (place: Place) => (place.officeId === 'office-974' ? 'Indian/Reunion' : undefined),
};
const office = (place: Place): Target => ({ kind: 'office', ...place });
const sender = (place: Place): Sender => ({ kind: 'office', ...place });
const national: Sender = { kind: 'national-platform' };

const intake: CaseEvent = { type: 'CaseIntakeReceived', data: { facts: facts(), at } };
const proposed = (
  referralId: string,
  target: Target,
  from: Sender = national,
  mode: 'transfer' | 'referral' = 'transfer',
): CaseEvent => ({
  type: 'CaseReferralProposed',
  data: { referralId, mode, from, target, at },
});
const accepted = (
  referralId: string,
  target: Target,
  mode: 'transfer' | 'referral' = 'transfer',
): CaseEvent => ({
  type: 'CaseReferralAccepted',
  data: { referralId, mode, target, at },
});

/** given / when / then for reactions: the state is the case after the event, as the service reacts. */
const reacting = (given: CaseEvent[]) => ({
  when: (event: CaseEvent) => {
    const state: CaseState = [...given, event].reduce(evolveCase, initialCase());
    return {
      then: (expected: FileReaction[]) => expect(reactToCase(event, state, context)).toEqual(expected),
    };
  },
});
const openFile = (
  referralId: string,
  place: Place,
  origin: object,
  timeZone = 'Europe/Paris',
): FileReaction => ({
  fileId: newId(`file:${referralId}`),
  command: {
    type: 'OpenFile',
    data: {
      fileId: newId(`file:${referralId}`),
      place,
      origin: { referralId, ...origin } as never,
      facts: facts(),
      timeZone,
    },
    metadata: system,
  },
});
const transferFile = (heldBy: string, referralId: string, to: object): FileReaction => ({
  fileId: newId(`file:${heldBy}`),
  command: { type: 'TransferFile', data: { referralId, to: to as Place }, metadata: system },
});

describe('the case as the service learns it', () => {
  it('records each fact once', () => {
    spec
      .given([])
      .when({ type: 'RecordIntake', data: intake.data as never, metadata: system })
      .then([intake]);
    spec
      .given([intake])
      .when({ type: 'RecordIntake', data: intake.data as never, metadata: system })
      .then([]);
    const p = proposed('ref-1', office(bav));
    spec
      .given([p])
      .when({ type: 'RecordReferralProposed', data: p.data as never, metadata: system })
      .then([]);
    const a = accepted('ref-1', office(bav));
    spec
      .given([p])
      .when({ type: 'RecordReferralAccepted', data: a.data as never, metadata: system })
      .then([a]);
    spec
      .given([p, a])
      .when({ type: 'RecordReferralAccepted', data: a.data as never, metadata: system })
      .then([]);
  });

  it('is written by the service only', () => {
    refuses(
      spec.given([]).when({
        type: 'RecordIntake',
        data: intake.data as never,
        metadata: { now: new Date(), actor: people.caseworker },
      }),
      'follow_up_forbidden',
      403,
    );
  });

  it('takes the facts from intake’s event: the victim is the envelope’s subject, the personal data stays encrypted', () => {
    const { subjectId: _subject, ...data } = facts({ offenceCategory: 'couple-violence' });
    const event = IntakeReadyForOrientationV2.create({
      id: 'evt-1',
      subject: 'case-1',
      time: at,
      data: {
        ...data,
        residence: { countryCode: 'FR', postcode: '75011', communeCode: '75111' },
        safeContact: { safeNumber: true, safeHours: false, noVoicemail: true, throughThirdParty: false },
        vulnerabilities: ['pregnancy'],
        ageBand: '30-44',
        requisition: { dueDate: '2025-06-20', evviRequested: true },
      },
    });
    expect(caseFactsOf(event)).toEqual({
      caseId: event.data.caseId,
      intakeId: event.data.intakeId,
      subjectId: 'victim-1',
      channel: 'helpline',
      offenceCategory: 'couple-violence',
      needs: ['legal-information'],
      urgency: 'high',
      vulnerabilities: ['pregnancy'],
      ageBand: '30-44',
      consent: { services: true, sharing: true },
      safeContact: { safeNumber: true, safeHours: false, noVoicemail: true, throughThirdParty: false },
      requisition: { dueDate: '2025-06-20', evviRequested: true },
      personal: event.data.personal,
    });
  });
});

describe('reactions: opening files', () => {
  it('opens the file when the referral is accepted after the facts arrived', () => {
    reacting([intake, proposed('ref-1', office(bav))])
      .when(accepted('ref-1', office(bav)))
      .then([openFile('ref-1', bav, { kind: 'referral' })]);
  });

  it('waits for the facts when the acceptance comes first, then opens', () => {
    reacting([proposed('ref-1', office(bav))])
      .when(accepted('ref-1', office(bav)))
      .then([]);
    reacting([proposed('ref-1', office(bav)), accepted('ref-1', office(bav))])
      .when(intake)
      .then([openFile('ref-1', bav, { kind: 'referral' })]);
  });

  it('opens nothing for a proposal not accepted, nor for a foreign organisation', () => {
    reacting([proposed('ref-1', office(bav))])
      .when(intake)
      .then([]);
    const abroad: Target = { kind: 'foreign-organisation', organisationId: 'org-be', countryCode: 'BE' };
    reacting([intake, proposed('ref-1', abroad)])
      .when(accepted('ref-1', abroad))
      .then([]);
  });

  it('uses the office’s time zone from the directory', () => {
    const reunion = { associationId: 'asso-974', officeId: 'office-974' };
    reacting([intake, proposed('ref-1', office(reunion))])
      .when(accepted('ref-1', office(reunion)))
      .then([openFile('ref-1', reunion, { kind: 'referral' }, 'Indian/Reunion')]);
  });

  it('opens a walk-in’s file at once: the victim stays at the office they walked into', () => {
    reacting([intake])
      .when(proposed('ref-1', office(bav), sender(bav)))
      .then([openFile('ref-1', bav, { kind: 'walk-in' })]);
    reacting([proposed('ref-1', office(bav), sender(bav))])
      .when(intake)
      .then([openFile('ref-1', bav, { kind: 'walk-in' })]);
    // Referral's later acceptance of it is not recorded again: nothing to react to.
    spec
      .given([intake, proposed('ref-1', office(bav), sender(bav))])
      .when({
        type: 'RecordReferralAccepted',
        data: accepted('ref-1', office(bav)).data as never,
        metadata: system,
      })
      .then([]);
  });
});

describe('reactions: transfers and added services', () => {
  const held = [intake, proposed('ref-1', office(bav)), accepted('ref-1', office(bav))];

  it('closes the sender’s file as transferred and opens the receiver’s, linked to it', () => {
    reacting([...held, proposed('ref-2', office(lyon), sender(bav))])
      .when(accepted('ref-2', office(lyon)))
      .then([
        openFile('ref-2', lyon, { kind: 'transfer', fromFileId: newId('file:ref-1') }),
        transferFile('ref-1', 'ref-2', lyon),
      ]);
  });

  it('closes the sender’s file for a transfer abroad', () => {
    const abroad: Target = { kind: 'foreign-organisation', organisationId: 'org-be', countryCode: 'BE' };
    reacting([...held, proposed('ref-2', abroad, sender(bav))])
      .when(accepted('ref-2', abroad))
      .then([transferFile('ref-1', 'ref-2', { organisationId: 'org-be', countryCode: 'BE' })]);
  });

  it('opens a file linked to the holder’s for an added service; the holder keeps theirs', () => {
    reacting([...held, proposed('ref-3', office(commissariat), sender(bav), 'referral')])
      .when(accepted('ref-3', office(commissariat), 'referral'))
      .then([openFile('ref-3', commissariat, { kind: 'added-service', holderFileId: newId('file:ref-1') })]);
  });

  it('does not open the handed-on file when the facts come after the transfer', () => {
    reacting([
      proposed('ref-1', office(bav)),
      accepted('ref-1', office(bav)),
      proposed('ref-2', office(lyon), sender(bav)),
      accepted('ref-2', office(lyon)),
    ])
      .when(intake)
      .then([openFile('ref-2', lyon, { kind: 'referral' })]);
  });

  it('gives the opened file what the file decider accepts', () => {
    const [reaction] = reactToCase(
      accepted('ref-1', office(bav)),
      [intake, proposed('ref-1', office(bav)), accepted('ref-1', office(bav))].reduce(
        evolveCase,
        initialCase(),
      ),
      context,
    );
    const { by: _by, at: _at, ...data } = opened().data;
    expect(reaction?.command.data).toEqual({ ...data, fileId: newId('file:ref-1') });
  });
});
