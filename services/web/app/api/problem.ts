/** An RFC 9457 problem as the services and the BFF answer it (see packages/service-kit errors). */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
  traceId?: string;
}

/** A call that failed: its problem, or a network failure (status 0). */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status() {
    return this.problem.status;
  }
}

export const networkProblem = (): Problem => ({ status: 0, code: 'network' });

export async function problemOf(response: Response): Promise<Problem> {
  const body: unknown = await response.json().catch(() => undefined);
  if (body && typeof body === 'object' && 'status' in body) return body as Problem;
  return { status: response.status };
}

/**
 * A field error's JSON pointer as a form path: `/body/personal/identity/lastName` →
 * `personal.identity.lastName`; array indexes stay numbers (`needs.0`).
 */
export const formPath = (pointer: string) =>
  pointer
    .replace(/^\/(body|query|params)\/?/, '')
    .split('/')
    .filter(Boolean)
    .join('.');

/**
 * Field errors by form path. A pointer naming a group (`personal.identity`) goes to the first
 * field of the form inside it, so every error is shown next to something the user can change;
 * those no field covers are returned apart, for the form's summary.
 */
export function fieldErrors(problem: Problem, fields: readonly string[]) {
  const byField: Record<string, string> = {};
  const unplaced: { field: string; message: string }[] = [];
  for (const error of problem.errors ?? []) {
    const path = formPath(error.field);
    const field = fields.find((f) => f === path) ?? fields.find((f) => f.startsWith(`${path}.`));
    if (field) byField[field] ??= error.message;
    else unplaced.push(error);
  }
  return { byField, unplaced };
}
