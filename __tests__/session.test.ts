/**
 * The Session lifecycle against real processes and real signals: every status and
 * termination path, each stdin mode, the completion marker, idle-timeout, cancellation,
 * the child's environment, the log and the script's temp dir.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUN_ID_ENV } from '../src/constants.js';
import { JobLog } from '../src/fence.js';
import { buildAnnotations, buildOutputs, buildSummary, describeOutcome, type ReportContext } from '../src/report.js';
import { Session, shellQuote, type RunResult, type TimelineKind } from '../src/session.js';
import { aliveWithTag, fixture, MemoryOutput, runSession, settingsFor, tempDir, ttyWrapper, type InputMap, type SessionRun } from './support/harness.js';

const MARKER = '<promise>COMPLETE</promise>';
const MARKER_RE = '<promise>COMPLETE</promise>';
const PROBE = `sh ${shellQuote(fixture('session-stdin-probe.sh'))}`;
const SPLIT = (mode: string) => `node ${shellQuote(fixture('session-split-marker.mjs'))} ${mode}`;

// The session writes its script under RUNNER_TEMP: point it at a directory of our own, so
// that a script dir left behind can be seen.
let runnerTemp: string;
let savedRunnerTemp: string | undefined;
beforeAll(() => {
  savedRunnerTemp = process.env.RUNNER_TEMP;
  runnerTemp = tempDir('rd-session-runner-');
  process.env.RUNNER_TEMP = runnerTemp;
});
afterAll(() => {
  if (savedRunnerTemp === undefined) delete process.env.RUNNER_TEMP;
  else process.env.RUNNER_TEMP = savedRunnerTemp;
  fs.rmSync(runnerTemp, { recursive: true, force: true });
});

const scriptDirs = () => fs.readdirSync(runnerTemp).filter((n) => n.startsWith('ralph-dispatch-'));

/** Nothing of the run is alive, and the script's temp dir is gone. */
function expectClean(runId: string): void {
  expect(aliveWithTag(runId)).toEqual([]);
  expect(scriptDirs()).toEqual([]);
}

/** A job log that also emits what it is given, so that a test can await a line. */
class TapOutput extends MemoryOutput {
  override write(chunk: Buffer | string): boolean {
    const ok = super.write(chunk);
    this.emit('data');
    return ok;
  }

  /** Resolves once `text` has appeared in the live output (child output and the session's notes). */
  waitFor(text: string, ms = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!this.text().includes(text)) return;
        clearTimeout(timer);
        this.off('data', check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.off('data', check);
        reject(new Error(`'${text}' did not appear within ${ms} ms; output so far: ${JSON.stringify(this.text())}`));
      }, ms);
      this.on('data', check);
      check();
    });
  }
}

/** Like runSession, but `during` may be async and gets the live output to await lines on. */
async function runLive(
  inputs: InputMap,
  during: (session: Session, live: TapOutput, runId: string) => Promise<void>,
): Promise<SessionRun & { live: TapOutput }> {
  const dir = tempDir();
  const settings = await settingsFor({ 'log-file': path.join(dir, 'session.log'), ...inputs });
  const runId = `t${randomBytes(8).toString('hex')}`;
  const live = new TapOutput();
  const session = new Session({ settings, runId, jobLog: new JobLog(live, false), ttyWrapper: settings.tty ? ttyWrapper() : undefined });
  const running = session.run();
  let failure: unknown;
  const duringDone = during(session, live, runId).catch((e: unknown) => {
    failure = e;
  });
  const result = await running;
  await duringDone;
  await session.closeLog();
  if (failure) throw failure;
  const log = fs.existsSync(settings.logFile) ? fs.readFileSync(settings.logFile) : Buffer.alloc(0);
  return { result, runId, live, log };
}

const reportCtx: ReportContext = { ticket: '', timeoutMs: 60_000, idleTimeoutMs: 0, completionGraceMs: 30_000 };

const kinds = (r: RunResult) => r.timeline.map((e) => e.kind);

/** The offset of the nth event of a kind (it must be there). */
function at(r: RunResult, kind: TimelineKind, nth = 0): number {
  const events = r.timeline.filter((e) => e.kind === kind);
  if (events.length <= nth) throw new Error(`no '${kind}' #${nth} in the timeline: ${JSON.stringify(r.timeline)}`);
  return events[nth].at;
}

/** The events of these kinds appear in this order (others may come between). */
function expectOrder(r: RunResult, wanted: TimelineKind[]): void {
  expect(kinds(r).filter((k) => wanted.includes(k))).toEqual(wanted);
}

/** Rounding of two offsets to whole ms may shave a millisecond or two off a measured gap. */
const SLACK = 3;

function report(label: string, r: RunResult): void {
  if (process.env.RD_PRINT_TIMELINE) {
    process.stderr.write(`${label}: ${r.timeline.map((e) => `${e.kind}@${e.at}${e.detail ? `(${e.detail})` : ''}`).join(' → ')}\n`);
  }
}

