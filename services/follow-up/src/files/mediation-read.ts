import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ContactNumbers, OffenceCategories } from '@parcours/contracts';
import { logAccess } from '@parcours/eventstore';
import { requireRole, StringEnum } from '@parcours/service-kit';
import { type Static, Type } from '@sinclair/typebox';
import { assertCan } from '../access.ts';
import { allowedNumber, type SafeContactRules } from '../contact/safe-contact.ts';
import { FileErrors } from '../file/errors.ts';
import type { FollowUpModule } from '../module.ts';
import { FileParams, FileStatuses, ReadQuery } from './schemas.ts';
import {
  MediationView,
  Nullable,
  type PersonalView,
  ProcedureView,
  SafeContactRules as RulesView,
} from './view-schemas.ts';

/**
 * What a mediation needs of a file, and nothing more: the victim's name and the one way to reach
 * them that the safe-contact rules allow, the offence, the procedure's references and the mediation
 * request. No support notes, no EVVI, no narrative, no address. A mediator reads it once a mediation
 * is requested (access.ts, `file:read-for-mediation`); every read is written to the access log first.
 */
export const MediationFileView = Type.Object({
  fileId: Type.String(),
  caseId: Type.String(),
  associationId: Type.String(),
  officeId: Type.String(),
  status: StringEnum(FileStatuses),
  offenceCategory: StringEnum(OffenceCategories),
  victim: Nullable(
    Type.Object(
      {
        lastName: Type.Optional(Type.String()),
        firstName: Type.Optional(Type.String()),
        /** The only contact the rules allow: the safe number, the third party, or the phone and email. */
        phone: Type.Optional(Type.String()),
        email: Type.Optional(Type.String()),
        thirdParty: Type.Optional(Type.String()),
        /** The safe hours as the victim said them (the windows below are the ones enforced). */
        safeHours: Type.Optional(Type.String()),
      },
      { description: "The victim's name and allowed contact, decrypted; null once their key is erased" },
    ),
  ),
  safeContact: Type.Object({
    rules: RulesView,
    timeZone: Type.String(),
    number: StringEnum(ContactNumbers),
  }),
  procedure: Type.Object({
    complaint: ProcedureView.properties.complaint,
    prosecution: ProcedureView.properties.prosecution,
  }),
  mediation: Nullable(MediationView),
});
type View = Static<typeof MediationFileView>;
type Personal = Static<typeof PersonalView>;

/** The victim's name and the contact the rules allow: the safe number alone, the third party alone, or the usual ones. */
export function victimForMediation(personal: Personal | null, rules: SafeContactRules): View['victim'] {
  if (!personal) return null;
  const { identity, contact = {} } = personal;
  const allowed = rules.throughThirdParty
    ? { thirdParty: contact.thirdParty }
    : rules.safeNumber
      ? { phone: contact.safeNumber }
      : { phone: contact.phone, email: contact.email };
  const defined = Object.entries({
    lastName: identity?.lastName,
    firstName: identity?.firstName,
    ...allowed,
    safeHours: rules.safeHours ? contact.safeHours : undefined,
  }).filter(([, value]) => typeof value === 'string');
  return Object.fromEntries(defined);
}

/** The staff who reach the file, and the mediator (for a requested mediation only: access.ts). */
const mediationReaders = requireRole(
  'caseworker',
  'office-manager',
  'association-manager',
  'auditor',
  'mediator',
);

export const mediationReadRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (
  app,
  { module },
) => {
  app.get(
    '/files/:fileId/for-mediation',
    {
      schema: {
        tags: ['files'],
        summary:
          'What a mediation needs: the victim’s name and allowed contact, the offence, the procedure’s references (each read is logged)',
        params: FileParams,
        querystring: ReadQuery,
        response: { 200: MediationFileView },
      },
      preHandler: mediationReaders,
    },
    async (request) => {
      const state = await module.followUp.loadFile(request.params.fileId);
      if (state.status === 'none') throw FileErrors.notFound();
      const { file, contact, procedure } = state;
      assertCan(request.actor, 'file:read-for-mediation', {
        ...file.place,
        mediationRequested: state.mediation !== undefined,
      });
      await logAccess(module.db, {
        actor: request.actor.id,
        subject: { kind: 'followup-file', id: file.fileId },
        purpose: `mediation: ${request.query.purpose}`,
      });
      const personal = await module.keys.tryDecrypt<Personal>(file.facts.personal);
      return {
        fileId: file.fileId,
        caseId: file.facts.caseId,
        ...file.place,
        status: state.status,
        offenceCategory: file.facts.offenceCategory,
        victim: victimForMediation(personal, contact.rules),
        safeContact: {
          rules: contact.rules,
          timeZone: contact.timeZone,
          number: allowedNumber(contact.rules),
        },
        procedure: {
          ...(procedure.complaint ? { complaint: procedure.complaint } : {}),
          ...(procedure.prosecution ? { prosecution: procedure.prosecution } : {}),
        },
        mediation: state.mediation ?? null,
      };
    },
  );
};
