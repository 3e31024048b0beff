/**
 * The plan: which ready tickets run now, in one matrix, never two sharing a component.
 * Ready = status in `statuses` and every dependency closed (as `tk ready`); order = priority,
 * then id; selection = greedy in that order, as pi-ticketflow's parallel mode picks. Pure.
 */
import { CLOSED } from './constants.js';
import { compareText, type Ticket } from './tickets.js';

export interface PlanOptions {
  readonly statuses: readonly string[];
  readonly maxParallel: number;
  readonly allowUntagged: boolean;
  readonly componentPrefix: string;
  readonly exclude: readonly string[];
}

/** One row of the matrix: component names without the prefix. */
export interface PlannedTicket {
  readonly ticket: string;
  readonly priority: number;
  readonly components: readonly string[];
}

export type WaitReason =
  | { readonly kind: 'component'; readonly component: string; readonly holder: string }
  | { readonly kind: 'untagged' }
  | { readonly kind: 'untagged-slot'; readonly holder: string }
  | { readonly kind: 'cap'; readonly maxParallel: number };

export interface BlockReason {
  /** The cycle this ticket is part of, as a path that ends where it starts (`a → b → a`). */
  readonly cycle?: readonly string[];
  /** Every ticket of that cycle group (a strongly connected set may hold more than one path). */
  readonly cycleMembers?: readonly string[];
  readonly unknown: readonly string[];
  /** Dependencies not closed (outside the cycle), with their status. */
  readonly open: readonly { readonly id: string; readonly status: string }[];
}

export interface Plan {
  readonly picked: readonly PlannedTicket[];
  readonly remaining: readonly { readonly ticket: PlannedTicket; readonly reason: WaitReason }[];
  readonly blocked: readonly { readonly ticket: PlannedTicket; readonly reason: BlockReason }[];
  /** Ready or not, claimed elsewhere (`exclude`): not planned, holding no component. */
  readonly excluded: readonly PlannedTicket[];
  /** `exclude` entries that name no ticket in a planned status. */
  readonly excludeUnmatched: readonly string[];
  /** Each dependency cycle once, as a path. */
  readonly cycles: readonly (readonly string[])[];
}

export function componentsOf(tags: readonly string[], prefix: string): string[] {
  const out = new Set<string>();
  for (const tag of tags) if (tag.startsWith(prefix) && tag.length > prefix.length) out.add(tag.slice(prefix.length));
  return [...out];
}

const byPriorityThenId = (a: PlannedTicket, b: PlannedTicket) => a.priority - b.priority || compareText(a.ticket, b.ticket);

export function planTickets(tickets: readonly Ticket[], options: PlanOptions): Plan {
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const statuses = new Set(options.statuses);
  const exclude = new Set(options.exclude);
  const { cycleOf, cycles } = findCycles(tickets, byId);
  const row = (t: Ticket): PlannedTicket => ({ ticket: t.id, priority: t.priority, components: componentsOf(t.tags, options.componentPrefix) });

  const ready: PlannedTicket[] = [];
  const excluded: PlannedTicket[] = [];
  const blocked: { ticket: PlannedTicket; reason: BlockReason }[] = [];
  for (const t of tickets) {
    if (!statuses.has(t.status)) continue;
    if (exclude.has(t.id)) {
      excluded.push(row(t));
      continue;
    }
    const cycle = cycleOf.get(t.id);
    const unknown = t.deps.filter((d) => !byId.has(d));
    const open = t.deps
      .filter((d) => byId.has(d) && byId.get(d)!.status !== CLOSED && !cycle?.members.includes(d))
      .map((d) => ({ id: d, status: byId.get(d)!.status || '(none)' }));
    if (cycle || unknown.length > 0 || open.length > 0) {
      blocked.push({ ticket: row(t), reason: { ...(cycle ? { cycle: cycle.path, cycleMembers: cycle.members } : {}), unknown, open } });
    } else {
      ready.push(row(t));
    }
  }
  ready.sort(byPriorityThenId);
  blocked.sort((a, b) => byPriorityThenId(a.ticket, b.ticket));
  excluded.sort(byPriorityThenId);

  const picked: PlannedTicket[] = [];
  const remaining: { ticket: PlannedTicket; reason: WaitReason }[] = [];
  const holders = new Map<string, string>();
  let untaggedHolder: string | undefined;
  for (const t of ready) {
    const reason = waitReason(t, holders, untaggedHolder, picked.length, options);
    if (reason) {
      remaining.push({ ticket: t, reason });
      continue;
    }
    picked.push(t);
    if (t.components.length === 0) untaggedHolder = t.ticket;
    for (const c of t.components) holders.set(c, t.ticket);
  }

  const planned = new Set(tickets.filter((t) => statuses.has(t.status)).map((t) => t.id));
  const excludeUnmatched = options.exclude.filter((id) => !planned.has(id));
  return { picked, remaining, blocked, excluded, excludeUnmatched, cycles };
}