// ---------------------------------------------------------------------------------------------

describe('natural ends', () => {
  it('exit 0: completed/natural, exit-code 0, no signal', async () => {
    const { result, runId } = await runSession({ command: 'echo hi; exit 0', timeout: '20s' });
    expect(result).toMatchObject({ status: 'completed', termination: 'natural', exitCode: 0, signal: null, markerSeen: false, reason: null });
    expectOrder(result, ['spawned', 'first-output', 'exit', 'last-process-gone']);
    expect(kinds(result)).not.toContain('sigterm');
    expectClean(runId);
  });

  it('exit 3: failed/natural, exit-code 3, no signal', async () => {
    const { result, runId } = await runSession({ command: 'echo failing; exit 3', timeout: '20s' });
    expect(result).toMatchObject({ status: 'failed', termination: 'natural', exitCode: 3, signal: null, markerSeen: false });
    expectClean(runId);
  });

  it.each(['KILL', 'USR1'])('the shell killing itself with SIG%s (not sent by us): terminated, signal set, exit-code empty', async (sig) => {
    const { result, runId, log } = await runSession({ command: `echo dying; kill -${sig} $$; echo survived`, timeout: '20s' });
    expect(result).toMatchObject({ status: 'terminated', termination: 'natural', exitCode: null, signal: `SIG${sig}`, reason: null });
    expect(log.toString()).not.toContain('survived');
    expectClean(runId);
  });
});

describe('natural ends under tty', () => {
  it('exit 3 under tty: failed/natural, exit-code 3', async () => {
    const { result, runId } = await runSession({ command: 'echo failing; exit 3', stdin: 'tty', timeout: '20s' });
    expect(result).toMatchObject({ status: 'failed', termination: 'natural', exitCode: 3, signal: null });
    expectClean(runId);
  });

  it('the session killing itself with SIGKILL under tty: terminated, signal SIGKILL, exit-code empty', async () => {
    const { result, runId, log } = await runSession({ command: 'echo dying; kill -KILL $$; echo survived', stdin: 'tty', timeout: '20s' });
    expect(log.toString()).not.toContain('survived');
    expect(result).toMatchObject({ status: 'terminated', termination: 'natural', exitCode: null, signal: 'SIGKILL', reason: null });
    expectClean(runId);
  });
});

describe('timeout and the termination sequence', () => {
  it('closed stdin: starts at SIGTERM (no EOF step); timeout/sigterm, signal SIGTERM', async () => {
    const { result, runId } = await runSession({ command: 'echo started; sleep 300', timeout: '300ms', 'eof-grace': '20s', 'term-grace': '20s' });
    expect(result).toMatchObject({ status: 'timeout', reason: 'timeout', termination: 'sigterm', signal: 'SIGTERM', exitCode: null });
    expectOrder(result, ['spawned', 'timeout', 'sigterm', 'exit', 'last-process-gone']);
    expect(kinds(result)).not.toContain('eof');
    expect(kinds(result)).not.toContain('sigkill');
    expect(at(result, 'timeout')).toBeGreaterThanOrEqual(300 - SLACK);
    expect(at(result, 'timeout')).toBeLessThan(3000);
    // The long eof-grace does not apply: SIGTERM follows the deadline at once.
    expect(at(result, 'sigterm') - at(result, 'timeout')).toBeLessThan(1000);
    expect(result.durationMs).toBeLessThan(5000);
    expectClean(runId);
  });

  it('pipe stdin, a child that exits on EOF: timeout/eof, exit-code 0, no signal sent', async () => {
    const { result, runId, log } = await runSession({
      command: 'echo started; cat >/dev/null; echo eof-seen',
      stdin: 'pipe',
      timeout: '300ms',
      'eof-grace': '20s',
      'term-grace': '20s',
    });
    expect(result).toMatchObject({ status: 'timeout', reason: 'timeout', termination: 'eof', exitCode: 0, signal: null });
    expect(log.toString()).toContain('eof-seen');
    expectOrder(result, ['timeout', 'eof', 'exit', 'last-process-gone']);
    expect(kinds(result)).not.toContain('sigterm');
    expect(at(result, 'exit') - at(result, 'eof')).toBeLessThan(3000);
    expect(result.durationMs).toBeLessThan(5000);
    expectClean(runId);
  });

  it.each(['pipe', 'tty'] as const)('stdin %s, a child that ignores EOF but not SIGTERM: timeout/sigterm, signal SIGTERM, exit-code empty', async (stdin) => {
    const { result, runId } = await runSession({ command: 'echo started; sleep 300', stdin, timeout: '300ms', 'eof-grace': '300ms', 'term-grace': '20s' });
    expect(result).toMatchObject({ status: 'timeout', reason: 'timeout', termination: 'sigterm', signal: 'SIGTERM', exitCode: null });
    expectOrder(result, ['timeout', 'eof', 'sigterm', 'exit', 'last-process-gone']);
    expect(at(result, 'sigterm') - at(result, 'eof')).toBeGreaterThanOrEqual(300 - SLACK);
    expect(kinds(result)).not.toContain('sigkill');
    expect(result.durationMs).toBeLessThan(5000);
    expectClean(runId);
  });

  it.each(['pipe', 'tty'] as const)('stdin %s, a child ignoring EOF and SIGTERM: EOF, SIGTERM after eof-grace, SIGKILL after term-grace', async (stdin) => {
    const { result, runId } = await runSession({
      command: `trap '' TERM; echo started; (trap '' TERM; sleep 300) & sleep 300`,
      stdin,
      timeout: '300ms',
      'eof-grace': '300ms',
      'term-grace': '400ms',
    });
    report(`timeout, stdin ${stdin}, child ignoring SIGTERM`, result);
    expect(result).toMatchObject({ status: 'timeout', reason: 'timeout', termination: 'sigkill', signal: 'SIGKILL', exitCode: null });
    expectOrder(result, ['spawned', 'timeout', 'eof', 'sigterm', 'sigkill', 'exit', 'last-process-gone']);
    const deadline = at(result, 'timeout');
    expect(deadline).toBeGreaterThanOrEqual(300 - SLACK);
    expect(deadline).toBeLessThan(3000);
    expect(at(result, 'eof') - deadline).toBeLessThan(500);
    const eofToTerm = at(result, 'sigterm') - at(result, 'eof');
    expect(eofToTerm).toBeGreaterThanOrEqual(300 - SLACK);
    expect(eofToTerm).toBeLessThan(300 + 2000);
    const termToKill = at(result, 'sigkill') - at(result, 'sigterm');
    // term-grace runs from when SIGTERM was due (eof-grace after EOF), not from the end of the
    // scan that listed its targets.
    expect(at(result, 'sigkill') - at(result, 'eof')).toBeGreaterThanOrEqual(300 + 400 - SLACK);
    expect(termToKill).toBeLessThan(400 + 2000);
    expect(at(result, 'last-process-gone') - at(result, 'sigkill')).toBeLessThan(2000);
    expect(result.durationMs).toBeGreaterThanOrEqual(at(result, 'sigkill'));
    expect(result.durationMs).toBeLessThan(8000);
    expectClean(runId);
  });
});

