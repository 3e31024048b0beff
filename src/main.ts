/**
 * Wiring: inputs → session → report. The only module (with post.ts) that talks to the runner
 * (runner.ts); the one setFailed is here, for the unexpected.
 */
import * as runner from './runner.js';
import { randomBytes } from 'node:crypto';
import { Inputs, State, TICKET_PATTERN } from './constants.js';
import { formatDuration } from './duration.js';
import { flushAndExit } from './exit.js';
import { JobLog } from './fence.js';
import { InputError, parseSettings, type Settings } from './inputs.js';
import { buildAnnotations, buildOutputs, buildSummary, type ReportContext } from './report.js';
import { selfStart } from './reaper.js';
import { type RunResult, Session } from './session.js';

/** The entry point: run, then exit once everything written has reached the runner. */
export async function main(): Promise<void> {
  let code: number;
  try {
    code = await run();
  } catch (e) {
    // The one setFailed: for the unexpected (a runner file that cannot be written, a bug).
    runner.setFailed(`ralph-dispatch failed: ${(e as Error).stack ?? String(e)}`);
    code = 1;
  }
  await flushAndExit(code);
}

/** Runs the action; returns the exit code (0 only for `completed`). */
export async function run(): Promise<number> {
  const runId = randomBytes(8).toString('hex');
  let session: Session | undefined;
  let cancelled = false;
  // The runner cancels by SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after that,
  // all to this PID only: the session's processes get nothing unless we send it.
  const onSignal = () => {
    cancelled = true;
    session?.cancel();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    let settings: Settings;
    try {
      settings = await parseSettings((name) => runner.getInput(name));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Title the error with the ticket when the ticket itself is valid: in a matrix of tickets
      // that says which one failed.
      const ticket = runner.getInput(Inputs.Ticket).trim();
      const ctx = { ticket: TICKET_PATTERN.test(ticket) ? ticket : '', timeoutMs: 0, idleTimeoutMs: 0, completionGraceMs: 0 };
      return await report(notStartedResult(e.message, ''), ctx);
    }
    const ctx: ReportContext = {
      ticket: settings.ticket,
      timeoutMs: settings.timeoutMs,
      idleTimeoutMs: settings.idleTimeoutMs,
      completionGraceMs: settings.completionGraceMs,
    };
    if (cancelled) return await report(notStartedResult('the run was cancelled before the session started', settings.logFile, 'cancelled'), ctx);

    // Saved before the spawn, so that post can sweep even if this process is killed at once.
    runner.saveState(State.RunId, runId);
    runner.saveState(State.Ticket, settings.ticket);
    runner.saveState(State.MainStart, String(selfStart()));

    const jobLog = new JobLog(process.stdout, !settings.allowWorkflowCommands);
    jobLog.open();
    jobLog.line(`[ralph-dispatch] ${settings.ticket || 'session'}: running with stdin ${settings.stdin}, timeout ${settings.timeoutMs ? formatDuration(settings.timeoutMs) : 'off'}, shell ${settings.shell.spec}`);
    jobLog.line(settings.command);
    session = new Session({ settings, runId, jobLog });
    const result = await session.run();
    await session.closeLog();
    jobLog.close();
    return await report(result, ctx);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function report(result: RunResult, ctx: ReportContext): Promise<number> {
  for (const [name, value] of Object.entries(buildOutputs(result))) runner.setOutput(name, value);
  for (const a of buildAnnotations(result, ctx)) {
    const props = { title: a.title };
    if (a.level === 'notice') runner.notice(a.message, props);
    else if (a.level === 'warning') runner.warning(a.message, props);
    else runner.error(a.message, props);
  }
  try {
    runner.appendSummary(buildSummary(result, ctx));
  } catch (e) {
    runner.warning(`could not write the job summary: ${(e as Error).message}`);
  }
  return result.status === 'completed' ? 0 : 1;
}

/** The result of a run whose session never started: bad input (error) or an early cancel. */
export function notStartedResult(message: string, logFile: string, status: 'error' | 'cancelled' = 'error'): RunResult {
  return {
    status,
    exitCode: null,
    signal: null,
    termination: null,
    durationMs: 0,
    markerSeen: false,
    reason: null,
    orphans: [],
    survivors: [],
    faults: [],
    timeline: [],
    logFile,
    logBytes: 0,
    tail: Buffer.alloc(0),
    childPid: undefined,
    error: message,
  };
}
