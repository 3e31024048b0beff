/** What the platforms with a process table (Linux, macOS) share: the stable scan, and kill(2). */
import { DEAD_STATES, type ProcInfo, type RunView, type SignalFault, type SignalOutcome, type Snapshot } from './types.js';

/**
 * Re-reads of the table allowed for one scan when it is not settled. A re-read lists the
 * directory again and reads only the pids that are new since the last listing (the children a
 * dying process may have forked): a millisecond or two, whatever the size of the table.
 */
const MAX_REREADS = 8;

/**
 * The live members, from a table that is settled (see Membership.admit): a member that forks
 * and exits while the table is read cannot hide its child from any step.
 */
export async function postAdmitted(
  run: RunView,
  read: (since: Snapshot | undefined) => Snapshot | Promise<Snapshot>,
  commandLine: (pid: number, fallback: string) => string,
): Promise<ProcInfo[]> {
  let last: Snapshot | undefined;
  for (let reread = 0; ; reread++) {
    last = await read(last);
    const { members, settled } = run.admit(last);
    if (settled || reread >= MAX_REREADS) {
      const live: ProcInfo[] = [];
      for (const e of members) {
        if (DEAD_STATES.has(e.state)) continue;
        live.push({ pid: e.pid, ppid: e.ppid, pgid: e.pgid, sid: e.sid, start: e.start, state: e.state, command: commandLine(e.pid, e.name) });
      }
      return live;
    }
  }
}

/**
 * kill(2) to each process that still holds its pid (same start time). ESRCH means it is
 * already gone, which is what we wanted; EPERM and the like are faults, never thrown.
 */
export function posixSignal(
  procs: readonly ProcInfo[],
  signal: NodeJS.Signals,
  kill: (pid: number, signal: NodeJS.Signals) => void,
  stillHeld: (p: ProcInfo) => boolean,
): SignalOutcome {
  const delivered: ProcInfo[] = [];
  const faults: SignalFault[] = [];
  for (const p of procs) {
    if (!stillHeld(p)) continue;
    try {
      kill(p.pid, signal);
      delivered.push(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      if (code !== 'ESRCH') faults.push({ pid: p.pid, command: p.command, code });
    }
  }
  return { delivered, faults };
}
