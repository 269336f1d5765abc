import type { Office } from './directory.ts';
import type { DirectoryIndex } from './index.ts';

/** Lower case without accents: "Hôpital" matches "hopital". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const haystack = (office: Office) =>
  fold(
    [
      office.officeId,
      office.name,
      office.address.line,
      office.address.postcode,
      office.address.communeCode,
    ].join(' '),
  );

/**
 * The offices whose name, id, address, postcode or commune code hold every word of `q` (in memory:
 * ~840 offices), open ones only unless asked, of one association when given; by name.
 */
export function searchOffices(
  directory: DirectoryIndex,
  query: {
    q?: string | undefined;
    associationId?: string | undefined;
    includeClosed: boolean;
    limit: number;
  },
): { items: Office[]; total: number } {
  const words = fold(query.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const offices = query.associationId
    ? directory.officesOf(query.associationId)
    : [...directory.offices.values()];
  const found = offices
    .filter((office) => query.includeClosed || office.active)
    .filter((office) => {
      const text = haystack(office);
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.officeId.localeCompare(b.officeId));
  return { items: found.slice(0, query.limit), total: found.length };
}
