// Prints the Vitest JSON report's totals as one plain line: `N passed, N failed, N skipped`.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: test-totals.ts <vitest-json-report>');
const report = JSON.parse(readFileSync(file, 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
};
console.log(
  `${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
);
