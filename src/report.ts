/**
 * What a person reads on the run page: the step outputs, a few annotations and the job
 * summary. Pure functions from a RunResult; main.ts hands them to @actions/core.
 */
import { Outputs, type RunOutputName } from './constants.js';
import { formatDuration } from './duration.js';
import stripAnsi from 'strip-ansi';
import type { ProcInfo } from './reaper.js';
import type { RunResult, TimelineEvent } from './session.js';

export interface ReportContext {
  readonly ticket: string;
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly completionGraceMs: number;
}

export type AnnotationLevel = 'notice' | 'warning' | 'error';
export interface Annotation {
  readonly level: AnnotationLevel;
  readonly title: string;
  readonly message: string;
}

/** The runner shows at most 10 annotations per type per step, each cut at 4096 characters. */
export const ANNOTATION_MAX_CHARS = 4000;
const ORPHANS_NAMED = 5;
const SUMMARY_ORPHAN_ROWS = 50;
const TAIL_LINES = 50;
const TAIL_LINE_CHARS = 1000;
/** The runner refuses a step summary over 1 MiB. */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

export function buildOutputs(result: RunResult): Record<RunOutputName, string> {
  return {
    [Outputs.Status]: result.status,
    [Outputs.ExitCode]: result.exitCode === null ? '' : String(result.exitCode),
    [Outputs.Signal]: result.signal ?? '',
    [Outputs.Termination]: result.termination ?? '',
    [Outputs.DurationMs]: String(result.durationMs),
    [Outputs.OrphansKilled]: String(result.orphans.length),
    [Outputs.MarkerSeen]: String(result.markerSeen),
    [Outputs.LogFile]: result.logFile,
  };
}

export function title(ticket: string): string {
  return ticket ? `ralph-dispatch: ${ticket}` : 'ralph-dispatch';
}

const find = (result: RunResult, kind: TimelineEvent['kind']) => result.timeline.find((e) => e.kind === kind);

function howItEnded(result: RunResult): string {
  if (result.signal) return `ended by ${result.signal}`;
  if (result.exitCode !== null) return `exited with code ${result.exitCode}`;
  return 'did not exit';
}

/**
 * `EOF, SIGTERM at +10s, SIGKILL at +15s; ended by SIGKILL`: the steps sent, timed from the
 * first, and the step that ended the session (`termination`). Steps sent after that went to
 * orphans (processes of the run outside the session), and say so.
 */
export function describeSequence(result: RunResult): string {
  const steps = result.timeline.filter((e) => e.kind === 'eof' || e.kind === 'sigterm' || e.kind === 'sigkill');
  if (steps.length === 0) return '';
  const t0 = steps[0].at;
  const name = (kind: string) => (kind === 'eof' ? 'EOF' : kind.toUpperCase());
  const timed = (e: TimelineEvent, i: number) => `${name(e.kind)}${i === 0 ? '' : ` at +${formatDuration(e.at - t0)}`}`;
  const t = result.termination;
  const ending = t && t !== 'natural' ? steps.findIndex((e) => e.kind === t) : -1;
  const forSession = ending >= 0 ? steps.slice(0, ending + 1) : [];
  const forOrphans = steps.slice(forSession.length);
  const parts: string[] = [];
  if (forSession.length > 0) parts.push(`${forSession.map(timed).join(', ')}; ended by ${name(forSession[forSession.length - 1].kind)}`);
  else parts.push(t === 'natural' ? 'ended by itself' : howItEnded(result));
  if (forOrphans.length > 0) parts.push(`${forOrphans.map((e) => timed(e, steps.indexOf(e))).join(', ')} to orphans`);
  return parts.join('; ');
}

/** What ended the completion-grace of a session that printed its marker and did not exit by itself. */
function afterMarker(result: RunResult, ctx: ReportContext): string {
  const at = (kind: TimelineEvent['kind']) => ` at +${formatDuration(find(result, kind)?.at ?? result.durationMs)}`;
  switch (result.reason) {
    case 'cancel':
      return `the run was cancelled${at('cancel')}, during completion-grace`;
    case 'timeout':
      return `the timeout (${formatDuration(ctx.timeoutMs)}) ran out${at('timeout')}, during completion-grace`;
    default:
      return `still running ${formatDuration(ctx.completionGraceMs)} later`;
  }
}

