/**
 * Inputs are read once, here, into one typed Settings object (as actions/checkout's
 * input-helper does). Every check runs before anything starts; a bad value throws an
 * InputError naming the input and the value.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getExecOutput } from '@actions/exec';
import { which } from '@actions/io';
import { Inputs, type InputName, STDIN_MODES, type StdinMode, TICKET_MAX_LENGTH, TICKET_PATTERN } from './constants.js';
import { DurationError, parseDuration } from './duration.js';
import { compileMarker, type Marker } from './output.js';

/** The contract's defaults; action.yml declares the same (a test keeps them equal). */
export const DEFAULTS: Record<InputName, string> = {
  [Inputs.Command]: 'pi "/tf $RALPH_TICKET --auto"',
  [Inputs.Ticket]: '',
  [Inputs.Shell]: 'bash',
  [Inputs.WorkingDirectory]: '',
  [Inputs.Stdin]: 'closed',
  [Inputs.Input]: '',
  [Inputs.Timeout]: '60m',
  [Inputs.IdleTimeout]: '0',
  [Inputs.CompletionMarker]: '',
  [Inputs.CompletionGrace]: '30s',
  [Inputs.EofGrace]: '10s',
  [Inputs.TermGrace]: '5s',
  [Inputs.LogFile]: '',
  [Inputs.AllowWorkflowCommands]: 'false',
};

/** How to start the command: `file args...`, where SCRIPT_PLACEHOLDER stands for the script path. */
export interface ShellCommand {
  /** What the user wrote (`bash`, `sh`, or a template), for messages. */
  readonly spec: string;
  readonly file: string;
  readonly args: readonly string[];
}
export const SCRIPT_PLACEHOLDER = '{0}';

/** Where the pseudo-terminal comes from under `stdin: tty`. */
export interface TtyProvider {
  readonly kind: 'util-linux' | 'bsd';
  readonly file: string;
}

export interface Settings {
  readonly command: string;
  readonly ticket: string;
  readonly shell: ShellCommand;
  readonly workingDirectory: string;
  readonly stdin: StdinMode;
  /** Written to the child's stdin at start; ends with a newline when not empty. */
  readonly input: string;
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  /** Compiled for a linear-time engine, `^`/`$` at line boundaries (output.ts). */
  readonly completionMarker: Marker | undefined;
  readonly completionGraceMs: number;
  readonly eofGraceMs: number;
  readonly termGraceMs: number;
  readonly logFile: string;
  readonly allowWorkflowCommands: boolean;
  readonly tty: TtyProvider | undefined;
}

