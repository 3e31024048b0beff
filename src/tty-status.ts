/**
 * The terminal's status wrapper: runs under the pseudo-terminal, between script(1) and the
 * shell. It outlives the SIGTERM step (which goes to every other process of the run), writes
 * the shell's real wait status to a file, and exits with the status script -e would have
 * reported. script -e alone turns "killed by signal N" into "exit 128+N", which a shell's own
 * `exit 143` cannot be told apart from.
 *
 * It also leads the terminal's session (script(1) calls setsid() for it): before it starts the
 * program it records its pid and start in a second file, so that the session is known to be
 * the run's even if the wrapper is gone before the action scans the process table.
 *
 * Usage: node tty-status.js <status-file> <leader-file> <program> [args...]. Node built-ins
 * only: this is a bundle of its own (dist/tty-status/), started once per tty session.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

/** What the wrapper writes to the status file (read back by terminal.ts). */
export interface TerminalStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly error?: string;
}

/** What the wrapper writes to the leader file before it starts the program. */
export interface TerminalLeader {
  readonly pid: number;
  /** Field 22 of /proc/self/stat (clock ticks since boot); null where there is no /proc. */
  readonly start: number | null;
}

/** The signals a terminal's close-out sends: they must not end the wrapper before its child. */
const HELD_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'];

/** The exit status a shell gives a child that ended this way (128+N for signal N). */
export function shellStatus(status: TerminalStatus): number {
  if (status.code !== null) return status.code;
  if (status.signal) return 128 + (os.constants.signals[status.signal] ?? 0);
  return 127;
}

function selfStart(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'latin1');
    const start = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ', 20)[19]);
    return Number.isFinite(start) ? start : null;
  } catch {
    return null;
  }
}

/** Runs the program to its end and records how it ended; returns the status to exit with. */
export function runWrapped(statusFile: string, leaderFile: string, program: string, args: readonly string[]): number {
  // spawnSync blocks the event loop: a handler only keeps the signal from killing us.
  for (const s of HELD_SIGNALS) process.on(s, () => undefined);
  const leader: TerminalLeader = { pid: process.pid, start: selfStart() };
  fs.writeFileSync(leaderFile, JSON.stringify(leader));
  const r = spawnSync(program, args, { stdio: 'inherit' });
  const status: TerminalStatus = { code: r.status, signal: r.signal, ...(r.error ? { error: r.error.message } : {}) };
  fs.writeFileSync(statusFile, JSON.stringify(status));
  return shellStatus(status);
}

/** The entry point (tty-status-index.ts). */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  const [statusFile, leaderFile, program, ...args] = argv;
  if (!statusFile || !leaderFile || !program) {
    process.stderr.write('usage: tty-status <status-file> <leader-file> <program> [args...]\n');
    process.exit(2);
  }
  process.exit(runWrapped(statusFile, leaderFile, program, args));
}
