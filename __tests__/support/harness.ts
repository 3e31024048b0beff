/**
 * Shared test support: settings from an input map, a Session run against a memory job log,
 * the built action (dist/) run the way the runner runs it, and /proc scans by run tag.
 */
import { afterAll } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { RUN_ID_ENV, type InputName } from '../../src/constants.js';
import { JobLog, type LiveOutput } from '../../src/fence.js';
import { DEFAULTS, type InputReader, parseSettings, type Settings } from '../../src/inputs.js';
import { LinuxProcSource, RunProcesses } from '../../src/reaper.js';
import { type RunResult, Session } from '../../src/session.js';
import { parseFileCommands } from './runner-commands.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, '__fixtures__');
export const DIST_MAIN = path.join(ROOT, 'dist', 'index.js');
export const DIST_POST = path.join(ROOT, 'dist', 'post', 'index.js');

/** One folder per test file for every temp dir, removed after the file's tests. */
const fileTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-tests-'));
afterAll(() => fs.rmSync(fileTemp, { recursive: true, force: true }));

export function tempDir(prefix = 'rd-test-'): string {
  return fs.mkdtempSync(path.join(fileTemp, prefix));
}

let wrapper: string | undefined;
/**
 * The terminal's status wrapper built from src/ (the action runs the one ncc bundles to
 * dist/tty-status/): transpiled file by file, for node to run as the session would.
 */
export function ttyWrapper(): string {
  if (wrapper) return wrapper;
  // Loaded here, not at the top: most test files never need it, and it is large.
  const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');
  const dir = tempDir('rd-tty-status-');
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  for (const name of ['tty-status', 'tty-status-index']) {
    const source = fs.readFileSync(path.join(ROOT, 'src', `${name}.ts`), 'utf8');
    const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
    fs.writeFileSync(path.join(dir, `${name}.js`), out.outputText);
  }
  wrapper = path.join(dir, 'tty-status-index.js');
  return wrapper;
}

/** Inputs as a workflow would give them (unset ones read as empty, like core.getInput). */
export type InputMap = Partial<Record<InputName, string>>;

/**
 * What main.ts passes to parseSettings (@actions/core), standing in for it over a map: getInput
 * trims and reads unset as ''; getBooleanInput takes the YAML 1.2 booleans core takes, else throws.
 */
