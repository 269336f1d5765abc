export { accessMatrix, expectAccessMatrix } from './access-matrix.ts';
export { type LintFinding, lintOpenApi } from './openapi-lint.ts';
export {
  createTestApp,
  LogCapture,
  type TestApp,
  type TestAppOptions,
  testServiceEnv,
} from './test-app.ts';
