/**
 * Finding every process of a run, and signalling them.
 *
 * Process groups and tree-kill miss processes that called setsid() and were reparented to
 * init, so membership is the union of:
 *  - every process whose environment carries RALPH_DISPATCH_RUN_ID=<run id> (the child's
 *    environment is tagged and every descendant inherits it; this is how the runner finds
 *    leftovers at job end, by RUNNER_TRACKING_ID);
 *  - the descendants of the child and of any member (by parent pid, to a fixed point), which
 *    catches a tool started with a scrubbed environment (`env -i`, sudo);
 *  - members of the process groups and sessions led by a member, remembered after their
 *    leader dies (under `stdin: tty` the session leader sits in a session of its own).
 *
 * Faults never throw: a /proc entry that vanishes mid-read is skipped, EPERM is reported.
 */
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { RUN_ID_ENV } from './constants.js';

export interface ProcEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  /** Session id; -1 where the platform does not say. */
  readonly sid: number;
  /** One-letter state (R, S, D, T, Z, ...). */
  readonly state: string;
  /** Whether its environment carries this run's tag. */
  readonly tagged: boolean;
  /** Short name (Linux comm), for reports when the command line cannot be read. */
  readonly name: string;
}

export interface ProcInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly state: string;
  readonly command: string;
}

/** A snapshot of the machine's processes, as one platform can tell it. */
export interface ProcessSource {
  snapshot(tag: string): ProcEntry[];
  commandLine(pid: number, fallback: string): string;
}

export interface SignalFault {
  readonly pid: number;
  readonly command: string;
  readonly code: string;
}

const MAX_COMMAND = 200;

// ---------------------------------------------------------------------------------------------
// Linux: /proc
// ---------------------------------------------------------------------------------------------

