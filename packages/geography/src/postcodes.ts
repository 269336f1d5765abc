/**
 * What a postcode looks like in each country a victim of the network commonly lives in; any other
 * country's is only checked for its characters (by the request schemas). France's includes its
 * overseas départements and collectivities (97x, 98x) and refuses what no département uses
 * (00xxx, 96xxx, 99xxx) and Corsica's département codes (2A, 2B), which are not postcodes (20xxx).
 */
const rules: Record<string, { pattern: RegExp; expected: string }> = {
  FR: {
    pattern: /^(?:(?:0[1-9]|[1-8]\d|9[0-5])\d{3}|97[1-8]\d{2}|98\d{3})$/,
    expected: 'five digits of a French département (01000 to 98999)',
  },
  MC: { pattern: /^980\d{2}$/, expected: 'five digits starting with 980' },
  BE: { pattern: /^[1-9]\d{3}$/, expected: 'four digits (1000 to 9999)' },
  LU: { pattern: /^(?:L-)?\d{4}$/, expected: 'four digits' },
  CH: { pattern: /^[1-9]\d{3}$/, expected: 'four digits (1000 to 9999)' },
  DE: { pattern: /^\d{5}$/, expected: 'five digits' },
  ES: {
    pattern: /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/,
    expected: 'five digits of a Spanish province (01000 to 52999)',
  },
  IT: { pattern: /^\d{5}$/, expected: 'five digits' },
  PT: { pattern: /^\d{4}-\d{3}$/, expected: 'NNNN-NNN' },
  NL: { pattern: /^[1-9]\d{3} ?[A-Z]{2}$/, expected: 'four digits and two letters' },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, expected: 'a UK postcode (SW1A 1AA)' },
};

/** Why this postcode cannot be one of this country's (never quoting it), or undefined when it can. */
export function postcodeProblem(countryCode: string, postcode: string): string | undefined {
  const rule = rules[countryCode];
  if (!rule || rule.pattern.test(postcode.toUpperCase())) return undefined;
  return `must be ${rule.expected}`;
}