describe('idle-timeout', () => {
  it('a child printing every 100 ms for ~1.5 s is not stopped by a 500ms idle-timeout', async () => {
    const { result, runId, log } = await runSession({
      command: 'for i in $(seq 15); do echo tick $i; sleep 0.1; done; echo done',
      'idle-timeout': '500ms',
      timeout: '20s',
    });
    expect(result).toMatchObject({ status: 'completed', termination: 'natural', exitCode: 0, reason: null });
    expect(log.toString()).toContain('tick 15\ndone\n');
    expect(kinds(result)).not.toContain('idle');
    expect(result.durationMs).toBeGreaterThanOrEqual(1400);
    expectClean(runId);
  });

  it('output resets the idle timer; silence then stops it: timeout, reason idle', async () => {
    const { result, runId, log } = await runSession({
      command: 'for i in $(seq 10); do echo tick $i; sleep 0.1; done; echo silent; sleep 300',
      'idle-timeout': '500ms',
      timeout: '20s',
      'term-grace': '5s',
    });
    expect(result).toMatchObject({ status: 'timeout', reason: 'idle', termination: 'sigterm', signal: 'SIGTERM' });
    expectOrder(result, ['first-output', 'idle', 'sigterm', 'exit']);
    // The ticks take at least 9 × 100 ms after the first one; idle comes ≥ 500 ms after the last.
    expect(at(result, 'idle') - at(result, 'first-output')).toBeGreaterThanOrEqual(900 + 500 - SLACK);
    expect(at(result, 'idle')).toBeLessThan(10_000);
    expect(log.toString()).toContain('tick 10\nsilent\n');
    expectClean(runId);
  });
});