/** Parses /proc/<pid>/stat: `pid (comm) state ppid pgrp session ...`; comm may hold spaces and ')'. */
export function parseProcStat(text: string): Omit<ProcEntry, 'tagged'> | undefined {
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

export class LinuxProcSource implements ProcessSource {
  /** Reused for every read: a sweep is thousands of tiny reads. */
  private buf = Buffer.allocUnsafe(64 * 1024);

  /**
   * @param notBefore processes that started before this (clock ticks since boot) cannot carry
   *   the tag, and their environment is not read: a run's processes are all younger than the
   *   action that started them. Default: this process's own start (the main step). NaN: read all.
   */
  constructor(
    private readonly root = '/proc',
    private readonly notBefore = selfStartTicks(root),
  ) {}

  /** Reads a /proc file into the shared buffer; its length, or -1 when it cannot be read. */
  private read(file: string, whole: boolean): number {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return -1;
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
    } catch {
      return -1;
    } finally {
      fs.closeSync(fd);
    }
  }

  snapshot(tag: string): ProcEntry[] {
    const tagBytes = Buffer.from(tag);
    const entries: ProcEntry[] = [];
    let names: string[];
    try {
      names = fs.readdirSync(this.root);
    } catch {
      return entries;
    }
    for (const name of names) {
      const c = name.charCodeAt(0);
      if (c < 48 || c > 57) continue;
      // Synchronous reads: a sweep is a few thousand tiny reads, and the thread pool would only
      // add latency. Any of them may fail because the process just exited: skip it.
      const n = this.read(`${this.root}/${name}/stat`, false);
      if (n <= 0) continue;
      const text = this.buf.toString('latin1', 0, n);
      const stat = parseProcStat(text);
      if (!stat) continue;
      let tagged = false;
      // Older than the action: cannot carry the tag (NaN compares false: read it).
      if (!(procStartTicks(text) < this.notBefore)) {
        const m = this.read(`${this.root}/${name}/environ`, true);
        // -1: EACCES (another user's process, e.g. one started through sudo) or gone: untagged.
        if (m > 0) tagged = environHasTag(this.buf.subarray(0, m), tagBytes);
      }
      entries.push({ ...stat, tagged });
    }
    return entries;
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

/** This process's start, in clock ticks since boot; NaN when /proc does not say. */
export function selfStartTicks(root = '/proc'): number {
  try {
    return procStartTicks(fs.readFileSync(`${root}/self/stat`, 'latin1'));
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------------------------------------
// macOS: ps, with the environment appended to the command (`ps eww`)
// ---------------------------------------------------------------------------------------------

export const PS_ARGS = ['-axeww', '-o', 'pid=,ppid=,pgid=,stat=,command='];

/** Parses `ps -axeww -o pid=,ppid=,pgid=,stat=,command=`: the environment follows the command. */
export function parsePsOutput(text: string, tag: string): (ProcEntry & { command: string })[] {
  const out: (ProcEntry & { command: string })[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const rest = m[5];
    const at = rest.indexOf(tag);
    const tagged = at >= 0 && (at === 0 || rest[at - 1] === ' ') && (at + tag.length === rest.length || rest[at + tag.length] === ' ');
    // Without a separator between command and environment, cut at the first NAME= word.
    const envStart = rest.search(/ [A-Za-z_][A-Za-z0-9_]*=/);
    const command = envStart >= 0 ? rest.slice(0, envStart) : rest;
    out.push({
      pid: Number(m[1]),
      ppid: Number(m[2]),
      pgid: Number(m[3]),
      sid: -1,
      state: m[4][0],
      tagged,
      name: command.split(' ')[0],
      command: truncate(command),
    });
  }
  return out;
}

export class PsSource implements ProcessSource {
  private commands = new Map<number, string>();

  snapshot(tag: string): ProcEntry[] {
    const res = spawnSync('ps', PS_ARGS, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const entries = parsePsOutput(res.stdout ?? '', tag);
    this.commands = new Map(entries.map((e) => [e.pid, e.command]));
    return entries;
  }

  commandLine(pid: number, fallback: string): string {
    return this.commands.get(pid) ?? `[${fallback}]`;
  }
}

// ---------------------------------------------------------------------------------------------
// Windows: no environment scan; the tree is killed with `taskkill /T`.
// ---------------------------------------------------------------------------------------------

/** PIDs that `taskkill /T` reports as terminated ("SUCCESS: The process with PID 1234 ..."). */
export function parseTaskkillOutput(text: string): number[] {
  const pids: number[] = [];
  for (const m of text.matchAll(/^SUCCESS:.*?PID (\d+)/gm)) pids.push(Number(m[1]));
  return pids;
}

export function taskkillTree(pid: number, force: boolean): number[] {
  const args = ['/PID', String(pid), '/T', ...(force ? ['/F'] : [])];
  const res = spawnSync('taskkill', args, { encoding: 'utf8', windowsHide: true });
  return parseTaskkillOutput(res.stdout ?? '');
}

// ---------------------------------------------------------------------------------------------
// Membership
// ---------------------------------------------------------------------------------------------

function truncate(text: string): string {
  return text.length > MAX_COMMAND ? `${text.slice(0, MAX_COMMAND - 1)}…` : text;
}

const DEAD_STATES = new Set(['Z', 'X', 'x']);

/**
 * The processes of one run. Holds only what a run needs to remember between sweeps (its root
 * and the groups and sessions its members led); one instance per run, no module state.
 */
export class RunProcesses {
  private readonly tag: string;
  private readonly roots = new Set<number>();
  private readonly groups = new Set<number>();
  private readonly sessions = new Set<number>();

  constructor(
    readonly runId: string,
    private readonly source: ProcessSource = defaultSource(),
    private readonly selfPid = process.pid,
    private readonly kill: (pid: number, signal: NodeJS.Signals) => void = (pid, signal) => process.kill(pid, signal),
  ) {
    this.tag = `${RUN_ID_ENV}=${runId}`;
  }

  /** The process we spawned: its descendants are members even if their environment is scrubbed. */
  addRoot(pid: number): void {
    this.roots.add(pid);
    // Spawned detached, the root leads its own group and session: remember them now, so that
    // an untagged tool left in them is found even if the root exits before the first scan.
    if (process.platform !== 'win32') {
      this.groups.add(pid);
      this.sessions.add(pid);
    }
  }

  /** Live members (zombies are dead and not listed). */
  scan(): ProcInfo[] {
    if (this.source instanceof WindowsTreeSource) return this.liveRoots();
    const table = this.source.snapshot(this.tag);
    const byPid = new Map<number, ProcEntry>();
    const children = new Map<number, ProcEntry[]>();
    const inGroup = new Map<number, ProcEntry[]>();
    const inSession = new Map<number, ProcEntry[]>();
    const index = (map: Map<number, ProcEntry[]>, key: number, e: ProcEntry) => {
      const list = map.get(key);
      if (list) list.push(e);
      else map.set(key, [e]);
    };
    for (const e of table) {
      byPid.set(e.pid, e);
      index(children, e.ppid, e);
      index(inGroup, e.pgid, e);
      if (e.sid > 0) index(inSession, e.sid, e);
    }
    const members = new Map<number, ProcEntry>();
    const queue: ProcEntry[] = [];
    const admit = (e: ProcEntry | undefined) => {
      if (!e || e.pid === this.selfPid || members.has(e.pid)) return;
      members.set(e.pid, e);
      queue.push(e);
    };
    for (const e of table) {
      if (e.tagged || this.groups.has(e.pgid) || (e.sid > 0 && this.sessions.has(e.sid))) admit(e);
    }
    for (const root of this.roots) admit(byPid.get(root));
    while (queue.length > 0) {
      const e = queue.pop() as ProcEntry;
      if (e.pgid === e.pid) this.groups.add(e.pid);
      if (e.sid === e.pid) this.sessions.add(e.pid);
      for (const child of children.get(e.pid) ?? []) admit(child);
      // The group or session this member leads may hold more members.
      for (const other of inGroup.get(e.pid) ?? []) admit(other);
      for (const other of inSession.get(e.pid) ?? []) admit(other);
    }
    const live: ProcInfo[] = [];
    for (const e of members.values()) {
      if (DEAD_STATES.has(e.state)) continue;
      live.push({ pid: e.pid, ppid: e.ppid, state: e.state, command: this.source.commandLine(e.pid, e.name) });
    }
    return live;
  }

  private liveRoots(): ProcInfo[] {
    const live: ProcInfo[] = [];
    for (const pid of this.roots) {
      try {
        this.kill(pid, 0 as unknown as NodeJS.Signals);
        live.push({ pid, ppid: this.selfPid, state: 'R', command: `[${pid}]` });
      } catch {
        // gone
      }
    }
    return live;
  }

  /**
   * Sends `signal` to each process; returns the faults (EPERM and the like). ESRCH means it
   * is already gone, which is what we wanted.
   */
  signal(procs: readonly ProcInfo[], signal: NodeJS.Signals): SignalFault[] {
    const faults: SignalFault[] = [];
    if (this.source instanceof WindowsTreeSource) {
      // taskkill without /F asks politely (WM_CLOSE); /F terminates.
      for (const p of procs) taskkillTree(p.pid, signal === 'SIGKILL');
      return faults;
    }
    for (const p of procs) {
      try {
        this.kill(p.pid, signal);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        if (code !== 'ESRCH') faults.push({ pid: p.pid, command: p.command, code });
      }
    }
    return faults;
  }
}

/**
 * Windows has neither /proc nor `ps e`: the run is the tree under the root, which only
 * `taskkill /T` walks. The snapshot lists the roots still alive; signalling one kills its tree.
 */
export class WindowsTreeSource implements ProcessSource {
  snapshot(): ProcEntry[] {
    return [];
  }

  commandLine(_pid: number, fallback: string): string {
    return `[${fallback}]`;
  }
}

export function defaultSource(platform: NodeJS.Platform = process.platform): ProcessSource {
  if (platform === 'linux') return new LinuxProcSource();
  if (platform === 'win32') return new WindowsTreeSource();
  return new PsSource();
}
