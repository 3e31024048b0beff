import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InputName } from '../src/constants.js';
import { aliveWithTag, readerFor, tempDir } from './support/harness.js';

/** What the action told @actions/core, recorded (the one edge mocked here). */
interface Recorded {
  inputs: Partial<Record<InputName, string>>;
  outputs: Record<string, string>;
  state: Record<string, string>;
  annotations: { level: 'notice' | 'warning' | 'error'; message: string; title: string | undefined }[];
  failed: string[];
  summary: string[];
  summaryWrites: number;
  /** Makes saveState throw, as core does when the runner's state file is missing. */
  stateError?: string;
}

const rec: Recorded = { inputs: {}, outputs: {}, state: {}, annotations: [], failed: [], summary: [], summaryWrites: 0 };
const annotate = (level: Recorded['annotations'][number]['level']) => (message: string | Error, props?: { title?: string }) => {
  rec.annotations.push({ level, message: String(message), title: props?.title });
};
const summary = {
  addRaw(text: string) {
    rec.summary.push(text);
    return summary;
  },
  async write() {
    rec.summaryWrites += 1;
    return summary;
  },
  emptyBuffer() {
    return summary;
  },
};

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: InputName) => readerFor(rec.inputs).getInput(name),
  getBooleanInput: (name: InputName) => readerFor(rec.inputs).getBooleanInput(name),
  setOutput: (name: string, value: unknown) => {
    rec.outputs[name] = String(value);
  },
  saveState: (name: string, value: unknown) => {
    if (rec.stateError) throw new Error(rec.stateError);
    rec.state[name] = String(value);
  },
  getState: (name: string) => rec.state[name] ?? '',
  notice: annotate('notice'),
  warning: annotate('warning'),
  error: annotate('error'),
  setFailed: (message: string | Error) => {
    rec.failed.push(String(message));
  },
  summary,
}));

const { run, runGuarded } = await import('../src/main.js');

const dir = tempDir('rd-main-');
const savedEnv = { ...process.env };
let stdout: string[] = [];

beforeAll(() => {
  process.env.RUNNER_TEMP = dir;
  process.env.GITHUB_WORKSPACE = dir;
  process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary.md');
});
afterAll(() => {
  for (const name of ['RUNNER_TEMP', 'GITHUB_WORKSPACE', 'GITHUB_STEP_SUMMARY']) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  Object.assign(rec, { inputs: {}, outputs: {}, state: {}, annotations: [], failed: [], summary: [], summaryWrites: 0, stateError: undefined });
  stdout = [];
  // The job log goes to process.stdout: keep it, and keep it out of the test report.
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stdout.push(Buffer.from(chunk).toString('utf8'));
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
});

const ERROR_OUTPUTS = {
  status: 'error',
  'exit-code': '',
  signal: '',
  termination: '',
  'duration-ms': '0',
  'orphans-killed': '0',
  'marker-seen': 'false',
};

describe('run() with a bad input', () => {
  it.each([
    ['timeout', 'abc'],
    ['ticket', 'x; touch pwned'],
    ['completion-marker', '('],
    ['stdin', 'socket'],
    // Through core.getBooleanInput, whose own error does not name the value.
    ['allow-workflow-commands', 'yes'],
  ] as [InputName, string][])('%s: %j gives status=error, one titled error annotation, exit 1, no state, nothing started', async (name, value) => {
    const started = path.join(dir, `started-${name}`);
    rec.inputs = { command: `touch '${started}'`, [name]: value };
    const code = await run();
    expect(code).toBe(1);
    expect(rec.outputs).toMatchObject(ERROR_OUTPUTS);
    expect(Object.keys(rec.outputs).sort()).toEqual([...Object.keys(ERROR_OUTPUTS), 'log-file', 'result-file', 'report-file'].sort());
    const errors = rec.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(rec.annotations).toHaveLength(1);
    expect(errors[0].title).toMatch(/ralph-dispatch/);
    expect(errors[0].message).toContain(`'${name}'`);
    expect(errors[0].message).toContain(value);
    expect(rec.state).toEqual({});
    expect(rec.failed).toEqual([]);
    expect(fs.existsSync(started)).toBe(false);
    expect(stdout.join('')).not.toContain('::stop-commands::');
    // The summary says so too.
    expect(rec.summaryWrites).toBe(1);
    expect(rec.summary.join('')).toMatch(/: error/);
  });

  it('titles the error annotation with the ticket when the ticket itself is valid', async () => {
    rec.inputs = { command: 'true', ticket: 'pt-7jzy', timeout: 'abc' };
    expect(await run()).toBe(1);
    expect(rec.annotations).toHaveLength(1);
    expect(rec.annotations[0].title).toContain('pt-7jzy');
  });
});

