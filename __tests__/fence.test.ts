/**
 * The fence: what the child prints is shown in the job log but never executed by the runner.
 * Runs the BUILT action (dist/index.js) as the runner does and reads its stdout with the
 * runner's command rules (support/runner-commands.ts).
 */
import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shellQuote } from '../src/session.js';
import { fixture, runAction, tempDir, type ActionRun, type InputMap } from './support/harness.js';
import { runnerCommands, splitRunnerLines, type RunnerCommand } from './support/runner-commands.js';

/** Lines a child prints to make the runner do things. */
const INJECTED = [
  '::set-output name=status::completed',
  '::error::injected',
  '::add-mask::secret',
  '::stop-commands::abc',
  '::abc::',
  '::warning::after-abc',
  '##[error]legacy',
  'text ##[warning]legacy-mid-line',
  '  ::warning title=t::indented',
];
const PARTIAL = '::error::partial';

/** What the runner would do with INJECTED, unfenced (checked below, so the fence tests mean something). */
const INJECTED_UNFENCED = [
  ['command', 'set-output', 'completed'],
  ['command', 'error', 'injected'],
  ['command', 'add-mask', 'secret'],
  ['stop', 'stop-commands', 'abc'],
  ['resume', 'abc', ''],
  ['command', 'warning', 'after-abc'],
  ['command', 'error', 'legacy'],
  ['command', 'warning', 'legacy-mid-line'],
  ['command', 'warning', 'indented'],
];

const summary = (cmds: readonly RunnerCommand[]) => cmds.map((c) => [c.kind, c.name.toLowerCase(), c.data]);

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

function injectCommand(): string {
  const dir = tempDir('rd-fence-');
  const lines = path.join(dir, 'lines.txt');
  fs.writeFileSync(lines, `${INJECTED.join('\n')}\n${PARTIAL}`);
  return `bash ${shellQuote(fixture('out-inject.sh'))} ${shellQuote(lines)}`;
}

/** The fence's token: the data of the first command, a stop-commands. */
function fenceToken(run: ActionRun): string {
  const first = runnerCommands(run.stdout).commands[0];
  expect(first?.kind).toBe('stop');
  return first.data;
}

/** The runner executes only the action's own commands: stop, resume, then its annotation. */
function expectOnlyOwnCommands(run: ActionRun): void {
  const parsed = runnerCommands(run.stdout);
  const token = fenceToken(run);
  expect(parsed.stoppedWith).toBeUndefined();
  expect(summary(parsed.commands)).toEqual([
    ['stop', 'stop-commands', token],
    ['resume', token, ''],
    ['command', 'notice', expect.stringContaining('completed')],
  ]);
  // Nothing on stderr (unfenced for the runner: it handles a batch's stderr lines first).
  expect(runnerCommands(run.stderr).commands).toEqual([]);
}

function expectChildLinesShown(run: ActionRun, copies: number): void {
  for (const line of INJECTED) expect({ line, n: count(run.stdout, line) }).toEqual({ line, n: copies });
  expect(count(run.stdout, PARTIAL)).toBe(copies);
  // The last, partial line stays a line of its own: the resume line is not glued to it.
  const lines = splitRunnerLines(run.stdout);
  const resume = lines.indexOf(`::${fenceToken(run)}::`);
  expect(resume).toBeGreaterThan(0);
  expect(lines[resume - 1].endsWith(PARTIAL)).toBe(true);
  expect(run.stderr).not.toContain('injected');
}

