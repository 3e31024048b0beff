/**
 * The two files a later job reads (README, "Outputs"): `result-file`, a JSON record of the run
 * for machines (a PR comment job, the fleet summary), and `report-file`, the job summary bounded
 * for a PR comment. The builders are pure; writeRunFiles is the one function that touches disk.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type OutputName, Outputs, RESULT_SCHEMA } from './constants.js';
import { buildSummary, type ReportContext } from './report.js';
import type { RunResult, TimelineEvent } from './session.js';

/** GitHub refuses a comment body over 65,536 characters: leave room for a header or a link. */
export const REPORT_MAX_CHARS = 60_000;

const NUMBER_OUTPUTS: readonly OutputName[] = [Outputs.ExitCode, Outputs.DurationMs, Outputs.OrphansKilled];
const BOOLEAN_OUTPUTS: readonly OutputName[] = [Outputs.MarkerSeen];

export interface RunFiles {
  readonly resultFile: string;
  readonly reportFile: string;
}

export type ResultValue = string | number | boolean | null;

export interface ResultTimelineEntry {
  readonly event: TimelineEvent['kind'];
  /** Milliseconds since the session was spawned. */
  readonly 'at-ms': number;
  readonly detail: string | null;
}

export type ResultRecord = {
  readonly schema: typeof RESULT_SCHEMA;
  readonly ticket: string | null;
} & { readonly [name in OutputName]: ResultValue } & {
  readonly 'started-at': string;
  readonly 'ended-at': string;
  readonly 'run-url': string | null;
  readonly timeline: readonly ResultTimelineEntry[];
};

export interface RunClock {
  readonly startedAt: Date;
  readonly endedAt: Date;
}

/**
 * Next to the default log: `$RUNNER_TEMP/ralph-dispatch/<ticket or run>.result.json` and
 * `.report.md`, named as the default log is (a '/' in the ticket would make folders).
 */
export function runFilePaths(ticket: string, env: NodeJS.ProcessEnv, pid = process.pid): RunFiles {
  const dir = path.join(env.RUNNER_TEMP || os.tmpdir(), 'ralph-dispatch');
  const base = ticket ? ticket.replaceAll('/', '_') : `run-${env.GITHUB_RUN_ID ?? pid}-${env.GITHUB_JOB ?? 'job'}`;
  return { resultFile: path.join(dir, `${base}.result.json`), reportFile: path.join(dir, `${base}.report.md`) };
}

/** The run's page, from the variables the runner sets; null outside a runner. */
export function runUrl(env: NodeJS.ProcessEnv): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  return server && repo && id ? `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${id}` : null;
}

/** A step output as JSON: numbers as numbers, booleans as booleans, empty as null. */
export function typedOutput(name: OutputName, value: string): ResultValue {
  if (value === '') return null;
  if (NUMBER_OUTPUTS.includes(name)) return Number(value);
  if (BOOLEAN_OUTPUTS.includes(name)) return value === 'true';
  return value;
}

/** The record, built from the very strings the step sets as outputs. */
export function buildResultRecord(
  outputs: Readonly<Record<OutputName, string>>,
  ticket: string,
  timeline: readonly TimelineEvent[],
  clock: RunClock,
  url: string | null,
): ResultRecord {
  const typed = Object.fromEntries(Object.values(Outputs).map((name) => [name, typedOutput(name, outputs[name])])) as Record<OutputName, ResultValue>;
  return {
    schema: RESULT_SCHEMA,
    ticket: ticket || null,
    ...typed,
    'started-at': clock.startedAt.toISOString(),
    'ended-at': clock.endedAt.toISOString(),
    'run-url': url,
    timeline: timeline.map((e) => ({ event: e.kind, 'at-ms': e.at, detail: e.detail ?? null })),
  };
}

/** The last `n` lines of the raw tail (cut at a newline byte, so never inside a UTF-8 sequence). */
function lastLines(tail: Buffer, n: number): Buffer {
  const end = tail.length > 0 && tail[tail.length - 1] === 0x0a ? tail.length - 1 : tail.length;
  let at = end;
  for (let i = 0; i < n; i++) {
    if (at <= 0) return tail;
    at = tail.lastIndexOf(0x0a, at - 1);
    if (at < 0) return tail;
  }
  return tail.subarray(at + 1);
}

function countLines(tail: Buffer): number {
  let n = 1;
  for (let at = tail.indexOf(0x0a); at >= 0; at = tail.indexOf(0x0a, at + 1)) n++;
  return n;
}

// C0 controls (but tab and newline) and DEL: the log tail may hold them, a comment body should not.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f]/g;
const CUT_NOTE = '\n\n*(cut to fit a comment: the job summary and the log have all of it)*\n';

/**
 * The job summary, bounded for a PR comment: when it is too long, fewer lines of the log tail
 * (the most that fit); if even the summary without the tail is too long (thousands of escaped
 * characters of process names), it is cut at a line, outside any HTML block.
 */
export function buildReport(result: RunResult, ctx: ReportContext, maxChars = REPORT_MAX_CHARS): string {
  const summary = (tail: Buffer, logBytes = result.logBytes) => buildSummary({ ...result, tail, logBytes }, ctx).replace(CONTROLS, '');
  const full = summary(result.tail);
  if (full.length <= maxChars) return full;
  // The most tail lines that fit: the summary grows with every line kept.
  let lo = 0;
  let hi = countLines(result.tail);
  let best: string | undefined;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const text = summary(lastLines(result.tail, mid));
    if (text.length <= maxChars) {
      best = text;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (best !== undefined) return best;
  // No log block at all: what is left is headings, one-line paragraphs and table rows.
  const head = summary(Buffer.alloc(0), 0);
  const room = maxChars - CUT_NOTE.length;
  const line = head.lastIndexOf('\n', room);
  return `${head.slice(0, line > 0 ? line : room)}${CUT_NOTE}`;
}

/** Writes both files (mode 0600: the report holds the log's tail); throws what fs throws. */
export function writeRunFiles(files: RunFiles, record: ResultRecord, report: string): void {
  for (const [file, text] of [
    [files.resultFile, `${JSON.stringify(record, null, 2)}\n`],
    [files.reportFile, report],
  ]) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, text, { encoding: 'utf8', mode: 0o600 });
    fs.chmodSync(file, 0o600); // writeFileSync keeps the mode of a file that already existed
  }
}
