export { accessMatrix, expectAccessMatrix } from './access-matrix.ts';
export type { Expectation, FuzzCase, Operation } from './fuzz/cases.ts';
export {
  type FuzzFailure,
  type FuzzOptions,
  type FuzzReport,
  fuzzOpenApi,
  openApiDocument,
  operationsOf,
  rowCounts,
} from './fuzz/fuzz-openapi.ts';
export { type LintFinding, lintOpenApi } from './openapi-lint.ts';
export {
  createTestApp,
  LogCapture,
  type TestApp,
  type TestAppOptions,
  testServiceEnv,
} from './test-app.ts';
