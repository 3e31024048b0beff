/**
 * Cancellation of the built action as the runner does it: SIGINT to the action's PID, SIGTERM
 * 7.5 s later, SIGKILL 2.5 s after that. The session's processes get nothing from the runner;
 * the action must have killed them all, written its outputs and closed the fence before the
 * hard kill, and exit by itself.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDuration } from '../src/duration.js';
import {
  killTagged,
  type ActionProcess,
  type ActionRun,
  aliveWithTag,
  type InputMap,
  parseFileCommands,
  startAction,
  waitForOutput,
} from './support/harness.js';

const SIGTERM_AFTER_MS = 7500;
const SIGKILL_AFTER_MS = 2500;
/** Ignores SIGTERM (and so does its sleep); prints STARTED, which its command text does not hold. */
const SESSION = `trap '' TERM; echo "started-$((6 * 7))"; sleep 300`;
const STARTED = 'started-42';

const runIds = new Set<string>();
const actions = new Set<ActionProcess>();

afterEach(async () => {
  // Only for a failing test: leave nothing behind.
  for (const action of actions) if (alive(action)) action.child.kill('SIGKILL');
  actions.clear();
  await killTagged(runIds);
  runIds.clear();
});

function stateOf(action: ActionProcess): Record<string, string> {
  return parseFileCommands(fs.readFileSync(path.join(action.dir, 'state'), 'utf8'));
}

function alive(action: ActionProcess): boolean {
  return action.child.exitCode === null && action.child.signalCode === null;
}

interface Cancelled {
  run: ActionRun;
  runId: string;
  /** SIGINT → the action's exit. */
  ms: number;
  /** Which of the runner's later signals we had to send. */
  sent: NodeJS.Signals[];
}

/**
 * Starts the action, waits for the session's first output, then plays the runner's cancel
 * sequence; `afterSigint` may send more (it gets the running action).
 */
async function cancelAfterOutput(inputs: InputMap, firstOutput: string, afterSigint?: (action: ActionProcess) => Promise<void>): Promise<Cancelled> {
  const action = startAction(inputs);
  actions.add(action);
  const stdout = action.child.stdout as NodeJS.ReadableStream;
  await waitForOutput(stdout, firstOutput);
  const runId = stateOf(action)['run-id'];
  expect(runId).toMatch(/^[0-9a-f]{16}$/);
  runIds.add(runId);
  // The session is running: there is something to kill.
  expect(aliveWithTag(runId).length).toBeGreaterThan(0);

  const exited = new Promise<number>((resolve) => action.child.once('exit', () => resolve(performance.now())));
  const sent: NodeJS.Signals[] = [];
  const send = (signal: NodeJS.Signals) => {
    if (!alive(action)) return;
    sent.push(signal);
    action.child.kill(signal);
  };
  const t0 = performance.now();
  action.child.kill('SIGINT');
  const timers = [setTimeout(() => send('SIGTERM'), SIGTERM_AFTER_MS), setTimeout(() => send('SIGKILL'), SIGTERM_AFTER_MS + SIGKILL_AFTER_MS)];
  await afterSigint?.(action);
  const ms = (await exited) - t0;
  for (const t of timers) clearTimeout(t);
  const run = await action.done;
  return { run, runId, ms, sent };
}

/** The fence: stop-commands before the session's output, resumed before our own commands. */
function expectFenceClosedThenError(stdout: string, sessionText: string): void {
  const after = expectFenceClosed(stdout, sessionText);
  // The outcome is an error annotation outside the fence.
  expect(after).toMatch(/^::error title=[^\n]*::[^\n]*cancelled/m);
}

function expectFenceClosed(stdout: string, sessionText: string): string {
  const stop = /^::stop-commands::([0-9a-f]+)$/m.exec(stdout);
  expect(stop).not.toBeNull();
  const token = (stop as RegExpExecArray)[1];
  const stopAt = (stop as RegExpExecArray).index;
  const resumeAt = stdout.indexOf(`\n::${token}::\n`, stopAt);
  expect(resumeAt).toBeGreaterThan(stopAt);
  const inside = stdout.slice(stopAt, resumeAt);
  expect(inside).toContain(sessionText);
  const after = stdout.slice(resumeAt + token.length + 6);
  // Nothing fenced again.
  expect(after).not.toContain('::stop-commands::');
  return after;
}

const timeline = (summary: string, label: string): number | undefined => {
  const m = new RegExp(`^\\| \\+(\\S+) \\| ${label}`, 'm').exec(summary);
  return m ? parseDuration(m[1]) : undefined;
};

