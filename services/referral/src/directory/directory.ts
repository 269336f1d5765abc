// Over 300 lines: one decider for the directory's five kinds of entity, which share its commands.
import { type OfficeType, OfficeTypes } from '@parcours/contracts';
import type { Decider, Event } from '@parcours/eventstore';
import { conflict, notFound } from '@parcours/service-kit';

export type { OfficeType } from '@parcours/contracts';
/**
 * The network's directory: associations and the communes or départements they cover, their welcome
 * offices, partners with their agreements, and foreign victim support organisations. Each entity is
 * its own stream (`directory-<kind>-<id>`), changed by commands, so its history is kept.
 */
export { OfficeTypes };

/** What an office is known to be good at, matched against the offence and needs. */
export const Specialities = [
  'couple-violence',
  'sexual-violence',
  'minors',
  'road-accident',
  'terrorism',
  'mass-casualty',
  'fraud-scam',
  'psychological-support',
  'evvi',
  'elderly',
] as const;
export type Speciality = (typeof Specialities)[number];

export interface Coverage {
  /** INSEE commune codes served directly (take precedence over département coverage). */
  communes: string[];
  departements: string[];
}

export interface Association {
  associationId: string;
  name: string;
  /** Département of its head office. */
  departement: string;
  coverage: Coverage;
  active: boolean;
}

export interface OpeningHours {
  /** 1 = Monday … 7 = Sunday. */
  days: number[];
  opens: string;
  closes: string;
}

export interface Office {
  officeId: string;
  associationId: string;
  name: string;
  type: OfficeType;
  address: { line: string; postcode: string; communeCode: string };
  openingHours: OpeningHours[];
  specialities: Speciality[];
  active: boolean;
}

export interface Partner {
  partnerId: string;
  name: string;
  sector: 'bank' | 'transport' | 'retail' | 'ministry' | 'insurance' | 'other';
}

export interface Agreement {
  agreementId: string;
  partnerId: string;
  scope: { kind: 'national' } | { kind: 'regional'; regions: string[] };
  /** The association that takes the referrals under this agreement. */
  associationId: string;
  validFrom: string;
  validUntil?: string;
  active: boolean;
}

export interface ForeignOrganisation {
  organisationId: string;
  countryCode: string;
  name: string;
  contact: { website?: string; phone?: string; email?: string };
  languages: string[];
  active: boolean;
}

type DirectoryEvent<Type extends string, Data> = Event<Type, Data> & { data: Data & { at: string } };

export type AssociationRegistered = DirectoryEvent<'AssociationRegistered', Omit<Association, 'active'>>;
export type AssociationCoverageChanged = DirectoryEvent<
  'AssociationCoverageChanged',
  { associationId: string; coverage: Coverage }
>;
export type AssociationClosed = DirectoryEvent<'AssociationClosed', { associationId: string }>;
export type OfficeOpened = DirectoryEvent<'OfficeOpened', Omit<Office, 'active'>>;
export type OfficeUpdated = DirectoryEvent<
  'OfficeUpdated',
  { officeId: string } & Partial<Pick<Office, 'name' | 'address' | 'openingHours' | 'specialities'>>
>;
export type OfficeClosed = DirectoryEvent<'OfficeClosed', { officeId: string; associationId: string }>;
export type PartnerRegistered = DirectoryEvent<'PartnerRegistered', Partner>;
export type AgreementSigned = DirectoryEvent<'AgreementSigned', Omit<Agreement, 'active'>>;
export type AgreementEnded = DirectoryEvent<'AgreementEnded', { agreementId: string; on: string }>;
export type ForeignOrganisationRegistered = DirectoryEvent<
  'ForeignOrganisationRegistered',
  Omit<ForeignOrganisation, 'active'>
>;
export type ForeignOrganisationUpdated = DirectoryEvent<
  'ForeignOrganisationUpdated',
  { organisationId: string } & Partial<Pick<ForeignOrganisation, 'name' | 'contact' | 'languages'>>
>;
export type ForeignOrganisationWithdrawn = DirectoryEvent<
  'ForeignOrganisationWithdrawn',
  { organisationId: string; countryCode: string }
>;

export type DirectoryEvents =
  | AssociationRegistered
  | AssociationCoverageChanged
  | AssociationClosed
  | OfficeOpened
  | OfficeUpdated
  | OfficeClosed
  | PartnerRegistered
  | AgreementSigned
  | AgreementEnded
  | ForeignOrganisationRegistered
  | ForeignOrganisationUpdated
  | ForeignOrganisationWithdrawn;

