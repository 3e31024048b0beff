/** What a platform can tell about processes, and what the reaper reports about them. */

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
  /**
   * When it started, in the source's own unit (Linux: clock ticks since boot); NaN when
   * unknown. With the pid, it names one process: a pid alone may be reused.
   */
  readonly start: number;
}

/** One read of the process table. */
export interface Snapshot {
  readonly entries: readonly ProcEntry[];
  /** Listed pids whose process was gone before it could be read (it may have forked first). */
  readonly vanished: readonly number[];
  /** Every pid the listing held (read or not), where a re-read can start from it. */
  readonly listed?: ReadonlySet<number>;
}

export interface ProcInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly state: string;
  readonly command: string;
  readonly pgid?: number;
  readonly sid?: number;
  /** As ProcEntry.start: signals go only to the process that still holds this pid. */
  readonly start?: number;
}

export interface SignalFault {
  readonly pid: number;
  readonly command: string;
  readonly code: string;
}

export interface SignalOutcome {
  /** The processes the signal reached (not those already gone, not those that refused it). */
  readonly delivered: ProcInfo[];
  readonly faults: SignalFault[];
}

/** What the reaper remembers about a run, as a source needs it to answer. */
export interface RunView {
  readonly tag: string;
  /** A member started at or after this (ProcEntry.start unit); NaN: no age filter. */
  readonly notBefore: number;
  /** The live members in one snapshot, and whether the snapshot can be trusted (see Membership). */
  admit(snapshot: Snapshot): { members: ProcEntry[]; settled: boolean };
  /** The remembered roots (pid → start), for a platform that can only walk trees. */
  roots(): ReadonlyMap<number, number>;
}

/** One platform: finds the run's processes and signals them. */
export interface ProcessSource {
  /** The live processes of the run. */
  scan(run: RunView): Promise<ProcInfo[]>;
  /** Sends `signal` to each process (only while it is still the process that was listed). */
  signal(procs: readonly ProcInfo[], signal: NodeJS.Signals): Promise<SignalOutcome>;
  /** When `pid` started (NaN when unknown or gone). */
  startOf(pid: number): number;
  /** When this process started, in the same unit. */
  selfStart(): number;
  /** Whether `pid` is known to have exited (a zombie not yet reaped counts); false when unknown. */
  exited(pid: number): boolean;
}

export const MAX_COMMAND = 200;

export function truncate(text: string): string {
  return text.length > MAX_COMMAND ? `${text.slice(0, MAX_COMMAND - 1)}…` : text;
}

/** Whether two start times can be the same process (unknown matches anything). */
export function sameStart(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || a === b;
}

export const DEAD_STATES = new Set(['Z', 'X', 'x']);
