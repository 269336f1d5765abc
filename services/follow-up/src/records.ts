/** The map with one entry changed (the same map when there is no such entry): evolve's way to update a hearing, a task… */
export function patch<T extends object>(
  records: Record<string, T>,
  id: string,
  change: Partial<T>,
): Record<string, T> {
  const current = records[id];
  return current ? { ...records, [id]: { ...current, ...change } } : records;
}
