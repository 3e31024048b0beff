#!/usr/bin/env node
// The fleet actions on 10,000 generated tickets (plan) and 256 result files (summarize), two ways:
// - the work itself (read, plan or tally, outputs and summary text), timed inside a fresh node
//   process on its first run, as the action does it once: the domain modules are bundled on their
//   own with ncc into .tmp/ (as bench/sweep.mjs does with the reaper), since dist/ runs main at import;
// - the whole step, as the runner runs it (node on dist/plan or dist/summarize, INPUT_* variables,
//   the output and summary files in a temp dir), spawn to exit, wall and CPU, alternating with
//   `node -e 0` (the floor every JavaScript action pays), round after round.
//
// Usage: node bench/fleet.mjs [--tickets 10000] [--results 256] [--runs 7] [--root DIR] [--json]
//
// Nothing here asserts on time: the rows say which targets are met on this machine.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const ROOT = path.resolve(opt('root', path.join(path.dirname(SELF), '..')));
const TICKETS = Number(opt('tickets', 10_000));
const RESULTS = Number(opt('results', 256));
const RUNS = Number(opt('runs', 7));
const JSON_OUT = args.includes('--json');
const log = (...a) => (JSON_OUT ? console.error(...a) : console.log(...a));
const TARGETS = { planMs: 1000, summarizeMs: 200 };
const STATUSES = ['completed', 'failed', 'timeout', 'terminated', 'cancelled', 'error'];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
};
const fmt = (x, d = 0) => x.toFixed(d);

/** A deterministic generator (mulberry32), so that every run plans the same backlog. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** pi-ticketflow's format: half the tickets closed, deps on earlier ones, 0-3 of 60 components, flow and block lists. */
function writeTickets(dir, n) {
  const rnd = random(13);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const id = (i) => `pt-${i.toString(36).padStart(4, '0')}`;
  for (let i = 0; i < n; i++) {
    const status = rnd() < 0.5 ? 'closed' : rnd() < 0.8 ? 'open' : 'in_progress';
    const deps = i > 0 ? Array.from({ length: Math.floor(rnd() * 3) }, () => id(Math.floor(rnd() * i))) : [];
    const comps = Array.from({ length: Math.floor(rnd() * 4) }, () => `component:c${Math.floor(rnd() * 60)}`);
    const tags = ['tf', 'backlog', ...new Set(comps)];
    const block = rnd() < 0.5;
    const list = (name, xs) => (block && xs.length ? `${name}:\n${xs.map((x) => `  - ${x}`).join('\n')}` : `${name}: [${xs.join(', ')}]`);
    fs.writeFileSync(
      path.join(dir, `${id(i)}.md`),
      `---\nid: ${id(i)}\nstatus: ${status}\n${list('deps', deps)}\nlinks: []\ncreated: 2026-02-13T16:05:22Z\ntype: ${pick(['task', 'bug', 'feature'])}\n` +
        `priority: ${Math.floor(rnd() * 5)}\nassignee: legout\n${list('tags', tags)}\n---\n# Ticket ${i}\n\nSome text of the ticket.\n`,
    );
  }
}

/** Result files as the main action writes them (README, "Outputs"). */
function writeResults(dir, n) {
  for (let i = 0; i < n; i++) {
    const ticket = `pt-${String(i).padStart(4, '0')}`;
    const status = STATUSES[i % STATUSES.length];
    const record = {
      schema: 'ralph-dispatch/result@1',
      ticket,
      status,
      'exit-code': status === 'completed' ? 0 : null,
      signal: null,
      termination: 'eof',
      'duration-ms': 1000 * i,
      'orphans-killed': i % 3,
      'marker-seen': status === 'completed',
      'log-file': `/tmp/ralph-dispatch/${ticket}.log`,
      'result-file': `/tmp/ralph-dispatch/${ticket}.result.json`,
      'report-file': `/tmp/ralph-dispatch/${ticket}.report.md`,
      'started-at': '2026-12-01T08:00:00.000Z',
      'ended-at': '2026-12-01T08:10:00.000Z',
      'run-url': 'https://github.com/o/r/actions/runs/1234567890',
      timeline: [
        { event: 'spawn', 'at-ms': 0, detail: null },
        { event: 'exit', 'at-ms': 1000 * i, detail: 'code 0' },
      ],
    };
    fs.writeFileSync(path.join(dir, `${ticket}.result.json`), `${JSON.stringify(record, null, 2)}\n`);
  }
}