export const directoryEventTypes: DirectoryEvents['type'][] = [
  'AssociationRegistered',
  'AssociationCoverageChanged',
  'AssociationClosed',
  'OfficeOpened',
  'OfficeUpdated',
  'OfficeClosed',
  'PartnerRegistered',
  'AgreementSigned',
  'AgreementEnded',
  'ForeignOrganisationRegistered',
  'ForeignOrganisationUpdated',
  'ForeignOrganisationWithdrawn',
];

/** One entity of the directory, whatever its kind. */
export type DirectoryEntity =
  | { kind: 'association'; value: Association }
  | { kind: 'office'; value: Office }
  | { kind: 'partner'; value: Partner }
  | { kind: 'agreement'; value: Agreement }
  | { kind: 'foreign-organisation'; value: ForeignOrganisation };

export type DirectoryState = { status: 'none' } | { status: 'present'; entity: DirectoryEntity };

export const directoryStreamId = (kind: DirectoryEntity['kind'], id: string) => `directory-${kind}-${id}`;

type Cmd<Type extends string, Data> = { type: Type; data: Data; metadata: { now: Date } };
export type DirectoryCommand =
  | Cmd<'RegisterAssociation', Omit<Association, 'active'>>
  | Cmd<'ChangeCoverage', { associationId: string; coverage: Coverage }>
  | Cmd<'CloseAssociation', { associationId: string }>
  | Cmd<'OpenOffice', Omit<Office, 'active'>>
  | Cmd<'UpdateOffice', OfficeUpdated['data'] extends infer D ? Omit<D, 'at'> : never>
  | Cmd<'CloseOffice', { officeId: string }>
  | Cmd<'RegisterPartner', Partner>
  | Cmd<'SignAgreement', Omit<Agreement, 'active'>>
  | Cmd<'EndAgreement', { agreementId: string; on: string }>
  | Cmd<'RegisterForeignOrganisation', Omit<ForeignOrganisation, 'active'>>
  | Cmd<
      'UpdateForeignOrganisation',
      { organisationId: string } & Partial<Omit<ForeignOrganisation, 'active'>>
    >
  | Cmd<'WithdrawForeignOrganisation', { organisationId: string }>;

export function evolve(state: DirectoryState, event: DirectoryEvents): DirectoryState {
  const { at: _at, ...data } = event.data as Record<string, unknown> & { at: string };
  const current = state.status === 'present' ? state.entity : undefined;
  const present = (entity: DirectoryEntity): DirectoryState => ({ status: 'present', entity });
  switch (event.type) {
    case 'AssociationRegistered':
      return present({
        kind: 'association',
        value: { ...(data as Omit<Association, 'active'>), active: true },
      });
    case 'OfficeOpened':
      return present({ kind: 'office', value: { ...(data as Omit<Office, 'active'>), active: true } });
    case 'PartnerRegistered':
      return present({ kind: 'partner', value: data as unknown as Partner });
    case 'AgreementSigned':
      return present({ kind: 'agreement', value: { ...(data as Omit<Agreement, 'active'>), active: true } });
    case 'ForeignOrganisationRegistered':
      return present({
        kind: 'foreign-organisation',
        value: { ...(data as Omit<ForeignOrganisation, 'active'>), active: true },
      });
    case 'AssociationCoverageChanged':
      return current?.kind === 'association'
        ? present({ kind: 'association', value: { ...current.value, coverage: event.data.coverage } })
        : state;
    case 'AssociationClosed':
      return current?.kind === 'association'
        ? present({ kind: 'association', value: { ...current.value, active: false } })
        : state;
    case 'OfficeUpdated':
      return current?.kind === 'office'
        ? present({ kind: 'office', value: { ...current.value, ...(data as Partial<Office>) } })
        : state;
    case 'OfficeClosed':
      return current?.kind === 'office'
        ? present({ kind: 'office', value: { ...current.value, active: false } })
        : state;
    case 'AgreementEnded':
      return current?.kind === 'agreement'
        ? present({
            kind: 'agreement',
            value: { ...current.value, validUntil: event.data.on, active: false },
          })
        : state;
    case 'ForeignOrganisationUpdated':
      return current?.kind === 'foreign-organisation'
        ? present({
            kind: 'foreign-organisation',
            value: { ...current.value, ...(data as Partial<ForeignOrganisation>) },
          })
        : state;
    case 'ForeignOrganisationWithdrawn':
      return current?.kind === 'foreign-organisation'
        ? present({ kind: 'foreign-organisation', value: { ...current.value, active: false } })
        : state;
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function existing<K extends DirectoryEntity['kind']>(
  state: DirectoryState,
  kind: K,
): Extract<DirectoryEntity, { kind: K }>['value'] {
  if (state.status !== 'present' || state.entity.kind !== kind) {
    throw notFound(`${kind}_not_found`, `No such ${kind} in the directory`);
  }
  return state.entity.value as never;
}

/**
 * Registering what is already registered with the same facts is a no-op (the seed runs again
 * harmlessly); with other facts it is a conflict: changes go through the update commands.
 */
function register<E extends DirectoryEvents>(
  state: DirectoryState,
  kind: DirectoryEntity['kind'],
  event: E,
): E[] {
  if (state.status === 'none') return [event];
  const { at: _at, ...facts } = event.data as Record<string, unknown>;
  const { active: _active, ...current } = state.entity.value as unknown as Record<string, unknown>;
  if (state.entity.kind === kind && sameJson(sortKeys(current), sortKeys(facts))) return [];
  throw conflict(`${kind}_exists`, `This ${kind} is already in the directory`);
}

const sortKeys = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));

