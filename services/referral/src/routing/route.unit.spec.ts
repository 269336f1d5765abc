import { describe, expect, it } from 'vitest';
import { reason, reasonText } from './reasons.ts';
import { type RoutingDecision, route } from './route.ts';
import { geography, intake, network, seededDirectory } from './test-network.ts';

const directory = seededDirectory();
const today = '2025-06-02';
const at = (postcode: string, communeCode?: string) =>
  intake({ residence: { countryCode: 'FR', postcode, ...(communeCode ? { communeCode } : {}) } });
const routed = (facts = intake()) => route(facts, directory, geography, today);
/** The reasons as the v1 integration events render them. */
const texts = (decision: RoutingDecision) => decision.reasons.map(reasonText);
const officeOf = (officeId: string) => network.offices.find((o) => o.officeId === officeId)!;

describe('routing by residence', () => {
  it.each([
    ['20000', '2A004', 'asso-2a', '2A'],
    ['20200', '2B033', 'asso-2b', '2B'],
    ['97100', '97105', 'asso-971', '971'],
    ['97200', '97209', 'asso-972', '972'],
    ['97300', '97302', 'asso-973', '973'],
    ['97400', '97411', 'asso-974', '974'],
    ['97600', '97611', 'asso-976', '976'],
  ])('routes %s (%s) to %s, to an office of that département', (postcode, commune, association, dep) => {
    const decision = routed(at(postcode, commune));
    expect(decision).toMatchObject({ kind: 'office', associationId: association, communeCode: commune });
    if (decision.kind !== 'office') throw new Error('not an office');
    expect(geography.commune(officeOf(decision.officeId).address.communeCode)?.departement).toBe(dep);
    expect(decision.reasons).toContainEqual(
      reason('departement-covered', { departement: dep, associationIds: association }),
    );
  });

  it.each([
    ['97100', 'asso-971'],
    ['97200', 'asso-972'],
    ['97300', 'asso-973'],
    ['97400', 'asso-974'],
  ])('routes overseas postcode %s used by one commune without a commune code', (postcode, association) => {
    expect(routed(at(postcode))).toMatchObject({ kind: 'office', associationId: association });
  });

  it('routes Paris 11e to the office in the same arrondissement', () => {
    const decision = routed(at('75011', '75111'));
    expect(decision).toMatchObject({ kind: 'office', associationId: 'asso-75', communeCode: '75111' });
    if (decision.kind !== 'office') throw new Error('not an office');
    expect(officeOf(decision.officeId).address.communeCode).toBe('75111');
    expect(texts(decision).at(-1)).toContain('same commune');
  });

  it('resolves a city code with an arrondissement postcode to the arrondissement (Paris 75056 + 75011)', () => {
    expect(routed(at('75011', '75056'))).toMatchObject({ kind: 'office', communeCode: '75111' });
  });

  it('routes Lyon 3e to an office in the same arrondissement', () => {
    const decision = routed(at('69003', '69383'));
    expect(decision).toMatchObject({ kind: 'office', associationId: 'asso-69', communeCode: '69383' });
    if (decision.kind !== 'office') throw new Error('not an office');
    expect(officeOf(decision.officeId).address.communeCode).toBe('69383');
  });

  it('routes Marseille 8e to the Bouches-du-Rhône association, an office in Marseille', () => {
    const decision = routed(at('13008'));
    expect(decision).toMatchObject({ kind: 'office', associationId: 'asso-13', communeCode: '13208' });
    if (decision.kind !== 'office') throw new Error('not an office');
    expect(geography.commune(officeOf(decision.officeId).address.communeCode)?.parent).toBe('13055');
  });

  it('asks for the commune when a shared postcode comes without a commune code', () => {
    const decision = routed(at('20200'));
    expect(decision).toMatchObject({ kind: 'ask-commune' });
    if (decision.kind !== 'ask-commune') throw new Error('not ask-commune');
    expect(decision.candidates).toEqual(expect.arrayContaining(['2B033', '2B305', '2B309', '2B353']));
    expect(texts(decision)[0]).toContain('shared by 4 communes');
    expect(routed(at('97600'))).toMatchObject({ kind: 'ask-commune', candidates: ['97611', '97610'] });
  });

  it('resolves a shared postcode by its commune code (San-Martino-di-Lota, 20200)', () => {
    expect(routed(at('20200', '2B305'))).toMatchObject({
      kind: 'office',
      associationId: 'asso-2b',
      communeCode: '2B305',
    });
  });

  it('sends an unknown postcode to the national queue, saying why', () => {
    const decision = routed(at('99999'));
    expect(decision.kind).toBe('national-queue');
    expect(decision.reasons[0]).toEqual(reason('residence-not-found', { detail: 'unknown postcode 99999' }));
  });

  it('prefers commune coverage to département coverage (the Vénissieux city association)', () => {
    const city = network.associations.find((a) => a.associationId === 'asso-69-69259')!;
    expect(city.coverage.communes).toContain('69259');
    expect(routed(at('69200', '69259'))).toMatchObject({ kind: 'office', associationId: 'asso-69-69259' });
    // A neighbour of the same intercommunality not in its coverage stays with the département's association.
    expect(routed(at('69003', '69383'))).toMatchObject({ associationId: 'asso-69' });
  });

  it('sends a residence nobody covers to the national queue', () => {
    const closed = seededDirectory([
      { type: 'AssociationClosed', data: { associationId: 'asso-2a', at: '2025-06-01T00:00:00.000Z' } },
    ]);
    const decision = route(at('20000', '2A004'), closed, geography, today);
    expect(decision.kind).toBe('national-queue');
    expect(texts(decision).at(-1)).toContain('no association covers commune 2A004 or département 2A');
  });
});

