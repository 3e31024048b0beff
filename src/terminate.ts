/**
 * The termination sequence: EOF → eof-grace → SIGTERM to every process of the run →
 * term-grace → SIGKILL to every process still alive, each step skipped once nothing is left.
 *
 * Waiting on the direct child uses its exit event. The other processes of the run are not our
 * children and Node has no pidfd API, so once the child has exited, what is left is re-scanned
 * at a short interval, and only inside a grace period.
 */
import type { ProcInfo, SignalFault } from './reaper.js';

export type Step = 'eof' | 'sigterm' | 'sigkill';

export interface EscalationTarget {
  /** Whether the direct child has exited. */
  childExited(): boolean;
  /** Resolves when the direct child exits. */
  readonly childExit: Promise<unknown>;
  /** Closes the child's input (pipe) or types Ctrl+U Ctrl+D (tty); false when there is none. */
  sendEof(): boolean;
  /** The live processes of the run. */
  scan(): ProcInfo[];
  /**
   * Signals a step's targets; the target may hold some back (script(1), for SIGTERM). Returns
   * how many it signalled, and the faults.
   */
  signal(live: readonly ProcInfo[], signal: NodeJS.Signals): { sent: number; faults: SignalFault[] };
}

export interface Graces {
  eofMs: number;
  termMs: number;
  /** How long SIGKILL may take before a survivor is reported as unkillable (D state). */
  killMs: number;
}

export interface StepEvent {
  readonly step: Step;
  readonly at: number;
  /** How many processes it was sent to (1 for EOF). */
  readonly count: number;
}

export interface EscalationResult {
  readonly steps: StepEvent[];
  readonly faults: SignalFault[];
  /** Processes of the run signalled after the child had exited: its leftovers. */
  readonly leftovers: ProcInfo[];
  /** Still alive when the sequence gave up. */
  readonly survivors: ProcInfo[];
  /** When the last process of the run was seen gone (or the sequence gave up). */
  readonly endedAt: number;
}

const POLL_MS = 25;

/** How long SIGKILL may take before a survivor is reported (outside a cancel). */
export const KILL_WAIT_MS = 2000;

/**
 * The runner's cancel window: SIGINT to our PID, SIGTERM 7.5 s later, SIGKILL 2.5 s after
 * that. On the first signal the sequence is squeezed to EOF, 1 s, SIGTERM, 3 s, SIGKILL (with
 * 1 s for it to take), leaving time to report; on the second, straight to SIGKILL.
 */
export function cancelGraces(signalsReceived: number): Graces {
  return signalsReceived <= 1 ? { eofMs: 1000, termMs: 3000, killMs: 1000 } : { eofMs: 0, termMs: 0, killMs: 1000 };
}

export class Escalation {
  private readonly steps: StepEvent[] = [];
  private readonly faults: SignalFault[] = [];
  private readonly leftovers = new Map<number, ProcInfo>();
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
    };
    this.wake?.();
  }

  /** Runs the sequence from EOF (or from SIGTERM when `withEof` is false). */
  async run(withEof: boolean): Promise<EscalationResult> {
    if (withEof && !this.target.childExited() && this.target.sendEof()) {
      const at = this.record('eof', 1);
      await this.waitUntil(at, 'eofMs', false);
    }
    // term-grace runs from when SIGTERM was due, not from the end of the scan that finds its
    // targets (tens of ms with thousands of processes on the machine).
    const termDue = this.now();
    let live = this.scanForStep();
    if (live.length > 0) {
      this.record('sigterm', this.send(live, 'SIGTERM'));
      await this.waitUntil(termDue, 'termMs', true);
      live = this.scanForStep();
    }
    if (live.length > 0) {
      live = await this.killAll(live);
    }
    return {
      steps: this.steps,
      faults: dedupeFaults(this.faults),
      leftovers: [...this.leftovers.values()],
      survivors: live,
      endedAt: this.now(),
    };
  }

  /** SIGKILL everything, again and again until nothing is left: processes fork while we kill. */
  private async killAll(first: ProcInfo[]): Promise<ProcInfo[]> {
    const at = this.now();
    this.record('sigkill', this.send(first, 'SIGKILL'));
    let live = first;
    for (let again = false; ; again = true) {
      if (again) this.send(live, 'SIGKILL');
      const remaining = at + this.graces.killMs - this.now();
      if (remaining <= 0) break;
      await this.sleep(this.target.childExited() ? Math.min(POLL_MS, remaining) : remaining, !this.target.childExited());
      live = this.scanForStep();
      if (live.length === 0) return live;
    }
    return this.scanForStep();
  }

  private send(live: readonly ProcInfo[], signal: NodeJS.Signals): number {
    const { sent, faults } = this.target.signal(live, signal);
    this.faults.push(...faults);
    return sent;
  }

  private scanForStep(): ProcInfo[] {
    const live = this.target.scan();
    if (this.target.childExited()) for (const p of live) this.leftovers.set(p.pid, p);
    return live;
  }

  private record(step: Step, count: number): number {
    const event = { step, at: this.now(), count };
    this.steps.push(event);
    this.onStep(event);
    return event.at;
  }

  /** Until the child has exited (and, with `all`, nothing of the run is left) or the grace ends. */
  private async waitUntil(stepAt: number, grace: keyof Graces, all: boolean): Promise<void> {
    for (;;) {
      const remaining = stepAt + this.graces[grace] - this.now();
      if (remaining <= 0) return;
      if (!this.target.childExited()) {
        await this.sleep(remaining, true);
        continue;
      }
      if (!all || this.target.scan().length === 0) return;
      await this.sleep(Math.min(POLL_MS, remaining), false);
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
      const timer = setTimeout(done, ms);
      this.wake = done;
      if (untilChildExit) void this.target.childExit.then(done);
    });
  }
}

function dedupeFaults(faults: SignalFault[]): SignalFault[] {
  const seen = new Map<string, SignalFault>();
  for (const f of faults) seen.set(`${f.pid}:${f.code}`, f);
  return [...seen.values()];
}
