import { conflict, notFound, unprocessable } from '@parcours/service-kit';

/** The intake domain's refusals: `code` is stable, `detail` never quotes personal data. */
export const IntakeErrors = {
  alreadyRecorded: () => conflict('intake_already_recorded', 'This intake is already recorded'),
  notFound: () => notFound('intake_not_found', 'No such intake'),
  merged: () => conflict('intake_merged', 'This intake was merged into another one'),
  alreadyErased: () => conflict('personal_data_erased', "This intake's personal data was already erased"),
  unknownOffice: () =>
    unprocessable('unknown_office', 'The office is not in the directory', {
      errors: [{ field: '/body/officeId', message: 'unknown office' }],
    }),
  officeTypeMismatch: () =>
    unprocessable('office_type_mismatch', 'The office type does not match the directory', {
      errors: [{ field: '/body/officeType', message: 'does not match the directory' }],
    }),
  unknownAgreement: () =>
    unprocessable('unknown_agreement', 'No such partner agreement', {
      errors: [{ field: '/body/agreementId', message: 'unknown agreement' }],
    }),
  agreementNotInForce: () =>
    unprocessable('agreement_not_in_force', 'The partner agreement is not in force on this date', {
      errors: [{ field: '/body/agreementId', message: 'not in force' }],
    }),
  notAttackedAtWork: () =>
    unprocessable('not_covered_by_agreement', 'A partner agreement covers employees attacked at work', {
      errors: [{ field: '/body/attackedAtWork', message: 'must be true for a partner intake' }],
    }),
  dueDateInPast: () =>
    unprocessable('requisition_due_date_past', 'The requisition is already due', {
      errors: [{ field: '/body/dueDate', message: 'is in the past' }],
    }),
  unknownMassEvent: () => unprocessable('unknown_mass_event', 'No such mass-casualty event'),
  massEventClosed: () => unprocessable('mass_event_closed', 'The mass-casualty event is closed'),
  anonymousWithIdentity: () =>
    unprocessable('anonymous_with_identity', 'An anonymous call carries no identity', {
      errors: [{ field: '/body/personal/identity', message: 'must be absent when anonymous' }],
    }),
  identityRequired: () =>
    unprocessable('identity_required', 'This channel records the victim identity', {
      errors: [{ field: '/body/personal/identity', message: 'is required' }],
    }),
  overrideReasonRequired: () =>
    unprocessable('override_reason_required', 'A consent override needs a reason', {
      errors: [{ field: '/body/reason', message: 'is required' }],
    }),
  consentNotMissing: () =>
    conflict('consent_not_missing', 'The victim consented to services: nothing to override'),
  incomplete: (missing: string[]) =>
    unprocessable('intake_incomplete', `The intake cannot be oriented yet: ${missing.join(', ')}`, {
      errors: missing.map((field) => ({ field, message: 'is missing' })),
    }),
  alreadyOriented: () =>
    conflict('intake_already_oriented', 'The intake was oriented: its profile travels with its referral now'),
  nothingToCorrect: () => unprocessable('nothing_to_correct', 'A correction changes at least one fact'),
  callbackForUnknownIntake: () =>
    unprocessable('unknown_intake', 'No such intake to call back about', {
      errors: [{ field: '/body/intakeId', message: 'unknown intake' }],
    }),
  mergeIntoItself: () => unprocessable('merge_into_itself', 'An intake cannot be merged into itself'),
  survivorNotFound: () => unprocessable('merge_target_not_found', 'The intake to merge into does not exist'),
  survivorMerged: () => unprocessable('merge_target_merged', 'The intake to merge into was itself merged'),
};
