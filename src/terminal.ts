/**
 * The pseudo-terminal of `stdin: tty`: the script(1) command line that gives the session a
 * terminal, the status wrapper that records how the shell under it ended (tty-status.ts, a
 * bundle of its own), and reading that status back.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TtyProvider } from './inputs.js';
import type { TerminalLeader, TerminalStatus } from './tty-status.js';

/** Ctrl+U clears a half-typed line (Ctrl+D ends input only on an empty one), then Ctrl+D. */
export const TTY_EOF = Buffer.from([0x15, 0x04]);
/**
 * A pty that script(1) opens while its own stdin is a pipe has no size: give it one, so a TUI
 * can lay itself out.
 */
const TERMINAL_SIZE = { cols: 160, rows: 48 };
/** util-linux script runs its command with `$SHELL -c`: that must be a POSIX shell, whatever the job's SHELL. */
export const SCRIPT_SHELL = '/bin/sh';

const SIGNAL_NAMES = new Map<number, NodeJS.Signals>(Object.entries(os.constants.signals).map(([name, num]) => [num, name as NodeJS.Signals]));

/** Quotes a word for the POSIX shell that `script -c` runs. */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The wrapper's records, in the run's work directory (work-dir.ts). */
export const STATUS_FILE = 'status.json';
export const LEADER_FILE = 'leader.json';

/** Where the bundled status wrapper lies: dist/tty-status/index.js, beside the action's bundle. */
export function statusWrapperPath(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'tty-status', 'index.js');
}

export interface TerminalCommand {
  readonly file: string;
  readonly args: string[];
  /** The environment for script(1) itself; the shell under it gets `env` back as it was. */
  readonly env: NodeJS.ProcessEnv;
}

export interface TerminalSpec {
  readonly tty: TtyProvider;
  /** The program that runs the session (the shell and its arguments). */
  readonly program: { readonly file: string; readonly args: readonly string[] };
  /** Where the wrapper writes the shell's wait status. */
  readonly statusFile: string;
  /** Where the wrapper writes its pid and start (it leads the terminal's session). */
  readonly leaderFile: string;
  /** The status wrapper's script, run by `node` (process.execPath). */
  readonly wrapper: string;
  readonly env: NodeJS.ProcessEnv;
  readonly nodePath?: string;
}

/**
 * script(1) running, through `/bin/sh -c`, the status wrapper that runs the program. The
 * session's SHELL is put back (or unset) before the wrapper starts, so the program sees the
 * job's own.
 */
export function terminalCommand(spec: TerminalSpec): TerminalCommand {
  const shellVar = spec.env.SHELL;
  const restore = shellVar === undefined ? 'unset SHELL' : `SHELL=${shellQuote(shellVar)}; export SHELL`;
  const wrapped = [spec.nodePath ?? process.execPath, spec.wrapper, spec.statusFile, spec.leaderFile, spec.program.file, ...spec.program.args];
  const inner = `stty cols ${TERMINAL_SIZE.cols} rows ${TERMINAL_SIZE.rows} 2>/dev/null; ${restore}; exec ${wrapped.map(shellQuote).join(' ')}`;
  const env = { ...spec.env, SHELL: SCRIPT_SHELL };
  if (spec.tty.kind === 'bsd') return { file: spec.tty.file, args: ['-q', '/dev/null', SCRIPT_SHELL, '-c', inner], env };
  // -e: return the child's status (128+N for death by signal N); -f: flush as it comes.
  return { file: spec.tty.file, args: ['-qefc', inner, '/dev/null'], env };
}

/**
 * How the session under the terminal ended: the status the wrapper recorded. Without it (the
 * wrapper was SIGKILLed), script -e's 128+N is read as signal N only when `sent(N)` says we
 * sent that signal, so that a session's own `exit 143` stays an exit code.
 */
export function readTerminalExit(
  statusFile: string,
  code: number | null,
  signal: NodeJS.Signals | null,
  sent: (signal: NodeJS.Signals) => boolean,
): { code: number | null; signal: NodeJS.Signals | null } {
  if (signal) return { code, signal };
  try {
    const status = JSON.parse(fs.readFileSync(statusFile, 'utf8')) as TerminalStatus;
    return { code: status.code, signal: status.signal };
  } catch {
    // No status file: the wrapper itself was killed (SIGKILL step) or never ran.
  }
  if (code !== null && code > 128) {
    const name = SIGNAL_NAMES.get(code - 128);
    if (name && sent(name)) return { code: null, signal: name };
  }
  return { code, signal };
}

/** The terminal session's leader as the wrapper recorded it; undefined before it has. */
export function readTerminalLeader(leaderFile: string): { pid: number; start: number } | undefined {
  try {
    const leader = JSON.parse(fs.readFileSync(leaderFile, 'utf8')) as TerminalLeader;
    if (!Number.isInteger(leader.pid) || leader.pid <= 0) return undefined;
    return { pid: leader.pid, start: leader.start ?? NaN };
  } catch {
    // Not written yet (or cut short by a SIGKILL: then no program ever ran under it).
    return undefined;
  }
}
