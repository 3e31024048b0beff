/**
 * The post step (`post-if: always()`): when the main step was hard-killed before it could reap,
 * post finds what survived by the run's tag and kills it; with nothing to do it says nothing.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUN_ID_ENV } from '../src/constants.js';
import { shellQuote } from '../src/session.js';
import {
  killTagged,
  type ActionProcess,
  aliveWithTag,
  DIST_POST,
  fixture,
  type InputMap,
  runAction,
  startAction,
  tempDir,
  waitForOutput,
} from './support/harness.js';

const runIds = new Set<string>();
const actions = new Set<ActionProcess>();

afterEach(async () => {
  // Only for a failing test: leave nothing behind.
  for (const a of actions) if (a.child.exitCode === null && a.child.signalCode === null) a.child.kill('SIGKILL');
  actions.clear();
  await killTagged(runIds);
  runIds.clear();
});

function procAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    return !['Z', 'X'].includes(stat.slice(stat.lastIndexOf(')') + 2)[0]);
  } catch {
    return false;
  }
}

function start(inputs: InputMap, opts: Parameters<typeof startAction>[1] = {}): ActionProcess & { text: () => string } {
  const action = startAction(inputs, opts);
  actions.add(action);
  let text = '';
  action.child.stdout?.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return Object.assign(action, { text: () => text });
}

/** Starts main, waits for `ready` from the session, then SIGKILLs main as the runner's hard kill does. */
async function killMainMidRun(inputs: InputMap, ready: string) {
  const main = start(inputs);
  await waitForOutput(main.child.stdout as NodeJS.ReadableStream, ready);
  main.child.kill('SIGKILL');
  const run = await main.done;
  const runId = run.state['run-id'];
  runIds.add(runId);
  return { run, runId, stdout: main.text() };
}

/** Runs post as the runner does after main: same inputs, main's saved state, same runner files. */
async function runPost(inputs: InputMap, state: Record<string, string>, dir?: string) {
  const started = performance.now();
  const post = start(inputs, { entry: DIST_POST, state, dir });
  const run = await post.done;
  return { ...run, ms: performance.now() - started };
}

describe('post after main was SIGKILLed mid-run', () => {
  it('finds the survivors (a setsid daemon among them) by the run tag, kills them, and warns naming them', async () => {
    const inputs: InputMap = { command: ['sh', fixture('reap-daemon.sh'), 'stay'].map(shellQuote).join(' '), ticket: 'reap-8', timeout: '10m' };
    const { run, runId, stdout } = await killMainMidRun(inputs, '\nready\n');
    expect(run.signal).toBe('SIGKILL');
    expect(runId).toMatch(/^[0-9a-f]{16}$/);
    const daemon = Number(/daemon (\d+) ppid/.exec(stdout)?.[1]);
    expect(daemon).toBeGreaterThan(0);

    // That is what post is for: main could not reap, the run's processes live on.
    const survivors = aliveWithTag(runId);
    expect(survivors).toContain(daemon);
    expect(survivors.length).toBeGreaterThanOrEqual(2);

    const post = await runPost(inputs, run.state, run.dir);
    expect(post.code).toBe(0);
    expect(post.signal).toBeNull();
    const warning = /^::warning title=([^\n]*)::(\d+) process\(es\) of the run survived the main step and were killed in post: ([^\n]*)$/m.exec(post.stdout);
    expect(warning).not.toBeNull();
    const [, title, count, names] = warning as RegExpExecArray;
    expect(title).toContain('reap-8');
    expect(Number(count)).toBe(survivors.length);
    expect(names).toContain(`${daemon} sleep 300`);
    for (const pid of survivors.slice(0, 5)) expect(names).toMatch(new RegExp(`(^|, )${pid} `));
    // Everything died on SIGTERM: no wait for the 5 s term-grace.
    expect(post.ms).toBeLessThan(4000);
    expect(aliveWithTag(runId)).toEqual([]);
  });

  it('a survivor ignoring SIGTERM gets SIGKILL after the term-grace input', async () => {
    const inputs: InputMap = { command: `trap '' TERM; echo "up-$((6 * 7))"; sleep 300`, ticket: 'reap-8b', timeout: '10m', 'term-grace': '700ms' };
    const { run, runId } = await killMainMidRun(inputs, 'up-42');
    const survivors = aliveWithTag(runId);
    expect(survivors.length).toBeGreaterThanOrEqual(2);

    const post = await runPost(inputs, run.state, run.dir);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(
      new RegExp(`^::warning [^\\n]*::${survivors.length} process\\(es\\) of the run survived the main step and were killed in post: `, 'm'),
    );
    expect(post.stdout).not.toMatch(/could not kill/);
    // term-grace, then SIGKILL: neither the default 5 s nor for ever.
    expect(post.ms).toBeGreaterThanOrEqual(700);
    expect(post.ms).toBeLessThan(4500);
    expect(aliveWithTag(runId)).toEqual([]);
  });

  it("cancelled itself (the runner's SIGINT): the sweep fits the cancel window, inside the runner's 10 s instead of a 60 s term-grace", async () => {
    // The shell notes each SIGTERM in a file and lives on (its `sleep` dies and is replaced).
    const noted = path.join(tempDir('rd-post-cancel-'), 'sigterm');
    const inputs: InputMap = {
      command: `trap 'echo term >> ${shellQuote(noted)}' TERM; echo "up-$((6 * 7))"; while :; do sleep 300 & wait $! || :; done`,
      ticket: 'reap-8j',
      timeout: '10m',
      'term-grace': '60s',
    };
    const { run, runId } = await killMainMidRun(inputs, 'up-42');
    const started = performance.now();
    const post = start(inputs, { entry: DIST_POST, state: run.state, dir: run.dir });
    // The SIGINT once the sweep has sent its SIGTERM: the shell now waits out term-grace.
    while (!fs.existsSync(noted)) await new Promise((r) => setTimeout(r, 20));
    post.child.kill('SIGINT');
    const done = await post.done;
    expect({ code: done.code, signal: done.signal }).toEqual({ code: 0, signal: null });
    expect(done.stdout).toMatch(/killed in post: /);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(aliveWithTag(runId)).toEqual([]);
  });
});