export function readerFor(inputs: InputMap): InputReader {
  const getInput = (name: InputName) => (inputs[name] ?? '').trim();
  return {
    getInput,
    getBooleanInput(name) {
      const value = getInput(name);
      if (['true', 'True', 'TRUE'].includes(value)) return true;
      if (['false', 'False', 'FALSE'].includes(value)) return false;
      throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}`);
    },
  };
}

export async function settingsFor(inputs: InputMap, cwd = ROOT): Promise<Settings> {
  return parseSettings(readerFor(inputs), { env: { ...process.env, GITHUB_WORKSPACE: cwd }, platform: process.platform, cwd });
}

/** A job log in memory, with the backpressure interface of process.stdout. */
export class MemoryOutput extends EventEmitter implements LiveOutput {
  readonly chunks: Buffer[] = [];
  write(chunk: Buffer | string): boolean {
    this.chunks.push(Buffer.isBuffer(chunk) ? Buffer.from(chunk) : Buffer.from(chunk));
    return true;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export interface SessionRun {
  result: RunResult;
  runId: string;
  live: MemoryOutput;
  log: Buffer;
}

/** Runs a Session directly (no @actions/core); `during` gets the session once it runs. */
export async function runSession(
  inputs: InputMap,
  opts: { during?: (session: Session, runId: string) => void; fence?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<SessionRun> {
  const dir = tempDir();
  const settings = await settingsFor({ 'log-file': path.join(dir, 'session.log'), ...inputs });
  const runId = `t${randomBytes(8).toString('hex')}`;
  const live = new MemoryOutput();
  const session = new Session({
    settings,
    runId,
    jobLog: new JobLog(live, opts.fence ?? false),
    env: opts.env,
    ttyWrapper: settings.tty ? ttyWrapper() : undefined,
  });
  const running = session.run();
  opts.during?.(session, runId);
  const result = await running;
  await session.closeLog();
  const log = fs.existsSync(settings.logFile) ? fs.readFileSync(settings.logFile) : Buffer.alloc(0);
  return { result, runId, live, log };
}

/** Live processes carrying RALPH_DISPATCH_RUN_ID=<runId>, by a fresh /proc scan. */
export function aliveWithTag(runId: string): number[] {
  return new LinuxProcSource()
    .snapshot(`${RUN_ID_ENV}=${runId}`)
    .filter((e) => e.tagged && e.state !== 'Z')
    .map((e) => e.pid);
}

/**
 * For a failing test: SIGKILL whatever still carries one of these run ids, and wait (at most
 * 5 s) until it is gone, so that one failure does not leave processes to the next test.
 */
export async function killTagged(runIds: Iterable<string>): Promise<void> {
  const ids = [...runIds];
  const pids = () => ids.flatMap((id) => aliveWithTag(id));
  for (const pid of pids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  const end = Date.now() + 5000;
  while (pids().length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

/** Live members of a run, as the reaper sees them. */
export function membersOf(runId: string) {
  return new RunProcesses(runId).scan();
}

export { parseFileCommands } from './runner-commands.js';

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  dir: string;
  env: NodeJS.ProcessEnv;
}

export interface ActionProcess {
  child: ChildProcess;
  /** Resolves when the action has exited and its files are read. */
  done: Promise<ActionRun>;
  dir: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Starts the built action as the runner does: INPUT_* for every input (action.yml defaults
 * for the ones not given), file commands in a temp dir, stdin closed.
 */
export function startAction(
  inputs: InputMap,
  opts: { entry?: string; extraEnv?: NodeJS.ProcessEnv; state?: Record<string, string>; dir?: string } = {},
): ActionProcess {
  const dir = opts.dir ?? tempDir('rd-action-');
  const env: NodeJS.ProcessEnv = { ...process.env, RUNNER_TEMP: dir, GITHUB_WORKSPACE: ROOT, ...opts.extraEnv };
  for (const [name, file] of Object.entries({ GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md' })) {
    env[name] = path.join(dir, file);
    if (!fs.existsSync(env[name] as string)) fs.writeFileSync(env[name] as string, '');
  }
  for (const [name, value] of Object.entries({ ...DEFAULTS, ...inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(opts.state ?? {})) env[`STATE_${name}`] = value;
  const child = spawn(process.execPath, [opts.entry ?? DIST_MAIN], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => out.push(c));
  child.stderr?.on('data', (c: Buffer) => err.push(c));
  const done = new Promise<ActionRun>((resolve) => {
    child.on('close', (code, signal) => {
      const read = (name: string) => fs.readFileSync(env[name] as string, 'utf8');
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        outputs: parseFileCommands(read('GITHUB_OUTPUT')),
        state: parseFileCommands(read('GITHUB_STATE')),
        summary: read('GITHUB_STEP_SUMMARY'),
        dir,
        env,
      });
    });
  });
  return { child, done, dir, env };
}

export function runAction(inputs: InputMap, opts: Parameters<typeof startAction>[1] = {}): Promise<ActionRun> {
  return startAction(inputs, opts).done;
}

/** Resolves when `text` has appeared in the stream (an event, not a sleep). */
export function waitForOutput(stream: NodeJS.ReadableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (c: Buffer) => {
      seen = (seen + c.toString('utf8')).slice(-Math.max(4096, text.length * 2));
      if (seen.includes(text)) {
        stream.off('data', onData);
        resolve();
      }
    };
    stream.on('data', onData);
  });
}

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}
