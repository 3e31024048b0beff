/**
 * Windows has neither /proc nor `ps e`: the run is the tree under the root, which tree-kill
 * ends with `taskkill /T /F`. A scan lists the roots still alive.
 */
import treeKill from 'tree-kill';
import type { ProcessSource, ProcInfo, RunView, SignalFault, SignalOutcome } from './types.js';

export class WindowsTreeSource implements ProcessSource {
  constructor(private readonly alive: (pid: number) => boolean = probe) {}

  async scan(run: RunView): Promise<ProcInfo[]> {
    const live: ProcInfo[] = [];
    for (const pid of run.roots().keys()) if (this.alive(pid)) live.push({ pid, ppid: process.pid, state: 'R', command: `[${pid}]` });
    return live;
  }

  /** Every signal ends the tree: Windows has no SIGTERM to ask politely with. */
  async signal(procs: readonly ProcInfo[]): Promise<SignalOutcome> {
    const delivered: ProcInfo[] = [];
    const faults: SignalFault[] = [];
    for (const p of procs) {
      const err = await new Promise<Error | undefined>((resolve) => treeKill(p.pid, 'SIGKILL', (e) => resolve(e ?? undefined)));
      if (!err) delivered.push(p);
      else faults.push({ pid: p.pid, command: p.command, code: (err as NodeJS.ErrnoException).code ?? err.message.split('\n')[0] });
    }
    return { delivered, faults };
  }

  startOf(): number {
    return NaN;
  }

  selfStart(): number {
    return NaN;
  }

  exited(pid: number): boolean {
    return !this.alive(pid);
  }
}

function probe(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