describe('completion marker', () => {
  it.each([0, 3])('printed, then the child exits %d by itself within completion-grace: completed/natural', async (code) => {
    const { result, runId } = await runSession({
      command: `echo '${MARKER}'; sleep 0.3; exit ${code}`,
      'completion-marker': MARKER_RE,
      'completion-grace': '20s',
      timeout: '30s',
    });
    expect(result).toMatchObject({ status: 'completed', termination: 'natural', markerSeen: true, exitCode: code, signal: null });
    expectOrder(result, ['marker', 'exit']);
    expect(kinds(result)).not.toContain('completion-grace-over');
    expect(result.durationMs).toBeLessThan(5000);
    expectClean(runId);
  });

  it("printed as the child's last words, then it exits 3 at once: completed, on every one of 12 runs (the output it wrote before exiting counts)", async () => {
    const results: RunResult[] = [];
    for (let i = 0; i < 12; i += 3) {
      const runs = await Promise.all(
        [0, 1, 2].map(() => runSession({ command: `echo '${MARKER}'; exit 3`, 'completion-marker': MARKER_RE, 'completion-grace': '20s', timeout: '30s' })),
      );
      for (const { result, runId } of runs) {
        results.push(result);
        expectClean(runId);
      }
    }
    expect(results.map((r) => [r.status, r.markerSeen, r.exitCode])).toEqual(results.map(() => ['completed', true, 3]));
  });

  it('printed by a leftover after the child exited 1 by itself: failed, the marker not seen (the session ended with the child)', async () => {
    // The leftover prints the marker when the sweep's SIGTERM reaches it.
    const { result, runId, log } = await runSession({
      command: `M='${MARKER}' sh -c 'trap "echo \\"\\$M\\"; exit 0" TERM; echo armed; while :; do sleep 0.05; done' & sleep 0.3; exit 1`,
      'completion-marker': MARKER_RE,
      'term-grace': '5s',
      timeout: '30s',
    });
    expect(log.toString()).toContain(MARKER);
    expect(result).toMatchObject({ status: 'failed', termination: 'natural', markerSeen: false, exitCode: 1 });
    expect(kinds(result)).not.toContain('marker');
    expectClean(runId);
  });

  it('printed on stderr: seen', async () => {
    const { result, runId } = await runSession({
      command: `echo '${MARKER}' >&2; cat >/dev/null`,
      stdin: 'pipe',
      'completion-marker': MARKER_RE,
      'completion-grace': '200ms',
      timeout: '20s',
      'eof-grace': '20s',
    });
    expect(result).toMatchObject({ status: 'completed', termination: 'eof', markerSeen: true, exitCode: 0 });
    expect(result.durationMs).toBeLessThan(5000);
    expectClean(runId);
  });

  it('printed, then the child idles reading its stdin pipe: EOF after completion-grace, completed/eof', async () => {
    const { result, runId, log } = await runSession({
      command: `echo '${MARKER}'; cat >/dev/null; echo closed`,
      stdin: 'pipe',
      'completion-marker': MARKER_RE,
      'completion-grace': '300ms',
      timeout: '30s',
      'eof-grace': '20s',
    });
    expect(result).toMatchObject({ status: 'completed', termination: 'eof', markerSeen: true, exitCode: 0, signal: null, reason: 'marker' });
    expectOrder(result, ['marker', 'completion-grace-over', 'eof', 'exit', 'last-process-gone']);
    expect(at(result, 'completion-grace-over') - at(result, 'marker')).toBeGreaterThanOrEqual(300 - SLACK);
    expect(log.toString()).toContain('closed');
    expect(result.durationMs).toBeLessThan(5000);
    expectClean(runId);
  });

  it('under tty: Ctrl+U Ctrl+D after completion-grace ends a `cat`: completed/eof', async () => {
    const { result, runId, log } = await runSession({
      command: `echo '${MARKER}'; cat >/dev/null; echo closed`,
      stdin: 'tty',
      'completion-marker': MARKER_RE,
      'completion-grace': '300ms',
      timeout: '30s',
      'eof-grace': '20s',
    });
    expect(result).toMatchObject({ status: 'completed', termination: 'eof', markerSeen: true, exitCode: 0, signal: null });
    expectOrder(result, ['marker', 'completion-grace-over', 'eof', 'exit']);
    expect(kinds(result)).not.toContain('sigterm');
    expect(log.toString()).toContain('closed');
    expect(result.durationMs).toBeLessThan(5000);
    expectClean(runId);
  });

  it.each(['wrap', 'escape-split'])('split across two writes and wrapped in colour codes (%s): seen', async (mode) => {
    const { result, runId, live, log } = await runSession({
      command: SPLIT(mode),
      stdin: 'pipe',
      'completion-marker': MARKER_RE,
      'completion-grace': '200ms',
      timeout: '20s',
      'eof-grace': '20s',
    });
    // The marker did arrive in two pieces.
    const chunks = live.chunks.map((c) => c.toString('utf8'));
    expect(chunks.some((c) => c.includes('<promise>COMP') && !c.includes('LETE'))).toBe(true);
    // Seen live: the session was closed by EOF after the grace, not by the 20 s timeout.
    expect(result).toMatchObject({ status: 'completed', termination: 'eof', markerSeen: true, exitCode: 0, reason: 'marker' });
    expect(log.toString()).toContain('stdin closed');
    expect(result.durationMs).toBeLessThan(8000);
    expectClean(runId);
  });

  it('a child that ignores EOF and SIGTERM after the marker: completed/sigkill', async () => {
    const { result, runId } = await runSession({
      command: `trap '' TERM; echo '${MARKER}'; sleep 300`,
      stdin: 'pipe',
      'completion-marker': MARKER_RE,
      'completion-grace': '200ms',
      'eof-grace': '200ms',
      'term-grace': '300ms',
      timeout: '30s',
    });
    expect(result).toMatchObject({ status: 'completed', termination: 'sigkill', signal: 'SIGKILL', exitCode: null, markerSeen: true });
    expectOrder(result, ['marker', 'completion-grace-over', 'eof', 'sigterm', 'sigkill', 'exit']);
    expect(result.durationMs).toBeLessThan(8000);
    expectClean(runId);
  });

  it('a marker regex that does not match: not seen, the session runs on to its timeout', async () => {
    const { result, runId } = await runSession({
      command: `echo '${MARKER}'; cat >/dev/null`,
      stdin: 'pipe',
      'completion-marker': '<promise>DONE</promise>',
      'completion-grace': '100ms',
      timeout: '600ms',
      'eof-grace': '20s',
    });
    expect(result).toMatchObject({ status: 'timeout', reason: 'timeout', termination: 'eof', markerSeen: false, exitCode: 0 });
    expect(kinds(result)).not.toContain('marker');
    expect(at(result, 'timeout')).toBeGreaterThanOrEqual(600 - SLACK);
    expectClean(runId);
  });
});

