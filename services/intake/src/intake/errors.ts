import { DomainError } from '@parcours/service-kit';

/** A rule of the intake domain refused the command; `code` is stable, `detail` never quotes personal data. */
export class IntakeError extends DomainError {
  constructor(code: string, status: number, detail: string, errors?: { field: string; message: string }[]) {
    super(
      code,
      status,
      status === 403
        ? 'Forbidden'
        : status === 404
          ? 'Not Found'
          : status === 409
            ? 'Conflict'
            : 'Unprocessable Content',
      {
        detail,
        ...(errors ? { errors } : {}),
      },
    );
    this.name = 'IntakeError';
  }
}

export const IntakeErrors = {
  alreadyRecorded: () => new IntakeError('intake_already_recorded', 409, 'This intake is already recorded'),
  notFound: () => new IntakeError('intake_not_found', 404, 'No such intake'),
  merged: () => new IntakeError('intake_merged', 409, 'This intake was merged into another one'),
  alreadyErased: () =>
    new IntakeError('personal_data_erased', 409, "This intake's personal data was already erased"),
  unknownOffice: () =>
    new IntakeError('unknown_office', 422, 'The office is not in the directory', [
      { field: '/body/officeId', message: 'unknown office' },
    ]),
  officeTypeMismatch: () =>
    new IntakeError('office_type_mismatch', 422, 'The office type does not match the directory', [
      { field: '/body/officeType', message: 'does not match the directory' },
    ]),
  officeOutOfScope: () =>
    new IntakeError('office_out_of_scope', 403, 'A caseworker records walk-ins for their own office only'),
  unknownAgreement: () =>
    new IntakeError('unknown_agreement', 422, 'No such partner agreement', [
      { field: '/body/agreementId', message: 'unknown agreement' },
    ]),
  agreementNotInForce: () =>
    new IntakeError('agreement_not_in_force', 422, 'The partner agreement is not in force on this date', [
      { field: '/body/agreementId', message: 'not in force' },
    ]),
  notAttackedAtWork: () =>
    new IntakeError(
      'not_covered_by_agreement',
      422,
      'A partner agreement covers employees attacked at work',
      [{ field: '/body/attackedAtWork', message: 'must be true for a partner intake' }],
    ),
  dueDateInPast: () =>
    new IntakeError('requisition_due_date_past', 422, 'The requisition is already due', [
      { field: '/body/dueDate', message: 'is in the past' },
    ]),
  unknownMassEvent: () => new IntakeError('unknown_mass_event', 422, 'No such mass-casualty event'),
  massEventClosed: () => new IntakeError('mass_event_closed', 422, 'The mass-casualty event is closed'),
  anonymousWithIdentity: () =>
    new IntakeError('anonymous_with_identity', 422, 'An anonymous call carries no identity', [
      { field: '/body/personal/identity', message: 'must be absent when anonymous' },
    ]),
  identityRequired: () =>
    new IntakeError('identity_required', 422, 'This channel records the victim identity', [
      { field: '/body/personal/identity', message: 'is required' },
    ]),
  overrideReasonRequired: () =>
    new IntakeError('override_reason_required', 422, 'A consent override needs a reason', [
      { field: '/body/reason', message: 'is required' },
    ]),
  consentNotMissing: () =>
    new IntakeError('consent_not_missing', 409, 'The victim consented to services: nothing to override'),
  incomplete: (missing: string[]) =>
    new IntakeError(
      'intake_incomplete',
      422,
      `The intake cannot be oriented yet: ${missing.join(', ')}`,
      missing.map((field) => ({ field, message: 'is missing' })),
    ),
  mergeIntoItself: () => new IntakeError('merge_into_itself', 422, 'An intake cannot be merged into itself'),
  survivorNotFound: () =>
    new IntakeError('merge_target_not_found', 422, 'The intake to merge into does not exist'),
  survivorMerged: () =>
    new IntakeError('merge_target_merged', 422, 'The intake to merge into was itself merged'),
};
