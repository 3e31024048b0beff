/**
 * One ticket session: spawn, watch, close out, reap. A small state machine:
 *
 *   running ──marker──▶ completing ──completion-grace──▶ closing
 *   running ──timeout / idle-timeout / cancel──────────▶ closing (EOF → SIGTERM → SIGKILL)
 *   any ──child exit──▶ exited ──leftovers swept──▶ reaped
 *
 * Completion is the child's `exit` event, never the end of its stdio: a grandchild may hold
 * the pipes open for ever. This module never touches @actions/core: it takes its inputs as
 * Settings and returns a RunResult.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUN_ID_ENV, type Status, TICKET_ENV, type Termination } from './constants.js';
import { formatDuration } from './duration.js';
import type { JobLog } from './fence.js';
import { SCRIPT_PLACEHOLDER, type Settings } from './inputs.js';
import { youngGenerationCollector } from './gc.js';
import { LogFile, MarkerScanner, Tail } from './output.js';
import { type ProcInfo, RunProcesses, type SignalFault } from './reaper.js';
import { LEADER_FILE, readTerminalExit, readTerminalLeader, STATUS_FILE, statusWrapperPath, terminalCommand, TTY_EOF } from './terminal.js';
import { createWorkDir, removeWorkDir } from './work-dir.js';
import { cancelGraces, Escalation, type EscalationResult, type Graces, KILL_WAIT_MS, type StepEvent } from './terminate.js';

export { shellQuote } from './terminal.js';

export type Phase = 'starting' | 'running' | 'completing' | 'closing' | 'exited' | 'reaped';
export type CloseReason = 'timeout' | 'idle' | 'marker' | 'cancel';

export type TimelineKind =
  | 'spawned'
  | 'first-output'
  | 'marker'
  | 'timeout'
  | 'idle'
  | 'cancel'
  | 'completion-grace-over'
  | 'eof'
  | 'sigterm'
  | 'sigkill'
  | 'exit'
  | 'last-process-gone';

export interface TimelineEvent {
  readonly kind: TimelineKind;
  /** Milliseconds since spawn. */
  readonly at: number;
  readonly detail?: string;
}

export interface RunResult {
  readonly status: Status;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Null when nothing ran (error before spawn). */
  readonly termination: Termination | null;
  readonly durationMs: number;
  readonly markerSeen: boolean;
  readonly reason: CloseReason | null;
  /** Processes of the run that outlived the child and had to be killed. */
  readonly orphans: readonly ProcInfo[];
  /** Processes of the run still alive when the action gave up (EPERM, D state). */
  readonly survivors: readonly ProcInfo[];
  readonly faults: readonly SignalFault[];
  readonly timeline: readonly TimelineEvent[];
  /** Empty when no log was created (nothing started). */
  readonly logFile: string;
  /** Bytes received from the child. */
  readonly logBytes: number;
  /** Bytes that reached the log file: fewer than logBytes after a write error. */
  readonly logWritten?: number;
  /** Why the log file stopped taking bytes (disk full); the session went on without it. */
  readonly logError?: string;
  readonly tail: Buffer;
  readonly childPid: number | undefined;
  /** Why the status is `error`. */
  readonly error?: string;
}

export interface SessionOptions {
  readonly settings: Settings;
  readonly runId: string;
  /** The job log (fenced by the caller). */
  readonly jobLog: JobLog;
  /** The action's environment; the child gets it, tagged, less the action's own variables. */
  readonly env?: NodeJS.ProcessEnv;
  readonly processes?: RunProcesses;
  readonly now?: () => number;
  /** The terminal's status wrapper (tty-status.ts), as built; default: the bundled one. */
  readonly ttyWrapper?: string;
  /** Told the child's pid and start time right after the spawn (main saves them for post). */
  readonly onRoot?: (pid: number, start: number) => void;
  /** Told the run's work directory once it exists (main saves it for post: see work-dir.ts). */
  readonly onWorkDir?: (dir: string) => void;
  /**
   * Told the remembered groups and sessions (RunProcesses.remembered) before each signal step
   * when they changed: main saves them for post, which may run after main was killed mid-step.
   */
  readonly onRemembered?: (remembered: string) => void;
}

