/**
 * Who belongs to a run, from one snapshot of the process table. A process is a member when it
 * started at or after the action (`notBefore`) and
 *  - its environment carries RALPH_DISPATCH_RUN_ID=<run id> (inherited by every descendant), or
 *  - it is the root we spawned, or a child of a member (a tool started with `env -i`), or
 *  - it is in a process group or session that a member led (under `stdin: tty` the shell
 *    leads a session of its own); remembered after the leader died.
 *
 * A group or session whose leader is gone before any scan saw it (the shell's wrapper under
 * `stdin: tty`, a tool that called setsid() and exited at once; a zombie not yet reaped counts
 * as gone) is the run's as soon as a member is in it and nothing in it is older than the
 * action: a session passes only from its leader to the leader's descendants, and a group
 * cannot leave its session, so its leader was the run's.
 *
 * Identity is (pid, start time): a remembered root, group or session counts only while the
 * process holding its id is the one that was remembered. A group or session whose leader is
 * gone counts while it has members (the kernel does not hand out a pid still in use as a group
 * or session id) and is forgotten once it is seen empty.
 */
import { DEAD_STATES, type ProcEntry, type RunView, sameStart, type Snapshot } from './types.js';

/**
 * The start remembered for a leader that was already gone: it matches no process, so the id
 * is forgotten once the group is empty, even if its pid has been handed out again by then.
 */
export const GONE_LEADER = Number.NEGATIVE_INFINITY;

export class Membership implements RunView {
  private readonly rootStarts = new Map<number, number>();
  private readonly groups = new Map<number, number>();
  private readonly sessions = new Map<number, number>();
  /** Young zombies of the last snapshot: dead before it, so they cannot have forked since. */
  private zombies = new Map<number, number>();

  constructor(
    readonly tag: string,
    readonly notBefore: number,
    private readonly selfPid: number,
  ) {}

  /** The process we spawned (detached: it leads its own group and session). */
  addRoot(pid: number, start: number, leader: boolean): void {
    this.rootStarts.set(pid, start);
    if (leader) this.addLeader(pid, start);
  }

  /**
   * A process of the run known to lead a group and session of its own (the terminal's session
   * under `stdin: tty`), perhaps already gone (start GONE_LEADER).
   */
  addLeader(pid: number, start: number): void {
    if (!this.groups.has(pid)) this.groups.set(pid, start);
    if (!this.sessions.has(pid)) this.sessions.set(pid, start);
  }

  /**
   * The remembered groups and sessions as text (`g<id>:<start> s<id>:<start>`, start `gone` for
   * GONE_LEADER): main saves it for the post step before each signal it sends, so that a post
   * step after main was killed knows what main knew (a group whose leader and tagged members
   * are gone by then is found through it).
   */
  remembered(): string {
    const item = (kind: string, id: number, start: number) => `${kind}${id}:${start === GONE_LEADER ? 'gone' : start}`;
    return [...[...this.groups].map(([id, start]) => item('g', id, start)), ...[...this.sessions].map(([id, start]) => item('s', id, start))].join(' ');
  }

  /** Takes back what remembered() gave; a malformed item is skipped. */
  restore(text: string): void {
    for (const item of text.split(' ')) {
      const m = /^([gs])(\d+):(gone|\d+)$/.exec(item);
      if (!m) continue;
      const [id, start] = [Number(m[2]), m[3] === 'gone' ? GONE_LEADER : Number(m[3])];
      const into = m[1] === 'g' ? this.groups : this.sessions;
      if (id > 0 && !into.has(id)) into.set(id, start);
    }
  }

  roots(): ReadonlyMap<number, number> {
    return this.rootStarts;
  }

  private young(e: ProcEntry): boolean {
    return !(e.start < this.notBefore);
  }

