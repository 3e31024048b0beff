import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { RUN_ID_ENV, type InputName } from '../src/constants.js';
import { InputError, parseSettings } from '../src/inputs.js';
import { LinuxProcSource } from '../src/reaper.js';
import { type InputMap, readerFor, ROOT, runAction, settingsFor, tempDir } from './support/harness.js';

/** The first executable called `name` on PATH, found without the code under test. */
function onPath(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      if (fs.statSync(file).isFile()) {
        fs.accessSync(file, fs.constants.X_OK);
        return file;
      }
    } catch {
      // not here
    }
  }
  throw new Error(`${name} is not on PATH`);
}

async function rejection(inputs: InputMap, cwd?: string): Promise<InputError> {
  try {
    await settingsFor(inputs, cwd);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error(`parseSettings accepted ${JSON.stringify(inputs)}`);
}

async function expectBad(inputs: InputMap, name: InputName, value: string, cwd?: string): Promise<InputError> {
  const e = await rejection(inputs, cwd);
  expect(e.input).toBe(name);
  expect(e.message).toContain(`'${name}'`);
  expect(e.message).toContain(value);
  return e;
}

const scratch = tempDir('rd-inputs-');
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('parseSettings rejects bad input, naming the input and the value', () => {
  const durationInputs: InputName[] = ['timeout', 'idle-timeout', 'completion-grace', 'eof-grace', 'term-grace'];
  const badDurations = ['abc', '-5', '10 parsecs', '1e999'];
  it.each(durationInputs.flatMap((name) => badDurations.map((value) => [name, value] as const)))('%s: %j', async (name, value) => {
    await expectBad({ [name]: value }, name, value);
  });

  it('an unknown stdin mode', async () => {
    await expectBad({ stdin: 'socket' }, 'stdin', 'socket');
  });

  it('a shell template without {0}', async () => {
    await expectBad({ shell: 'bash -x' }, 'shell', 'bash -x');
  });

  it('a shell program that is not on PATH', async () => {
    const program = `no-such-shell-${randomBytes(4).toString('hex')}`;
    const e = await expectBad({ shell: `${program} {0}` }, 'shell', `${program} {0}`);
    expect(e.message).toContain('PATH');
  });

  it.each(['x; touch pwned', '-x', 'a b', '$(id)', 'a\nb', '.hidden'])('a ticket that does not match the pattern: %j', async (ticket) => {
    await expectBad({ ticket }, 'ticket', JSON.stringify(ticket).slice(1, -1));
  });

  it('a working-directory that does not exist', async () => {
    const missing = path.join(scratch, 'missing');
    await expectBad({ 'working-directory': missing }, 'working-directory', missing);
  });

  it('a working-directory that is a file', async () => {
    const file = path.join(scratch, 'a-file');
    fs.writeFileSync(file, '');
    await expectBad({ 'working-directory': file }, 'working-directory', file);
  });

  it('a relative working-directory that does not exist under the workspace', async () => {
    const e = await expectBad({ 'working-directory': 'nope' }, 'working-directory', 'nope', scratch);
    expect(e.message).toContain(path.join(scratch, 'nope'));
  });

  it('a completion-marker that is not a regular expression', async () => {
    await expectBad({ 'completion-marker': '(' }, 'completion-marker', '(');
  });

  // Lookaround and backreferences need a backtracking engine: the marker is matched in linear time.
  it.each(['DONE(?=!)', '(?<!not )DONE', '(a)\\1'])('a completion-marker the linear-time engine cannot compile: %j', async (marker) => {
    const e = await expectBad({ 'completion-marker': marker }, 'completion-marker', JSON.stringify(marker).slice(1, -1));
    expect(e.message).toContain('RE2');
  });

  it('a ticket longer than 128 characters (it names the log file)', async () => {
    const ticket = `pt-${'x'.repeat(297)}`;
    const e = await expectBad({ ticket }, 'ticket', ticket);
    expect(e.message).toContain('128');
    await expectBad({ ticket: 'y'.repeat(129) }, 'ticket', 'y'.repeat(129));
    expect((await settingsFor({ ticket: 'y'.repeat(128) })).ticket).toHaveLength(128);
  });

  it('a log-file that is a symbolic link: refused, and its target left as it was', async () => {
    const target = path.join(scratch, 'precious.txt');
    fs.writeFileSync(target, 'keep me\n', { mode: 0o644 });
    const link = path.join(scratch, 'link.log');
    fs.symlinkSync(target, link);
    const e = await expectBad({ 'log-file': link }, 'log-file', link);
    expect(e.message).toContain('symbolic link');
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me\n');
    expect(fs.statSync(target).mode & 0o777).toBe(0o644);
  });

  it('a log-file with another hard link: refused (truncating it would change the other name), the file kept', async () => {
    const original = path.join(scratch, 'original.txt');
    fs.writeFileSync(original, 'keep me\n');
    const link = path.join(scratch, 'hard.log');
    fs.linkSync(original, link);
    expect((await expectBad({ 'log-file': link }, 'log-file', link)).message).toContain('2 hard links');
    expect(fs.readFileSync(original, 'utf8')).toBe('keep me\n');
  });

  it('a log-file that is a directory or a FIFO: refused', async () => {
    const dir = path.join(scratch, 'a-dir.log');
    fs.mkdirSync(dir);
    expect((await expectBad({ 'log-file': dir }, 'log-file', dir)).message).toContain('directory');
    const fifo = path.join(scratch, 'a-fifo.log');
    execFileSync('mkfifo', [fifo]);
    expect((await expectBad({ 'log-file': fifo }, 'log-file', fifo)).message).toContain('not a regular file');
  });

  it('allow-workflow-commands that is not a boolean', async () => {
    await expectBad({ 'allow-workflow-commands': 'maybe' }, 'allow-workflow-commands', 'maybe');
  });

  it.each([{}, { stdin: 'closed' }])('input given with a closed stdin (%j)', async (extra) => {
    const e = await rejection({ input: 'hello', ...extra });
    expect(e.message).toContain("'input'");
    expect(e.message).toContain("'stdin'");
    expect(e.message).toContain('closed');
  });
});

describe('parseSettings accepts good values', () => {
  const saved = { ...process.env };
  let runnerTemp: string;
  beforeEach(() => {
    runnerTemp = tempDir('rd-runner-temp-');
    process.env.RUNNER_TEMP = runnerTemp;
    process.env.GITHUB_RUN_ID = '4242';
    process.env.GITHUB_JOB = 'dispatch';
  });
  afterEach(() => {
    for (const name of ['RUNNER_TEMP', 'GITHUB_RUN_ID', 'GITHUB_JOB']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    fs.rmSync(runnerTemp, { recursive: true, force: true });
  });

  it('defaults are the contract defaults', async () => {
    const s = await settingsFor({});
    expect(s).toEqual({
      command: 'pi "/tf $RALPH_TICKET --auto"',
      ticket: '',
      shell: { spec: 'bash', file: onPath('bash'), args: ['--noprofile', '--norc', '-eo', 'pipefail', '{0}'] },
      workingDirectory: ROOT,
      stdin: 'closed',
      input: '',
      timeoutMs: 60 * 60_000,
      idleTimeoutMs: 0,
      completionMarker: undefined,
      completionGraceMs: 30_000,
      eofGraceMs: 10_000,
      termGraceMs: 5_000,
      logFile: path.join(runnerTemp, 'ralph-dispatch', 'run-4242-dispatch.log'),
      allowWorkflowCommands: false,
      tty: undefined,
    });
  });

  it('empty and blank inputs read as the defaults (core.getInput gives "" for unset ones)', async () => {
    const blank = await settingsFor({ timeout: '  ', stdin: '', shell: ' ', 'allow-workflow-commands': '' });
    expect(blank.timeoutMs).toBe(3_600_000);
    expect(blank.stdin).toBe('closed');
    expect(blank.shell.spec).toBe('bash');
    expect(blank.allowWorkflowCommands).toBe(false);
  });

  it('a relative working-directory is resolved against GITHUB_WORKSPACE, not the process cwd', async () => {
    const workspace = tempDir('rd-workspace-');
    fs.mkdirSync(path.join(workspace, 'sub', 'dir'), { recursive: true });
    expect((await settingsFor({ 'working-directory': 'sub/dir' }, workspace)).workingDirectory).toBe(path.join(workspace, 'sub', 'dir'));
    const s = await parseSettings(readerFor({ 'working-directory': 'sub' }), {
      env: { ...process.env, GITHUB_WORKSPACE: workspace },
      platform: process.platform,
      cwd: ROOT,
    });
    expect(s.workingDirectory).toBe(path.join(workspace, 'sub'));
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it.each([
    ['hello', 'hello\n'],
    ['line 1\nline 2', 'line 1\nline 2\n'],
    ['done\n', 'done\n'],
    ['   ', ''],
  ])('input %j is written as %j', async (input, written) => {
    expect((await settingsFor({ stdin: 'pipe', input })).input).toBe(written);
  });

  it('the default log path is under RUNNER_TEMP, named after the ticket with / replaced', async () => {
    const s = await settingsFor({ ticket: 'team/pt-7jzy' });
    expect(s.ticket).toBe('team/pt-7jzy');
    expect(s.logFile).toBe(path.join(runnerTemp, 'ralph-dispatch', 'team_pt-7jzy.log'));
    expect(path.dirname(s.logFile)).toBe(path.join(runnerTemp, 'ralph-dispatch'));
  });

  it('a relative log-file is resolved against the workspace', async () => {
    expect((await settingsFor({ 'log-file': 'logs/x.log' }, scratch)).logFile).toBe(path.join(scratch, 'logs', 'x.log'));
  });

  it('bash is started as run: steps start it', async () => {
    expect((await settingsFor({ shell: 'bash' })).shell).toEqual({
      spec: 'bash',
      file: onPath('bash'),
      args: ['--noprofile', '--norc', '-eo', 'pipefail', '{0}'],
    });
  });

  it('sh is started as run: steps start it', async () => {
    expect((await settingsFor({ shell: 'sh' })).shell).toEqual({ spec: 'sh', file: onPath('sh'), args: ['-e', '{0}'] });
  });

  it('a template is split into the program (looked up on PATH) and its arguments', async () => {
    expect((await settingsFor({ shell: 'bash -x {0}' })).shell).toEqual({ spec: 'bash -x {0}', file: onPath('bash'), args: ['-x', '{0}'] });
  });

  it('a template keeps a double-quoted argument as one word, as run: steps do (`pwsh -command ". \'{0}\'"`)', async () => {
    // The runner passes the rest of the template as an argument string, parsed with quotes.
    expect((await settingsFor({ shell: `bash -c ". '{0}'"` })).shell.args).toEqual(['-c', ". '{0}'"]);
  });

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['FALSE', false],
  ])('allow-workflow-commands %s', async (text, value) => {
    expect((await settingsFor({ 'allow-workflow-commands': text })).allowWorkflowCommands).toBe(value);
  });

  it("allow-workflow-commands is core.getBooleanInput's answer (main.ts passes core as the reader)", async () => {
    const map = readerFor({ 'allow-workflow-commands': 'True' });
    const getBooleanInput = jest.fn(map.getBooleanInput);
    const s = await parseSettings({ getInput: map.getInput, getBooleanInput }, { env: process.env, platform: process.platform, cwd: ROOT });
    expect(s.allowWorkflowCommands).toBe(true);
    expect(getBooleanInput.mock.calls).toEqual([['allow-workflow-commands']]);
  });

  it('completion-marker becomes a linear-time (RE2) pattern, `^`/`$` at line boundaries', async () => {
    const s = await settingsFor({ 'completion-marker': '<promise>COMPLETE</promise>' });
    expect(s.completionMarker?.matcher('x <promise>COMPLETE</promise> y').find()).toBe(true);
    expect(s.completionMarker?.matcher('<promise>INCOMPLETE').find()).toBe(false);
    const anchored = (await settingsFor({ 'completion-marker': '^DONE$' })).completionMarker;
    expect(anchored?.matcher('work\nDONE\nmore').find()).toBe(true);
    expect(anchored?.matcher('not DONE\n').find()).toBe(false);
  });
});

describe('stdin: tty probes `script --version` (through @actions/exec, silently)', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
    jest.restoreAllMocks();
  });

  /** A `script` first on PATH. */
  function fakeScript(body: string): void {
    const bin = tempDir('rd-fake-script-');
    fs.writeFileSync(path.join(bin, 'script'), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
  }

  function capturedStdout(): string[] {
    const seen: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      seen.push(Buffer.from(chunk).toString('utf8'));
      return true;
    });
    return seen;
  }

  it('refuses a script that is not util-linux, naming stdin and tty, and prints none of its output', async () => {
    fakeScript('echo "script from elsewhere 1.0"; echo "on stderr" >&2; exit 3');
    const seen = capturedStdout();
    const e = await expectBad({ stdin: 'tty' }, 'stdin', 'tty');
    expect(e.message).toContain('is not util-linux script');
    expect(seen.join('')).toBe('');
  });

  it("writes nothing to the probe's stdin (an input races the exit of `script --version`: an unhandled EPIPE)", async () => {
    // Says util-linux only while its stdin stays open, with nothing written to it.
    fakeScript(
      'if timeout 0.5 cat | grep -q .; then echo "got input"; elif timeout 0.5 cat; then echo "stdin at EOF"; else echo "script from util-linux 2.99"; fi',
    );
    expect((await settingsFor({ stdin: 'tty' })).tty?.kind).toBe('util-linux');
  });

  it('accepts util-linux script (read from stdout or stderr), without printing the probe', async () => {
    fakeScript('echo "script from util-linux 2.99" >&2');
    const seen = capturedStdout();
    expect((await settingsFor({ stdin: 'tty' })).tty).toEqual({ kind: 'util-linux', file: expect.stringMatching(/rd-fake-script-.*\/script$/) });
    expect(seen.join('')).toBe('');
  });
});