/** Why a ready ticket waits; undefined when it can run now. The permanent reason comes first. */
function waitReason(
  t: PlannedTicket,
  holders: ReadonlyMap<string, string>,
  untaggedHolder: string | undefined,
  pickedCount: number,
  options: PlanOptions,
): WaitReason | undefined {
  if (t.components.length === 0) {
    if (!options.allowUntagged) return { kind: 'untagged' };
    if (untaggedHolder !== undefined) return { kind: 'untagged-slot', holder: untaggedHolder };
  }
  for (const c of t.components) {
    const holder = holders.get(c);
    if (holder !== undefined) return { kind: 'component', component: c, holder };
  }
  if (pickedCount >= options.maxParallel) return { kind: 'cap', maxParallel: options.maxParallel };
  return undefined;
}

interface CycleInfo {
  readonly path: readonly string[];
  readonly members: readonly string[];
}

/**
 * Dependency cycles among the tickets not yet closed (a closed ticket's own dependencies no longer
 * hold anything up): the strongly connected sets of the dependency graph (Tarjan, iterative, so
 * that a long chain cannot overflow the stack), each reported as its shortest path from its
 * smallest id back to itself.
 */
function findCycles(tickets: readonly Ticket[], byId: ReadonlyMap<string, Ticket>): { cycleOf: Map<string, CycleInfo>; cycles: string[][] } {
  const live = (id: string) => {
    const t = byId.get(id);
    return t !== undefined && t.status !== CLOSED;
  };
  const edges = (id: string) => byId.get(id)!.deps.filter(live);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycleOf = new Map<string, CycleInfo>();
  const cycles: string[][] = [];
  let next = 0;

  for (const root of tickets) {
    if (!live(root.id) || index.has(root.id)) continue;
    const work: { id: string; deps: string[]; at: number }[] = [];
    const enter = (id: string) => {
      index.set(id, next);
      low.set(id, next);
      next++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, deps: edges(id), at: 0 });
    };
    enter(root.id);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.at < frame.deps.length) {
        const dep = frame.deps[frame.at++];
        if (!index.has(dep)) enter(dep);
        else if (onStack.has(dep)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(dep)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const members: string[] = [];
      let id: string;
      do {
        id = stack.pop()!;
        onStack.delete(id);
        members.push(id);
      } while (id !== frame.id);
      if (members.length === 1 && !edges(frame.id).includes(frame.id)) continue;
      members.sort(compareText);
      const info = { path: shortestCycle(members, edges), members };
      cycles.push([...info.path]);
      for (const m of members) cycleOf.set(m, info);
    }
  }
  cycles.sort((a, b) => compareText(a[0], b[0]));
  return { cycleOf, cycles };
}

/** Breadth-first from the smallest id, inside the set, back to it: the path a reader can check. */
function shortestCycle(members: readonly string[], edges: (id: string) => string[]): string[] {
  const inSet = new Set(members);
  const start = members[0];
  const from = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const dep of [...edges(id)].sort(compareText)) {
      if (!inSet.has(dep)) continue;
      if (dep === start) {
        const path = [start];
        for (let at: string | undefined = id; at !== undefined && at !== start; at = from.get(at)) path.splice(1, 0, at);
        path.push(start);
        return path;
      }
      if (!from.has(dep)) {
        from.set(dep, id);
        queue.push(dep);
      }
    }
  }
  return [start, start];
}