describe('stdin modes', () => {
  it('closed: the child reads EOF at once (cat exits 0), stdin is not a terminal', async () => {
    const { result, runId, log } = await runSession({ command: PROBE, stdin: 'closed', timeout: '20s' });
    expect(result).toMatchObject({ status: 'completed', termination: 'natural', exitCode: 0 });
    expect(log.toString()).toBe('stdin: not a tty\nstdout: not a tty\nwaiting for EOF\ngot EOF, exiting\n');
    expect(result.durationMs).toBeLessThan(5000);
    expectClean(runId);
  });

  it('pipe: the stream stays open until the sequence closes it (timeout/eof)', async () => {
    const { result, runId, log } = await runSession({ command: PROBE, stdin: 'pipe', timeout: '500ms', 'eof-grace': '20s' });
    expect(result).toMatchObject({ status: 'timeout', termination: 'eof', exitCode: 0, signal: null });
    expect(log.toString()).toBe('stdin: not a tty\nstdout: not a tty\nwaiting for EOF\ngot EOF, exiting\n');
    expect(at(result, 'eof')).toBeGreaterThanOrEqual(500 - SLACK);
    expectClean(runId);
  });

  it('pipe with input: the child reads it, with a trailing newline added', async () => {
    const input = 'hello world';
    const { result, runId, log } = await runSession({
      command: `head -c ${input.length + 1} | od -An -tx1`,
      stdin: 'pipe',
      input,
      timeout: '20s',
    });
    expect(result).toMatchObject({ status: 'completed', termination: 'natural', exitCode: 0 });
    const hex = log.toString().replace(/\s+/g, '');
    expect(hex).toBe(Buffer.from(`${input}\n`).toString('hex'));
    expectClean(runId);
  });

  it('tty: stdin and stdout are terminals; the timeout types Ctrl+D and `cat` exits 0 (timeout/eof)', async () => {
    const { result, runId, log } = await runSession({ command: PROBE, stdin: 'tty', timeout: '500ms', 'eof-grace': '20s' });
    const out = log.toString();
    expect(out).toContain('stdin: tty');
    expect(out).toContain('stdout: tty');
    expect(out).toContain('got EOF, exiting');
    // Contract: `timeout` when the timeout ran out (the child exited 0 on the EOF it got).
    expect(result).toMatchObject({ status: 'timeout', termination: 'eof', exitCode: 0, signal: null });
    expect(kinds(result)).not.toContain('sigterm');
    expectClean(runId);
  });

  it('tty with a marker: Ctrl+D after the grace, completed/eof', async () => {
    const { result, runId, log } = await runSession({
      command: `${PROBE}; echo never`,
      stdin: 'tty',
      'completion-marker': 'waiting for EOF',
      'completion-grace': '200ms',
      timeout: '20s',
      'eof-grace': '20s',
    });
    expect(result).toMatchObject({ status: 'completed', termination: 'eof', exitCode: 0, markerSeen: true });
    expect(log.toString()).toContain('stdin: tty');
    expect(log.toString()).toContain('got EOF, exiting');
    expectClean(runId);
  });

  it('tty with input: the text is typed into the terminal and read as a line', async () => {
    const { result, runId, log } = await runSession({
      command: `IFS= read -r line; echo "got:[$line]"`,
      stdin: 'tty',
      input: 'typed text',
      timeout: '20s',
    });
    expect(result).toMatchObject({ status: 'completed', termination: 'natural', exitCode: 0 });
    expect(log.toString()).toContain('got:[typed text]');
    expectClean(runId);
  });
});

