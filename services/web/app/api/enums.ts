/**
 * A runtime list of every value of a union the generated API types declare: it does not compile
 * while one is missing, so a service adding a value shows up here at the next regeneration.
 */
export const allOf =
  <T extends string>() =>
  <const V extends readonly T[]>(
    values: V & ([T] extends [V[number]] ? unknown : { missing: Exclude<T, V[number]> }),
  ) =>
    values as V;
