import { defineEntity, p } from '@mikro-orm/core';
import type { Projection, StoredEvent, Tx } from '@parcours/eventstore';
import { type FileEvent, isActivity } from '../file/file.ts';

/** A file in the lists: per office, per caseworker (migration 0300_followup_read_models). */
export const FileSummary = defineEntity({
  name: 'FileSummary',
  tableName: 'followup_files',
  properties: {
    fileId: p.text().primary(),
    caseId: p.text(),
    associationId: p.text(),
    officeId: p.text(),
    status: p.text(),
    origin: p.text(),
    referralId: p.text(),
    linkedFileId: p.text().nullable(),
    caseworkerId: p.text().nullable(),
    channel: p.text(),
    offenceCategory: p.text(),
    urgency: p.text(),
    needs: p.json<string[]>(),
    actionCount: p.integer().default(0),
    mediationOpen: p.boolean().default(false),
    closedReason: p.text().nullable(),
    openedAt: p.datetime().columnType('timestamptz'),
    lastActivityAt: p.datetime().columnType('timestamptz'),
    flaggedInactiveSince: p.datetime().columnType('timestamptz').nullable(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** A support action on the file's page; its note stays the encrypted envelope. */
export const SupportActionRow = defineEntity({
  name: 'SupportActionRow',
  tableName: 'followup_actions',
  properties: {
    actionId: p.text().primary(),
    fileId: p.text(),
    kind: p.text(),
    on: p.datetime().columnType('timestamptz'),
    durationMinutes: p.integer(),
    channel: p.text(),
    staffIds: p.json<string[]>(),
    note: p.json<Record<string, string>>().nullable(),
    scheme: p.text().nullable(),
    orientedTo: p.text().nullable(),
    hearingId: p.text().nullable(),
    recordedBy: p.text(),
    recordedAt: p.datetime().columnType('timestamptz'),
  },
});

/** A task for the overdue lists; its assignee, else the file's caseworker, is who it falls to. */
export const TaskRow = defineEntity({
  name: 'TaskRow',
  tableName: 'followup_tasks',
  properties: {
    taskId: p.text().primary(),
    fileId: p.text(),
    associationId: p.text(),
    officeId: p.text(),
    kind: p.text(),
    dueAt: p.datetime().columnType('timestamptz'),
    assigneeId: p.text().nullable(),
    status: p.text(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

export const followUpEntities = [FileSummary, SupportActionRow, TaskRow] as const;

const statusAfter: Partial<Record<FileEvent['type'], string>> = {
  ClosureRequested: 'closure-requested',
  ClosureRefused: 'open',
  FileClosed: 'closed',
  FileTransferred: 'transferred',
  FileReopened: 'open',
};

type Opened = Extract<FileEvent, { type: 'FileOpened' }>['data'];

/** Files' rows as they open, in one statement for a batch (a consumer's batch opens many). */
async function insertFiles(tx: Tx, opened: readonly Opened[]): Promise<void> {
  const linked = (d: Opened) =>
    d.origin.kind === 'transfer'
      ? d.origin.fromFileId
      : d.origin.kind === 'added-service'
        ? d.origin.holderFileId
        : null;
  await tx.query(
    `INSERT INTO followup_files (file_id, case_id, association_id, office_id, status, origin, referral_id,
       linked_file_id, channel, offence_category, urgency, needs, opened_at, last_activity_at, updated_at)
     SELECT f.file_id, f.case_id, f.association_id, f.office_id, 'open', f.origin, f.referral_id, f.linked_file_id,
            f.channel, f.offence_category, f.urgency, f.needs, f.at, f.at, f.at
     FROM json_to_recordset($1::json) AS f(file_id text, case_id text, association_id text, office_id text,
       origin text, referral_id text, linked_file_id text, channel text, offence_category text, urgency text,
       needs jsonb, at timestamptz)
     ON CONFLICT (file_id) DO NOTHING`,
    [
      JSON.stringify(
        opened.map((d) => ({
          file_id: d.fileId,
          case_id: d.facts.caseId,
          association_id: d.place.associationId,
          office_id: d.place.officeId,
          origin: d.origin.kind,
          referral_id: d.origin.referralId,
          linked_file_id: linked(d),
          channel: d.facts.channel,
          offence_category: d.facts.offenceCategory,
          urgency: d.facts.urgency,
          needs: d.facts.needs,
          at: d.at,
        })),
      ),
    ],
    'followup_files_open',
  );
}

/**
 * The lists' rows, written in each append's transaction (inline): a file is in its office's list
 * when the command that opened it commits. Inserts ignore a row already there and updates set
 * absolute values or count events once per append, so a rebuild from the start gives the same rows.
 * Raw SQL: one statement per event on the consumers' hot path; 2.1 % of the service's CPU in
 * bench/followup's run of 2026-12-01 02:57 (profiled), where mikro-orm's row mapping alone took 5.4 %.
 */
async function apply(tx: Tx, stored: StoredEvent<FileEvent>): Promise<void> {
  const event = { type: stored.type, data: stored.data } as FileEvent;
  const fileId = stored.streamId.replace(/^followup-file-/, '');
  if (event.type === 'FileOpened') return insertFiles(tx, [event.data]);
  const sets: string[] = ['updated_at = $2'];
  const params: unknown[] = [fileId, event.data.at];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (isActivity(event)) {
    set('last_activity_at', event.data.at);
    sets.push('flagged_inactive_since = NULL');
  }
  const status = statusAfter[event.type];
  if (status) set('status', status);
  switch (event.type) {
    case 'FileAssigned':
      set('caseworker_id', event.data.caseworkerId);
      break;
    case 'FileClosed':
      set('closed_reason', event.data.reason);
      break;
    case 'FileTransferred':
      set('closed_reason', 'transferred');
      break;
    case 'FileReopened':
      sets.push('closed_reason = NULL');
      break;
    case 'FileFlaggedInactive':
      set('flagged_inactive_since', event.data.since);
      break;
    case 'MediationRequested':
      sets.push('mediation_open = true');
      break;
    case 'MediationOutcomeRecorded':
      sets.push('mediation_open = false');
      break;
    case 'TaskCreated':
    case 'TaskRescheduled':
    case 'TaskCompleted':
    case 'TaskCancelled':
      await applyTask(tx, fileId, event);
      break;
    case 'SupportActionRecorded':
      await insertAction(tx, fileId, event.data);
      sets.push(
        'action_count = (SELECT count(*)::int FROM followup_actions WHERE followup_actions.file_id = $1)',
      );
      break;
  }
  await tx.query(`UPDATE followup_files SET ${sets.join(', ')} WHERE file_id = $1`, params);
}

type TaskEvent = Extract<
  FileEvent,
  { type: 'TaskCreated' | 'TaskRescheduled' | 'TaskCompleted' | 'TaskCancelled' }
>;

async function applyTask(tx: Tx, fileId: string, event: TaskEvent): Promise<void> {
  const d = event.data;
  if (event.type === 'TaskCreated') {
    await tx.query(
      `INSERT INTO followup_tasks (task_id, file_id, association_id, office_id, kind, due_at, assignee_id, status, updated_at)
       SELECT $1, f.file_id, f.association_id, f.office_id, $3, $4, $5, 'open', $6 FROM followup_files f WHERE f.file_id = $2
       ON CONFLICT (task_id) DO NOTHING`,
      [d.taskId, fileId, event.data.kind, event.data.dueAt, event.data.assigneeId ?? null, d.at],
      'followup_tasks_insert',
    );
    return;
  }
  const [set, value] =
    event.type === 'TaskRescheduled'
      ? ['due_at', event.data.dueAt]
      : ['status', event.type === 'TaskCompleted' ? 'done' : 'cancelled'];
  await tx.query(`UPDATE followup_tasks SET ${set} = $2, updated_at = $3 WHERE task_id = $1`, [
    d.taskId,
    value,
    d.at,
  ]);
}

async function insertAction(
  tx: Tx,
  fileId: string,
  a: Extract<FileEvent, { type: 'SupportActionRecorded' }>['data'],
): Promise<void> {
  await tx.query(
    `INSERT INTO followup_actions (action_id, file_id, kind, "on", duration_minutes, channel, staff_ids, note,
       scheme, oriented_to, hearing_id, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (action_id) DO NOTHING`,
    [
      a.actionId,
      fileId,
      a.kind,
      a.on,
      a.durationMinutes,
      a.channel,
      JSON.stringify(a.staffIds),
      a.note ? JSON.stringify(a.note) : null,
      a.scheme ?? null,
      a.orientedTo ?? null,
      a.hearingId ?? null,
      a.by,
      a.at,
    ],
    'followup_actions_insert',
  );
}

/** Files, their actions and tasks as an inline projection (the runner only rebuilds them). */
export const fileViews: Projection<FileEvent> = {
  name: 'followup-file-views',
  types: [
    'FileOpened',
    'FileAssigned',
    'ClosureRequested',
    'ClosureRefused',
    'FileClosed',
    'FileTransferred',
    'FileReopened',
    'FileFlaggedInactive',
    'MediationRequested',
    'MediationOutcomeRecorded',
    'SupportActionRecorded',
    'TaskCreated',
    'TaskRescheduled',
    'TaskCompleted',
    'TaskCancelled',
  ],
  inline: true,
  apply: (tx: Tx, stored: StoredEvent<FileEvent>) => apply(tx, stored),
  // The files a batch opens in one statement first (nothing else in a batch reads a file's row
  // before its opening), then every other event in order.
  async applyBatch(tx: Tx, events: StoredEvent<FileEvent>[]) {
    const opened = events.flatMap((e) => (e.type === 'FileOpened' ? [e.data as Opened] : []));
    if (opened.length > 0) await insertFiles(tx, opened);
    for (const event of events) if (event.type !== 'FileOpened') await apply(tx, event);
  },
  async reset(tx: Tx) {
    await tx.query('TRUNCATE followup_files, followup_actions, followup_tasks');
  },
};
