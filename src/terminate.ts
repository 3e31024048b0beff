/**
 * The termination sequence: EOF → eof-grace → SIGTERM to every process of the run →
 * term-grace → SIGKILL to every process still alive, each step skipped once nothing is left.
 *
 * Waiting on the direct child uses its exit event. The other processes of the run are not our
 * children and Node has no pidfd API, so once the child has exited, what is left is re-scanned
 * at a short interval, and only inside a grace period. "Nothing left" comes only from a scan
 * that is settled (see Membership.admit) and confirmed by a second one a few ms later.
 */
import type { ProcInfo, SignalFault, SignalOutcome } from './reaper.js';

export type Step = 'eof' | 'sigterm' | 'sigkill';

export interface EscalationTarget {
  /** Whether the direct child has exited. */
  childExited(): boolean;
  /** Resolves when the direct child exits. */
  readonly childExit: Promise<unknown>;
  /** Closes the child's input (pipe) or types Ctrl+U Ctrl+D (tty); false when there is none. */
  sendEof(): boolean;
  /** The live processes of the run. */
  scan(): Promise<ProcInfo[]>;
  /** Signals a step's targets; the target may hold some back (script(1), for SIGTERM). */
  signal(live: readonly ProcInfo[], signal: NodeJS.Signals): Promise<SignalOutcome>;
  /** Whether a process is the session's (the child's group; under tty the terminal's session). */
  inSession(p: ProcInfo): boolean;
}

export interface Graces {
  eofMs: number;
  termMs: number;
  /** How long SIGKILL may take before a survivor is reported as unkillable (D state). */
  killMs: number;
  /** Straight to SIGKILL: no EOF, no SIGTERM, no wait (a second cancel signal). */
  direct?: boolean;
}

export interface StepEvent {
  readonly step: Step;
  readonly at: number;
  /** How many processes it reached (1 for EOF). */
  readonly count: number;
  /** Whether it reached the session's processes (EOF: sent while the child was running). */
  readonly session: boolean;
  /** Whether the child was still running when it was sent. */
  readonly childRunning: boolean;
}

export interface EscalationResult {
  readonly steps: StepEvent[];
  readonly faults: SignalFault[];
  /** The last step that reached the session's processes (EOF: sent while the child lived). */
  readonly sessionStep: Step | undefined;
  /** Processes a signal reached and that died. */
  readonly killed: ProcInfo[];
  /** Still alive when the sequence gave up. */
  readonly survivors: ProcInfo[];
  /** When the last process of the run was seen gone (or the sequence gave up). */
  readonly endedAt: number;
}

/** Re-scan interval once the child has exited, inside a grace period. */
const POLL_MS = 25;
/** After SIGKILL: processes die within milliseconds. */
const KILL_POLL_MS = 5;
/** The second scan that confirms "nothing left". */
const CONFIRM_MS = 5;
/** The longest head start a pre-scan takes before a step is due. */
const MAX_LEAD_MS = 250;

/** How long SIGKILL may take before a survivor is reported (outside a cancel). */
export const KILL_WAIT_MS = 2000;

/**
 * The runner's cancel window: SIGINT to our PID, SIGTERM 7.5 s later, SIGKILL 2.5 s after
 * that. On the first signal the sequence is squeezed to EOF, 1 s, SIGTERM, 3 s, SIGKILL (with
 * 1 s for it to take), leaving time to report; on the second, straight to SIGKILL.
 */
export function cancelGraces(signalsReceived: number): Graces {
  return signalsReceived <= 1 ? { eofMs: 1000, termMs: 3000, killMs: 1000 } : { eofMs: 0, termMs: 0, killMs: 1000, direct: true };
}

export class Escalation {
  private readonly steps: StepEvent[] = [];
  private readonly faults: SignalFault[] = [];
  private readonly reached = new Map<string, ProcInfo>();
  private sessionStep: Step | undefined;
  private goneAt: number | undefined;
  /** How long the last scan took: the head start of a pre-scan. */
  private scanMs = 0;
  private wake: (() => void) | undefined;

  constructor(
    private readonly target: EscalationTarget,
    private graces: Graces,
    private readonly now: () => number,
    private readonly onStep: (event: StepEvent) => void = () => undefined,
  ) {}

  /** Shortens the remaining waits (cancellation); a wait in progress re-checks at once. */
  compress(limit: Graces): void {
    this.graces = {
      eofMs: Math.min(this.graces.eofMs, limit.eofMs),
      termMs: Math.min(this.graces.termMs, limit.termMs),
      killMs: Math.min(this.graces.killMs, limit.killMs),
      direct: this.graces.direct === true || limit.direct === true,
    };
    this.wake?.();
  }

