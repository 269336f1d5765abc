/** A translation with the same keys as the French one (it does not compile while one is missing). */
export type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };
