/** The plan as step outputs and as a job summary. Pure. */
import { PlanOutputs, SUMMARY_ROWS } from './constants.js';
import type { BlockReason, Plan, PlannedTicket, WaitReason } from './plan.js';
import type { FileProblem } from './tickets.js';

export function planOutputs(plan: Plan): Record<string, string> {
  const ids = (rows: readonly { ticket: PlannedTicket }[]) => rows.map((r) => r.ticket.ticket).join(' ');
  return {
    [PlanOutputs.Matrix]: JSON.stringify({
      include: plan.picked.map((t) => ({ ticket: t.ticket, priority: t.priority, components: t.components })),
    }),
    [PlanOutputs.Tickets]: plan.picked.map((t) => t.ticket).join(' '),
    [PlanOutputs.Count]: String(plan.picked.length),
    [PlanOutputs.Remaining]: ids(plan.remaining),
    [PlanOutputs.Blocked]: ids(plan.blocked),
  };
}

export function waitText(reason: WaitReason, prefix: string): string {
  switch (reason.kind) {
    case 'component':
      return `${reason.holder} holds ${prefix}${reason.component}`;
    case 'untagged':
      return `untagged (no ${prefix}* tag; allow-untagged is false)`;
    case 'untagged-slot':
      return `untagged: the one untagged slot is held by ${reason.holder}`;
    case 'cap':
      return `the cap: max-parallel is ${reason.maxParallel}`;
  }
}

export function blockText(reason: BlockReason): string {
  const parts: string[] = [];
  if (reason.cycle) {
    const others = (reason.cycleMembers ?? []).filter((m) => !reason.cycle!.includes(m));
    parts.push(`dependency cycle ${reason.cycle.join(' → ')}${others.length ? ` (with ${others.join(', ')})` : ''}`);
  }
  for (const id of reason.unknown) parts.push(`unknown dependency ${id}`);
  for (const d of reason.open) parts.push(`dependency ${d.id} is ${d.status}`);
  return parts.join('; ');
}

const cell = (s: string) => s.replace(/[\\`*_|<>[\]]/g, (c) => `\\${c}`);
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function table<T>(head: string[], rows: readonly T[], cells: (row: T, i: number) => string[]): string {
  const shown = rows.slice(0, SUMMARY_ROWS);
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...shown.map((r, i) => `| ${cells(r, i).join(' | ')} |`)];
  if (rows.length > shown.length) lines.push('', `… and ${rows.length - shown.length} more (every id is in the step's outputs).`);
  return lines.join('\n');
}

export interface PlanSummaryContext {
  readonly componentPrefix: string;
  readonly maxParallel: number;
  /** Problems, with file names relative to the workspace. */
  readonly problems: readonly FileProblem[];
  readonly ticketCount: number;
}

export function planSummary(plan: Plan, ctx: PlanSummaryContext): string {
  const prefix = ctx.componentPrefix;
  const comps = (t: PlannedTicket) => (t.components.length ? t.components.map((c) => code(c)).join(' ') : '(untagged)');
  const out: string[] = [
    '## ralph-dispatch plan',
    '',
    `**${plan.picked.length} picked** (max-parallel ${ctx.maxParallel}), ${plan.remaining.length} ready but waiting, ${plan.blocked.length} blocked` +
      `${plan.excluded.length ? `, ${plan.excluded.length} claimed elsewhere` : ''}; ${ctx.ticketCount} tickets read` +
      `${ctx.problems.length ? `, ${ctx.problems.length} files left out` : ''}.`,
    '',
    '### Picked',
    '',
    plan.picked.length
      ? table(['#', 'ticket', 'priority', 'components'], plan.picked, (t, i) => [String(i + 1), code(t.ticket), String(t.priority), comps(t)])
      : 'Nothing to run: no ready ticket can be picked.',
  ];
  if (plan.remaining.length) {
    out.push(
      '',
      '### Ready, waiting for a later run',
      '',
      table(['ticket', 'priority', 'why it waits'], plan.remaining, (r) => [
        code(r.ticket.ticket),
        String(r.ticket.priority),
        cell(waitText(r.reason, prefix)),
      ]),
    );
  }
  if (plan.blocked.length) {
    out.push(
      '',
      '### Blocked',
      '',
      table(['ticket', 'priority', 'why'], plan.blocked, (r) => [code(r.ticket.ticket), String(r.ticket.priority), cell(blockText(r.reason))]),
    );
  }
  if (plan.cycles.length) {
    out.push(
      '',
      '### Dependency cycles',
      '',
      '`a → b` reads "a depends on b"; every ticket of a cycle is blocked until one of its dependencies is dropped or closed.',
      '',
    );
    for (const c of plan.cycles) out.push(`- ${c.map(code).join(' → ')}`);
  }
  if (plan.excluded.length) {
    out.push('', '### Claimed elsewhere (exclude)', '', plan.excluded.map((t) => code(t.ticket)).join(' '));
  }
  if (plan.excludeUnmatched.length) {
    out.push('', `\`exclude\` names no ticket in a planned status: ${plan.excludeUnmatched.map(code).join(' ')}`);
  }
  if (ctx.problems.length) {
    out.push('', '### Files left out', '', ...ctx.problems.slice(0, SUMMARY_ROWS).map((p) => `- ${cell(p.message)}`));
  }
  return `${out.join('\n')}\n`;
}