/** One sentence saying what happened, for the outcome annotation and the summary. */
export function describeOutcome(result: RunResult, ctx: ReportContext): string {
  const who = ctx.ticket || 'the session';
  const took = formatDuration(result.durationMs);
  const sequence = describeSequence(result);
  const closed = `; ${sequence || howItEnded(result)}`;
  switch (result.status) {
    case 'completed': {
      if (!result.markerSeen) return `${who} completed in ${took} (exit code 0)`;
      const marker = find(result, 'marker');
      const at = marker ? ` at +${formatDuration(marker.at)}` : '';
      if (result.termination === 'natural') return `${who} completed: marker seen${at}, then it exited by itself (${howItEnded(result)}) after ${took}`;
      return `${who} completed: marker seen${at}, ${afterMarker(result, ctx)}${closed}`;
    }
    case 'failed':
      return `${who} failed: ${howItEnded(result)} after ${took}`;
    case 'timeout':
      if (result.reason === 'idle')
        return `${who} went idle: no output for ${formatDuration(ctx.idleTimeoutMs)}, at +${formatDuration(find(result, 'idle')?.at ?? 0)}${closed}`;
      return `${who} timed out after ${formatDuration(ctx.timeoutMs)}${closed}`;
    case 'terminated':
      return `${who} was terminated: ${howItEnded(result)}, a signal ralph-dispatch did not send (OOM killer, a person?), after ${took}`;
    case 'cancelled':
      if (result.childPid === undefined) return `${who} was cancelled before the session started`;
      return `${who} was cancelled after ${formatDuration(find(result, 'cancel')?.at ?? result.durationMs)}${closed}`;
    case 'error':
      return `${who}: ${result.error ?? 'error'}`;
  }
}

function nameProcesses(procs: readonly ProcInfo[]): string {
  const named = procs.slice(0, ORPHANS_NAMED).map((p) => `${p.pid} ${oneLine(p.command)}`);
  const more = procs.length > ORPHANS_NAMED ? ` (+${procs.length - ORPHANS_NAMED} more)` : '';
  return `${named.join(', ')}${more}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').slice(0, 200);
}

function cap(text: string): string {
  return text.length > ANNOTATION_MAX_CHARS ? `${text.slice(0, ANNOTATION_MAX_CHARS - 1)}…` : text;
}

/**
 * At most five, well inside the runner's 10 per type: the outcome; then warnings for a forced
 * close-out, killed orphans, a log that could not be written, and what could not be killed.
 */
export function buildAnnotations(result: RunResult, ctx: ReportContext): Annotation[] {
  const t = title(ctx.ticket);
  const list: Annotation[] = [{ level: result.status === 'completed' ? 'notice' : 'error', title: t, message: cap(describeOutcome(result, ctx)) }];
  if (result.status === 'completed' && (result.termination === 'sigterm' || result.termination === 'sigkill')) {
    // The work is done, but the session would not leave by itself: worth a look at the agent.
    // "on EOF" only when an EOF was sent (never with stdin: closed).
    const refused = find(result, 'eof') ? 'did not exit on EOF' : 'did not exit by itself';
    list.push({
      level: 'warning',
      title: `${t}: forced close-out`,
      message: cap(
        `The session finished its work but ${refused}: it took ${result.termination === 'sigkill' ? 'SIGKILL' : 'SIGTERM'} to close it (${describeSequence(result).replace(/^; /, '')})`,
      ),
    });
  }
  if (result.orphans.length > 0) {
    const n = result.orphans.length;
    list.push({
      level: 'warning',
      title: `${t}: orphans killed`,
      message: cap(`${n} process${n === 1 ? '' : 'es'} of the run outlived the session and had to be killed: ${nameProcesses(result.orphans)}`),
    });
  }
  if (result.logError) {
    list.push({
      level: 'warning',
      title: `${t}: log file`,
      message: cap(
        `The log file ${result.logFile} could not be written (${oneLine(result.logError)}); the session went on, and its output is still in the job log.`,
      ),
    });
  }
  const faults = result.faults.map((f) => `${f.pid} ${oneLine(f.command)} (${f.code})`);
  if (result.survivors.length > 0 || faults.length > 0) {
    const parts = [];
    if (result.survivors.length > 0) parts.push(`still alive after SIGKILL: ${nameProcesses(result.survivors)}`);
    if (faults.length > 0)
      parts.push(
        `signals refused: ${faults.slice(0, ORPHANS_NAMED).join(', ')}${faults.length > ORPHANS_NAMED ? ` (+${faults.length - ORPHANS_NAMED} more)` : ''}`,
      );
    list.push({ level: 'warning', title: `${t}: processes not killed`, message: cap(`Could not stop every process of the run; ${parts.join('; ')}`) });
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Job summary (Markdown with a little HTML, as GitHub renders it)
// ---------------------------------------------------------------------------------------------

/** C0 controls but tab and newline, DEL and C1: a summary shows them as `\xNN`, never raw. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** HTML-escaped, and control characters made visible (escapeControls). */
export function escapeHtml(text: string): string {
  return escapeControls(text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
}

/** For a Markdown table cell: HTML escaped, pipes and newlines neutralised. */
function cell(text: string): string {
  return escapeHtml(oneLine(text)).replaceAll('|', '&#124;').replaceAll('`', '&#96;') || ' ';
}

