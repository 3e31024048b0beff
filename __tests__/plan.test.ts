import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PLAN_DEFAULTS, PlanInputs, PlanOutputs } from '../src/plan/constants.js';
import { run } from '../src/plan/main.js';
import { planTickets, type PlanOptions } from '../src/plan/plan.js';
import { blockText, planOutputs, waitText } from '../src/plan/report.js';
import { parsePlanSettings } from '../src/plan/settings.js';
import { parseTicket, readTickets, type Ticket } from '../src/plan/tickets.js';
import { FIXTURES, ROOT, tempDir } from './support/harness.js';
import { runEntry } from './support/fleet.js';

const BACKLOG = path.join(FIXTURES, 'tickets', 'backlog');
const DEFAULT_OPTIONS: PlanOptions = { statuses: ['open'], maxParallel: 20, allowUntagged: false, componentPrefix: 'component:', exclude: [] };

/** The plan of the backlog fixture, as outputs and as reasons in words. */
function planBacklog(options: Partial<PlanOptions> = {}) {
  const { tickets } = readTickets(BACKLOG);
  const plan = planTickets(tickets, { ...DEFAULT_OPTIONS, ...options });
  return {
    plan,
    outputs: planOutputs(plan),
    remaining: Object.fromEntries(plan.remaining.map((r) => [r.ticket.ticket, waitText(r.reason, 'component:')])),
    blocked: Object.fromEntries(plan.blocked.map((r) => [r.ticket.ticket, blockText(r.reason)])),
  };
}

const BLOCKED_REASONS = {
  'pt-a007': 'dependency cycle pt-a007 → pt-a008 → pt-a007',
  'pt-a008': 'dependency cycle pt-a007 → pt-a008 → pt-a007',
  'pt-a004': 'dependency pt-a005 is in_progress',
  'pt-a006': 'unknown dependency pt-zzzz',
};

describe('reading tickets', () => {
  it('reads the seed format (pt-7jzy.md as pi-ticketflow writes it)', () => {
    const file = path.join(BACKLOG, 'pt-7jzy.md');
    expect(parseTicket(file, fs.readFileSync(file, 'utf8'))).toEqual({
      ticket: { id: 'pt-7jzy', file, status: 'closed', deps: ['pt-9yjn'], priority: 2, tags: ['tf', 'backlog', 'component:cli', 'component:workflow'] },
    });
  });

  it('reads flow and block lists alike', () => {
    const flow = parseTicket('x.md', '---\nid: a\ndeps: [b, c]\ntags: [component:x, y]\n---\n');
    const block = parseTicket('x.md', '---\nid: a\ndeps:\n  - b\n  - c\ntags:\n  - component:x\n  - y\n---\n');
    expect(flow).toEqual({ ticket: { id: 'a', file: 'x.md', status: '', deps: ['b', 'c'], priority: 2, tags: ['component:x', 'y'] } });
    expect(block).toEqual(flow);
  });

  it('defaults the id to the file name and the priority to 2', () => {
    expect(parseTicket('/t/web-login.md', '---\nstatus: open\n---\n# x\n')).toEqual({
      ticket: { id: 'web-login', file: '/t/web-login.md', status: 'open', deps: [], priority: 2, tags: [] },
    });
  });

  it('skips a file without front matter, and names what is wrong with a broken one', () => {
    expect(parseTicket('n.md', '# Notes\n---\nid: x\n---\n')).toEqual({ skip: true });
    expect(parseTicket('b.md', '---\ntags: [a\n---\n')).toEqual({ problem: expect.stringMatching(/^the front matter does not parse: /) });
    expect(parseTicket('u.md', '---\nid: a\n# never closed\n')).toEqual({ problem: 'the front matter has no closing --- line' });
    expect(parseTicket('l.md', '---\n- a\n- b\n---\n')).toEqual({ problem: 'the front matter is not a mapping of fields' });
    expect(parseTicket('p.md', '---\npriority: high\n---\n')).toEqual({ problem: 'priority "high" is not a number' });
    expect(parseTicket('i.md', '---\nid: "a b"\n---\n')).toEqual({ problem: expect.stringMatching(/^id "a b" is not a ticket id/) });
    expect(parseTicket('d.md', '---\ndeps: {a: 1}\n---\n')).toEqual({ problem: 'deps is not a list of ticket ids' });
  });

  it('reads the backlog folder: tickets in file-name order, one problem per broken file, other files ignored', () => {
    const { tickets, problems } = readTickets(BACKLOG);
    expect(tickets.map((t) => t.id)).toEqual([
      'pt-7jzy',
      'pt-9yjn',
      'pt-a001',
      'pt-a002',
      'pt-a003',
      'pt-a004',
      'pt-a005',
      'pt-a006',
      'pt-a007',
      'pt-a008',
      'pt-a009',
      'pt-a011',
      'pt-b002',
      'web-login',
      'pt-b001',
    ]);
    expect(problems).toEqual([
      { file: path.join(BACKLOG, 'broken.md'), message: expect.stringMatching(/^broken\.md is left out of the plan: the front matter does not parse: /) },
      { file: path.join(BACKLOG, 'unclosed.md'), message: 'unclosed.md is left out of the plan: the front matter has no closing --- line' },
    ]);
  });

  it('reads only the front matter of a file, whatever its body or its size', () => {
    const dir = tempDir();
    const links = Array.from({ length: 9000 }, (_, i) => `  - pt-l${i}`).join('\n');
    // A front matter that ends after the first 64 KiB, a body with --- rules, a byte-order mark, a list at indent 0.
    fs.writeFileSync(path.join(dir, 'big.md'), `---\nstatus: open\nlinks:\n${links}\ntags: [component:big]\n---\n# Big\n`);
    fs.writeFileSync(path.join(dir, 'rules.md'), `---\nstatus: open\ndeps:\n- big\n---\n# Rules\n\n---\nid: not-this\n---\n${'x'.repeat(100_000)}\n`);
    fs.writeFileSync(path.join(dir, 'bom.md'), '\uFEFF---\r\nstatus: open\r\npriority: 1\r\n---\r\n# BOM and CRLF\r\n');
    fs.writeFileSync(path.join(dir, 'dashes.md'), '----\nstatus: open\n---\n');
    const { tickets, problems } = readTickets(dir);
    expect(problems).toEqual([]);
    expect(tickets.map((t) => [t.id, t.status, t.deps, t.priority, t.tags])).toEqual([
      ['big', 'open', [], 2, ['component:big']],
      ['bom', 'open', [], 1, []],
      ['rules', 'open', ['big'], 2, []],
    ]);
  });

  it('keeps the first of two files with the same id and names the second', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), '---\nid: pt-1\nstatus: open\n---\n');
    fs.writeFileSync(path.join(dir, 'b.md'), '---\nid: pt-1\nstatus: closed\n---\n');
    const { tickets, problems } = readTickets(dir);
    expect(tickets.map((t) => [t.id, t.status])).toEqual([['pt-1', 'open']]);
    expect(problems).toEqual([{ file: path.join(dir, 'b.md'), message: 'b.md is left out of the plan: its id pt-1 is already the id of a.md' }]);
  });
});

describe('the plan of the backlog fixture', () => {
  it('defaults: priority then id, greedy on components, untagged left out', () => {
    const { outputs, remaining, blocked } = planBacklog();
    expect(outputs).toEqual({
      matrix:
        '{"include":[{"ticket":"pt-a003","priority":0,"components":["db"]},{"ticket":"pt-a001","priority":1,"components":["cli"]},' +
        '{"ticket":"web-login","priority":2,"components":["web"]},{"ticket":"pt-b001","priority":3,"components":["ui"]}]}',
      tickets: 'pt-a003 pt-a001 web-login pt-b001',
      count: '4',
      remaining: 'pt-a002 pt-a009 pt-b002 pt-a011',
      blocked: 'pt-a007 pt-a008 pt-a004 pt-a006',
    });
    expect(remaining).toEqual({
      'pt-a002': 'pt-a001 holds component:cli',
      'pt-a009': 'untagged (no component:* tag; allow-untagged is false)',
      'pt-b002': 'pt-b001 holds component:ui',
      'pt-a011': 'untagged (no component:* tag; allow-untagged is false)',
    });
    expect(blocked).toEqual(BLOCKED_REASONS);
  });

  it('statuses open,in_progress (as tk ready): pt-a005 runs, pt-a004 still waits for it', () => {
    const { outputs, blocked } = planBacklog({ statuses: ['open', 'in_progress'] });
    expect(outputs.tickets).toBe('pt-a003 pt-a001 pt-a005 web-login pt-b001');
    expect(outputs.remaining).toBe('pt-a002 pt-a009 pt-b002 pt-a011');
    expect(blocked).toEqual(BLOCKED_REASONS);
  });

  it('allow-untagged: one untagged ticket takes the one untagged slot', () => {
    const { outputs, remaining } = planBacklog({ allowUntagged: true });
    expect(outputs.tickets).toBe('pt-a003 pt-a001 pt-a009 web-login pt-b001');
    expect(JSON.parse(outputs.matrix).include[2]).toEqual({ ticket: 'pt-a009', priority: 2, components: [] });
    expect(outputs.remaining).toBe('pt-a002 pt-b002 pt-a011');
    expect(remaining['pt-a011']).toBe('untagged: the one untagged slot is held by pt-a009');
  });

  it('the cap: max-parallel 2 picks two; a conflict or untagged is said before the cap', () => {
    const { outputs, remaining } = planBacklog({ maxParallel: 2 });
    expect(outputs.tickets).toBe('pt-a003 pt-a001');
    expect(outputs.count).toBe('2');
    expect(remaining).toEqual({
      'pt-a002': 'pt-a001 holds component:cli',
      'pt-a009': 'untagged (no component:* tag; allow-untagged is false)',
      'web-login': 'the cap: max-parallel is 2',
      'pt-b001': 'the cap: max-parallel is 2',
      'pt-b002': 'the cap: max-parallel is 2',
      'pt-a011': 'untagged (no component:* tag; allow-untagged is false)',
    });
  });

  it('exclude: a claimed ticket is not planned and holds no component', () => {
    const { plan, outputs, remaining } = planBacklog({ exclude: ['pt-a001', 'pt-zzz9'] });
    expect(outputs.tickets).toBe('pt-a003 pt-a002 pt-b001');
    expect(outputs.remaining).toBe('pt-a009 web-login pt-b002 pt-a011');
    expect(remaining['web-login']).toBe('pt-a002 holds component:web');
    expect(plan.excluded.map((t) => t.ticket)).toEqual(['pt-a001']);
    expect(plan.excludeUnmatched).toEqual(['pt-zzz9']);
  });

  it('another component prefix: every ticket is untagged, so nothing runs unless allowed', () => {
    expect(planBacklog({ componentPrefix: 'area:' }).outputs.count).toBe('0');
    expect(planBacklog({ componentPrefix: 'area:', allowUntagged: true }).outputs.tickets).toBe('pt-a003');
  });
});

describe('planning rules on small sets', () => {
  const t = (id: string, fields: Partial<Ticket> = {}): Ticket => ({
    id,
    file: `${id}.md`,
    status: 'open',
    deps: [],
    priority: 2,
    tags: [`component:${id}`],
    ...fields,
  });

  it('a cycle of three with a ticket depending on it, and a self-dependency', () => {
    const plan = planTickets(
      [t('c', { deps: ['a'] }), t('a', { deps: ['b'] }), t('b', { deps: ['c'] }), t('d', { deps: ['b'] }), t('e', { deps: ['e'] }), t('f')],
      DEFAULT_OPTIONS,
    );
    expect(plan.picked.map((p) => p.ticket)).toEqual(['f']);
    expect(plan.cycles).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
    expect(Object.fromEntries(plan.blocked.map((b) => [b.ticket.ticket, blockText(b.reason)]))).toEqual({
      a: 'dependency cycle a → b → c → a',
      b: 'dependency cycle a → b → c → a',
      c: 'dependency cycle a → b → c → a',
      d: 'dependency b is open',
      e: 'dependency cycle e → e',
    });
  });

  it('a closed ticket breaks a cycle: its own dependencies hold nothing up', () => {
    const plan = planTickets([t('a', { deps: ['b'] }), t('b', { deps: ['a'], status: 'closed' })], DEFAULT_OPTIONS);
    expect(plan.picked.map((p) => p.ticket)).toEqual(['a']);
    expect(plan.cycles).toEqual([]);
  });

  it('a ticket with several components waits for any one held; a dependency must be closed, not merely known', () => {
    const plan = planTickets(
      [
        t('p1', { priority: 1, tags: ['component:cli', 'component:db'] }),
        t('p2', { tags: ['component:db', 'component:web'] }),
        t('p3', { tags: ['component:web'] }),
        t('p4', { deps: ['p5'] }),
        t('p5', { status: 'in_progress' }),
      ],
      DEFAULT_OPTIONS,
    );
    expect(plan.picked.map((p) => [p.ticket, p.components])).toEqual([
      ['p1', ['cli', 'db']],
      ['p3', ['web']],
    ]);
    expect(plan.remaining.map((r) => waitText(r.reason, 'component:'))).toEqual(['p1 holds component:db']);
    expect(plan.blocked.map((r) => blockText(r.reason))).toEqual(['dependency p5 is in_progress']);
  });

  it('ties by id, whatever the input order; lower priority first, fractional too', () => {
    const plan = planTickets([t('b', { tags: [] }), t('a', { tags: [] }), t('c', { priority: 1.5, tags: [] })], {
      ...DEFAULT_OPTIONS,
      allowUntagged: true,
      maxParallel: 1,
    });
    expect(plan.picked.map((p) => p.ticket)).toEqual(['c']);
    expect(plan.remaining.map((r) => r.ticket.ticket)).toEqual(['a', 'b']);
  });

  it('a long dependency chain (10,000 deep) does not overflow the stack', () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => t(`n${i}`, { deps: i ? [`n${i - 1}`] : [] }));
    const plan = planTickets(chain, DEFAULT_OPTIONS);
    expect(plan.picked.map((p) => p.ticket)).toEqual(['n0']);
    expect(plan.blocked).toHaveLength(9_999);
  });
});

describe('inputs', () => {
  const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

  it('defaults from action.yml, and the same in the code', () => {
    const yml = parseYaml(fs.readFileSync(path.join(ROOT, 'plan', 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default: string }>;
      outputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    expect(Object.fromEntries(Object.entries(yml.inputs).map(([k, v]) => [k, v.default]))).toEqual(PLAN_DEFAULTS);
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.values(PlanInputs).sort());
    expect(Object.keys(yml.outputs).sort()).toEqual(Object.values(PlanOutputs).sort());
    expect(yml.runs).toEqual({ using: 'node24', main: '../dist/plan/index.js' });
  });

  it('parses every input once', () => {
    const s = parsePlanSettings(
      read({ 'tickets-dir': 'backlog', statuses: 'open, in_progress', 'max-parallel': '256', 'allow-untagged': 'True', exclude: 'a,b c\nd' }),
      path.join(FIXTURES, 'tickets'),
    );
    expect(s).toEqual({
      ticketsDir: BACKLOG,
      statuses: ['open', 'in_progress'],
      maxParallel: 256,
      allowUntagged: true,
      componentPrefix: 'component:',
      exclude: ['a', 'b', 'c', 'd'],
    });
  });

  it.each([
    ['tickets-dir', 'nowhere', /^Input 'tickets-dir' has an invalid value "nowhere": no such directory/],
    ['tickets-dir', 'backlog/pt-a001.md', /^Input 'tickets-dir' has an invalid value "backlog\/pt-a001.md": not a directory/],
    ['max-parallel', '0', /^Input 'max-parallel' has an invalid value "0": use a whole number from 1 to 256/],
    ['max-parallel', '257', /^Input 'max-parallel' has an invalid value "257"/],
    ['max-parallel', '2.5', /^Input 'max-parallel' has an invalid value "2.5"/],
    ['max-parallel', 'ten', /^Input 'max-parallel' has an invalid value "ten"/],
    ['allow-untagged', 'yes', /^Input 'allow-untagged' has an invalid value "yes": use true or false/],
    ['statuses', ' , ', /^Input 'statuses' has an invalid value ",": name at least one status/],
  ])('%s: %j is an error naming the input and the value', (name, value, message) => {
    const inputs = { 'tickets-dir': 'backlog', [name]: value };
    expect(() => parsePlanSettings(read(inputs), path.join(FIXTURES, 'tickets'))).toThrow(message);
  });
});

describe('the entry module, with @actions/core', () => {
  it('sets every output, one warning per broken file (naming it), and the summary with its reasons', async () => {
    const r = await runEntry(() => run(ROOT), { 'tickets-dir': '__fixtures__/tickets/backlog', exclude: 'pt-zzz9' });
    expect(r.error).toBeUndefined();
    expect(r.outputs).toEqual(planBacklog().outputs);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^::warning title=ralph-dispatch plan,file=__fixtures__\/tickets\/backlog\/broken\.md::broken\.md is left out of the plan: the front matter does not parse/,
      ),
      '::warning title=ralph-dispatch plan,file=__fixtures__/tickets/backlog/unclosed.md::unclosed.md is left out of the plan: the front matter has no closing --- line',
    ]);
    expect(r.summary).toContain('**4 picked** (max-parallel 20), 4 ready but waiting, 4 blocked; 15 tickets read, 2 files left out.');
    expect(r.summary).toContain('| `pt-a002` | 1 | pt-a001 holds component:cli |');
    expect(r.summary).toContain('| `pt-a011` | 4 | untagged (no component:\\* tag; allow-untagged is false) |');
    expect(r.summary).toContain('| `pt-a006` | 2 | unknown dependency pt-zzzz |');
    expect(r.summary).toContain('- `pt-a007` → `pt-a008` → `pt-a007`');
    expect(r.summary).toContain('`exclude` names no ticket in a planned status: `pt-zzz9`');
  });

  it('a broken file outside the workspace: the warning names it in its text, with no file= (it is not in the repository)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'bad.md'), '---\npriority: high\n---\n');
    const r = await runEntry(() => run(ROOT), { 'tickets-dir': dir });
    expect(r.warnings).toEqual(['::warning title=ralph-dispatch plan::bad.md is left out of the plan: priority "high" is not a number']);
  });

  it('bad input: the error names the input and value, and nothing is read or set', async () => {
    const r = await runEntry(() => run(ROOT), { 'tickets-dir': '__fixtures__/tickets/backlog', 'max-parallel': '300' });
    expect(r.error?.message).toMatch(/^Input 'max-parallel' has an invalid value "300"/);
    expect(r.outputs).toEqual({});
    expect(r.summary).toBe('');
    expect(r.warnings).toEqual([]);
  });

  it('an empty plan: count 0 and an empty include (the workflow skips its matrix job then)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pt-1.md'), '---\nstatus: closed\n---\n');
    const r = await runEntry(() => run(ROOT), { 'tickets-dir': dir });
    expect(r.outputs).toEqual({ matrix: '{"include":[]}', tickets: '', count: '0', remaining: '', blocked: '' });
    expect(r.summary).toContain('Nothing to run');
  });
});
