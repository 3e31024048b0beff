/**
 * The post step (`post-if: always()`): the main step may have been SIGKILLed (the runner's
 * hard kill on cancel, the OOM killer) before it could reap. Sweep for anything that still
 * carries this run's tag and kill it. With nothing to do it prints nothing.
 */
import * as path from 'node:path';
import * as core from '@actions/core';
import { Inputs, State } from './constants.js';
import { parseDuration } from './duration.js';
import { flushAndExit } from './exit.js';
import { title } from './report.js';
import { RunProcesses } from './reaper.js';
import { LEADER_FILE, readTerminalLeader } from './terminal.js';
import { isWorkDir, removeWorkDir } from './work-dir.js';
import { cancelGraces, Escalation, type EscalationResult, KILL_WAIT_MS } from './terminate.js';

export async function main(): Promise<void> {
  // A cancel signal must never kill this process with its output unflushed: the sweep acts on
  // it (see sweep); before and after, there is nothing to stop, and it is ignored.
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', ignore);
  let code: number;
  try {
    code = await run();
  } catch (e) {
    core.setFailed(`ralph-dispatch post step failed: ${(e as Error).stack ?? String(e)}`);
    code = 1;
  }
  await flushAndExit(code);
}

export async function run(): Promise<number> {
  const runId = core.getState(State.RunId);
  if (!runId) return 0;
  // By the tag, and main's child by (pid, start time): a pid saved by main alone may belong to
  // another process by now. A member started at or after main did (main saved when; NaN, from an
  // older main: no age filter).
  const mainStart = Number(core.getState(State.MainStart) || NaN);
  const processes = new RunProcesses(runId, { notBefore: mainStart });
  // The child's group and session, by (pid, start time): an untagged tool left in them after the
  // child died too is the run's while the group still has members (its id cannot be reused then).
  const [rootPid, rootStart] = core.getState(State.Root).split(':').map(Number);
  if (rootPid > 0 && Number.isFinite(rootStart)) processes.addRoot(rootPid, rootStart);
  // The groups and sessions main had found, as it saved them before its last signal step.
  processes.restore(core.getState(State.Remembered));
  // Main's work directory is still there only if main was killed: under `stdin: tty` it names
  // the terminal's session, whose leader may be gone with nothing tagged left in it.
  const workDir = core.getState(State.WorkDir);
  const leader = workDir && isWorkDir(workDir) ? readTerminalLeader(path.join(workDir, LEADER_FILE)) : undefined;
  if (leader) processes.addLeader(leader.pid, leader.start);
  let result: EscalationResult | undefined;
  try {
    result = await sweep(processes);
  } finally {
    if (workDir) removeWorkDir(workDir);
  }
  if (result) report(result);
  return 0;
}

/** The termination sequence over what is left of the run; undefined when nothing is. */
async function sweep(processes: RunProcesses): Promise<EscalationResult | undefined> {
  // The runner cancels post as it cancels main (SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s
  // after that): the sweep then fits its graces into that window instead of dying at once.
  let signals = 0;
  let escalation: Escalation | undefined;
  const onSignal = () => {
    signals += 1;
    escalation?.compress(cancelGraces(signals));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    if ((await processes.scan()).length === 0) return undefined;
    let termMs = 5000;
    try {
      termMs = parseDuration(core.getInput(Inputs.TermGrace) || '5s');
    } catch {
      // Main already reported a bad value; sweep with the default.
    }
    escalation = new Escalation(
      {
        childExited: () => true,
        childExit: Promise.resolve(),
        sendEof: () => false,
        scan: () => processes.scan(),
        signal: (live, signal) => processes.signal(live, signal),
        // Main is gone: nothing is the session's any more.
        inSession: () => false,
      },
      { eofMs: 0, termMs, killMs: KILL_WAIT_MS },
      () => performance.now(),
    );
    if (signals > 0) escalation.compress(cancelGraces(signals));
    return await escalation.run(false);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The warnings: what was killed, and what could not be. */
function report(result: EscalationResult): void {
  const ticket = core.getState(State.Ticket);
  const killed = result.killed;
  const names = (list: typeof killed) =>
    list
      .slice(0, 5)
      .map((p) => `${p.pid} ${p.command}`)
      .join(', ') + (list.length > 5 ? ` (+${list.length - 5} more)` : '');
  if (killed.length > 0) {
    core.warning(`${killed.length} process(es) of the run survived the main step and were killed in post: ${names(killed)}`, {
      title: `${title(ticket)}: post-step sweep`,
    });
  }
  if (result.survivors.length > 0 || result.faults.length > 0) {
    const faults = result.faults.map((f) => `${f.pid} (${f.code})`).join(', ');
    core.warning(`could not kill: ${names(result.survivors)}${faults ? `; signals refused: ${faults}` : ''}`, {
      title: `${title(ticket)}: post-step sweep`,
    });
  }
}
