import { type Geography, postcodeProblem } from '@parcours/geography';
import { badRequest } from '@parcours/service-kit';
import type { Residence } from './intake.ts';

/** A commune a listener may choose when a postcode is shared: its INSEE code and its name. */
export interface CommuneCandidate {
  code: string;
  name: string;
}

export interface ResolvedResidence {
  residence: Residence;
  /** When a French postcode is shared by several communes and none was given: the ones to choose from. */
  candidates: CommuneCandidate[];
}

/**
 * Checks a residence against its country's postcode rule (a 400 naming the field) and, in France,
 * finds its commune from the official geography: a postcode used by one commune needs no commune
 * code (the service sets it); a postcode shared by several leaves the commune to choose (the
 * candidates are answered); a city's code with an arrondissement's postcode means the
 * arrondissement. A commune code that is unknown, or that does not use the postcode, is refused.
 */
export function resolveResidence(
  geography: Geography,
  residence: Residence,
  /** Where the residence is in the request, for the 400 that names its fields. */
  at = '/body/profile/residence',
): ResolvedResidence {
  const field = (name: keyof Residence) => `${at}/${name}`;
  const { countryCode, postcode, communeCode } = residence;
  const problem = postcode === undefined ? undefined : postcodeProblem(countryCode, postcode);
  if (problem) {
    throw badRequest('invalid_postcode', `The postcode is not one of ${countryCode}`, {
      errors: [{ field: field('postcode'), message: problem }],
    });
  }
  if (countryCode !== 'FR') return { residence, candidates: [] };
  if (communeCode !== undefined && !geography.commune(communeCode)) {
    throw badRequest('unknown_commune', 'No such commune in the official geography', {
      errors: [{ field: field('communeCode'), message: 'is not a commune of the official geography' }],
    });
  }
  const resolution = geography.resolve({
    ...(postcode ? { postcode } : {}),
    ...(communeCode ? { communeCode } : {}),
  });
  if (resolution.kind === 'commune') {
    return { residence: { ...residence, communeCode: resolution.commune.code }, candidates: [] };
  }
  if (resolution.kind === 'ambiguous' && communeCode !== undefined) {
    throw badRequest('commune_postcode_mismatch', 'The commune does not use this postcode', {
      errors: [{ field: field('communeCode'), message: 'does not use the postcode given' }],
    });
  }
  const candidates = resolution.kind === 'ambiguous' ? resolution.candidates : [];
  return { residence, candidates: candidates.map(({ code, name }) => ({ code, name })) };
}
