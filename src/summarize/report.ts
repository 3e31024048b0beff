/** The fleet's outcome: counts, the lists of tickets, the report (job summary and report-file). Pure. */
import * as path from 'node:path';
import { STATUSES, type Status } from '../constants.js';
import { formatDuration } from '../duration.js';
import { INVALID, MISSING, REPORT_MAX_CHARS, SEVERITY, SummarizeOutputs } from './constants.js';
import type { InvalidFile, ResultSet, RunRecord } from './results.js';

export interface FleetSummary {
  readonly counts: Readonly<Record<Status, number>>;
  /** Every result file found, valid or not. */
  readonly total: number;
  readonly invalid: readonly InvalidFile[];
  /** The `tickets` input: the tickets dispatched. */
  readonly expected: readonly string[];
  /** Expected tickets with no valid result file. */
  readonly missing: readonly string[];
  /** One per result file, worst status first, then by ticket. */
  readonly rows: readonly RunRecord[];
  /** Tickets that did not complete (worst first), then the missing ones. */
  readonly failedTickets: readonly string[];
  readonly completedTickets: readonly string[];
  /** The `fail-on` outcomes that occurred, with their counts: non-empty fails the step. */
  readonly failing: readonly { readonly outcome: string; readonly count: number }[];
  readonly resultsFound: boolean;
}

const rank = (s: Status) => SEVERITY.indexOf(s);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function summarizeResults(results: ResultSet, expected: readonly string[], failOn: ReadonlySet<string>): FleetSummary {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of results.records) counts[r.status]++;
  const rows = [...results.records].sort((a, b) => rank(a.status) - rank(b.status) || byText(a.ticket, b.ticket) || byText(a.file, b.file));
  const seen = new Set(results.records.map((r) => r.ticket));
  const missing = expected.filter((t) => !seen.has(t));
  const withTicket = (pred: (r: RunRecord) => boolean) => [...new Set(rows.filter((r) => r.ticket !== '' && pred(r)).map((r) => r.ticket))];
  const failedTickets = [...withTicket((r) => r.status !== 'completed'), ...missing];
  const outcomes: [string, number][] = [...STATUSES.map((s): [string, number] => [s, counts[s]]), [INVALID, results.invalid.length], [MISSING, missing.length]];
  return {
    counts,
    total: results.records.length + results.invalid.length,
    invalid: results.invalid,
    expected,
    missing,
    rows,
    failedTickets,
    completedTickets: withTicket((r) => r.status === 'completed'),
    failing: outcomes.filter(([o, n]) => n > 0 && failOn.has(o)).map(([outcome, count]) => ({ outcome, count })),
    resultsFound: results.found,
  };
}

export function summarizeOutputs(s: FleetSummary, reportFile: string): Record<string, string> {
  return {
    [SummarizeOutputs.Total]: String(s.total),
    ...Object.fromEntries(STATUSES.map((st) => [st, String(s.counts[st])])),
    [SummarizeOutputs.Invalid]: String(s.invalid.length),
    [SummarizeOutputs.Missing]: String(s.missing.length),
    [SummarizeOutputs.FailedTickets]: s.failedTickets.join(' '),
    [SummarizeOutputs.CompletedTickets]: s.completedTickets.join(' '),
    [SummarizeOutputs.CompletedMatrix]: JSON.stringify({ include: s.completedTickets.map((ticket) => ({ ticket })) }),
    [SummarizeOutputs.ReportFile]: reportFile,
  };
}

/** The step's failure message, or undefined when no `fail-on` outcome occurred. */
export function failureMessage(s: FleetSummary): string | undefined {
  if (s.failing.length === 0) return undefined;
  const what = s.failing.map((f) => `${f.count} ${f.outcome}`).join(', ');
  const tickets = s.failedTickets.length ? `: ${s.failedTickets.slice(0, 20).join(' ')}${s.failedTickets.length > 20 ? ' …' : ''}` : '';
  return `ralph-dispatch fleet: ${what} (fail-on)${tickets}`;
}