export function decide(command: DirectoryCommand, state: DirectoryState): DirectoryEvents[] {
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'RegisterAssociation':
      return register(state, 'association', { type: 'AssociationRegistered', data: { ...command.data, at } });
    case 'ChangeCoverage': {
      const association = existing(state, 'association');
      if (sameJson(association.coverage, command.data.coverage)) return [];
      return [{ type: 'AssociationCoverageChanged', data: { ...command.data, at } }];
    }
    case 'CloseAssociation':
      return existing(state, 'association').active
        ? [{ type: 'AssociationClosed', data: { ...command.data, at } }]
        : [];
    case 'OpenOffice':
      return register(state, 'office', { type: 'OfficeOpened', data: { ...command.data, at } });
    case 'UpdateOffice': {
      const office = existing(state, 'office');
      if (!office.active) throw conflict('office_closed', 'This office is closed');
      return [{ type: 'OfficeUpdated', data: { ...command.data, at } }];
    }
    case 'CloseOffice': {
      const office = existing(state, 'office');
      return office.active
        ? [
            {
              type: 'OfficeClosed',
              data: { officeId: office.officeId, associationId: office.associationId, at },
            },
          ]
        : [];
    }
    case 'RegisterPartner':
      return register(state, 'partner', { type: 'PartnerRegistered', data: { ...command.data, at } });
    case 'SignAgreement':
      return register(state, 'agreement', { type: 'AgreementSigned', data: { ...command.data, at } });
    case 'EndAgreement':
      return existing(state, 'agreement').active
        ? [{ type: 'AgreementEnded', data: { ...command.data, at } }]
        : [];
    case 'RegisterForeignOrganisation':
      return register(state, 'foreign-organisation', {
        type: 'ForeignOrganisationRegistered',
        data: { ...command.data, at },
      });
    case 'UpdateForeignOrganisation': {
      existing(state, 'foreign-organisation');
      const { countryCode: _country, ...changes } = command.data;
      return [{ type: 'ForeignOrganisationUpdated', data: { ...changes, at } }];
    }
    case 'WithdrawForeignOrganisation': {
      const organisation = existing(state, 'foreign-organisation');
      return organisation.active
        ? [
            {
              type: 'ForeignOrganisationWithdrawn',
              data: {
                organisationId: organisation.organisationId,
                countryCode: organisation.countryCode,
                at,
              },
            },
          ]
        : [];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const directoryDecider: Decider<DirectoryCommand, DirectoryEvents, DirectoryState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};

/** The stream a command addresses. */
export function streamOf(command: DirectoryCommand): string {
  const d = command.data as Record<string, string>;
  switch (command.type) {
    case 'RegisterAssociation':
    case 'ChangeCoverage':
    case 'CloseAssociation':
      return directoryStreamId('association', d['associationId']!);
    case 'OpenOffice':
    case 'UpdateOffice':
    case 'CloseOffice':
      return directoryStreamId('office', d['officeId']!);
    case 'RegisterPartner':
      return directoryStreamId('partner', d['partnerId']!);
    case 'SignAgreement':
    case 'EndAgreement':
      return directoryStreamId('agreement', d['agreementId']!);
    case 'RegisterForeignOrganisation':
    case 'UpdateForeignOrganisation':
    case 'WithdrawForeignOrganisation':
      return directoryStreamId('foreign-organisation', d['organisationId']!);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
