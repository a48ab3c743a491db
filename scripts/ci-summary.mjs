#!/usr/bin/env node
// Reads jest's --json results and prints the last line CI reads: "N passed, N failed". A suite
// that could not run (syntax error, failing hook) counts as one failure, so nothing fails silently.
import { existsSync, readFileSync } from 'node:fs';

const [file, exitCode = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (!file || !existsSync(file)) {
  failed = 1;
  console.error('No test results were written: the test run did not complete.');
} else {
  const results = JSON.parse(readFileSync(file, 'utf8'));
  passed = results.numPassedTests ?? 0;
  failed = results.numFailedTests ?? 0;
  for (const suite of results.testResults ?? []) {
    const assertionFailures = (suite.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (suite.status === 'failed' && assertionFailures === 0) {
      failed++;
      console.error(`Suite could not run: ${suite.name}\n${(suite.message ?? '').slice(0, 2000)}`);
    }
  }
}
if (failed === 0 && exitCode !== '0') {
  failed = 1;
  console.error(`The test command exited with ${exitCode}.`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