// GNU time gives the CPU a run used: on a shared machine that says more than the wall clock.
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs node with `args`; wall and CPU (user + system) milliseconds. */
function timed(args, opts, tmp) {
  const cpuFile = path.join(tmp, 'cpu');
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...args]] : [process.execPath, args];
  const t0 = performance.now();
  const res = spawnSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  const ms = performance.now() - t0;
  const cpu = GNU_TIME
    ? fs
        .readFileSync(cpuFile, 'utf8')
        .trim()
        .split('\n')
        .at(-1)
        .split(' ')
        .reduce((a, x) => a + Number(x) * 1000, 0)
    : NaN;
  return { res, ms, cpu };
}

/** One run of a bundle the way the runner starts it; returns wall and CPU milliseconds and the outputs file. */
function runBundle(bundle, inputs, tmp) {
  const out = path.join(tmp, 'output');
  const summary = path.join(tmp, 'summary');
  fs.writeFileSync(out, '');
  fs.writeFileSync(summary, '');
  const env = { PATH: process.env.PATH, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: tmp };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const { res, ms, cpu } = timed([bundle], { env, cwd: tmp }, tmp);
  if (res.status !== 0) throw new Error(`${bundle} exited ${res.status}: ${res.stdout}${res.stderr}`);
  return { ms, cpu, outputs: fs.readFileSync(out, 'utf8'), stdout: res.stdout };
}

/** The domain modules of both actions, bundled into one file (.tmp/ is ignored by git). */
function bundleDomain() {
  const dir = path.join(ROOT, '.tmp', 'bench-fleet');
  fs.mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'entry.ts');
  fs.writeFileSync(
    entry,
    [
      "export { readTickets } from '../../src/plan/tickets.js';",
      "export { planTickets } from '../../src/plan/plan.js';",
      "export { planOutputs, planSummary } from '../../src/plan/report.js';",
      "export { readResults } from '../../src/summarize/results.js';",
      "export { summarizeResults, summarizeOutputs, buildFleetReport } from '../../src/summarize/report.js';",
      '',
    ].join('\n'),
  );
  const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'ncc'), ['build', entry, '-o', path.join(dir, 'out'), '-q'], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`ncc build of the fleet's domain modules failed (run npm ci first):\n${res.stdout}${res.stderr}`);
  return path.join(dir, 'out', 'index.js');
}

/** In a fresh process: the first (cold) run of each, as the action runs it once. */
async function work(bundle, tickets, results) {
  const m = await import(pathToFileURL(bundle).href);
  const cpu = (c) => (c.user + c.system) / 1000;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const set = m.readTickets(tickets);
  const plan = m.planTickets(set.tickets, {
    statuses: ['open', 'in_progress'],
    maxParallel: 256,
    allowUntagged: true,
    componentPrefix: 'component:',
    exclude: [],
  });
  m.planOutputs(plan);
  m.planSummary(plan, { componentPrefix: 'component:', maxParallel: 256, problems: set.problems, ticketCount: set.tickets.length });
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const r = m.readResults(results);
  const s = m.summarizeResults(r, [], new Set());
  m.summarizeOutputs(s, '/dev/null');
  m.buildFleetReport(s, results);
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  console.log(JSON.stringify({ plan: t1 - t0, summarize: t2 - t1, planCpu: cpu(c1) - cpu(c0), summarizeCpu: cpu(c2) - cpu(c1) }));
}

