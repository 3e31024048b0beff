/**
 * Finding every process of a run, and signalling them. Each platform answers for itself behind
 * ProcessSource (src/reaper/: Linux /proc, macOS `ps eww`, Windows tree-kill); who is a member
 * is decided in src/reaper/membership.ts.
 *
 * Process groups and tree-kill miss processes that called setsid() and were reparented to
 * init, so membership is the union of the run's environment tag, descendants of members, and
 * the groups and sessions members led; every member started after the action, and every
 * remembered id counts only while the same process (pid and start time) holds it.
 *
 * Faults never throw: a /proc entry that vanishes mid-read triggers a re-read, EPERM is reported.
 */
import { RUN_ID_ENV } from './constants.js';
import { GONE_LEADER, Membership } from './reaper/membership.js';
import { LinuxProcSource } from './reaper/linux.js';
import { PsSource } from './reaper/ps.js';
import { type ProcessSource, type ProcInfo, sameStart, type SignalOutcome } from './reaper/types.js';
import { WindowsTreeSource } from './reaper/windows.js';

export type { ProcEntry, ProcessSource, ProcInfo, RunView, SignalFault, SignalOutcome, Snapshot } from './reaper/types.js';
export { environHasTag, LinuxProcSource, parseProcStat, procStartTicks, selfStartTicks } from './reaper/linux.js';
export { GONE_LEADER, Membership } from './reaper/membership.js';
export { parsePsOutput, PS_ARGS, PsSource } from './reaper/ps.js';
export { WindowsTreeSource } from './reaper/windows.js';

export interface RunProcessesOptions {
  readonly source?: ProcessSource;
  readonly selfPid?: number;
  /**
   * A member started at or after this (the source's unit). Default: this process's own start
   * (the main step); the post step passes main's, saved in its state.
   */
  readonly notBefore?: number;
}

/** The processes of one run. One instance per run, no module state. */
export class RunProcesses {
  private readonly source: ProcessSource;
  private readonly membership: Membership;

  constructor(
    readonly runId: string,
    options: RunProcessesOptions = {},
  ) {
    this.source = options.source ?? defaultSource();
    const notBefore = options.notBefore ?? this.source.selfStart();
    this.membership = new Membership(`${RUN_ID_ENV}=${runId}`, notBefore, options.selfPid ?? process.pid);
  }

  /**
   * The process we spawned: its descendants are members even if their environment is
   * scrubbed. Spawned detached (not on Windows), it leads its own group and session: they are
   * remembered now, so that an untagged tool left in them is found even if the root exits
   * before the first scan. Call it right after spawn, while the pid is surely the child's, or
   * with the start time read then (the post step, from main's state).
   */
  addRoot(pid: number, start = this.source.startOf(pid)): void {
    this.membership.addRoot(pid, start, process.platform !== 'win32');
  }

  /**
   * A process of the run that leads a group and session of its own and may be gone already
   * (the terminal's session leader under `stdin: tty`), as it recorded itself: remembered if
   * it is gone, or still the process with that start; not if its pid is another's by now.
   */
  addLeader(pid: number, recordedStart: number): void {
    const now = this.source.startOf(pid);
    if (Number.isNaN(now)) this.membership.addLeader(pid, GONE_LEADER);
    else if (sameStart(recordedStart, now)) this.membership.addLeader(pid, now);
  }

  /** The groups and sessions remembered so far, as text for the post step (Membership.remembered). */
  remembered(): string {
    return this.membership.remembered();
  }

  /** What remembered() gave in the main step. */
  restore(remembered: string): void {
    this.membership.restore(remembered);
  }

  /** When the root started (the source's unit), NaN when unknown. */
  rootStart(pid: number): number {
    return this.membership.roots().get(pid) ?? NaN;
  }

  /** Whether the process `pid` has exited (a zombie counts); false when the platform cannot say. */
  exited(pid: number): boolean {
    return this.source.exited(pid);
  }

  /** Live members (zombies are dead and not listed), from a settled read of the table. */
  scan(): Promise<ProcInfo[]> {
    return this.source.scan(this.membership);
  }

  /** Sends `signal` to each process still holding its pid; the ones it reached, and the faults. */
  signal(procs: readonly ProcInfo[], signal: NodeJS.Signals): Promise<SignalOutcome> {
    return this.source.signal(procs, signal);
  }
}

export function defaultSource(platform: NodeJS.Platform = process.platform): ProcessSource {
  if (platform === 'linux') return new LinuxProcSource();
  if (platform === 'win32') return new WindowsTreeSource();
  return new PsSource();
}

/** This process's start in the default source's unit: main saves it for post (see post.ts). */
export function selfStart(): number {
  return defaultSource().selfStart();
}
