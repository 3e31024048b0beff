/** The summarize action's inputs, read once into one typed object, checked before any file is read. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STATUSES } from '../constants.js';
import { FleetInputError, type InputReader, readerWithDefaults, splitList } from '../fleet/inputs.js';
import { INVALID, MISSING, NONE, SUMMARIZE_DEFAULTS, SummarizeInputs } from './constants.js';

export interface SummarizeSettings {
  readonly resultsDir: string;
  /** Statuses (and `invalid`, `missing`) that fail the step. */
  readonly failOn: ReadonlySet<string>;
  /** The tickets the plan dispatched: any without a result file is `missing`. Empty: not checked. */
  readonly expected: readonly string[];
}

export const FAIL_ON_VALUES: readonly string[] = [...STATUSES, INVALID, MISSING];

export function parseSummarizeSettings(read: InputReader, cwd: string): SummarizeSettings {
  const get = readerWithDefaults(read, SUMMARIZE_DEFAULTS);
  const dirText = get(SummarizeInputs.ResultsDir);
  const resultsDir = path.resolve(cwd, dirText);
  // A folder that does not exist is no error: when no job uploaded a result, download-artifact
  // creates none, and the summary then says so (and counts the expected tickets as missing).
  if (fs.existsSync(resultsDir) && !fs.statSync(resultsDir).isDirectory()) {
    throw new FleetInputError(SummarizeInputs.ResultsDir, dirText, `not a directory (${resultsDir})`);
  }

  const failOnText = get(SummarizeInputs.FailOn);
  const names = splitList(failOnText);
  const unknown = names.filter((n) => n !== NONE && !FAIL_ON_VALUES.includes(n));
  if (unknown.length > 0) throw new FleetInputError(SummarizeInputs.FailOn, failOnText, `use statuses among ${FAIL_ON_VALUES.join(', ')}, or ${NONE}`);
  if (names.includes(NONE) && names.length > 1) throw new FleetInputError(SummarizeInputs.FailOn, failOnText, `${NONE} cannot be combined with statuses`);
  const failOn = new Set(names.filter((n) => n !== NONE));

  return { resultsDir, failOn, expected: splitList(read(SummarizeInputs.Tickets)) };
}
