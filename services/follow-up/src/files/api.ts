import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type EncryptedEnvelope, logAccess, readModels, readRows } from '@parcours/eventstore';
import { forbidden, requireRole } from '@parcours/service-kit';
import type { Static } from '@sinclair/typebox';
import { assertCan, listScope } from '../access.ts';
import { FileErrors } from '../file/errors.ts';
import type { ActiveFile } from '../file/file.ts';
import type { FollowUpModule } from '../module.ts';
import { type FileItem, FileParams, FileView, ListQuery, ListResponse, ReadQuery } from './schemas.ts';
import type { PersonalView } from './view-schemas.ts';

/** The roles that may reach a file at all (access.ts decides where). */
export const fileReaders = requireRole('caseworker', 'office-manager', 'association-manager', 'auditor');

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);

/**
 * The files: lists per office and caseworker (no personal data), and one file with the victim's
 * personal data decrypted for those allowed, every such read written to the access log first.
 */
export const fileRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (app, { module }) => {
  const { db, followUp, keys } = module;

  app.get(
    '/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Files in my scope (office, association, or national for an auditor), filtered and paged',
        querystring: ListQuery,
        response: { 200: ListResponse },
      },
      preHandler: fileReaders,
    },
    async (request) => {
      const q = request.query;
      const scope = listScope(request.actor, 'file:read');
      if (!scope) throw forbidden('follow_up_forbidden', 'Your role does not allow reading files');
      let query = readModels(db.em()).selectFrom('followup_files');
      if (scope.kind === 'association') query = query.where('associationId', '=', scope.associationId);
      if (scope.kind === 'office') query = query.where('officeId', '=', scope.officeId);
      if (q.officeId) query = query.where('officeId', '=', q.officeId);
      if (q.caseworkerId) query = query.where('caseworkerId', '=', q.caseworkerId);
      if (q.caseId) query = query.where('caseId', '=', q.caseId);
      if (q.status) query = query.where('status', '=', q.status);
      if (q.urgency) query = query.where('urgency', '=', q.urgency);
      if (q.inactive !== undefined)
        query = query.where('flaggedInactiveSince', q.inactive ? 'is not' : 'is', null);
      const [count] = await query.select((eb) => eb.fn.countAll<string>().as('n')).execute();
      const rows = await query
        .selectAll()
        .orderBy('openedAt', 'desc')
        .orderBy('fileId')
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      const items: Static<typeof FileItem>[] = rows.map((row) => ({
        ...row,
        channel: row.channel as Static<typeof FileItem>['channel'],
        offenceCategory: row.offenceCategory as Static<typeof FileItem>['offenceCategory'],
        urgency: row.urgency as Static<typeof FileItem>['urgency'],
        needs: row.needs as Static<typeof FileItem>['needs'],
        closedReason: row.closedReason as Static<typeof FileItem>['closedReason'],
        linkedFileId: row.linkedFileId ?? null,
        caseworkerId: row.caseworkerId ?? null,
        openedAt: iso(row.openedAt)!,
        lastActivityAt: iso(row.lastActivityAt)!,
        flaggedInactiveSince: iso(row.flaggedInactiveSince),
        readOnly: row.status === 'transferred',
      }));
      return { items, total: Number(count?.n ?? 0), limit: q.limit, offset: q.offset };
    },
  );

  app.get(
    '/files/:fileId',
    {
      schema: {
        tags: ['files'],
        summary: "A file with the victim's personal data (each read is written to the access log)",
        params: FileParams,
        querystring: ReadQuery,
        response: { 200: FileView },
      },
      preHandler: fileReaders,
    },
    async (request) => {
      // The stream and the actions are read together; nothing leaves before the checks and the log.
      const [state, actions] = await Promise.all([
        followUp.loadFile(request.params.fileId),
        actionRows(request.params.fileId),
      ]);
      if (state.status === 'none') throw FileErrors.notFound();
      assertCan(request.actor, 'file:read', state.file.place);
      // Logged before the data is decrypted: a read that cannot be logged does not happen.
      await logAccess(db, {
        actor: request.actor.id,
        subject: { kind: 'followup-file', id: state.file.fileId },
        purpose: request.query.purpose,
      });
      return fileView(state, await decryptNotes(actions));
    },
  );

  // readRows: a file's actions are its largest read (200 rows in the bench), renamed once per query.
  const actionRows = (fileId: string) =>
    readRows(
      db,
      readModels(db.em())
        .selectFrom('followup_actions')
        .selectAll()
        .where('fileId', '=', fileId)
        .orderBy('on', 'desc')
        .orderBy('actionId'),
    );

  async function decryptNotes(rows: Awaited<ReturnType<typeof actionRows>>) {
    return Promise.all(
      rows.map(async (row) => ({
        ...row,
        kind: row.kind as Static<typeof FileView>['actions'][number]['kind'],
        channel: row.channel as Static<typeof FileView>['actions'][number]['channel'],
        on: iso(row.on)!,
        recordedAt: iso(row.recordedAt)!,
        note: row.note ? await keys.tryDecrypt<string>(row.note as unknown as EncryptedEnvelope) : null,
        scheme: row.scheme ?? null,
        orientedTo: row.orientedTo ?? null,
        hearingId: row.hearingId ?? null,
      })),
    );
  }

  async function fileView(state: ActiveFile, actions: Static<typeof FileView>['actions']) {
    const { personal, ...facts } = state.file.facts;
    return {
      fileId: state.file.fileId,
      caseId: facts.caseId,
      status: state.status,
      readOnly: state.status === 'transferred',
      ...state.file.place,
      timeZone: state.file.timeZone,
      origin: state.file.origin,
      caseworkerId: state.caseworkerId ?? null,
      openedAt: state.openedAt,
      lastActivityAt: state.lastActivityAt,
      flaggedInactiveSince: state.flaggedInactiveSince ?? null,
      facts,
      personal: await keys.tryDecrypt<Static<typeof PersonalView>>(personal),
      closureRequest: state.closureRequest ?? null,
      closed: state.closed ?? null,
      transferredTo: state.transferredTo?.to ?? null,
      mediation: state.mediation ?? null,
      actions,
      contact: state.contact,
      evvi: state.evvi,
      procedure: state.procedure,
      compensation: state.compensation,
      tasks: state.tasks,
    };
  }
};