describe("the child's environment", () => {
  it('RALPH_TICKET and the run tag reach the child; the ticket is not in the script', async () => {
    const ticket = 'zq-9x81.k/7';
    let script = '';
    let dirMode = 0;
    const { result, runId, log } = await runSession(
      { ticket, command: 'echo "ticket=[$RALPH_TICKET] run=[$RALPH_DISPATCH_RUN_ID]"' },
      {
        during: () => {
          // prepare() has run by now (run() is synchronous up to the spawn).
          const [dir] = scriptDirs();
          dirMode = fs.statSync(path.join(runnerTemp, dir)).mode & 0o777;
          script = fs.readFileSync(path.join(runnerTemp, dir, 'ticket.sh'), 'utf8');
        },
      },
    );
    expect(result.status).toBe('completed');
    expect(log.toString()).toBe(`ticket=[${ticket}] run=[${runId}]\n`);
    expect(script).toContain('$RALPH_TICKET');
    expect(script).not.toContain(ticket);
    expect(dirMode).toBe(0o700);
    expectClean(runId);
  });

  const envCommand = 'env | grep -E "^(INPUT_|GITHUB_OUTPUT=|GITHUB_ENV=|GITHUB_STATE=|GITHUB_PATH=|GITHUB_STEP_SUMMARY=|MY_VAR=)" | sort || true';
  const actionEnv = (dir: string): NodeJS.ProcessEnv => ({
    ...process.env,
    INPUT_COMMAND: 'secret-ish input',
    INPUT_TICKET: 'pt-1',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    MY_VAR: 'kept',
  });
  const names = (log: Buffer) =>
    log
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('=')[0]);

  it('allow-workflow-commands false: no INPUT_*, no GITHUB_OUTPUT/ENV/STATE/PATH/STEP_SUMMARY', async () => {
    const dir = tempDir();
    const { result, runId, log } = await runSession({ command: envCommand, 'allow-workflow-commands': 'false' }, { env: actionEnv(dir) });
    expect(result.status).toBe('completed');
    expect(names(log)).toEqual(['MY_VAR']);
    expectClean(runId);
  });

  it('allow-workflow-commands true: the file-command variables are passed (INPUT_* still not)', async () => {
    const dir = tempDir();
    const { result, runId, log } = await runSession({ command: envCommand, 'allow-workflow-commands': 'true' }, { env: actionEnv(dir) });
    expect(result.status).toBe('completed');
    expect(names(log)).toEqual(['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_PATH', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY', 'MY_VAR']);
    expect(log.toString()).toContain(`GITHUB_OUTPUT=${path.join(dir, 'output')}\n`);
    expectClean(runId);
  });

  it('the child carries the run tag in its environment', async () => {
    const { result, runId, log } = await runSession({ command: `tr '\\0' '\\n' < /proc/$$/environ | grep '^${RUN_ID_ENV}='` });
    expect(result.status).toBe('completed');
    expect(log.toString()).toBe(`${RUN_ID_ENV}=${runId}\n`);
    expectClean(runId);
  });
});

describe('cancel', () => {
  const stubborn = { command: `trap '' TERM; echo started; sleep 300`, stdin: 'pipe', timeout: '60s', 'eof-grace': '60s', 'term-grace': '60s' } as const;

  it('cancel() during a run with long graces, child ignoring SIGTERM: cancelled, all gone within ~5 s', async () => {
    let cancelledAt = 0;
    const { result, runId } = await runLive(stubborn, async (session, live) => {
      await live.waitFor('started');
      cancelledAt = performance.now();
      session.cancel();
    });
    const elapsed = performance.now() - cancelledAt;
    report('cancel, child ignoring SIGTERM', result);
    expect(result).toMatchObject({ status: 'cancelled', reason: 'cancel', termination: 'sigkill', signal: 'SIGKILL', exitCode: null });
    expectOrder(result, ['first-output', 'cancel', 'eof', 'sigterm', 'sigkill', 'exit', 'last-process-gone']);
    expect(at(result, 'last-process-gone') - at(result, 'cancel')).toBeLessThan(5500);
    expect(elapsed).toBeLessThan(6500);
    expectClean(runId);
  });

  it('a second cancel() goes straight to SIGKILL', async () => {
    let secondAt = 0;
    const { result, runId } = await runLive(stubborn, async (session, live) => {
      await live.waitFor('started');
      session.cancel();
      await live.waitFor('EOF sent');
      secondAt = performance.now();
      session.cancel();
    });
    const elapsed = performance.now() - secondAt;
    report('second cancel', result);
    expect(result).toMatchObject({ status: 'cancelled', termination: 'sigkill', signal: 'SIGKILL', exitCode: null });
    expect(kinds(result).filter((k) => k === 'cancel')).toHaveLength(2);
    expectOrder(result, ['cancel', 'eof', 'cancel', 'sigkill', 'exit']);
    expect(at(result, 'sigkill') - at(result, 'cancel', 1)).toBeLessThan(500);
    expect(elapsed).toBeLessThan(2500);
    expectClean(runId);
  });

  it('cancel() before run() (a cancel between parsing and spawning): nothing starts, and the report says so', async () => {
    const dir = tempDir();
    const logFile = path.join(dir, 'session.log');
    const created = path.join(dir, 'created');
    const settings = await settingsFor({ ...stubborn, command: `touch ${shellQuote(created)}; sleep 300`, 'log-file': logFile });
    const runId = `t${randomBytes(8).toString('hex')}`;
    const session = new Session({ settings, runId, jobLog: new JobLog(new MemoryOutput(), false), ttyWrapper: ttyWrapper() });
    session.cancel();
    const result = await session.run();
    await session.closeLog();
    expect(result).toMatchObject({ status: 'cancelled', reason: 'cancel', termination: null, signal: null, exitCode: null, childPid: undefined, logFile: '' });
    expect(result.timeline).toEqual([]);
    // No log file is named that does not exist, and nothing ran.
    expect(fs.existsSync(logFile)).toBe(false);
    expect(fs.existsSync(created)).toBe(false);
    expect(describeOutcome(result, reportCtx)).toBe('the session was cancelled before the session started');
    expect(buildOutputs(result)['log-file']).toBe('');
    expectClean(runId);
  });

  it('cancel() after the marker: completed', async () => {
    const { result, runId } = await runLive(
      {
        command: `echo '${MARKER}'; sleep 300`,
        stdin: 'pipe',
        'completion-marker': MARKER_RE,
        'completion-grace': '60s',
        'eof-grace': '60s',
        'term-grace': '60s',
        timeout: '60s',
      },
      async (session, live) => {
        await live.waitFor('completion marker seen');
        session.cancel();
      },
    );
    expect(result).toMatchObject({ status: 'completed', markerSeen: true, reason: 'cancel' });
    expectOrder(result, ['marker', 'cancel', 'exit', 'last-process-gone']);
    // The report names the cancel, not a grace that never ran out.
    const outcome = describeOutcome(result, { ...reportCtx, completionGraceMs: 60_000 });
    expect(outcome).toContain('the run was cancelled at +');
    expect(outcome).toContain('during completion-grace');
    expect(outcome).not.toContain('still running');
    expect(at(result, 'last-process-gone') - at(result, 'cancel')).toBeLessThan(5500);
    expectClean(runId);
  });
});

describe('error, log and duration', () => {
  it('a log-file that cannot be created: error, nothing started', async () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'plain-file');
    fs.writeFileSync(blocker, 'not a directory');
    const marker = path.join(dir, 'created');
    const { result, runId } = await runSession({ command: `touch ${shellQuote(marker)}`, 'log-file': path.join(blocker, 'sub', 'session.log') });
    expect(result).toMatchObject({ status: 'error', exitCode: null, signal: null, termination: null, childPid: undefined, durationMs: 0, markerSeen: false });
    expect(result.error).toBeTruthy();
    expect(result.timeline).toEqual([]);
    expect(fs.existsSync(marker)).toBe(false);
    expectClean(runId);
  });

  it("the log file holds the child's stdout and stderr bytes, exactly", async () => {
    const out = Buffer.from([0x6f, 0x75, 0x74, 0x3a, 0x00, 0x01, 0xfe, 0xff, 0x0d, 0x0a]);
    const err = Buffer.from('err-line\n');
    const { result, runId, log } = await runSession({ command: `printf 'out:\\000\\001\\376\\377\\r\\n'; printf 'err-line\\n' >&2` });
    expect(result.status).toBe('completed');
    expect(log.length).toBe(out.length + err.length);
    expect(log.includes(out)).toBe(true);
    expect(log.includes(err)).toBe(true);
    expect(result.logBytes).toBe(log.length);
    expectClean(runId);
  });

  it('duration-ms covers the child run time and no more than the call took', async () => {
    const started = performance.now();
    const { result, runId } = await runSession({ command: 'sleep 0.6' });
    const wall = performance.now() - started;
    expect(result.status).toBe('completed');
    expect(result.durationMs).toBeGreaterThanOrEqual(600);
    expect(result.durationMs).toBeLessThanOrEqual(Math.ceil(wall));
    // Both count from the spawn call; the last process was seen gone at the end of the sweep.
    expect(Math.abs(result.durationMs - at(result, 'last-process-gone'))).toBeLessThanOrEqual(5);
    expectClean(runId);
  });
});