describe('the built action starts nothing when an input is bad', () => {
  const cases: [string, InputMap, InputName, string][] = [
    ['a bad timeout', { timeout: 'abc' }, 'timeout', 'abc'],
    ['a ticket that would be a shell injection', { ticket: 'x; touch pwned' }, 'ticket', 'x; touch pwned'],
    ['a missing working-directory', { 'working-directory': '/nonexistent/ralph-dispatch-wd' }, 'working-directory', '/nonexistent/ralph-dispatch-wd'],
    ['a bad completion-marker', { 'completion-marker': '(' }, 'completion-marker', '('],
    // Read by core.getBooleanInput in the bundle: the error still names the input and the value.
    ['an allow-workflow-commands that is not a boolean', { 'allow-workflow-commands': 'yes' }, 'allow-workflow-commands', 'yes'],
  ];

  it.each(cases)('%s', async (_what, inputs, name, value) => {
    const dir = tempDir('rd-action-');
    const started = path.join(dir, 'started');
    const run = await runAction({ command: `touch '${started}'; sleep 30`, ...inputs }, { dir });

    expect(fs.existsSync(started)).toBe(false);
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({
      status: 'error',
      'exit-code': '',
      signal: '',
      termination: '',
      'duration-ms': '0',
      'orphans-killed': '0',
      'marker-seen': 'false',
      'log-file': '',
      'result-file': expect.stringMatching(/\.result\.json$/),
      'report-file': expect.stringMatching(/\.report\.md$/),
    });
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`'${name}'`);
    expect(errors[0]).toContain(value);
    // The fence opens only once a session is about to run.
    expect(run.stdout).not.toContain('::stop-commands::');
    expect(run.state[`run-id`]).toBeUndefined();
    // No process of this action's runs is alive: the child would carry the run tag and this
    // action's RUNNER_TEMP in its environment.
    const leftovers = new LinuxProcSource()
      .snapshot(`RUNNER_TEMP=${dir}`)
      .filter((e) => e.tagged && e.state !== 'Z')
      .filter((e) => {
        try {
          return fs
            .readFileSync(`/proc/${e.pid}/environ`, 'latin1')
            .split('\0')
            .some((v) => v.startsWith(`${RUN_ID_ENV}=`));
        } catch {
          return false;
        }
      });
    expect(leftovers).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