const code = (s: string) => `\`${s.replace(/[`\r\n|]/g, ' ')}\``;
const escape = (s: string) => s.replace(/[\\`*_|<>[\]\r\n]/g, (c) => (c === '\r' || c === '\n' ? ' ' : `\\${c}`));
const RUN_URL = /^https?:\/\/[^\s()<>"'`|\\]+$/;

function row(r: RunRecord): string {
  const link = r.runUrl && RUN_URL.test(r.runUrl) ? `[run](${r.runUrl})` : '';
  const ended = r.exitCode !== null ? `exit ${r.exitCode}` : r.signal ? escape(r.signal) : '';
  return `| ${r.status === 'completed' ? r.status : `**${r.status}**`} | ${r.ticket ? code(r.ticket) : '(no ticket)'} | ${escape(r.termination ?? '')} | ${ended} | ${
    r.durationMs !== null ? formatDuration(r.durationMs) : ''
  } | ${r.orphansKilled ?? ''} | ${link} |`;
}

/**
 * The report: totals, then a row per result, worst first, cut to `maxChars` (a comment's size)
 * with a line saying how many rows were left out; then invalid files and missing tickets.
 */
export function buildFleetReport(s: FleetSummary, resultsDir: string, maxChars = REPORT_MAX_CHARS): string {
  const completed = s.counts.completed;
  const valid = s.rows.length;
  const parts = STATUSES.filter((st) => s.counts[st] > 0).map((st) => `${s.counts[st]} ${st}`);
  if (s.invalid.length) parts.push(`${s.invalid.length} ${INVALID}`);
  if (s.missing.length) parts.push(`${s.missing.length} ${MISSING}`);
  // Out of the dispatched tickets when they are known (an invalid file's ticket is among them,
  // as missing); else out of the files found.
  const of = s.expected.length ? new Set([...s.expected, ...s.rows.map((r) => r.ticket || r.file)]).size : valid + s.invalid.length;
  const head = [
    `## ralph-dispatch fleet: ${completed} of ${of} completed`,
    '',
    s.resultsFound || s.total > 0
      ? `**${s.total} result files**: ${parts.join(' · ') || 'nothing'}`
      : `**No result files**: the results folder does not exist.`,
    '',
  ];
  if (s.failing.length) head.push(`Fails on: ${s.failing.map((f) => f.outcome).join(', ')}.`, '');

  const tail: string[] = [];
  if (s.invalid.length) {
    tail.push('', '### Invalid result files', '');
    for (const f of s.invalid.slice(0, 50)) tail.push(`- ${code(path.relative(resultsDir, f.file) || f.file)}: ${escape(f.why)}`);
    if (s.invalid.length > 50) tail.push(`- … and ${s.invalid.length - 50} more`);
  }
  if (s.missing.length) {
    const shown = s.missing.slice(0, 200);
    tail.push(
      '',
      '### Missing',
      '',
      `Dispatched, with no valid result file (the job died before its upload, was never run, or its file is invalid): ${shown.map(code).join(' ')}${s.missing.length > shown.length ? ' …' : ''}`,
    );
  }

  const lines = [...head];
  if (valid > 0) lines.push('| status | ticket | termination | exit | duration | orphans killed | run |', '|---|---|---|---|---|---|---|');
  let used = lines.join('\n').length + tail.join('\n').length + 200;
  let shownRows = 0;
  for (const r of s.rows) {
    const line = row(r);
    if (used + line.length + 1 > maxChars) break;
    lines.push(line);
    used += line.length + 1;
    shownRows++;
  }
  if (shownRows < valid)
    lines.push('', `… ${valid - shownRows} more rows left out to fit a comment (the \`failed-tickets\` and \`completed-tickets\` outputs list every ticket).`);
  let text = `${[...lines, ...tail].join('\n')}\n`;
  if (text.length > maxChars) text = `${text.slice(0, text.lastIndexOf('\n', maxChars - 2))}\n`;
  return text;
}