describe('run() with a good tiny command', () => {
  it('echo hi: completed, exit 0, run-id saved, outputs set', async () => {
    const logFile = path.join(dir, 'echo.log');
    rec.inputs = { command: 'echo hi', ticket: 'pt-echo', 'log-file': logFile };
    const started = performance.now();
    const code = await run();
    const elapsed = performance.now() - started;
    expect(code).toBe(0);
    expect(rec.outputs).toMatchObject({
      status: 'completed',
      'exit-code': '0',
      signal: '',
      termination: 'natural',
      'orphans-killed': '0',
      'marker-seen': 'false',
      'log-file': logFile,
    });
    // Whole milliseconds, and within the time run() took (the session is part of it).
    expect(rec.outputs['duration-ms']).toMatch(/^\d+$/);
    expect(Number(rec.outputs['duration-ms'])).toBeLessThanOrEqual(Math.ceil(elapsed));
    expect(rec.state['run-id']).toMatch(/^[0-9a-f]{16,}$/);
    expect(rec.state.ticket).toBe('pt-echo');
    expect(Object.keys(rec.state).sort()).toEqual(['main-start', 'root', 'run-id', 'ticket', 'work-dir']);
    expect(rec.state.root).toMatch(/^\d+:\d+$/);
    // The work directory is saved for post, and gone once main ended normally.
    expect(path.basename(rec.state['work-dir'])).toMatch(/^ralph-dispatch-/);
    expect(fs.existsSync(rec.state['work-dir'])).toBe(false);
    expect(rec.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    expect(rec.annotations).toHaveLength(1);
    expect(rec.annotations[0].title).toContain('pt-echo');
    expect(rec.failed).toEqual([]);
    expect(fs.readFileSync(logFile, 'utf8')).toBe('hi\n');
    // The child's output went to the job log inside a fence that was closed again.
    const text = stdout.join('');
    const token = /^::stop-commands::(\S+)$/m.exec(text)?.[1];
    expect(token).toBeDefined();
    expect(text).toMatch(/^hi$/m);
    expect(text.indexOf(`::${token}::`)).toBeGreaterThan(text.indexOf('hi\n'));
    expect(aliveWithTag(rec.state['run-id'])).toEqual([]);
    expect(rec.summary.join('')).toMatch(/: completed/);
  });
});

describe('the unexpected (a runner file that cannot be written)', () => {
  it('fails the step once, and still writes a result file that says error', async () => {
    rec.stateError = 'Missing file at path: /nonexistent/state';
    rec.inputs = { command: 'echo never', ticket: 'pt-crash' };
    expect(await runGuarded()).toBe(1);
    expect(rec.failed).toHaveLength(1);
    expect(rec.failed[0]).toContain('Missing file at path');
    expect(rec.outputs.status).toBe('error');
    const record = JSON.parse(fs.readFileSync(rec.outputs['result-file'], 'utf8'));
    expect(record).toMatchObject({ schema: 'ralph-dispatch/result@1', ticket: 'pt-crash', status: 'error', 'log-file': null });
    expect(fs.readFileSync(rec.outputs['report-file'], 'utf8')).toContain('Missing file at path');
    // Nothing started: the state was saved before the spawn, and saving failed.
    expect(stdout.join('')).not.toContain('never');
  });
});
