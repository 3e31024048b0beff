/** Public names of the summarize action (summarize/action.yml), in one place. */
import { STATUSES, type Status } from '../constants.js';

export const SummarizeInputs = {
  ResultsDir: 'results-dir',
  FailOn: 'fail-on',
  Tickets: 'tickets',
} as const;

/** Besides these, one output per status, named after it (`completed`, `failed`, …). */
export const SummarizeOutputs = {
  Total: 'total',
  Invalid: 'invalid',
  Missing: 'missing',
  FailedTickets: 'failed-tickets',
  CompletedTickets: 'completed-tickets',
  CompletedMatrix: 'completed-matrix',
  ReportFile: 'report-file',
} as const;

/** Not statuses of a run, but outcomes `fail-on` can name too. */
export const INVALID = 'invalid';
export const MISSING = 'missing';
export const NONE = 'none';

/** Worst first: could not start or stop, killed from outside, ran out of time, failed, cancelled, done. */
export const SEVERITY: readonly Status[] = ['error', 'terminated', 'timeout', 'failed', 'cancelled', 'completed'];
// Every status has a place in the order (checked when this module loads, and by a test).
if (SEVERITY.length !== STATUSES.length || !STATUSES.every((s) => SEVERITY.includes(s))) throw new Error('SEVERITY must list every status once');

export const SUMMARIZE_DEFAULTS: Readonly<Record<string, string>> = {
  [SummarizeInputs.ResultsDir]: 'ralph-results',
  [SummarizeInputs.FailOn]: [...STATUSES.filter((s) => s !== 'completed'), INVALID, MISSING].join(','),
  [SummarizeInputs.Tickets]: '',
};

export { RESULT_SCHEMA } from '../constants.js';
export const RESULT_SUFFIX = '.json';
/** A GitHub comment holds 65,536 characters: room is left for a header. */
export const REPORT_MAX_CHARS = 60_000;