describe('runner command parser (support/runner-commands.ts)', () => {
  it('reads the injected lines as the runner would, unfenced', () => {
    const parsed = runnerCommands(`${INJECTED.join('\n')}\n${PARTIAL}`);
    expect(summary(parsed.commands)).toEqual([...INJECTED_UNFENCED, ['command', 'error', 'partial']]);
    expect(parsed.commands.find((c) => c.data === 'indented')?.properties).toEqual({ title: 't' });
  });

  it('follows the runner on stop-commands, line ends, forms and escapes', () => {
    const text = [
      'text ::error::not-at-line-start',
      '::unknown::not-registered',
      '::stop-commands::Tok123',
      '::error::ignored',
      'x ##[warning]ignored',
      '::abc::also-ignored',
      '##[tok123]', // legacy resume, case-insensitive
      '\t::notice file=a%2Cb,line=3::multi%0Aline',
      '::stop-commands::zz',
      '  ::ZZ:: resumes too',
      'a\r::debug::after-cr\r\n##[error sourcepath=x%3By]legacy%5D',
      '::stop-commands::',
      '::warning::still-processed',
      '::stop-commands::left',
    ].join('\n');
    const parsed = runnerCommands(text);
    expect(summary(parsed.commands)).toEqual([
      ['stop', 'stop-commands', 'Tok123'],
      ['resume', 'tok123', ''],
      ['command', 'notice', 'multi\nline'],
      ['stop', 'stop-commands', 'zz'],
      ['resume', 'zz', ' resumes too'],
      ['command', 'debug', 'after-cr'],
      ['command', 'error', 'legacy]'],
      ['stop', 'stop-commands', ''],
      ['command', 'warning', 'still-processed'],
      ['stop', 'stop-commands', 'left'],
    ]);
    expect(parsed.commands[2].properties).toEqual({ file: 'a,b', line: '3' });
    expect(parsed.commands[6].properties).toEqual({ sourcepath: 'x;y' });
    expect(parsed.stoppedWith).toBe('left');
  });
});

