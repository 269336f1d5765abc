import {
  type Event,
  type Projection,
  readModels,
  type StoredEvent,
  type Tx,
  write,
} from '@parcours/eventstore';
import type { IntakeDb } from './entities.ts';
import { awaitsOrientation, type IntakeEvent } from './intake/intake.ts';
import type { MassEventEvent } from './mass-events/mass-event.ts';

type Handled = IntakeEvent | MassEventEvent;
type Recorded = Extract<IntakeEvent, { type: 'IntakeRecorded' }>['data'];

interface SummaryRow {
  intakeId: string;
  caseId: string;
  channel: string;
  status: 'open' | 'ready' | 'merged';
  offenceCategory: string;
  urgency: string;
  officeId: string | null;
  associationId: string | null;
  massEventId: string | null;
  matchKey: string | null;
  mergedInto: string | null;
  recordedBy: string;
  recordedAt: string;
  awaitsOrientation: boolean;
}

function summaryRow(data: Recorded): SummaryRow {
  const { intakeId, caseId, details, profile, matchKey, recordedBy, recordedAt } = data;
  return {
    intakeId,
    caseId,
    channel: details.channel,
    status: 'open',
    offenceCategory: profile.offenceCategory,
    urgency: profile.urgency,
    officeId: details.channel === 'walk-in' ? details.officeId : null,
    associationId: details.channel === 'walk-in' ? details.associationId : null,
    massEventId: details.channel === 'mass-event' ? details.massEventId : null,
    matchKey: matchKey ?? null,
    mergedInto: null,
    recordedBy,
    recordedAt,
    awaitsOrientation: awaitsOrientation(details),
  };
}

/**
 * The intake service's tables for lists, fed in global order by the ProjectionRunner (inline, in
 * each append's transaction, they cost the helpline ~10 % of its calls/s at full load): the
 * helpline's intake list (search without names), possible duplicates (on the match key) and the
 * mass-casualty events. Upserts make a replay harmless. The callback queue is inline
 * (callbacks/queue.ts).
 */
export function intakeViews(db: IntakeDb): Projection<Event> {
  const kysely = readModels(db.em());
  const projection: Projection<Event> = {
    name: 'intake-views',
    types: [
      'IntakeRecorded',
      'IntakeReadyForOrientation',
      'IntakeMerged',
      'IntakeProfileCorrected',
      'PersonalDataErased',
      'MassEventRecorded',
      'MassEventClosed',
    ],
    /**
     * The intakes recorded in the batch are folded in memory with their later events in the batch
     * (ready, merged) and inserted in one statement; every other event is applied on its own, in order.
     */
    async applyBatch(tx: Tx, events: StoredEvent<Event>[]) {
      const created = new Map<string, SummaryRow>();
      const rest: StoredEvent<Event>[] = [];
      for (const stored of events) {
        const event = { type: stored.type, data: stored.data } as Handled;
        if (event.type === 'IntakeRecorded') {
          created.set(event.data.intakeId, summaryRow(event.data));
          continue;
        }
        const row =
          event.type === 'IntakeReadyForOrientation' || event.type === 'IntakeMerged'
            ? created.get(event.data.intakeId)
            : undefined;
        if (!row) rest.push(stored);
        else if (event.type === 'IntakeReadyForOrientation')
          row.status = row.status === 'open' ? 'ready' : row.status;
        else if (event.type === 'IntakeMerged')
          Object.assign(row, { status: 'merged', mergedInto: event.data.into });
      }
      if (created.size > 0) {
        const rows = [...created.values()];
        const column = <K extends keyof SummaryRow>(key: K) => rows.map((row) => row[key]);
        // One hand-written statement for the batch: bench/intake measured the typed builder's
        // per-row values list slower than unnest at full load.
        await tx.query(
          `INSERT INTO intake_summaries (intake_id, case_id, channel, status, offence_category, urgency, office_id,
           association_id, mass_event_id, match_key, merged_into, recorded_by, recorded_at, awaits_orientation)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[], $14::boolean[])
         ON CONFLICT (intake_id) DO NOTHING`,
          [
            column('intakeId'),
            column('caseId'),
            column('channel'),
            column('status'),
            column('offenceCategory'),
            column('urgency'),
            column('officeId'),
            column('associationId'),
            column('massEventId'),
            column('matchKey'),
            column('mergedInto'),
            column('recordedBy'),
            column('recordedAt'),
            column('awaitsOrientation'),
          ],
          'intake_summaries_insert_batch',
        );
      }
      for (const stored of rest) await projection.apply(tx, stored);
    },
    async apply(tx: Tx, stored: StoredEvent<Event>) {
      const event = { type: stored.type, data: stored.data } as Handled;
      switch (event.type) {
        case 'IntakeRecorded':
          await projection.applyBatch!(tx, [stored]);
          return;
        case 'IntakeReadyForOrientation':
          await write(
            tx,
            kysely
              .updateTable('intake_summaries')
              .set({ status: 'ready' })
              .where('intakeId', '=', event.data.intakeId)
              .where('status', '=', 'open'),
          );
          return;
        case 'IntakeMerged':
          await write(
            tx,
            kysely
              .updateTable('intake_summaries')
              .set({ status: 'merged', mergedInto: event.data.into })
              .where('intakeId', '=', event.data.intakeId),
          );
          return;
        case 'IntakeProfileCorrected': {
          const { intakeId, changes, matchKey } = event.data;
          const set = {
            ...(changes.offenceCategory ? { offenceCategory: changes.offenceCategory } : {}),
            ...(changes.urgency ? { urgency: changes.urgency } : {}),
            ...(matchKey === undefined ? {} : { matchKey }),
          };
          if (Object.keys(set).length === 0) return;
          await write(tx, kysely.updateTable('intake_summaries').set(set).where('intakeId', '=', intakeId));
          return;
        }
        case 'PersonalDataErased':
          // The match key is a pseudonym of the person: erased ones no longer link to anyone.
          await write(
            tx,
            kysely
              .updateTable('intake_summaries')
              .set({ matchKey: null })
              .where('intakeId', '=', event.data.intakeId),
          );
          return;
        case 'MassEventRecorded': {
          const { massEventId, name, kind, occurredOn, communeCode, offenceCategory, at } = event.data;
          await write(
            tx,
            kysely
              .insertInto('mass_events')
              .values({
                massEventId,
                name,
                kind,
                occurredOn,
                communeCode,
                offenceCategory,
                status: 'open',
                recordedAt: new Date(at),
              })
              .onConflict((conflict) => conflict.column('massEventId').doNothing()),
          );
          return;
        }
        case 'MassEventClosed':
          await write(
            tx,
            kysely
              .updateTable('mass_events')
              .set({ status: 'closed' })
              .where('massEventId', '=', event.data.massEventId),
          );
          return;
      }
    },
    async reset(tx: Tx) {
      await tx.query('TRUNCATE intake_summaries, mass_events');
    },
  };
  return projection;
}