export class InputError extends Error {
  constructor(
    readonly input: InputName | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Where the inputs come from: @actions/core itself in the action (main.ts passes `core`), a map
 * in tests. getInput trims and gives '' for an unset input; getBooleanInput accepts the YAML 1.2
 * booleans and throws on anything else.
 */
export interface InputReader {
  getInput(name: InputName): string;
  getBooleanInput(name: InputName): boolean;
}

/** What Settings depend on besides the inputs (injected so that tests need no globals). */
export interface InputEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly cwd: string;
}

const defaultEnvironment = (): InputEnvironment => ({
  env: process.env,
  platform: process.platform,
  cwd: process.cwd(),
});

function bad(name: InputName, value: string, why: string): InputError {
  return new InputError(name, `Input '${name}' has an invalid value ${JSON.stringify(value)}: ${why}`);
}

export async function parseSettings(read: InputReader, environment: InputEnvironment = defaultEnvironment()): Promise<Settings> {
  const get = (name: InputName): string => {
    const value = read.getInput(name).trim();
    return value === '' ? DEFAULTS[name] : value;
  };
  // Blank reads as the default; anything else is core's to judge (its error names the input but
  // not the value, so it is rethrown as ours).
  const boolean = (name: InputName): boolean => {
    if (read.getInput(name).trim() === '') return DEFAULTS[name] === 'true';
    try {
      return read.getBooleanInput(name);
    } catch {
      throw bad(name, read.getInput(name).trim(), 'use true or false (also True, TRUE, False, FALSE)');
    }
  };
  const duration = (name: InputName): number => {
    const value = get(name);
    try {
      return parseDuration(value);
    } catch (e) {
      if (e instanceof DurationError) throw bad(name, value, `it ${e.message}`);
      throw e;
    }
  };

  const command = get(Inputs.Command);

  const ticket = get(Inputs.Ticket);
  if (ticket !== '' && !TICKET_PATTERN.test(ticket)) {
    throw bad(Inputs.Ticket, ticket, `a ticket id must match ${TICKET_PATTERN.source}`);
  }
  if (ticket.length > TICKET_MAX_LENGTH) {
    // It names the log file, and a file name holds at most 255 bytes.
    throw bad(Inputs.Ticket, ticket, `a ticket id holds at most ${TICKET_MAX_LENGTH} characters (this one has ${ticket.length})`);
  }

  const stdinText = get(Inputs.Stdin);
  if (!(STDIN_MODES as readonly string[]).includes(stdinText)) {
    throw bad(Inputs.Stdin, stdinText, `use one of ${STDIN_MODES.join(', ')}`);
  }
  const stdin = stdinText as StdinMode;

  let input = read.getInput(Inputs.Input);
  if (input.trim() === '') input = '';
  else if (!input.endsWith('\n')) input += '\n';
  if (input !== '' && stdin === 'closed') {
    throw bad(Inputs.Stdin, stdinText, `'${Inputs.Input}' is set, but a closed stdin cannot receive it (use pipe or tty)`);
  }

  const timeoutMs = duration(Inputs.Timeout);
  const idleTimeoutMs = duration(Inputs.IdleTimeout);
  const completionGraceMs = duration(Inputs.CompletionGrace);
  const eofGraceMs = duration(Inputs.EofGrace);
  const termGraceMs = duration(Inputs.TermGrace);

  const markerText = get(Inputs.CompletionMarker);
  let completionMarker: Marker | undefined;
  if (markerText !== '') {
    try {
      completionMarker = await compileMarker(markerText);
    } catch (e) {
      // RE2 syntax: no lookaround or backreferences, which is what keeps matching linear.
      throw bad(Inputs.CompletionMarker, markerText, `not a regular expression the linear-time (RE2) engine accepts (${(e as Error).message})`);
    }
  }

  const allowWorkflowCommands = boolean(Inputs.AllowWorkflowCommands);

  const workspace = environment.env.GITHUB_WORKSPACE || environment.cwd;
  const wdText = get(Inputs.WorkingDirectory);
  const workingDirectory = path.resolve(workspace, wdText || '.');
  let isDir: boolean;
  try {
    isDir = fs.statSync(workingDirectory).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw bad(Inputs.WorkingDirectory, wdText || workingDirectory, `no directory ${workingDirectory}`);
  }

  const shell = await parseShell(get(Inputs.Shell));
  const tty = stdin === 'tty' ? await findTtyProvider(environment, stdinText) : undefined;

  const logText = get(Inputs.LogFile);
  const logFile = logText
    ? path.resolve(workspace, logText)
    : path.join(
        environment.env.RUNNER_TEMP || os.tmpdir(),
        'ralph-dispatch',
        // The ticket may hold '/', which would make folders of the log name.
        `${ticket ? ticket.replaceAll('/', '_') : `run-${environment.env.GITHUB_RUN_ID ?? process.pid}-${environment.env.GITHUB_JOB ?? 'job'}`}.log`,
      );
  checkLogPath(logFile, logText);

  return {
    command,
    ticket,
    shell,
    workingDirectory,
    stdin,
    input,
    timeoutMs,
    idleTimeoutMs,
    completionMarker,
    completionGraceMs,
    eofGraceMs,
    termGraceMs,
    logFile,
    allowWorkflowCommands,
    tty,
  };
}

/**
 * The log is replaced, so what is at its path must be a regular file (or nothing): never a
 * symbolic link, whose target would be truncated. LogFile.open checks again as it opens.
 */
function checkLogPath(logFile: string, logText: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(logFile);
  } catch {
    return; // nothing there yet (or a folder to create): LogFile.open reports what fails
  }
  let what: string | undefined;
  if (!stat.isFile()) what = stat.isSymbolicLink() ? 'a symbolic link' : stat.isDirectory() ? 'a directory' : 'not a regular file';
  // Truncating a file with other names changes them all.
  else if (stat.nlink > 1) what = `a file with ${stat.nlink} hard links`;
  else {
    try {
      fs.accessSync(logFile, fs.constants.W_OK);
    } catch {
      what = 'a file the action cannot write';
    }
  }
  if (what) throw bad(Inputs.LogFile, logText || logFile, `${logFile} is ${what}, not a regular file the action may replace`);
}