describe('the fence (built action)', () => {
  it('no line the child prints, on stdout or stderr, is executed; each is still shown', async () => {
    const run = await runAction({ ticket: 'pt-fence', command: injectCommand() });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expectOnlyOwnCommands(run);
    expectChildLinesShown(run, 2);
  });

  it("a session closed out mid-line: its lines stay fenced, the action's own annotations are executed", async () => {
    const run = await runAction({
      ticket: 'pt-stuck',
      command: `printf '%s\\n' '::warning::injected'; (setsid sleep 30 &); printf '::error::partial'; sleep 30`,
      timeout: '500ms',
      'eof-grace': '100ms',
      'term-grace': '300ms',
    });
    expect(run.outputs.status).toBe('timeout');
    const parsed = runnerCommands(run.stdout);
    const token = fenceToken(run);
    expect(parsed.stoppedWith).toBeUndefined();
    const [stop, resume, ...own] = parsed.commands;
    expect(summary([stop, resume])).toEqual([
      ['stop', 'stop-commands', token],
      ['resume', token, ''],
    ]);
    expect(own[0]?.name).toBe('error');
    for (const c of own) expect(['error', 'warning']).toContain(c.name);
    for (const c of own) {
      expect(c.properties.title).toMatch(/^ralph-dispatch: pt-stuck/);
      expect(c.data).not.toMatch(/injected|partial/);
    }
    expect(own[0].data).toContain('timed out');
    expect(splitRunnerLines(run.stdout)).toContain('::error::partial');
  });

  it('stdin: tty: the same lines are fenced', async () => {
    const run = await runAction({ ticket: 'pt-fence', command: injectCommand(), stdin: 'tty' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expectOnlyOwnCommands(run);
    expectChildLinesShown(run, 2);
  });

  it("allow-workflow-commands: true: the child's commands are executed (the fence is what stops them)", async () => {
    const run = await runAction({ ticket: 'pt-open', command: `echo '::warning::x'`, 'allow-workflow-commands': 'true' });
    expect(run.code).toBe(0);
    const parsed = runnerCommands(run.stdout);
    expect(summary(parsed.commands)).toEqual([
      ['command', 'warning', 'x'],
      ['command', 'notice', expect.stringContaining('completed')],
    ]);
  });

  it('the token is long, fresh per run, and not handed to the child', async () => {
    const inputs: InputMap = { ticket: 'pt-token', command: 'env; cat /proc/$PPID/cmdline /proc/$PPID/environ 2>/dev/null | tr "\\0" "\\n" || true' };
    const [a, b] = await Promise.all([runAction(inputs), runAction(inputs)]);
    const tokens = [fenceToken(a), fenceToken(b)];
    for (const [run, token] of [
      [a, tokens[0]],
      [b, tokens[1]],
    ] as const) {
      expect(run.code).toBe(0);
      expect(token.length).toBeGreaterThanOrEqual(16);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      // Only the stop and resume lines carry it: the child's environment does not.
      expect(count(run.stdout.toLowerCase(), token.toLowerCase())).toBe(2);
      expectOnlyOwnCommands(run);
    }
    expect(tokens[0].toLowerCase()).not.toBe(tokens[1].toLowerCase());
  });

  it('no secret of the environment is printed; the command is shown as written', async () => {
    const command = 'test -n "$SECRET_TOKEN"; echo "ticket=$RALPH_TICKET"';
    const run = await runAction({ ticket: 'pt-7jzy', command }, { extraEnv: { SECRET_TOKEN: 's3cr3t-value' } });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('completed'); // the child had it (test -n), and did not print it
    const output = fs.readFileSync(run.env.GITHUB_OUTPUT as string, 'utf8');
    for (const text of [run.stdout, run.stderr, run.summary, output]) expect(text).not.toContain('s3cr3t-value');
    const lines = splitRunnerLines(run.stdout);
    expect(lines).toContain(command);
    expect(lines).toContain('ticket=pt-7jzy');
    expectOnlyOwnCommands(run);
  });

  it("the runner's tokens for actions are not handed to the command (a run: step does not get them)", async () => {
    // The runner gives these to node actions only (NodeScriptActionHandler): the job's runtime
    // token (cache, artifacts). ScriptHandler gives `run:` steps the OIDC request variables
    // too, so those pass, as they would to a `run:` step.
    const actionOnly: Record<string, string> = {
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
      ACTIONS_RUNTIME_URL: 'https://runtime.invalid/',
      ACTIONS_RESULTS_URL: 'https://results.invalid/',
      ACTIONS_CACHE_URL: 'https://cache.invalid/',
      STATE_run_id: 'main-state',
    };
    const likeRunStep: Record<string, string> = {
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-value',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.invalid/',
    };
    const run = await runAction({ ticket: 'pt-env', command: 'env' }, { extraEnv: { ...actionOnly, ...likeRunStep, SECRET_TOKEN: 's3cr3t-value' } });
    expect(run.outputs.status).toBe('completed');
    const childEnv = splitRunnerLines(run.stdout);
    expect(childEnv).toContain('SECRET_TOKEN=s3cr3t-value'); // the workflow's env does reach it
    expect(childEnv.filter((l) => Object.keys(actionOnly).some((name) => l.startsWith(`${name}=`)))).toEqual([]);
    for (const [name, value] of Object.entries(likeRunStep)) expect(childEnv).toContain(`${name}=${value}`);
  });
});

describe('what the fence cannot do (the README says so)', () => {
  // The fence stops commands carried by the output. Code the agent runs, as the runner's user,
  // still reads the action's own environment: the README must not promise otherwise, and this
  // test fails the day that changes (then the README changes with it).
  it("the child's code can read the action's inputs and file-command paths from /proc/$PPID/environ", async () => {
    const run = await runAction({
      ticket: 'pt-environ',
      command: `tr '\\0' '\\n' < /proc/$PPID/environ | grep -E '^(INPUT_TICKET|GITHUB_OUTPUT)=' | sort | sed 's/^/seen /'; env | grep -c '^INPUT_' || true`,
    });
    expect(run.outputs.status).toBe('completed');
    const log = fs.readFileSync(run.outputs['log-file'], 'utf8');
    expect(log).toContain('seen INPUT_TICKET=pt-environ\n');
    expect(log).toContain(`seen GITHUB_OUTPUT=${path.join(run.dir, 'output')}\n`);
    // Its own environment has no INPUT_*: removing them does not hide them.
    expect(log.trim().split('\n').at(-1)).toBe('0');
  });
});
