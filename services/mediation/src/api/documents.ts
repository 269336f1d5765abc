import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { logAccess } from '@parcours/eventstore';
import { Type } from '@sinclair/typebox';
import { MediationErrors } from '../errors.ts';
import { invitation } from '../invitations/ical.ts';
import { hasMediation } from '../mandate/mandate.ts';
import type { MediationModule } from '../module.ts';
import { renderReport } from '../report/pdf.ts';
import { type ConcludedMediation, prosecutorReport } from '../report/report.ts';
import { allow, mediationStaff, targetOf } from './guard.ts';
import { InvitationParams, MandateParams } from './schemas.ts';

type Identity = { name: string; email?: string };
const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary' }) } },
});

/**
 * The documents with names in them: the report to the prosecutor (PDF) and each party's invitation
 * (iCalendar). Names are decrypted for the document only, and every read is logged.
 */
export const documentRoutes: FastifyPluginAsyncTypebox<{ module: MediationModule }> = async (
  app,
  { module },
) => {
  const { mediation, keys, db, config } = module;
  const identity = async (envelope: Parameters<typeof keys.tryDecrypt>[0]) =>
    (await keys.tryDecrypt<Identity>(envelope)) ?? { name: 'données effacées' };

  app.get(
    '/mandates/:mandateId/report.pdf',
    {
      schema: {
        tags: ['mediation'],
        summary: 'The report to the prosecutor, as a PDF (a returned or agreed mandate)',
        params: MandateParams,
        response: { 200: binary('application/pdf', 'The report') },
      },
      preHandler: mediationStaff,
    },
    async (request, reply) => {
      const state = await mediation.mandate(request.params.mandateId);
      allow(request.actor, 'read', targetOf(state));
      if (!hasMediation(state) || state.status === 'open')
        throw MediationErrors.wrongStatus(state.status, 'reported');
      const concluded = state as ConcludedMediation;
      await logAccess(db, {
        actor: request.actor.id,
        subject: { kind: 'mediation', id: request.params.mandateId },
        purpose: 'report to the prosecutor',
      });
      const parties: Record<string, string> = {};
      for (const party of Object.values(concluded.parties))
        parties[party.partyId] = (await identity(party.personal)).name;
      const termDetails: Record<string, string> = {};
      if (concluded.status !== 'returned')
        for (const term of concluded.agreement.terms)
          if ('details' in term && term.details) {
            const text = await keys.tryDecrypt<string>(term.details);
            if (text) termDetails[term.termId] = text;
          }
      // The mediator by name (their stream); one registered before names were kept, by id.
      const mediator = concluded.mediatorId ? await mediation.mediator(concluded.mediatorId) : undefined;
      const mediatorName =
        mediator?.status === 'registered'
          ? (mediator.mediator.name ?? mediator.mediator.mediatorId)
          : undefined;
      const report = prosecutorReport({
        state: concluded,
        names: {
          parties,
          mediator: mediatorName ?? 'non désigné',
          court: concluded.mandate.court,
          association: concluded.mandate.associationId,
        },
        termDetails,
        writtenAt: new Date(),
        policy: mediation.policy,
      });
      const pdf = await renderReport(report);
      return reply.type('application/pdf').send(Buffer.from(pdf));
    },
  );

  app.get(
    '/mandates/:mandateId/sessions/:sessionId/invitations/:partyId/invite.ics',
    {
      schema: {
        tags: ['mediation'],
        summary:
          'A party’s invitation as iCalendar: the same UID in every version, SEQUENCE counts the changes, METHOD:CANCEL once cancelled',
        params: InvitationParams,
        response: { 200: binary('text/calendar', 'The invitation') },
      },
      preHandler: mediationStaff,
    },
    async (request, reply) => {
      const { mandateId, sessionId, partyId } = request.params;
      const state = await mediation.mandate(mandateId);
      allow(request.actor, 'read', targetOf(state));
      if (!hasMediation(state)) throw MediationErrors.notFound('session');
      const session = state.sessions[sessionId];
      if (!session) throw MediationErrors.notFound('session');
      const party = state.parties[partyId];
      if (!party || !session.convocations.some((c) => c.partyId === partyId))
        throw MediationErrors.notFound('party');
      await logAccess(db, {
        actor: request.actor.id,
        subject: { kind: 'mediation', id: mandateId },
        purpose: 'invitation to a mediation session',
      });
      const person = await identity(party.personal);
      const room = (await mediation.rooms(session.officeId)).rooms[session.roomId];
      const ics = invitation({
        session,
        recipient: { name: person.name, email: person.email ?? `party-${partyId}@invalid`, partyId },
        organizer: { name: 'Médiation pénale', email: config.INVITATION_ORGANIZER_EMAIL },
        location: `${session.officeId}, ${room?.name ?? `salle ${session.roomId}`}`,
        reference: state.mandate.prosecutorReference,
        stamp: new Date(),
        timeZone: mediation.policy.timeZone,
        uidDomain: config.INVITATION_DOMAIN,
      });
      return reply.type('text/calendar; charset=utf-8').send(ics);
    },
  );
};
