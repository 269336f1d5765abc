export interface Commune {
  code: string;
  name: string;
  postcode: string;
  departement: string;
}

/**
 * The choices of one answer of intake's `GET /communes`: a commune with several postcodes is one
 * choice per postcode (routing needs the pair), those starting with the typed digits only.
 */
export const choicesOf = (
  items: { code: string; name: string; postcodes: string[]; departement: string }[],
  query: string,
): Commune[] => {
  const digits = /^\d+$/.test(query) ? query : '';
  return items.flatMap(({ postcodes, ...commune }) =>
    postcodes.filter((postcode) => postcode.startsWith(digits)).map((postcode) => ({ ...commune, postcode })),
  );
};