describe('the marker, line by line, on a linear-time engine', () => {
  it('^DONE$ matches a line holding only DONE (the line is closed out by the marker, not the timeout)', async () => {
    const { result, runId } = await runSession({
      command: 'echo working; echo "not DONE yet"; echo DONE; cat >/dev/null',
      stdin: 'pipe',
      'completion-marker': '^DONE$',
      'completion-grace': '200ms',
      timeout: '20s',
      'eof-grace': '20s',
    });
    expect(result).toMatchObject({ status: 'completed', reason: 'marker', termination: 'eof', markerSeen: true, exitCode: 0 });
    expectOrder(result, ['marker', 'completion-grace-over', 'eof', 'exit']);
    expect(kinds(result)).not.toContain('timeout');
    expectClean(runId);
  });

  it('DONE$ does not match the line "DONE!" printed in two writes, and matches "all DONE" once that line ends', async () => {
    const { result, runId, log } = await runSession({
      command: "printf 'DONE'; sleep 0.3; printf '!\\n'; sleep 0.3; printf 'all DONE'; sleep 0.3; printf '\\n'; cat >/dev/null",
      stdin: 'pipe',
      'completion-marker': 'DONE$',
      'completion-grace': '100ms',
      timeout: '20s',
      'eof-grace': '20s',
    });
    expect(log.toString()).toBe('DONE!\nall DONE\n');
    expect(result).toMatchObject({ status: 'completed', reason: 'marker', markerSeen: true });
    // Seen when "all DONE" was complete: after the third write, not at the first.
    expect(at(result, 'marker')).toBeGreaterThanOrEqual(3 * 300 - SLACK);
    expectClean(runId);
  });

  it('^(a|aa)+$ against 45 `a` and a `!` does not block the event loop: the timeout still closes the session', async () => {
    const { result, runId } = await runSession({
      command: "printf 'a%.0s' $(seq 45); printf '!\\n'; sleep 300",
      'completion-marker': '^(a|aa)+$',
      timeout: '1s',
      'term-grace': '5s',
    });
    expect(result).toMatchObject({ status: 'timeout', reason: 'timeout', termination: 'sigterm', markerSeen: false });
    expectOrder(result, ['first-output', 'timeout', 'sigterm', 'exit']);
    expectClean(runId);
  });

  it('timeout still bounds the step after the marker: timeout 2s, marker at 1s, completion-grace 8s ends at the timeout, completed', async () => {
    const { result, runId } = await runSession({
      command: 'sleep 1; echo DONE; sleep 300',
      'completion-marker': 'DONE',
      'completion-grace': '8s',
      timeout: '2s',
      'term-grace': '5s',
    });
    report('marker then timeout', result);
    expect(result).toMatchObject({ status: 'completed', reason: 'timeout', termination: 'sigterm', markerSeen: true, signal: 'SIGTERM' });
    expectOrder(result, ['marker', 'timeout', 'sigterm', 'exit', 'last-process-gone']);
    expect(kinds(result)).not.toContain('completion-grace-over');
    // The grace would have ended at +9s; the timeout is at +2s.
    expect(at(result, 'timeout')).toBeLessThan(at(result, 'marker') + 8000);
    const outcome = describeOutcome(result, { ...reportCtx, timeoutMs: 2000, completionGraceMs: 8000 });
    expect(outcome).toContain('the timeout (2s) ran out at +');
    expect(outcome).not.toContain('still running');
    expectClean(runId);
  });
});