it('post also kills a scrubbed-environment (env -i) tool whose tagged parent survived main', async () => {
  const inputs: InputMap = { command: ['sh', fixture('reap-scrubbed.sh'), 'stay'].map(shellQuote).join(' '), ticket: 'reap-8e', timeout: '10m' };
  const { runId, run, stdout } = await killMainMidRun(inputs, '\nready\n');
  const m = /scrubbed (\d+) tag=(\S+)/.exec(stdout);
  const scrubbed = Number(m?.[1]);
  expect(m?.[2]).toBe('none');
  expect(procAlive(scrubbed)).toBe(true);
  expect(aliveWithTag(runId)).not.toContain(scrubbed);
  try {
    const post = await runPost(inputs, run.state, run.dir);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(new RegExp(`^::warning [^\\n]*killed in post: [^\\n]*${scrubbed} (/bin/)?sleep 302`, 'm'));
    expect(procAlive(scrubbed)).toBe(false);
    expect(aliveWithTag(runId)).toEqual([]);
  } finally {
    if (procAlive(scrubbed)) process.kill(scrubbed, 'SIGKILL');
  }
});

it('post kills an untagged (env -i) tool left in the group of a child that died with main', async () => {
  // The intermediate exits at once: the tool's only link to the run is the child's process group.
  const inputs: InputMap = {
    command: 'sh -c \'env -i sleep 303 & echo "scrubbed $!"; exit 0\'; echo "root $$"; echo ready; sleep 300',
    ticket: 'reap-8g',
    timeout: '10m',
  };
  const { runId, run, stdout } = await killMainMidRun(inputs, '\nready\n');
  const scrubbed = Number(/scrubbed (\d+)/.exec(stdout)?.[1]);
  const root = Number(/root (\d+)/.exec(stdout)?.[1]);
  expect(run.state.root).toMatch(new RegExp(`^${root}:\\d+$`));
  try {
    // The child dies too (the OOM killer, a person): its group lives on in the tool alone.
    process.kill(root, 'SIGKILL');
    await killTagged(new Set([runId]));
    expect(procAlive(scrubbed)).toBe(true);
    const post = await runPost(inputs, run.state, run.dir);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(new RegExp(`^::warning [^\\n]*killed in post: [^\\n]*${scrubbed} (/usr)?(/bin/)?sleep 303`, 'm'));
    expect(procAlive(scrubbed)).toBe(false);
  } finally {
    if (procAlive(scrubbed)) process.kill(scrubbed, 'SIGKILL');
  }
});