  /**
   * The members in one snapshot (zombies included: they hold groups and sessions). `settled`
   * is false when the snapshot may hide a member: a listed process that vanished before it was
   * read, or a young process found dead that was not dead at the previous snapshot, may have
   * forked a child after the directory was listed. A fresh snapshot lists that child.
   */
  admit(snapshot: Snapshot): { members: ProcEntry[]; settled: boolean } {
    const { entries } = snapshot;
    let settled = snapshot.vanished.every((pid) => this.zombies.has(pid));
    const zombies = new Map<number, number>();
    const byPid = new Map<number, ProcEntry>();
    const children = new Map<number, ProcEntry[]>();
    const inGroup = new Map<number, ProcEntry[]>();
    const inSession = new Map<number, ProcEntry[]>();
    /** Groups and sessions holding a process older than the action: never the run's. */
    const oldGroups = new Set<number>();
    const oldSessions = new Set<number>();
    const index = (map: Map<number, ProcEntry[]>, key: number, e: ProcEntry) => {
      const list = map.get(key);
      if (list) list.push(e);
      else map.set(key, [e]);
    };
    for (const e of entries) {
      byPid.set(e.pid, e);
      if (!this.young(e)) {
        oldGroups.add(e.pgid);
        oldSessions.add(e.sid);
        continue;
      }
      if (DEAD_STATES.has(e.state)) {
        zombies.set(e.pid, e.start);
        if (!this.zombies.has(e.pid) || !sameStart(this.zombies.get(e.pid), e.start)) settled = false;
      }
      index(children, e.ppid, e);
      index(inGroup, e.pgid, e);
      if (e.sid > 0) index(inSession, e.sid, e);
    }
    this.zombies = zombies;
    // Forget what another process now holds, and leaderless groups and sessions seen empty.
    const holds = (id: number, start: number, members: Map<number, ProcEntry[]>) => {
      const holder = byPid.get(id);
      return holder ? sameStart(start, holder.start) : members.has(id);
    };
    for (const [id, start] of this.groups) if (!holds(id, start, inGroup)) this.groups.delete(id);
    for (const [id, start] of this.sessions) if (!holds(id, start, inSession)) this.sessions.delete(id);
    for (const [pid, start] of this.rootStarts) {
      const holder = byPid.get(pid);
      if (!holder || !sameStart(start, holder.start)) this.rootStarts.delete(pid);
    }

    /** The start to remember for a leader that is gone (or dead, not yet reaped); undefined if it lives. */
    const goneLeader = (id: number): number | undefined => {
      const holder = byPid.get(id);
      if (!holder) return GONE_LEADER;
      return DEAD_STATES.has(holder.state) && this.young(holder) ? holder.start : undefined;
    };
    const members = new Map<number, ProcEntry>();
    const queue: ProcEntry[] = [];
    const admit = (e: ProcEntry | undefined) => {
      if (!e || e.pid === this.selfPid || members.has(e.pid) || !this.young(e)) return;
      members.set(e.pid, e);
      queue.push(e);
    };
    for (const e of entries) {
      if (e.tagged || this.groups.has(e.pgid) || (e.sid > 0 && this.sessions.has(e.sid))) admit(e);
    }
    for (const pid of this.rootStarts.keys()) admit(byPid.get(pid));
    while (queue.length > 0) {
      const e = queue.pop() as ProcEntry;
      if (e.pgid === e.pid && !this.groups.has(e.pid)) this.groups.set(e.pid, e.start);
      if (e.sid === e.pid && !this.sessions.has(e.pid)) this.sessions.set(e.pid, e.start);
      for (const child of children.get(e.pid) ?? []) admit(child);
      // The group or session this member leads may hold more members.
      for (const other of inGroup.get(e.pid) ?? []) admit(other);
      for (const other of inSession.get(e.pid) ?? []) admit(other);
      // So may its group or session if the leader is gone unseen (see above).
      const group = this.groups.has(e.pgid) || oldGroups.has(e.pgid) ? undefined : goneLeader(e.pgid);
      if (group !== undefined) {
        this.groups.set(e.pgid, group);
        for (const other of inGroup.get(e.pgid) ?? []) admit(other);
      }
      const session = e.sid <= 0 || this.sessions.has(e.sid) || oldSessions.has(e.sid) ? undefined : goneLeader(e.sid);
      if (session !== undefined) {
        this.sessions.set(e.sid, session);
        for (const other of inSession.get(e.sid) ?? []) admit(other);
      }
    }
    return { members: [...members.values()], settled };
  }
}