/** `bash` and `sh` as `run:` steps start them; anything else is a template holding {0}. */
async function parseShell(spec: string): Promise<ShellCommand> {
  let words: string[];
  if (spec === 'bash') words = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', SCRIPT_PLACEHOLDER];
  else if (spec === 'sh') words = ['sh', '-e', SCRIPT_PLACEHOLDER];
  else {
    if (!spec.includes(SCRIPT_PLACEHOLDER)) {
      throw bad(Inputs.Shell, spec, `use bash, sh, or a template holding ${SCRIPT_PLACEHOLDER} for the script file (e.g. "bash -x {0}")`);
    }
    words = splitShellTemplate(spec);
    if (words[0].includes(SCRIPT_PLACEHOLDER)) {
      throw bad(Inputs.Shell, spec, 'the template must start with the program to run');
    }
  }
  const file = await which(words[0], false).catch(() => '');
  if (!file) throw bad(Inputs.Shell, spec, `the program '${words[0]}' was not found on PATH`);
  return { spec, file, args: words.slice(1) };
}

/**
 * Splits a `shell` template as the runner does: the program is everything before the first
 * space; the rest is one argument string, split the way .NET splits a command line (double
 * quotes group, a backslash escapes a double quote; single quotes do not group), so that
 * `pwsh -command ". '{0}'"` passes `. '{0}'` as one argument.
 */
export function splitShellTemplate(template: string): string[] {
  const trimmed = template.trim();
  const space = trimmed.search(/\s/);
  if (space < 0) return [trimmed];
  const args: string[] = [];
  const rest = trimmed.slice(space + 1);
  let word = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '\\' && rest[i + 1] === '"') {
      word += '"';
      inWord = true;
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      inWord = true;
    } else if (/\s/.test(c) && !quoted) {
      if (inWord) args.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) args.push(word);
  return [trimmed.slice(0, space), ...args];
}

/** util-linux `script` on Linux, BSD `script` on macOS; nothing on Windows. */
async function findTtyProvider(environment: InputEnvironment, stdinText: string): Promise<TtyProvider> {
  if (environment.platform === 'win32') {
    throw bad(Inputs.Stdin, stdinText, 'a pseudo-terminal is not available on Windows runners (use closed or pipe)');
  }
  const file = await which('script', false).catch(() => '');
  if (!file) {
    throw bad(Inputs.Stdin, stdinText, "it needs the 'script' program (util-linux on Linux: apt-get install bsdutils), which is not on PATH");
  }
  if (environment.platform === 'darwin') return { kind: 'bsd', file };
  // Its output is for us, not for the job log (silent). No `input`: exec would write it after the
  // spawn, and a `script --version` that has already exited makes that write fail with an
  // unhandled EPIPE. One that fails to run is not util-linux.
  const probe = { silent: true, ignoreReturnCode: true };
  const version = await getExecOutput(file, ['--version'], probe).catch(() => ({ stdout: '', stderr: '' }));
  if (!`${version.stdout}${version.stderr}`.includes('util-linux')) {
    throw bad(Inputs.Stdin, stdinText, `'${file}' is not util-linux script (needed for -e and -c; apt-get install bsdutils)`);
  }
  return { kind: 'util-linux', file };
}