/** Output between two young-generation collections (see gc.ts). */
const GC_EVERY_BYTES = 4 * 1024 * 1024;
/** Event-loop turns that may read what waits in the child's pipes when it exits (see readWaiting). */
const WAITING_READ_TURNS = 8;
/** How long to wait for the output pipes to drain once every process of the run is gone. */
const PIPE_DRAIN_MS = 500;
/** Variables that let a child write the step's outputs, state or environment. */
const FILE_COMMAND_VARS = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'];
/**
 * What the runner gives node actions but not `run:` steps (NodeScriptActionHandler vs
 * ScriptHandler): the job's runtime token (cache, artifacts). The OIDC request variables stay:
 * `run:` steps get them too, when the job grants `id-token: write`.
 */
const ACTION_ONLY_VARS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RUNTIME_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_URL', 'ACTIONS_CACHE_SERVICE_V2'];

export class Session {
  private phase: Phase = 'starting';
  private readonly settings: Settings;
  private readonly processes: RunProcesses;
  private readonly now: () => number;
  private readonly timeline: TimelineEvent[] = [];
  private readonly tail = new Tail();
  private readonly scanner: MarkerScanner | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private idleTimer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private child: ChildProcess | undefined;
  private log: LogFile | undefined;
  private scriptDir: string | undefined;
  private markerSeen = false;
  private markerBeforeClose = false;
  private reason: CloseReason | null = null;
  private cancelCount = 0;
  private escalation: Escalation | undefined;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null; at: number } | undefined;
  private readonly stepsSent: StepEvent[] = [];
  private stepsBeforeExit: StepEvent[] = [];
  /** Under `stdin: tty`: the session the shell leads inside the terminal. */
  private ttySid: number | undefined;
  /** What onRemembered was last told. */
  private lastRemembered = '';
  private firstOutput = false;
  private requestClose: ((reason: CloseReason) => void) | undefined;
  private exited: Promise<'exit'> | undefined;
  private paused = false;
  private sinceGc = 0;
  private collectYoung: (() => void) | undefined;

  constructor(private readonly options: SessionOptions) {
    this.settings = options.settings;
    this.processes = options.processes ?? new RunProcesses(options.runId);
    this.now = options.now ?? (() => performance.now());
    this.scanner = this.settings.completionMarker ? new MarkerScanner(this.settings.completionMarker) : undefined;
  }

  /**
   * Cancellation (the runner's SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after
   * that, to our PID only). The first call compresses the sequence to fit that window; the
   * second goes straight to SIGKILL.
   */
  cancel(): void {
    this.cancelCount += 1;
    if (this.phase === 'starting' || this.phase === 'reaped') return;
    this.mark('cancel', this.cancelCount > 1 ? 'again: SIGKILL now' : undefined);
    this.escalation?.compress(cancelGraces(this.cancelCount));
    // The reason stays what closed the session first; a cancel closes it only if nothing has.
    this.requestClose?.('cancel');
  }

  async run(): Promise<RunResult> {
    // Cancelled before anything started: start nothing.
    if (this.cancelCount > 0) return this.notStarted('the run was cancelled before the session started');
    let escalation: EscalationResult | undefined;
    try {
      this.prepare();
      const exited = this.spawnChild();
      this.exited = exited;
      const closing = new Promise<CloseReason>((resolve) => {
        this.requestClose = (reason) => {
          if (this.reason || this.exitInfo) return;
          this.reason = reason;
          resolve(reason);
        };
      });
      this.phase = 'running';
      this.startWatchers();
      const first = await Promise.race([exited, closing]);
      this.clearTimers();
      if (first !== 'exit') {
        this.phase = 'closing';
        this.note(this.closingNote(first));
      }
      escalation = await this.escalate(first !== 'exit');
      await exited;
      this.phase = 'reaped';
      await this.drainPipes();
    } catch (e) {
      return this.finish(escalation, (e as Error).message);
    }
    return this.finish(escalation);
  }

  // -------------------------------------------------------------------------------------------

  /** Everything that can fail before the child exists: the script file and the log. */
  private prepare(): void {
    this.scriptDir = createWorkDir();
    this.options.onWorkDir?.(this.scriptDir);
    fs.writeFileSync(path.join(this.scriptDir, 'ticket.sh'), `${this.settings.command}\n`, { mode: 0o600 });
    if (this.settings.tty && !fs.existsSync(this.ttyWrapper())) {
      throw new Error(`the terminal's status wrapper ${this.ttyWrapper()} is missing (npm run build makes it)`);
    }
    this.log = LogFile.open(this.settings.logFile);
  }

  private ttyWrapper(): string {
    return this.options.ttyWrapper ?? statusWrapperPath();
  }

  private childEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...(this.options.env ?? process.env) };
    // The action's own inputs, state and runtime token are not the command's business: a
    // `run:` step does not see them.
    for (const name of Object.keys(env)) if (name.startsWith('INPUT_') || name.startsWith('STATE_')) delete env[name];
    for (const name of ACTION_ONLY_VARS) delete env[name];
    if (!this.settings.allowWorkflowCommands) for (const name of FILE_COMMAND_VARS) delete env[name];
    env[TICKET_ENV] = this.settings.ticket;
    env[RUN_ID_ENV] = this.options.runId;
    return env;
  }

  /** The argv and environment that run the script, under a pseudo-terminal for `tty` (terminal.ts). */
  private commandLine(): { file: string; args: string[]; env: NodeJS.ProcessEnv } {
    const script = path.join(this.scriptDir as string, 'ticket.sh');
    const { shell, tty } = this.settings;
    const args = shell.args.map((a) => a.replaceAll(SCRIPT_PLACEHOLDER, script));
    const env = this.childEnv();
    if (!tty) return { file: shell.file, args, env };
    return terminalCommand({
      tty,
      program: { file: shell.file, args },
      statusFile: this.statusFile(),
      leaderFile: this.leaderFile(),
      wrapper: this.ttyWrapper(),
      env,
    });
  }

  private spawnChild(): Promise<'exit'> {
    const { file, args, env } = this.commandLine();
    const stdinMode = this.settings.stdin === 'closed' ? 'ignore' : 'pipe';
    this.startedAt = this.now();
    let child: ChildProcess;
    try {
      child = spawn(file, args, {
        cwd: this.settings.workingDirectory,
        env,
        // `detached` makes the child a session and group leader of its own: the runner's
        // signals to our PID do not reach it, and its group can be told apart from ours.
        detached: process.platform !== 'win32',
        stdio: [stdinMode, 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (e) {
      throw new Error(`could not start ${file}: ${(e as Error).message}`, { cause: e });
    }
    this.child = child;
    return new Promise<'exit'>((resolve, reject) => {
      child.once('error', (e) => {
        if (this.exitInfo) return;
        if (child.pid === undefined) reject(new Error(`could not start ${file}: ${e.message}`));
      });
      child.once('exit', (code, signal) => {
        this.stepsBeforeExit = [...this.stepsSent];
        const exit = { ...this.interpretExit(code, signal), at: this.now() };
        this.exitInfo = exit;
        this.mark('exit', exit.signal ?? `code ${exit.code}`, exit.at);
        // What the child wrote before it exited may still wait in its pipes: it is the
        // session's output (a marker printed just before the exit counts). What comes after
        // is a leftover's, during the sweep: logged, not scanned for the marker.
        void this.readWaiting().then(() => {
          this.phase = 'exited';
          resolve('exit');
        });
      });
      if (child.pid !== undefined) this.onSpawned(child);
    });
  }

  /** Under a pty, how the shell ended is what the status wrapper recorded (terminal.ts). */
  private interpretExit(code: number | null, signal: NodeJS.Signals | null): { code: number | null; signal: NodeJS.Signals | null } {
    if (!this.settings.tty) return { code, signal };
    return readTerminalExit(this.statusFile(), code, signal, (name) => this.stepsBeforeExit.some((s) => s.step.toUpperCase() === name));
  }

  private statusFile(): string {
    return path.join(this.scriptDir as string, STATUS_FILE);
  }

  private leaderFile(): string {
    return path.join(this.scriptDir as string, LEADER_FILE);
  }

  private onSpawned(child: ChildProcess): void {
    const pid = child.pid as number;
    this.processes.addRoot(pid);
    this.options.onRoot?.(pid, this.processes.rootStart(pid));
    this.mark('spawned', `pid ${pid}`);
    if (child.stdin) {
      // EPIPE when the child does not read: not our failure.
      child.stdin.on('error', () => undefined);
      if (this.settings.input) child.stdin.write(this.settings.input);
    }
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => this.onOutput(chunk));
    }
  }

  private onOutput(chunk: Buffer): void {
    if (!this.firstOutput) {
      this.firstOutput = true;
      this.mark('first-output');
    }
    this.tail.push(chunk);
    this.sinceGc += chunk.length;
    if (this.sinceGc >= GC_EVERY_BYTES) {
      this.sinceGc = 0;
      this.collectYoung ??= youngGenerationCollector();
      this.collectYoung();
    }
    (this.log as LogFile).write(chunk);
    const liveOk = this.options.jobLog.write(chunk);
    this.idleTimer?.refresh();
    if (this.scanner && !this.markerSeen && this.phase !== 'exited' && this.phase !== 'reaped' && this.scanner.push(chunk)) this.onMarker();
    if (!liveOk && !this.paused) this.pause();
  }

  /**
   * Lets the event loop read what already waits in the child's pipes: two quiet turns, so that
   * one whole poll phase runs after the exit was seen (the exit may be reaped on another
   * child's SIGCHLD, after the poll that saw it), and more while bytes keep arriving, at most
   * WAITING_READ_TURNS (a leftover may write on and on).
   */
  private async readWaiting(): Promise<void> {
    let quiet = 0;
    for (let turn = 0; turn < WAITING_READ_TURNS && quiet < 2; turn++) {
      const before = this.log?.bytes ?? 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
      quiet = (this.log?.bytes ?? 0) === before ? quiet + 1 : 0;
    }
  }

  /** Backpressure: a slow job log pauses the child's pipes instead of buffering its output. */
  private pause(): void {
    this.paused = true;
    this.child?.stdout?.pause();
    this.child?.stderr?.pause();
    this.options.jobLog.once('drain', () => {
      this.paused = false;
      this.child?.stdout?.resume();
      this.child?.stderr?.resume();
    });
  }

  private startWatchers(): void {
    const { timeoutMs, idleTimeoutMs } = this.settings;
    // From spawn, as duration-ms counts.
    if (timeoutMs > 0) this.after(Math.max(0, timeoutMs - (this.now() - this.startedAt)), () => this.close('timeout'));
    if (idleTimeoutMs > 0) this.idleTimer = this.after(idleTimeoutMs, () => this.close('idle'));
  }

  private onMarker(): void {
    this.markerSeen = true;
    this.mark('marker');
    // Seen after timeout, idle-timeout or a cancel had started the close-out: reported as
    // marker-seen, but the status stays what closed the session ("ran out before the marker").
    if (this.phase !== 'running' || this.reason) return;
    this.markerBeforeClose = true;
    this.phase = 'completing';
    // idle-timeout is for a session that stalls before its marker; `timeout` still bounds the step.
    this.stopIdleTimer();
    const grace = this.cancelCount > 0 ? 0 : this.settings.completionGraceMs;
    this.note(`completion marker seen; the session has ${formatDuration(grace)} to exit by itself`);
    this.after(grace, () => {
      this.mark('completion-grace-over');
      this.close('marker');
    });
  }

  private close(reason: CloseReason): void {
    if (reason === 'timeout' || reason === 'idle') this.mark(reason);
    this.requestClose?.(reason);
  }

  private after(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private stopIdleTimer(): void {
    if (!this.idleTimer) return;
    clearTimeout(this.idleTimer);
    this.timers.delete(this.idleTimer);
    this.idleTimer = undefined;
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.idleTimer = undefined;
  }

  private async escalate(withEof: boolean): Promise<EscalationResult> {
    // Under a pty our child is script(1), which holds the terminal.
    const ptyHolder = this.settings.tty ? this.child?.pid : undefined;
    const graces: Graces = { eofMs: this.settings.eofGraceMs, termMs: this.settings.termGraceMs, killMs: KILL_WAIT_MS };
    const escalation = new Escalation(
      {
        // A zombie whose exit event is still on its way has exited too: a step sent now would
        // not be what ended it.
        childExited: () => this.exitInfo !== undefined || this.processes.exited(this.child?.pid as number),
        childExit: this.exited as Promise<'exit'>,
        sendEof: () => this.sendEof(),
        scan: async () => {
          // Under a pty the terminal's session is led by the shell's wrapper, script's child,
          // which may be gone before the first scan, leaving untagged processes in its session.
          if (ptyHolder !== undefined && this.ttySid === undefined) {
            const leader = readTerminalLeader(this.leaderFile());
            if (leader) {
              this.processes.addLeader(leader.pid, leader.start);
              this.ttySid = leader.pid;
            }
          }
          return this.processes.scan();
        },
        signal: (live, signal) => {
          this.shareRemembered();
          // SIGTERM to script(1) makes it exit 0 about 2 s later whatever its child did:
          // signal the session's processes directly, and script only with SIGKILL.
          const targets = signal === 'SIGTERM' ? live.filter((p) => p.pid !== ptyHolder) : live;
          return this.processes.signal(targets, signal);
        },
        inSession: (p) => this.inSession(p),
      },
      graces,
      this.now,
      (event) => {
        this.stepsSent.push(event);
        const to = `to ${event.count} process${event.count === 1 ? '' : 'es'}`;
        this.mark(event.step, event.step === 'eof' ? undefined : to);
        this.note(event.step === 'eof' ? 'EOF sent' : `${event.step.toUpperCase()} ${to} sent`);
      },
    );
    this.escalation = escalation;
    if (this.cancelCount > 0) escalation.compress(cancelGraces(this.cancelCount));
    const result = await escalation.run(withEof);
    // The child's exit comes first in the timeline (unless it survived SIGKILL); the last
    // process was gone when the scan that found nothing began, not when it ended.
    if (!result.survivors.some((p) => p.pid === this.child?.pid)) await this.exited;
    const endedAt = Math.max(result.endedAt, this.exitInfo?.at ?? -Infinity);
    const detail = result.survivors.length ? `${result.survivors.length} survivor(s)` : undefined;
    // Not before an entry already there: a cancel, or a marker read from the pipes as the child
    // exited, is noted when node sees it, which may be after the scan that found nothing began.
    const at = Math.max(0, Math.round(endedAt - this.startedAt), ...this.timeline.map((e) => e.at));
    this.timeline.push({ kind: 'last-process-gone', at, detail });
    return { ...result, endedAt };
  }

  private shareRemembered(): void {
    const remembered = this.processes.remembered();
    if (remembered === this.lastRemembered) return;
    this.lastRemembered = remembered;
    this.options.onRemembered?.(remembered);
  }

  /** The session: the child and its process group; under `stdin: tty` also the terminal's session. */
  private inSession(p: ProcInfo): boolean {
    const root = this.child?.pid;
    return p.pid === root || (p.pgid !== undefined && p.pgid === root) || (this.ttySid !== undefined && p.sid === this.ttySid);
  }

  private sendEof(): boolean {
    const stdin = this.child?.stdin;
    if (!stdin || stdin.destroyed) return false;
    if (this.settings.tty) stdin.write(TTY_EOF);
    else stdin.end();
    return true;
  }

  /** The pipes close once every writer is dead; a writer we could not kill must not hold us. */
  private async drainPipes(): Promise<void> {
    const child = this.child as ChildProcess;
    const streams = [child.stdout, child.stderr].filter((s) => s && !s.closed);
    if (streams.length > 0) {
      await new Promise<void>((resolve) => {
        let open = streams.length;
        const timer = setTimeout(resolve, PIPE_DRAIN_MS);
        for (const s of streams) {
          s?.once('close', () => {
            open -= 1;
            if (open === 0) {
              clearTimeout(timer);
              resolve();
            }
          });
        }
      });
    }
    this.paused = false;
    for (const s of [child.stdin, child.stdout, child.stderr]) s?.destroy();
  }

  private finish(escalation: EscalationResult | undefined, error?: string): RunResult {
    this.clearTimers();
    const endedAt = escalation?.endedAt ?? this.exitInfo?.at ?? this.now();
    if (this.scriptDir) removeWorkDir(this.scriptDir);
    const exit = this.exitInfo;
    const exitCode = exit?.code ?? null;
    const signal = exit?.signal ?? null;
    // The child ended by itself when it exited before any step was sent while it ran.
    const byItself = exit !== undefined && !this.stepsBeforeExit.some((s) => s.childRunning);
    const termination: Termination | null =
      this.child?.pid === undefined ? null : byItself ? 'natural' : (escalation?.sessionStep ?? this.stepsBeforeExit.at(-1)?.step ?? null);
    const survivors = escalation?.survivors ?? [];
    let status: Status;
    let why = error;
    if (error !== undefined || this.child?.pid === undefined) status = 'error';
    else if (survivors.length > 0) {
      // The step promises that nothing of the run outlives it: a survivor (EPERM, D state)
      // breaks that promise whatever the session did, and a person must look.
      status = 'error';
      why = `${survivors.length} process(es) of the run could not be stopped (${exit ? 'the session exited, a leftover did not' : 'the session itself survived SIGKILL'}): ${survivors
        .slice(0, 3)
        .map((p) => `${p.pid} ${p.command}`)
        .join(', ')}`;
    } else if (this.markerBeforeClose) status = 'completed';
    else if (this.reason === 'cancel') status = 'cancelled';
    // A child that exited before any step reached it ended by itself, even if a timeout fired
    // in the same instant: its own exit says how it went.
    else if ((this.reason === 'timeout' || this.reason === 'idle') && !byItself) status = 'timeout';
    else if (signal) status = 'terminated';
    else status = exitCode === 0 ? 'completed' : 'failed';
    // Orphans: what had to be killed and was not the session's; after the session ended by
    // itself, everything that had to be killed.
    const orphans = (escalation?.killed ?? []).filter((p) => byItself || !this.inSession(p));
    const childPid = this.child?.pid;
    return {
      status,
      exitCode: status === 'error' && !exit ? null : exitCode,
      signal,
      termination,
      durationMs: this.child?.pid !== undefined ? Math.max(0, Math.round(endedAt - this.startedAt)) : 0,
      markerSeen: this.markerSeen,
      reason: this.reason,
      orphans,
      survivors,
      faults: escalation?.faults ?? [],
      timeline: this.timeline,
      logFile: this.log ? this.settings.logFile : '',
      logBytes: this.log?.bytes ?? 0,
      logWritten: this.log?.written ?? 0,
      logError: this.log?.error?.message,
      tail: this.tail.bytes(),
      childPid,
      error: why,
    };
  }

  /** A run that started nothing: no process, no log. */
  private notStarted(why: string): RunResult {
    return {
      status: 'cancelled',
      exitCode: null,
      signal: null,
      termination: null,
      durationMs: 0,
      markerSeen: false,
      reason: 'cancel',
      orphans: [],
      survivors: [],
      faults: [],
      timeline: [],
      logFile: '',
      logBytes: 0,
      logWritten: 0,
      tail: Buffer.alloc(0),
      childPid: undefined,
      error: why,
    };
  }

  /** Closes the log (flushing it); call after run(). */
  async closeLog(): Promise<void> {
    await this.log?.close();
  }

  private closingNote(reason: CloseReason): string {
    const s = this.settings;
    switch (reason) {
      case 'timeout':
        if (this.markerBeforeClose) return `timeout (${formatDuration(s.timeoutMs)}) reached during completion-grace: closing the session`;
        return `timeout (${formatDuration(s.timeoutMs)}) reached: closing the session`;
      case 'idle':
        return `no output for ${formatDuration(s.idleTimeoutMs)} (idle-timeout): closing the session`;
      case 'marker':
        return `the session did not exit within ${formatDuration(s.completionGraceMs)} of its completion marker: closing it`;
      case 'cancel':
        if (this.markerBeforeClose) return 'the run was cancelled during completion-grace: closing the session';
        return 'the run was cancelled: closing the session';
    }
  }

  private mark(kind: TimelineKind, detail?: string, at = this.now()): void {
    this.timeline.push({ kind, at: Math.max(0, Math.round(at - this.startedAt)), detail });
  }

  private note(text: string): void {
    this.options.jobLog.line(`[ralph-dispatch] ${text}`);
  }
}
