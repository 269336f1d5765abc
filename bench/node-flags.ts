/**
 * How the services run (scripts/up.sh): a young generation and an old space sized for a service,
 * not for the machine (V8 sizes both for this 24 GiB box otherwise), and two malloc arenas. Every
 * bench process that stands for a service runs with them.
 */
export const SERVICE_NODE_FLAGS = '--max-semi-space-size=8 --max-old-space-size=192';
export const SERVICE_ENV = { MALLOC_ARENA_MAX: '2' } as const;