  /** Runs the sequence from EOF (or from SIGTERM when `withEof` is false). */
  async run(withEof: boolean): Promise<EscalationResult> {
    if (withEof && !this.graces.direct && !this.target.childExited() && this.target.sendEof()) {
      this.sessionStep = 'eof';
      const at = this.record('eof', { count: 1, session: true, childRunning: true });
      await this.waitForChild(at, 'eofMs');
    }
    // term-grace runs from when SIGTERM was due, not from the end of the scan that finds its
    // targets (tens of ms with thousands of processes on the machine).
    const termDue = this.now();
    let live = await this.scanConfirmed();
    if (live.length > 0 && !this.graces.direct) {
      this.record('sigterm', await this.send(live, 'SIGTERM'));
      live = await this.graceThenScan(termDue, 'termMs');
    }
    if (live.length > 0) live = await this.killAll(live);
    const survivors = live.map((p) => key(p));
    return {
      steps: this.steps,
      faults: dedupeFaults(this.faults),
      sessionStep: this.sessionStep,
      killed: [...this.reached.entries()].filter(([k]) => !survivors.includes(k)).map(([, p]) => p),
      survivors: live,
      endedAt: live.length === 0 ? (this.goneAt ?? this.now()) : this.now(),
    };
  }

  /** SIGKILL everything, again and again until nothing is left: processes fork while we kill. */
  private async killAll(first: ProcInfo[]): Promise<ProcInfo[]> {
    const at = this.now();
    this.record('sigkill', await this.send(first, 'SIGKILL'));
    for (;;) {
      const remaining = at + this.graces.killMs - this.now();
      if (remaining <= 0) return this.scanForStep();
      if (!this.target.childExited()) await this.sleep(remaining, true);
      const live = await this.scanConfirmed();
      if (live.length === 0) return live;
      await this.send(live, 'SIGKILL');
      await this.sleep(KILL_POLL_MS, false);
    }
  }

  /** Signals `live`; how many it reached, and whether the session's processes were among them. */
  private async send(live: readonly ProcInfo[], signal: NodeJS.Signals): Promise<Sent> {
    const childRunning = !this.target.childExited();
    const { delivered, faults } = await this.target.signal(live, signal);
    this.faults.push(...faults);
    let session = false;
    for (const p of delivered) {
      // Keep the command line read while it could be: a dying process's reads `[name]`.
      const known = this.reached.get(key(p));
      if (!known || !/^\[.*\]$/.test(p.command)) this.reached.set(key(p), p);
      if (this.target.inSession(p)) session = true;
    }
    if (session) this.sessionStep = signal === 'SIGKILL' ? 'sigkill' : 'sigterm';
    return { count: delivered.length, session, childRunning };
  }

  private async scanForStep(): Promise<ProcInfo[]> {
    const t = this.now();
    const live = await this.target.scan();
    this.scanMs = this.now() - t;
    return live;
  }

  /** A scan; an empty one counts only when a second one, a few ms later, is empty too. */
  private async scanConfirmed(): Promise<ProcInfo[]> {
    const t = this.now();
    const live = await this.scanForStep();
    if (live.length > 0) return live;
    await this.sleep(CONFIRM_MS, false);
    const again = await this.scanForStep();
    if (again.length === 0) this.goneAt = t;
    return again;
  }

  private record(step: Step, sent: Sent): number {
    const event = { step, at: this.now(), ...sent };
    this.steps.push(event);
    this.onStep(event);
    return event.at;
  }

  /** Until the child has exited or the grace ends. */
  private async waitForChild(stepAt: number, grace: 'eofMs'): Promise<void> {
    for (;;) {
      const remaining = stepAt + this.graces[grace] - this.now();
      if (remaining <= 0 || this.graces.direct || this.target.childExited()) return;
      await this.sleep(remaining, true);
    }
  }

  /**
   * Waits out a grace: until nothing of the run is left, or the grace ends. Returns what is
   * alive at its end: the next step's targets. While the child lives there is nothing to poll;
   * the targets are then listed a scan's length before the grace ends, so that the next step
   * goes out on time on a machine with thousands of processes.
   */
  private async graceThenScan(stepAt: number, grace: 'termMs'): Promise<ProcInfo[]> {
    for (;;) {
      const due = stepAt + this.graces[grace];
      if (this.graces.direct) return this.scanForStep();
      const lead = Math.min(MAX_LEAD_MS, this.scanMs * 1.5 + 2);
      if (!this.target.childExited()) {
        const remaining = due - this.now();
        if (remaining > lead) {
          await this.sleep(remaining - lead, true);
          continue;
        }
        const live = await this.scanForStep();
        const left = due - this.now();
        if (left > 0) await this.sleep(left, true);
        if (this.target.childExited() || this.graces.direct) continue;
        return live;
      }
      const live = await this.scanConfirmed();
      if (live.length === 0 || this.now() >= due) return live;
      await this.sleep(Math.min(POLL_MS, due - this.now()), false);
    }
  }

  /** Sleeps `ms`, or less when the child exits (if asked) or the graces are compressed. */
  private sleep(ms: number, untilChildExit: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.wake = done;
      if (untilChildExit) void this.target.childExit.then(done);
    });
  }
}

type Sent = Pick<StepEvent, 'count' | 'session' | 'childRunning'>;

function key(p: ProcInfo): string {
  return `${p.pid}:${p.start ?? ''}`;
}

function dedupeFaults(faults: SignalFault[]): SignalFault[] {
  const seen = new Map<string, SignalFault>();
  for (const f of faults) seen.set(`${f.pid}:${f.code}`, f);
  return [...seen.values()];
}