const STATUS_ICON: Record<RunResult['status'], string> = {
  completed: '✅',
  failed: '❌',
  timeout: '⏱️',
  terminated: '💥',
  cancelled: '🚫',
  error: '⚠️',
};

const TIMELINE_LABEL: Record<TimelineEvent['kind'], string> = {
  spawned: 'session started',
  'first-output': 'first output',
  marker: 'completion marker seen',
  timeout: 'timeout reached',
  idle: 'idle-timeout reached',
  cancel: 'run cancelled',
  'completion-grace-over': 'completion grace over',
  eof: 'EOF sent',
  sigterm: 'SIGTERM sent',
  sigkill: 'SIGKILL sent',
  exit: 'session exited',
  'last-process-gone': 'last process of the run gone',
};

/** Timeline offsets: to the millisecond under a minute (the graces are read off them). */
export function formatOffset(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(3)}s`;
  return formatDuration(ms);
}

/** The last `TAIL_LINES` lines of the log, ANSI removed, each line capped. */
export function tailLines(tail: Buffer): string[] {
  const text = stripAnsi(tail.toString('utf8')).replace(/\r\n/g, '\n');
  // A lone \r redraws the line (progress bars, TUIs): keep what was drawn last.
  const lines = text.split('\n').map((l) => {
    const parts = l.split('\r').filter((p) => p !== '');
    return parts.length ? parts[parts.length - 1] : '';
  });
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.slice(-TAIL_LINES).map((l) => (l.length > TAIL_LINE_CHARS ? `${l.slice(0, TAIL_LINE_CHARS)}…` : l));
}

/** The log's path and size; after a write error, both what was received and what reached the file. */
function logSize(result: RunResult): string {
  const where = result.logFile || 'no log file';
  const written = result.logWritten ?? result.logBytes;
  if (!result.logError && written === result.logBytes) return `${where}, ${result.logBytes} bytes`;
  const why = result.logError ? `: ${oneLine(result.logError)}` : '';
  return `${where}, ${result.logBytes} bytes received, ${written} written to the log before it stopped${why}`;
}

export function buildSummary(result: RunResult, ctx: ReportContext): string {
  const out: string[] = [];
  out.push(`## ${STATUS_ICON[result.status]} ${cell(title(ctx.ticket))}: ${result.status}`, '');
  out.push(escapeHtml(describeOutcome(result, ctx)), '');
  out.push('| output | value |', '|---|---|');
  for (const [name, value] of Object.entries(buildOutputs(result))) out.push(`| \`${name}\` | ${cell(value)} |`);
  out.push('');

  if (result.timeline.length > 0) {
    out.push('### Timeline', '', '| at | event |', '|---:|---|');
    for (const e of result.timeline) {
      out.push(`| +${formatOffset(e.at)} | ${TIMELINE_LABEL[e.kind]}${e.detail ? ` (${cell(e.detail)})` : ''} |`);
    }
    out.push('');
  }

  if (result.orphans.length > 0) {
    out.push(`### Orphans killed (${result.orphans.length})`, '', '| pid | command |', '|---:|---|');
    for (const p of result.orphans.slice(0, SUMMARY_ORPHAN_ROWS)) out.push(`| ${p.pid} | ${cell(p.command)} |`);
    if (result.orphans.length > SUMMARY_ORPHAN_ROWS) out.push(`| … | ${result.orphans.length - SUMMARY_ORPHAN_ROWS} more |`);
    out.push('');
  }
  if (result.survivors.length > 0 || result.faults.length > 0) {
    out.push('### Not killed', '', '| pid | command | why |', '|---:|---|---|');
    for (const p of result.survivors.slice(0, SUMMARY_ORPHAN_ROWS))
      out.push(`| ${p.pid} | ${cell(p.command)} | alive after SIGKILL (state ${cell(p.state)}) |`);
    for (const f of result.faults.slice(0, SUMMARY_ORPHAN_ROWS)) out.push(`| ${f.pid} | ${cell(f.command)} | ${cell(f.code)} |`);
    out.push('');
  }

  const head = out.join('\n');
  if (result.logBytes > 0 || result.tail.length > 0) {
    const lines = tailLines(result.tail);
    const block = [
      `<details><summary>Last ${lines.length} lines of the log (${escapeHtml(logSize(result))})</summary>`,
      '',
      `<pre>${escapeHtml(lines.join('\n'))}</pre>`,
      '</details>',
      '',
    ].join('\n');
    if (Buffer.byteLength(head) + Buffer.byteLength(block) < SUMMARY_MAX_BYTES - 1024) return `${head}\n${block}`;
  }
  return `${head}\n`;
}