it("stdin tty: post kills an untagged tool left in the terminal's session after its leader died with main, and removes main's work directory", async () => {
  // Nothing tagged is left once the session's processes die: only the terminal's leader, as
  // recorded in main's work directory, says the tool's session was the run's.
  const inputs: InputMap = {
    command: `(trap '' HUP; exec env -i sleep 304) & echo "scrubbed $!"; echo ready; sleep 300`,
    ticket: 'reap-8h',
    stdin: 'tty',
    timeout: '10m',
  };
  const { runId, run, stdout } = await killMainMidRun(inputs, '\nready');
  const scrubbed = Number(/scrubbed (\d+)/.exec(stdout)?.[1]);
  const workDir = run.state['work-dir'];
  expect(fs.existsSync(workDir)).toBe(true);
  try {
    await killTagged(new Set([runId]));
    expect(procAlive(scrubbed)).toBe(true);
    const post = await runPost(inputs, run.state, run.dir);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(new RegExp(`^::warning [^\\n]*killed in post: [^\\n]*${scrubbed} (/usr)?(/bin/)?sleep 304`, 'm'));
    expect(procAlive(scrubbed)).toBe(false);
    expect(fs.existsSync(workDir)).toBe(false);
  } finally {
    if (procAlive(scrubbed)) process.kill(scrubbed, 'SIGKILL');
  }
});

it("post after main was killed in term-grace: an untagged tool whose session leader died of main's SIGTERM is found through what main saved", async () => {
  // The tool's session leader (tagged) dies of the SIGTERM step; the tool ignores it. Main is
  // then killed in term-grace: post sees nothing tagged and no parent link, only the session
  // that main had found and saved before its SIGTERM.
  const inputs: InputMap = {
    command: `setsid -f sh ${shellQuote(fixture('reap-scrubbed.sh'))} stay ignore-term; sleep 300`,
    ticket: 'reap-8i',
    timeout: '1s',
    'term-grace': '60s',
  };
  const main = start(inputs);
  await waitForOutput(main.child.stdout as NodeJS.ReadableStream, 'SIGTERM to ');
  const scrubbed = Number(/scrubbed (\d+)/.exec(main.text())?.[1]);
  expect(scrubbed).toBeGreaterThan(0);
  try {
    main.child.kill('SIGKILL');
    const run = await main.done;
    const runId = run.state['run-id'];
    runIds.add(runId);
    expect(run.state.remembered).toMatch(/(^| )s\d+:\d+( |$)/);
    await killTagged(new Set([runId]));
    expect(procAlive(scrubbed)).toBe(true);
    const post = await runPost({ ...inputs, 'term-grace': '300ms' }, run.state, run.dir);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(new RegExp(`^::warning [^\\n]*killed in post: [^\\n]*${scrubbed} (/usr)?(/bin/)?sleep 302`, 'm'));
    expect(procAlive(scrubbed)).toBe(false);
  } finally {
    if (procAlive(scrubbed)) process.kill(scrubbed, 'SIGKILL');
  }
});

describe('post with nothing to do prints nothing and exits 0', () => {
  it('after a main step that reaped everything', async () => {
    const inputs: InputMap = { command: 'sleep 300 & echo "bg $!"; exit 0', ticket: 'reap-8c' };
    const main = await runAction(inputs);
    const runId = main.state['run-id'];
    runIds.add(runId);
    expect(main.code).toBe(0);
    expect(main.outputs['orphans-killed']).toBe('1');
    expect(aliveWithTag(runId)).toEqual([]);

    const post = await runPost(inputs, main.state, main.dir);
    expect(post.code).toBe(0);
    expect(post.stdout).toBe('');
    expect(aliveWithTag(runId)).toEqual([]);
  });

  it("without any state (main failed before it saved any), leaving other runs' processes alone", async () => {
    // A process of some other run on the same machine: not post's business without a run id.
    const other = `t${randomBytes(8).toString('hex')}`;
    runIds.add(other);
    const child = spawn('sleep', ['306'], { env: { ...process.env, [RUN_ID_ENV]: other }, stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise((r) => child.once('spawn', r));

    const post = await runPost({ ticket: 'reap-8d' }, {});
    expect(post.code).toBe(0);
    expect(post.stdout).toBe('');
    expect(aliveWithTag(other)).toEqual([child.pid]);

    child.kill('SIGKILL');
    await exited;
    expect(aliveWithTag(other)).toEqual([]);
  });
});