function main() {
  const plan = path.join(ROOT, 'dist', 'plan', 'index.js');
  const summarize = path.join(ROOT, 'dist', 'summarize', 'index.js');
  for (const f of [plan, summarize]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run npm run build`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-fleet-'));
  try {
    const tickets = path.join(tmp, 'tickets');
    const results = path.join(tmp, 'results');
    fs.mkdirSync(tickets);
    fs.mkdirSync(results);
    writeTickets(tickets, TICKETS);
    writeResults(results, RESULTS);
    const domain = bundleDomain();
    const inside = { plan: [], summarize: [], planCpu: [], summarizeCpu: [] };
    for (let i = 0; i < RUNS; i++) {
      const res = spawnSync(process.execPath, [SELF, '--work', domain, tickets, results], { encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`the in-process run failed: ${res.stderr}`);
      const t = JSON.parse(res.stdout.trim().split('\n').at(-1));
      for (const k of Object.keys(inside)) inside[k].push(t[k]);
    }
    const times = { plan: [], summarize: [], node: [], planCpu: [], summarizeCpu: [], nodeCpu: [] };
    let planOut = '';
    let summaryLine = '';
    for (let i = 0; i < RUNS; i++) {
      const n = timed(['-e', '0'], {}, tmp);
      times.node.push(n.ms);
      times.nodeCpu.push(n.cpu);
      const p = runBundle(plan, { 'tickets-dir': tickets, statuses: 'open,in_progress', 'max-parallel': '256', 'allow-untagged': 'true' }, tmp);
      times.plan.push(p.ms);
      times.planCpu.push(p.cpu);
      planOut = p.stdout.split('\n').find((l) => l.startsWith('ralph-dispatch plan:')) ?? '';
      const s = runBundle(summarize, { 'results-dir': results, 'fail-on': 'none' }, tmp);
      times.summarize.push(s.ms);
      times.summarizeCpu.push(s.cpu);
      summaryLine = s.stdout.split('\n')[0];
    }
    const out = {
      tickets: TICKETS,
      results: RESULTS,
      node: stats(times.node),
      plan: stats(times.plan),
      summarize: stats(times.summarize),
      work: { plan: stats(inside.plan), summarize: stats(inside.summarize), planCpu: stats(inside.planCpu), summarizeCpu: stats(inside.summarizeCpu) },
      cpu: { node: stats(times.nodeCpu), plan: stats(times.planCpu), summarize: stats(times.summarizeCpu) },
      loadavg: os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' '),
      planLine: planOut.slice(0, 120),
      summaryLine,
    };
    const row = (name, work, workCpu, st, cpu, target) => [
      name,
      `${fmt(work.median)} ms (${fmt(work.min)}–${fmt(work.max)}); CPU ${fmt(workCpu.median)} ms`,
      `whole step ${fmt(st.median)} ms, CPU ${fmt(cpu.median)} ms; node -e 0 ${fmt(out.node.median)} ms, CPU ${fmt(out.cpu.node.median)} ms`,
      '',
      `< ${target} ms`,
      work.median < target ? 'met' : '**missed**',
    ];
    out.rows = [
      row(
        `plan, ${TICKETS.toLocaleString('en')} tickets (read, plan, outputs, summary)`,
        out.work.plan,
        out.work.planCpu,
        out.plan,
        out.cpu.plan,
        TARGETS.planMs,
      ),
      row(
        `summarize, ${RESULTS} result files (read, tally, report)`,
        out.work.summarize,
        out.work.summarizeCpu,
        out.summarize,
        out.cpu.summarize,
        TARGETS.summarizeMs,
      ),
    ];
    const line = (st, cpu) => `${fmt(st.median)} ms wall (min ${fmt(st.min)}, max ${fmt(st.max)}, n=${st.n}), CPU ${fmt(cpu.median)} ms (min ${fmt(cpu.min)})`;
    const work = (st, c) => `${fmt(st.median)} ms (min ${fmt(st.min)}, max ${fmt(st.max)}, n=${st.n}), CPU ${fmt(c.median)} ms (min ${fmt(c.min)})`;
    log(`  plan of ${TICKETS} tickets, the work: ${work(out.work.plan, out.work.planCpu)}; the whole step: ${line(out.plan, out.cpu.plan)}`);
    log(`    ${out.planLine}`);
    log(
      `  summarize of ${RESULTS} results, the work: ${work(out.work.summarize, out.work.summarizeCpu)}; the whole step: ${line(out.summarize, out.cpu.summarize)}`,
    );
    log(`    ${out.summaryLine}`);
    log(`  node -e 0: ${line(out.node, out.cpu.node)}; load average ${out.loadavg}`);
    if (JSON_OUT) console.log(JSON.stringify(out));
    return out;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(path.join(ROOT, '.tmp', 'bench-fleet'), { recursive: true, force: true });
  }
}

if (args[0] === '--work') await work(args[1], args[2], args[3]);
else main();