describe('the runner cancels the job (SIGINT, SIGTERM +7.5 s, SIGKILL +2.5 s)', () => {
  it.each(['pipe', 'tty'] as const)(
    'stdin %s, a session ignoring SIGTERM, graces of 60s: the action kills it and exits 1 by itself, well before the hard kill',
    async (stdin) => {
      const { run, runId, ms, sent } = await cancelAfterOutput(
        {
          command: SESSION,
          ticket: 'reap-7',
          stdin,
          timeout: '10m',
          'eof-grace': '60s',
          'term-grace': '60s',
        },
        STARTED,
      );

      // It exited by itself, with 1, inside the window (with a margin), not by our SIGKILL.
      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      expect(sent).not.toContain('SIGKILL');
      expect(ms).toBeLessThan(SIGTERM_AFTER_MS + SIGKILL_AFTER_MS - 1000);

      // Every output, written.
      expect(run.outputs).toEqual({
        status: 'cancelled',
        'exit-code': '',
        signal: 'SIGKILL',
        termination: 'sigkill',
        'duration-ms': expect.stringMatching(/^\d+$/),
        'orphans-killed': expect.stringMatching(/^\d+$/),
        'marker-seen': 'false',
        'log-file': expect.stringMatching(/\S/),
        'result-file': expect.stringMatching(/\.result\.json$/),
        'report-file': expect.stringMatching(/\.report\.md$/),
      });
      expect(fs.readFileSync(run.outputs['log-file'], 'utf8')).toContain(STARTED);

      // The summary: the outcome and the timeline of the compressed sequence.
      expect(run.summary).toMatch(/^## .*: cancelled$/m);
      const cancelAt = timeline(run.summary, 'run cancelled') as number;
      const termAt = timeline(run.summary, 'SIGTERM sent') as number;
      const killAt = timeline(run.summary, 'SIGKILL sent') as number;
      expect(cancelAt).toBeDefined();
      expect(termAt).toBeGreaterThanOrEqual(cancelAt);
      expect(killAt).toBeGreaterThan(termAt);
      // Compressed: far less than the 60 s term-grace.
      expect(killAt - cancelAt).toBeLessThan(6000);

      expectFenceClosedThenError(run.stdout, STARTED);
      expect(aliveWithTag(runId)).toEqual([]);
    },
  );

  it('cancelled while a leftover that ignores SIGTERM is being swept (term-grace 60s): the sweep is compressed too', async () => {
    const { run, runId, ms, sent } = await cancelAfterOutput(
      {
        command: `(trap '' TERM; exec sleep 300) & echo "left-$((6 * 7))"; exit 0`,
        ticket: 'reap-7c',
        timeout: '10m',
        'term-grace': '60s',
      },
      // The session has exited; its leftover got SIGTERM and would get SIGKILL a minute later.
      'SIGTERM to 1 process sent',
    );
    expect(run.signal).toBeNull();
    expect(sent).toEqual([]);
    expect(ms).toBeLessThan(SIGTERM_AFTER_MS + SIGKILL_AFTER_MS - 1000);
    // The session itself had exited 0 by itself before the cancel: completed (README, Statuses).
    expect(run.outputs.status).toBe('completed');
    expect(run.outputs.termination).toBe('natural');
    expect(run.outputs['orphans-killed']).toBe('1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning [^\n]*sleep 300/m);
    expectFenceClosed(run.stdout, 'left-42');
    expect(aliveWithTag(runId)).toEqual([]);
  });

  it("a second signal (the runner's SIGTERM) while the sequence runs goes straight to SIGKILL", async () => {
    const { run, runId, ms } = await cancelAfterOutput(
      { command: SESSION, ticket: 'reap-7b', timeout: '10m', 'term-grace': '60s' },
      STARTED,
      async (action) => {
        // stdin closed: the sequence starts at SIGTERM; once it is sent, the runner's SIGTERM arrives.
        await waitForOutput(action.child.stdout as NodeJS.ReadableStream, 'SIGTERM to ');
        action.child.kill('SIGTERM');
      },
    );
    // The runner's SIGKILL follows its SIGTERM by 2.5 s: the action is gone well before.
    expect(ms).toBeLessThan(SIGKILL_AFTER_MS);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('cancelled');
    expect(run.outputs.termination).toBe('sigkill');
    expect(run.summary).toMatch(/run cancelled \(again: SIGKILL now\)/);
    const termAt = timeline(run.summary, 'SIGTERM sent') as number;
    const killAt = timeline(run.summary, 'SIGKILL sent') as number;
    // Not the compressed 3 s term-grace of a first cancel: at once.
    expect(killAt - termAt).toBeLessThan(1500);
    expectFenceClosedThenError(run.stdout, STARTED);
    expect(aliveWithTag(runId)).toEqual([]);
  });

  it('two signals at once (stdin pipe): straight to SIGKILL, no EOF or SIGTERM step in between', async () => {
    const { run, runId } = await cancelAfterOutput(
      { command: SESSION, ticket: 'reap-7d', timeout: '10m', stdin: 'pipe', 'term-grace': '60s' },
      STARTED,
      async (action) => {
        action.child.kill('SIGTERM');
      },
    );
    expect(run.outputs.status).toBe('cancelled');
    expect(run.outputs.termination).toBe('sigkill');
    expect(run.stdout).toMatch(/SIGKILL to [1-9]\d* process(es)? sent/);
    expect(run.stdout).not.toMatch(/SIGTERM to \d+ process(es)? sent/);
    expect(aliveWithTag(runId)).toEqual([]);
  });
});