describe('routing by the case', () => {
  it('sends a requisition to the court victim office, even when another office is nearer', () => {
    const decision = routed({
      ...at('75011', '75111'),
      channel: 'requisition',
      requisition: { dueDate: '2025-07-01', evviRequested: true },
    });
    expect(decision).toMatchObject({ kind: 'office', officeId: 'office-75-bav' });
    expect(decision.reasons.at(-1)?.params?.['fit']).toContain('court-victim-office-for-requisition');
    expect(texts(decision).at(-1)).toContain('court victim office for requisition');
  });

  it('prefers the hospital office for physical violence when it is nearby', () => {
    const decision = routed({ ...at('75015', '75115'), offenceCategory: 'physical-violence' });
    expect(decision).toMatchObject({ kind: 'office', officeId: 'office-75-hopital-hegp' });
    expect(decision.reasons.at(-1)).toMatchObject({
      code: 'office-chosen',
      params: { fit: 'hospital-for-violence' },
    });
  });

  it('keeps a walk-in at the office the victim walked into', () => {
    const decision = routed({
      ...at('75011', '75111'),
      channel: 'walk-in',
      origin: { officeId: 'office-75-bav', associationId: 'asso-75' },
    });
    expect(decision).toMatchObject({ kind: 'office', officeId: 'office-75-bav', associationId: 'asso-75' });
    expect(decision.reasons).toEqual([reason('walk-in-kept', { officeId: 'office-75-bav' })]);
  });

  it('routes a walk-in by residence when its office’s association does not cover the residence', () => {
    const walkIn = {
      ...at('69003', '69383'),
      channel: 'walk-in' as const,
      origin: { officeId: 'office-75-bav', associationId: 'asso-75' },
    };
    const decision = routed(walkIn);
    expect(decision).toMatchObject({ kind: 'office', associationId: 'asso-69' });
    expect(decision.reasons[0]).toEqual(reason('walk-in-outside-coverage', { officeId: 'office-75-bav' }));
    // Handing it to another association is a hand-over: without sharing consent, a human decides.
    const withoutConsent = routed({ ...walkIn, consent: { services: true, sharing: false } });
    expect(withoutConsent).toMatchObject({ kind: 'national-queue', why: 'consent-missing' });
  });

  it("sends a partner intake to the agreement's association", () => {
    const decision = routed({
      ...at('69003', '69383'),
      channel: 'partner',
      origin: { agreementId: 'agr-bank-2024' },
    });
    expect(decision).toMatchObject({
      kind: 'partner-association',
      associationId: 'asso-75',
      agreementId: 'agr-bank-2024',
    });
    expect(texts(decision)[0]).toBe('partner agreement agr-bank-2024 names association asso-75');
  });

  it('routes by residence when the agreement has ended', () => {
    const decision = routed({
      ...at('69003', '69383'),
      channel: 'partner',
      origin: { agreementId: 'agr-retail-2021' },
    });
    expect(decision).toMatchObject({ kind: 'office', associationId: 'asso-69' });
    expect(texts(decision)[0]).toContain('unknown, ended or not yet valid');
  });

  it("sends a resident abroad to their country's organisation, or to the national queue", () => {
    const belgium = routed(intake({ residence: { countryCode: 'BE', postcode: '1000' } }));
    expect(belgium).toMatchObject({
      kind: 'foreign-organisation',
      organisationId: 'foreign-be',
      countryCode: 'BE',
    });
    const japan = routed(intake({ residence: { countryCode: 'JP' } }));
    expect(japan.kind).toBe('national-queue');
    expect(texts(japan)[0]).toContain('no organisation for that country');
  });
});