describe('wording and what the summary shows', () => {
  it('stdin closed, a session closed by SIGTERM after its marker: the warning never speaks of EOF', async () => {
    const { result, runId } = await runSession({
      command: 'echo DONE; sleep 300',
      'completion-marker': 'DONE',
      'completion-grace': '200ms',
      timeout: '20s',
      'term-grace': '5s',
    });
    expect(result).toMatchObject({ status: 'completed', termination: 'sigterm', reason: 'marker' });
    expect(kinds(result)).not.toContain('eof');
    const warning = buildAnnotations(result, reportCtx).find((a) => a.title.endsWith('forced close-out'));
    expect(warning?.message).toContain('did not exit by itself');
    expect(warning?.message).not.toContain('EOF');
    expectClean(runId);
  });

  it('NUL and other control bytes printed by the child reach the summary escaped, never raw', async () => {
    const { result, runId } = await runSession({ command: "printf 'nul[\\000] bel[\\007] bs[\\010] vt[\\013] del[\\177] esc-alone[\\033]\\n'" });
    expect(result.status).toBe('completed');
    const md = buildSummary(result, reportCtx);
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(md).toContain('nul[\\x00] bel[\\x07] bs[\\x08] vt[\\x0b] del[\\x7f]');
    expectClean(runId);
  });
});

describe('the terminal (stdin: tty)', () => {
  it("SHELL=/bin/false: the command still runs, and sees the job's SHELL", async () => {
    const { result, runId, log } = await runSession(
      { command: 'echo "ran, SHELL=$SHELL"', stdin: 'tty', timeout: '20s' },
      { env: { ...process.env, SHELL: '/bin/false' } },
    );
    expect(log.toString()).toContain('ran, SHELL=/bin/false');
    expect(result).toMatchObject({ status: 'completed', termination: 'natural', exitCode: 0 });
    expectClean(runId);
  });

  it('no SHELL at all: the command runs, and SHELL stays out of its environment', async () => {
    const env = { ...process.env };
    delete env.SHELL;
    const { result, runId, log } = await runSession({ command: 'echo "ran, SHELL=[$(printenv SHELL || echo unset)]"', stdin: 'tty', timeout: '20s' }, { env });
    expect(log.toString()).toContain('ran, SHELL=[unset]');
    expect(result).toMatchObject({ status: 'completed', exitCode: 0 });
    expectClean(runId);
  });
});
