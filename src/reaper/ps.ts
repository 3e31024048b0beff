/**
 * macOS (and any POSIX system without /proc): `ps eww` lists every process with its
 * environment appended to the command, which is where the run's tag shows. Signals go to each
 * member and, through tree-kill, to its descendants (tree-kill walks `pgrep -P`).
 */
import { getExecOutput } from '@actions/exec';
import treeKill from 'tree-kill';
import { postAdmitted } from './posix.js';
import { type ProcEntry, type ProcessSource, type ProcInfo, type RunView, type SignalFault, type SignalOutcome, truncate } from './types.js';

/** lstart is a fixed-width local date (`Tue Dec  1 08:25:50 2026`): identity to the second. */
export const PS_ARGS = ['-axeww', '-o', 'pid=,ppid=,pgid=,stat=,lstart=,command='];

/** Parses `ps -axeww -o pid=,ppid=,pgid=,stat=,lstart=,command=`: the environment follows the command. */
export function parsePsOutput(text: string, tag: string): (ProcEntry & { command: string })[] {
  const out: (ProcEntry & { command: string })[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})\s+(.*)$/.exec(line);
    if (!m) continue;
    const rest = m[6];
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
      start: Date.parse(m[5].replace(/ +/g, ' ')),
      command: truncate(command),
    });
  }
  return out;
}

export class PsSource implements ProcessSource {
  private commands = new Map<number, string>();
  private starts = new Map<number, number>();

  private async table(tag: string): Promise<ProcEntry[]> {
    const res = await getExecOutput('ps', PS_ARGS, { silent: true, ignoreReturnCode: true });
    const entries = parsePsOutput(res.stdout, tag);
    this.commands = new Map(entries.map((e) => [e.pid, e.command]));
    this.starts = new Map(entries.map((e) => [e.pid, e.start]));
    return entries;
  }

  async scan(run: RunView): Promise<ProcInfo[]> {
    return postAdmitted(
      run,
      async () => ({ entries: await this.table(run.tag), vanished: [] }),
      (pid, fallback) => this.commands.get(pid) ?? `[${fallback}]`,
    );
  }

  async signal(procs: readonly ProcInfo[], signal: NodeJS.Signals): Promise<SignalOutcome> {
    const delivered: ProcInfo[] = [];
    const faults: SignalFault[] = [];
    for (const p of procs) {
      const err = await new Promise<Error | undefined>((resolve) => treeKill(p.pid, signal, (e) => resolve(e ?? undefined)));
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      if (!err) delivered.push(p);
      else if (code !== 'ESRCH') faults.push({ pid: p.pid, command: p.command, code: code ?? String(err) });
    }
    return { delivered, faults };
  }

  startOf(pid: number): number {
    return this.starts.get(pid) ?? NaN;
  }

  exited(): boolean {
    return false;
  }

  /** This process's start, floored to the second as lstart gives it. */
  selfStart(): number {
    return Math.floor((Date.now() - performance.now()) / 1000) * 1000;
  }
}