describe('consent gate', () => {
  const noSharing = { services: true, sharing: false };

  it('lets a helpline intake go to the association covering the residence without sharing consent', () => {
    expect(routed(intake({ consent: noSharing })).kind).toBe('office');
  });

  it('holds a hand-over to a partner or a foreign organisation without sharing consent', () => {
    const partner = routed({
      ...intake({ consent: noSharing }),
      channel: 'partner',
      origin: { agreementId: 'agr-bank-2024' },
    });
    expect(partner.kind).toBe('national-queue');
    expect(partner).toMatchObject({ why: 'consent-missing' });
    expect(partner.reasons.at(-1)).toEqual(reason('consent-missing', { to: 'asso-75' }));
    const abroad = routed(intake({ consent: noSharing, residence: { countryCode: 'DE' } }));
    expect(abroad.kind).toBe('national-queue');
  });

  it('lets a recorded override through, and says who overrode', () => {
    const decision = routed(
      intake({
        consent: { services: true, sharing: false, override: { reason: 'danger', by: 'dev-helpline' } },
        residence: { countryCode: 'DE' },
      }),
    );
    expect(decision.kind).toBe('foreign-organisation');
    expect(texts(decision).at(-1)).toBe('no sharing consent; override recorded by dev-helpline');
  });

  it("holds an association's own intake handed to another association without consent", () => {
    const decision = routed({
      ...intake({ consent: noSharing }),
      channel: 'walk-in',
      residence: { countryCode: 'FR', postcode: '20000', communeCode: '2A004' },
      origin: { officeId: 'office-that-closed', associationId: 'asso-75' },
    });
    expect(decision.kind).toBe('national-queue');
  });
});

describe('routing speed', () => {
  it('routes a postcode in well under a millisecond', () => {
    const cases = [
      at('75011', '75111'),
      at('20200', '2B033'),
      at('97400'),
      at('13008'),
      at('69003', '69383'),
      at('01400'),
    ];
    for (const c of cases) routed(c);
    const n = 20_000;
    const started = performance.now();
    for (let i = 0; i < n; i++) routed(cases[i % cases.length]);
    const micros = ((performance.now() - started) * 1000) / n;
    console.info(`routing: ${micros.toFixed(1)} µs per case; geography ${JSON.stringify(geography.stats)}`);
    expect(micros).toBeLessThan(1000);
  });
});
