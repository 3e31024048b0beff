/**
 * The GitHub runner's workflow-command parser, for tests: which commands would the runner
 * execute, given what the action printed?
 *
 * Modelled on actions/runner (ActionCommandManager.TryProcessCommand, ActionCommand.TryParseV2,
 * ActionCommand.TryParse, ProcessInvoker):
 * - Output is read with StreamReader.ReadLine: lines end at `\n`, `\r\n` or a lone `\r`.
 * - A line is first tried as a v2 command: after leading whitespace, `::name k=v,k2=v2::data`.
 *   The name ends at the first space; properties are split on `,`, each on its first `=`.
 * - If that fails, as a legacy command: `##[name k=v;k2=v2]data` found ANYWHERE in the line
 *   (IndexOf `##[`), properties split on `;`.
 * - Only registered command names are commands (case-insensitive); any other `::x::` is text.
 * - `::stop-commands::TOKEN` stops processing of every command (both forms) until a line whose
 *   command name equals TOKEN (case-insensitive): `::TOKEN::` or `##[TOKEN]`. While stopped,
 *   every other command is ignored (shown as text). As in current runners (ValidateStopToken),
 *   an empty token, `pause-logging` or a command's name is refused: the step fails, nothing stops.
 *
 * Parse each output stream separately: the runner handles a batch's stderr lines before its
 * stdout lines, so their relative order is not the one the action wrote.
 */

/**
 * The names the runner registers: its ActionCommandExtensions and stop-commands
 * (internal-set-repo-path only while a runner plugin runs).
 */
export const RUNNER_COMMANDS: readonly string[] = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
];

export const STOP_COMMANDS = 'stop-commands';

export interface RunnerCommand {
  /** The command name as written (compare case-insensitively). */
  readonly name: string;
  readonly properties: Readonly<Record<string, string>>;
  /** Unescaped data. */
  readonly data: string;
  readonly form: 'v2' | 'legacy';
  /** `stop` for stop-commands, `resume` for the line that ended a stop, else `command`. */
  readonly kind: 'command' | 'stop' | 'resume';
  /** The line as the runner read it, and its 0-based index among the lines. */
  readonly line: string;
  readonly lineIndex: number;
}

export interface ParsedOutput {
  /** Every command the runner acts on, in order (stop and resume lines included). */
  readonly commands: RunnerCommand[];
  /** The token the runner is still waiting for at the end, if commands were left stopped. */
  readonly stoppedWith: string | undefined;
  readonly lines: string[];
}

/** StreamReader.ReadLine: `\n`, `\r\n` and a lone `\r` end a line; a last line without an end counts. */
export function splitRunnerLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (/[\r\n]$/.test(text)) lines.pop();
  return lines;
}

/** .NET String.TrimStart(): char.IsWhiteSpace characters. */
const LEADING_WHITESPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

function unescape(text: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  let out = text;
  for (const [from, to] of pairs) out = out.split(from).join(to);
  return out;
}
const V2_DATA: ReadonlyArray<readonly [string, string]> = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%'],
];
const V2_PROPERTY: ReadonlyArray<readonly [string, string]> = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%'],
];
const LEGACY: ReadonlyArray<readonly [string, string]> = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%'],
];

type Parsed = Pick<RunnerCommand, 'name' | 'properties' | 'data' | 'form'>;

function properties(text: string, separator: string, pairs: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const props: Record<string, string> = {};
  for (const item of text.split(separator).filter((s) => s !== '')) {
    const at = item.indexOf('=');
    // Split(count: 2, RemoveEmptyEntries): `k=` and `=v` have no pair.
    if (at <= 0 || at === item.length - 1) continue;
    props[item.slice(0, at)] = unescape(item.slice(at + 1), pairs);
  }
  return props;
}

/** ActionCommand.TryParseV2. */
export function parseV2(line: string, registered: ReadonlySet<string>): Parsed | undefined {
  const message = line.replace(LEADING_WHITESPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  return {
    name,
    properties: space > 0 ? properties(info.slice(space + 1).trim(), ',', V2_PROPERTY) : {},
    data: unescape(message.slice(end + 2), V2_DATA),
    form: 'v2',
  };
}

/** ActionCommand.TryParse (the legacy `##[` form, anywhere in the line). */
export function parseLegacy(line: string, registered: ReadonlySet<string>): Parsed | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const rb = line.indexOf(']', prefix);
  if (rb < 0) return undefined;
  const info = line.slice(prefix + 3, rb);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  return {
    name,
    properties: space > 0 ? properties(info.slice(space + 1), ';', LEGACY) : {},
    data: unescape(line.slice(rb + 1), LEGACY),
    form: 'legacy',
  };
}

/** The commands the runner would execute for this output stream (Buffers are decoded as UTF-8). */
export function runnerCommands(output: string | Buffer, opts: { registered?: readonly string[] } = {}): ParsedOutput {
  const text = Buffer.isBuffer(output) ? output.toString('utf8') : output;
  const registered = new Set((opts.registered ?? RUNNER_COMMANDS).map((n) => n.toLowerCase()));
  const lines = splitRunnerLines(text);
  const commands: RunnerCommand[] = [];
  let stopToken: string | undefined;
  lines.forEach((line, lineIndex) => {
    if (line === '') return;
    const parsed = parseV2(line, registered) ?? parseLegacy(line, registered);
    if (!parsed) return;
    const name = parsed.name.toLowerCase();
    if (stopToken !== undefined) {
      if (name !== stopToken) return; // ignored while stopped
      commands.push({ ...parsed, kind: 'resume', line, lineIndex });
      registered.delete(stopToken);
      stopToken = undefined;
      return;
    }
    if (name === STOP_COMMANDS) {
      commands.push({ ...parsed, kind: 'stop', line, lineIndex });
      const token = parsed.data.toLowerCase();
      // ValidateStopToken: an empty token, or one that names a command, fails the command.
      if (token === '' || registered.has(token) || token === 'pause-logging') return;
      stopToken = token;
      registered.add(token);
      return;
    }
    commands.push({ ...parsed, kind: 'command', line, lineIndex });
  });
  return { commands, stoppedWith: stopToken, lines };
}

/** Reads `name<<delimiter` records of a GITHUB_OUTPUT / GITHUB_STATE file, as the runner does. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}
