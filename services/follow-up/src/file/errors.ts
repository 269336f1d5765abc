import { conflict, forbidden, notFound, unprocessable } from '@parcours/service-kit';

/** Every refusal of the follow-up domain, with its code (problem+json `code`). Details never carry personal data. */
export const FileErrors = {
  notFound: () => notFound('file_not_found', 'No such file'),
  exists: () => conflict('file_exists', 'A file with this id exists for another referral'),
  readOnly: () =>
    conflict('file_read_only', 'This file was transferred to another office: it is a read-only trace'),
  closed: () => conflict('file_closed', 'This file is closed: reopen it first'),
  invalid: (code: string, detail: string) => unprocessable(code, detail),
  conflict: (code: string, detail: string) => conflict(code, detail),
  // Assignment
  notOnRoster: () =>
    unprocessable('not_on_roster', 'The caseworker is not on the roster of the file’s office'),
  overCapacity: (openFiles: number, capacity: number) =>
    conflict(
      'caseworker_over_capacity',
      `The caseworker holds ${openFiles} open files for a capacity of ${capacity}: the office manager may force it`,
    ),
  forceNeedsManager: () => forbidden('force_needs_manager', 'Only the office manager assigns over capacity'),
  // Closure
  approvalPending: () => conflict('closure_pending', 'A closure is already waiting for the office manager'),
  noClosurePending: () => conflict('no_closure_pending', 'No closure is waiting for approval'),
  reasonReserved: () =>
    unprocessable('closure_reason_reserved', 'A file is closed as transferred only by an accepted transfer'),
  unreachableTooEarly: (
    unanswered: number,
    spanDays: number,
    policy: { unansweredAttempts: number; overDays: number },
  ) =>
    conflict(
      'unreachable_too_early',
      `${unanswered} unanswered attempts over ${spanDays} days; closing as unreachable needs ${policy.unansweredAttempts} over ${policy.overDays} days`,
    ),
  notClosed: () => conflict('file_not_closed', 'Only a closed file can be reopened'),
  // Mediation
  mediationConsent: () =>
    unprocessable('mediation_consent_required', 'A mediation is requested only with the victim’s consent'),
  coupleViolence: () =>
    unprocessable('penal_mediation_excluded', 'Penal mediation is not allowed for violence within a couple'),
  mediationOpen: () => conflict('mediation_already_open', 'A mediation is already requested for this file'),
  noMediation: () => conflict('no_mediation', 'No mediation was requested with this id'),
};
