/**
 * Linux: the process table from /proc, read synchronously (a sweep is thousands of tiny
 * reads; the thread pool would only add latency).
 */
import * as fs from 'node:fs';
import { postAdmitted, posixSignal } from './posix.js';
import { DEAD_STATES, type ProcEntry, type ProcessSource, type ProcInfo, type RunView, type SignalOutcome, type Snapshot, truncate } from './types.js';

/** Parses /proc/<pid>/stat: `pid (comm) state ppid pgrp session ...`; comm may hold spaces and ')'. */
export function parseProcStat(text: string): Omit<ProcEntry, 'tagged' | 'start'> | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const rest = text.slice(close + 2).split(' ');
  const pid = Number(text.slice(0, open).trim());
  const [state, ppid, pgid, sid] = [rest[0], Number(rest[1]), Number(rest[2]), Number(rest[3])];
  if (!Number.isInteger(pid) || !state || !Number.isInteger(ppid)) return undefined;
  return { pid, ppid, pgid, sid, state, name: text.slice(open + 1, close) };
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (NaN if absent). */
export function procStartTicks(text: string): number {
  const close = text.lastIndexOf(')');
  return close < 0 ? NaN : Number(text.slice(close + 2).split(' ', 20)[19]);
}

/** Whether a NUL-separated environment block holds exactly `tag` (NAME=value) as an entry. */
export function environHasTag(environ: Buffer, tag: Buffer): boolean {
  let from = 0;
  for (;;) {
    const at = environ.indexOf(tag, from);
    if (at < 0) return false;
    const end = at + tag.length;
    if ((at === 0 || environ[at - 1] === 0) && (end === environ.length || environ[end] === 0)) return true;
    from = at + 1;
  }
}

/** This process's start, in clock ticks since boot; NaN when /proc does not say. */
export function selfStartTicks(root = '/proc'): number {
  try {
    return procStartTicks(fs.readFileSync(`${root}/self/stat`, 'latin1'));
  } catch {
    return NaN;
  }
}

/** read() results besides a length. */
const GONE = -1;
const REFUSED = -2;

export class LinuxProcSource implements ProcessSource {
  /** Reused for every read: a sweep is thousands of tiny reads. */
  private buf = Buffer.allocUnsafe(64 * 1024);

  /**
   * @param notBefore for `snapshot()` alone: environments of processes older than this are
   *   not read (a run's scan takes its own age limit from the run). NaN: read all.
   * @param kill kill(2), replaceable to inject faults.
   */
  constructor(
    private readonly root = '/proc',
    private readonly notBefore = selfStartTicks(root),
    private readonly kill: (pid: number, signal: NodeJS.Signals) => void = (pid, signal) => process.kill(pid, signal),
  ) {}

  /** Reads a /proc file into the shared buffer; its length, GONE or REFUSED. */
  private read(file: string, whole: boolean): number {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (e) {
      return gone(e) ? GONE : REFUSED;
    }
    try {
      let n = 0;
      for (;;) {
        if (n === this.buf.length) {
          const bigger = Buffer.allocUnsafe(this.buf.length * 2);
          this.buf.copy(bigger);
          this.buf = bigger;
        }
        const got = fs.readSync(fd, this.buf, n, this.buf.length - n, null);
        n += got;
        // stat comes whole from one read; environ may be longer than the buffer.
        if (got === 0 || !whole) return n;
      }
    } catch (e) {
      return gone(e) ? GONE : REFUSED;
    } finally {
      fs.closeSync(fd);
    }
  }

  /**
   * One pass over /proc. The environment (for the tag) is read only for processes that started
   * at or after `notBefore`: a run's processes are all younger than the action.
   */
  table(tag: string, notBefore: number, since?: Snapshot): Snapshot {
    const tagBytes = Buffer.from(tag);
    const entries: ProcEntry[] = [];
    const vanished: number[] = [];
    const listed = new Set<number>();
    let names: string[];
    try {
      names = fs.readdirSync(this.root);
    } catch {
      return { entries, vanished, listed };
    }
    for (const name of names) {
      const c = name.charCodeAt(0);
      if (c < 48 || c > 57) continue;
      listed.add(Number(name));
    }
    // A re-read: what was read stays as read (if still listed); only new pids are read.
    if (since?.listed) for (const e of since.entries) if (listed.has(e.pid)) entries.push(e);
    for (const name of names) {
      const c = name.charCodeAt(0);
      if (c < 48 || c > 57) continue;
      if (since?.listed?.has(Number(name))) continue;
      const n = this.read(`${this.root}/${name}/stat`, false);
      if (n <= 0) {
        if (n === GONE) vanished.push(Number(name));
        continue;
      }
      const text = this.buf.toString('latin1', 0, n);
      const stat = parseProcStat(text);
      if (!stat) continue;
      const start = procStartTicks(text);
      let tagged = false;
      let state = stat.state;
      // Older than the action: cannot carry the tag (NaN compares false: read it).
      if (!(start < notBefore)) {
        const m = this.read(`${this.root}/${name}/environ`, true);
        if (m > 0) tagged = environHasTag(this.buf.subarray(0, m), tagBytes);
        else if (m === GONE || (m === 0 && state !== 'Z')) {
          // Empty (`env -i`) or unreadable (ESRCH for some live processes too): it may also have
          // died after its stat was read. Its stat again says which.
          const now = this.stateOf(name);
          if (now === undefined) {
            vanished.push(stat.pid);
            continue;
          }
          state = now;
        }
        // REFUSED: another user's process (one started through sudo): untagged.
      }
      entries.push({ ...stat, state, tagged, start });
    }
    return { entries, vanished, listed };
  }

  private stateOf(name: string): string | undefined {
    const n = this.read(`${this.root}/${name}/stat`, false);
    return n > 0 ? parseProcStat(this.buf.toString('latin1', 0, n))?.state : undefined;
  }

  /** The table as a list, with this source's own age limit (for one-off checks). */
  snapshot(tag: string): ProcEntry[] {
    return [...this.table(tag, this.notBefore).entries];
  }

  async scan(run: RunView): Promise<ProcInfo[]> {
    return postAdmitted(
      run,
      (since) => this.table(run.tag, run.notBefore, since),
      (pid, fallback) => this.commandLine(pid, fallback),
    );
  }

  async signal(procs: readonly ProcInfo[], signal: NodeJS.Signals): Promise<SignalOutcome> {
    return posixSignal(procs, signal, this.kill, (p) => {
      // Gone, or its pid now names another process: not ours to signal.
      if (p.start === undefined || Number.isNaN(p.start)) return true;
      return this.startOf(p.pid) === p.start;
    });
  }

  startOf(pid: number): number {
    const n = this.read(`${this.root}/${pid}/stat`, false);
    return n > 0 ? procStartTicks(this.buf.toString('latin1', 0, n)) : NaN;
  }

  selfStart(): number {
    return selfStartTicks(this.root);
  }

  exited(pid: number): boolean {
    const state = this.stateOf(String(pid));
    return state === undefined || DEAD_STATES.has(state);
  }

  commandLine(pid: number, fallback: string): string {
    try {
      const raw = fs.readFileSync(`${this.root}/${pid}/cmdline`, 'utf8');
      const text = raw.replace(/\0+$/, '').replaceAll('\0', ' ');
      return truncate(text || `[${fallback}]`);
    } catch {
      return `[${fallback}]`;
    }
  }
}

function gone(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ESRCH';
}
