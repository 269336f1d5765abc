import type { RulesetDefinition } from '@stoplight/spectral-core';
import { PROBLEM_CONTENT_TYPE } from '../errors.ts';

/** One thing the linter says of an OpenAPI document: its rule, where, and what. */
export interface LintFinding {
  rule: string;
  severity: 'error' | 'warning';
  path: string;
  message: string;
}

const operations = '$.paths[*][get,put,post,delete,options,head,patch,trace]';

/**
 * Lints an OpenAPI document with Spectral's recommended OpenAPI rules (`spectral:oas`), plus what
 * generated clients and the problem+json convention need and those rules leave out: a summary on
 * each operation, and its 4xx responses documented as problem+json. Returns the errors and
 * warnings (a clean document gives none). Spectral is loaded on first use: tests only.
 */
export async function lintOpenApi(document: unknown): Promise<LintFinding[]> {
  const [{ Spectral, createRulesetFunction }, { oas }, { truthy }] = await Promise.all([
    import('@stoplight/spectral-core'),
    import('@stoplight/spectral-rulesets'),
    import('@stoplight/spectral-functions'),
  ]);
  const problemResponses = createRulesetFunction<Record<string, { content?: Record<string, unknown> }>, null>(
    { input: { type: 'object' }, options: null },
    (responses) => {
      const clientErrors = Object.entries(responses).filter(([status]) => /^4[0-9X]{2}$/.test(status));
      if (clientErrors.length === 0) return [{ message: 'Operation documents no 4xx response' }];
      return clientErrors
        .filter(([, response]) => !response.content?.[PROBLEM_CONTENT_TYPE])
        .map(([status]) => ({
          message: `${status} is not documented as ${PROBLEM_CONTENT_TYPE}`,
          path: [status],
        }));
    },
  );
  const spectral = new Spectral();
  spectral.setRuleset({
    // The recommended rules of the OpenAPI ruleset, as `extends: [[spectral:oas, recommended]]`.
    extends: [[oas as RulesetDefinition, 'recommended']],
    rules: {
      'parcours-operation-summary': {
        description: 'Operation must have a summary.',
        given: operations,
        severity: 'error',
        then: { field: 'summary', function: truthy },
      },
      'parcours-operation-4xx-problem': {
        description: 'Operation must document its 4xx responses as problem+json.',
        given: `${operations}.responses`,
        severity: 'error',
        then: { function: problemResponses },
      },
    },
  });
  const results = await spectral.run(JSON.stringify(document));
  return results
    .filter((result) => result.severity <= 1)
    .map((result) => ({
      rule: String(result.code),
      severity: result.severity === 0 ? ('error' as const) : ('warning' as const),
      path: result.path.join('.'),
      message: result.message,
    }));
}
