/**
 * Wiring: inputs → session → report. The only module (with post.ts) that talks to the runner,
 * and only through @actions/core; the one setFailed is here, for the unexpected.
 */
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { Inputs, Outputs, State, TICKET_PATTERN } from './constants.js';
import { formatDuration } from './duration.js';
import { flushAndExit } from './exit.js';
import { JobLog } from './fence.js';
import { InputError, parseSettings, type Settings } from './inputs.js';
import { buildAnnotations, buildOutputs, buildSummary, type ReportContext } from './report.js';
import { buildReport, buildResultRecord, runFilePaths, runUrl, writeRunFiles } from './result.js';
import { selfStart } from './reaper.js';
import { type RunResult, Session } from './session.js';

/** The entry point: run, then exit once everything written has reached the runner. */
export async function main(): Promise<void> {
  // A cancel signal must never kill this process with its outputs unflushed: run() acts on it
  // while the session runs; before and after, there is nothing to stop, and it is ignored.
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', ignore);
  await flushAndExit(await runGuarded());
}

/** run(), and for the unexpected (a runner file that cannot be written, a bug) the one setFailed. */
export async function runGuarded(): Promise<number> {
  const startedAt = new Date();
  try {
    return await run(startedAt);
  } catch (e) {
    const message = `ralph-dispatch failed: ${(e as Error).stack ?? String(e)}`;
    core.setFailed(message);
    // The result file is promised on every path: a later job reads `error` rather than nothing.
    try {
      const ticket = core.getInput(Inputs.Ticket);
      const ctx = { ticket: TICKET_PATTERN.test(ticket) ? ticket : '', timeoutMs: 0, idleTimeoutMs: 0, completionGraceMs: 0 };
      for (const [name, value] of Object.entries(recordRun(notStartedResult(message, ''), ctx, startedAt))) core.setOutput(name, value);
    } catch {
      // The runner's own files failed: setFailed has said what could be said.
    }
    return 1;
  }
}

/** Runs the action; returns the exit code (0 only for `completed`). */
export async function run(startedAt = new Date()): Promise<number> {
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
      settings = await parseSettings(core);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Title the error with the ticket when the ticket itself is valid: in a matrix of tickets
      // that says which one failed.
      const ticket = core.getInput(Inputs.Ticket);
      const ctx = { ticket: TICKET_PATTERN.test(ticket) ? ticket : '', timeoutMs: 0, idleTimeoutMs: 0, completionGraceMs: 0 };
      return await report(notStartedResult(e.message, ''), ctx, startedAt);
    }
    const ctx: ReportContext = {
      ticket: settings.ticket,
      timeoutMs: settings.timeoutMs,
      idleTimeoutMs: settings.idleTimeoutMs,
      completionGraceMs: settings.completionGraceMs,
    };
    if (cancelled) return await report(notStartedResult('the run was cancelled before the session started', '', 'cancelled'), ctx, startedAt);

    // Saved before the spawn, so that post can sweep even if this process is killed at once.
    core.saveState(State.RunId, runId);
    core.saveState(State.Ticket, settings.ticket);
    core.saveState(State.MainStart, String(selfStart()));

    const jobLog = new JobLog(process.stdout, !settings.allowWorkflowCommands);
    jobLog.open();
    jobLog.line(
      `[ralph-dispatch] ${settings.ticket || 'session'}: running with stdin ${settings.stdin}, timeout ${settings.timeoutMs ? formatDuration(settings.timeoutMs) : 'off'}, shell ${settings.shell.spec}`,
    );
    jobLog.line(settings.command);
    session = new Session({
      settings,
      runId,
      jobLog,
      onRoot: (pid, start) => core.saveState(State.Root, `${pid}:${start}`),
      onWorkDir: (dir) => core.saveState(State.WorkDir, dir),
      onRemembered: (remembered) => core.saveState(State.Remembered, remembered),
    });
    const result = await session.run();
    await session.closeLog();
    jobLog.close();
    return await report(result, ctx, startedAt);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function report(result: RunResult, ctx: ReportContext, startedAt: Date): Promise<number> {
  for (const [name, value] of Object.entries(recordRun(result, ctx, startedAt))) core.setOutput(name, value);
  for (const a of buildAnnotations(result, ctx)) {
    const props = { title: a.title };
    if (a.level === 'notice') core.notice(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.error(a.message, props);
  }
  try {
    await core.summary.addRaw(buildSummary(result, ctx)).write();
  } catch (e) {
    // No summary file (a local run without GITHUB_STEP_SUMMARY), or one that cannot be written.
    core.summary.emptyBuffer();
    core.warning(`could not write the job summary: ${(e as Error).message}`);
  }
  return result.status === 'completed' ? 0 : 1;
}

/**
 * Every output, after writing the result and report files from them (README, "Outputs"). A file
 * that cannot be written is a warning, not a failure of the run: its output is then empty.
 */
function recordRun(result: RunResult, ctx: ReportContext, startedAt: Date): Record<string, string> {
  const files = runFilePaths(ctx.ticket, process.env);
  const outputs = { ...buildOutputs(result), [Outputs.ResultFile]: files.resultFile, [Outputs.ReportFile]: files.reportFile };
  try {
    const record = buildResultRecord(outputs, ctx.ticket, result.timeline, { startedAt, endedAt: new Date() }, runUrl(process.env));
    writeRunFiles(files, record, buildReport(result, ctx));
    return outputs;
  } catch (e) {
    core.warning(`could not write the result files: ${(e as Error).message}`);
    return { ...outputs, [Outputs.ResultFile]: '', [Outputs.ReportFile]: '' };
  }
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
