import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { commandMetadata, commandRoute, forbidden, requireRole, StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { assertCan } from '../access.ts';
import type { Place } from '../command.ts';
import type { FollowUpModule } from '../module.ts';
import { type RosterState, StaffRoles } from './roster.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const OfficeParams = Type.Object({ officeId: Id }, { additionalProperties: false });
const StaffParams = Type.Object({ officeId: Id, staffId: Id }, { additionalProperties: false });
const Member = Type.Object({
  staffId: Type.String(),
  role: StringEnum(StaffRoles),
  capacity: Type.Integer(),
});
const RosterView = Type.Object({ officeId: Type.String(), staff: Type.Array(Member) });
const CaseloadView = Type.Object({
  officeId: Type.String(),
  caseworkers: Type.Array(
    Type.Object({
      staffId: Type.String(),
      role: Type.Union([StringEnum(StaffRoles), Type.Null()]),
      capacity: Type.Union([Type.Integer(), Type.Null()]),
      openFiles: Type.Integer(),
      overCapacity: Type.Boolean(),
    }),
  ),
});
const staffRoles = requireRole('caseworker', 'office-manager', 'association-manager', 'auditor');
const tags = ['roster'];

/**
 * The office's roster, kept by its office manager (who works there, their role, their capacity), and
 * the caseload per caseworker from the files' read model. The office's association is the manager's.
 */
export const rosterRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (
  app,
  { module },
) => {
  const { followUp, db } = module;

  /** The roster's office: as its first entry named it, else in the actor's association. */
  function placeOf(officeId: string, roster: RosterState, association: string | undefined): Place {
    if (roster.place) return roster.place;
    if (!association) throw forbidden('follow_up_forbidden', 'Your account has no association');
    return { associationId: association, officeId };
  }
  const view = (officeId: string, roster: RosterState) => ({
    officeId,
    staff: Object.values(roster.staff).sort((a, b) => a.staffId.localeCompare(b.staffId)),
  });

  app.get(
    '/offices/:officeId/roster',
    {
      schema: {
        tags,
        summary: 'Who works at the office',
        params: OfficeParams,
        response: { 200: RosterView },
      },
      preHandler: staffRoles,
    },
    async (request) => {
      const { officeId } = request.params;
      const roster = await followUp.loadRoster(officeId);
      assertCan(request.actor, 'roster:read', placeOf(officeId, roster, request.actor.association));
      return view(officeId, roster);
    },
  );

  app.put(
    '/offices/:officeId/roster/:staffId',
    commandRoute({
      summary: 'Put a person on the roster, or change their role or capacity (the office manager)',
      tags,
      params: StaffParams,
      body: Type.Object(
        { role: StringEnum(StaffRoles), capacity: Type.Integer({ minimum: 0, maximum: 500 }) },
        { additionalProperties: false },
      ),
      response: { 200: RosterView },
      preHandler: requireRole('office-manager', 'association-manager'),
      problems: [409, 422],
    }),
    async (request) => {
      const { officeId, staffId } = request.params;
      const roster = await followUp.loadRoster(officeId);
      const place = placeOf(officeId, roster, request.actor.association);
      const metadata = commandMetadata(request);
      const data = { ...place, staffId, role: request.body.role, capacity: request.body.capacity };
      const type = roster.staff[staffId] ? 'ChangeStaffMember' : 'AddStaffMember';
      return view(officeId, await followUp.executeRoster(officeId, { type, data, metadata }, metadata));
    },
  );

  app.post(
    '/offices/:officeId/roster/:staffId/remove',
    commandRoute({
      summary: 'Take a person off the roster (their open files reassigned first)',
      tags,
      params: StaffParams,
      response: { 200: RosterView },
      preHandler: requireRole('office-manager', 'association-manager'),
      problems: [409, 422],
    }),
    async (request) => {
      const { officeId, staffId } = request.params;
      const roster = await followUp.loadRoster(officeId);
      const place = placeOf(officeId, roster, request.actor.association);
      const metadata = commandMetadata(request);
      const openFiles = await followUp.openFiles(staffId);
      return view(
        officeId,
        await followUp.executeRoster(
          officeId,
          { type: 'RemoveStaffMember', data: { ...place, staffId, openFiles }, metadata },
          metadata,
        ),
      );
    },
  );

  app.get(
    '/offices/:officeId/caseload',
    {
      schema: {
        tags,
        summary: 'Open files per caseworker of the office, against their capacity',
        params: OfficeParams,
        response: { 200: CaseloadView },
      },
      preHandler: requireRole('office-manager', 'association-manager', 'auditor'),
    },
    async (request) => {
      const { officeId } = request.params;
      const roster = await followUp.loadRoster(officeId);
      assertCan(request.actor, 'caseload:read', placeOf(officeId, roster, request.actor.association));
      const rows = await db.query<{ caseworker_id: string; n: number }>(
        `SELECT caseworker_id, count(*)::int AS n FROM followup_files
         WHERE office_id = $1 AND caseworker_id IS NOT NULL AND status IN ('open', 'closure-requested')
         GROUP BY caseworker_id`,
        [officeId],
      );
      const load = new Map(rows.map((r) => [r.caseworker_id, r.n]));
      const ids = [...new Set([...Object.keys(roster.staff), ...load.keys()])].sort();
      return {
        officeId,
        caseworkers: ids.map((staffId) => {
          const member = roster.staff[staffId];
          const openFiles = load.get(staffId) ?? 0;
          return {
            staffId,
            role: member?.role ?? null,
            capacity: member?.capacity ?? null,
            openFiles,
            overCapacity: member ? openFiles > member.capacity : false,
          };
        }),
      };
    },
  );
};
