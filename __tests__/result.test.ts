/**
 * result-file and report-file, from real runs of the built action (dist/, as the runner runs it)
 * for every status, bad input and a cancel included; then the report's bound with a 250 MB log
 * whose tail is Markdown, HTML and backticks; then the pure builders on what real runs rarely
 * produce (a summary too long even without its log tail).
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { InputName } from '../src/constants.js';
import type { ProcInfo } from '../src/reaper.js';
import { buildSummary, type ReportContext } from '../src/report.js';
import { sampleResult } from './support/results.js';
import { type ActionRun, aliveWithTag, killTagged, type InputMap, ROOT, startAction, tempDir, waitForOutput } from './support/harness.js';

// ---------------------------------------------------------------------------------------------
// One in-process run, for the cancel that arrives before the session starts (the edge mocked:
// the runner's side, under either module main.ts may speak it through).
// ---------------------------------------------------------------------------------------------
const rec = { inputs: {} as Partial<Record<InputName, string>>, outputs: {} as Record<string, string>, summary: [] as string[] };
const runnerSide = () => {
  const summary = {
    addRaw(text: string) {
      rec.summary.push(text);
      return summary;
    },
    async write() {
      return summary;
    },
  };
  return {
    getInput: (name: InputName) => (rec.inputs[name] ?? '').trim(),
    getBooleanInput: (name: InputName) => ['true', 'True', 'TRUE'].includes((rec.inputs[name] ?? '').trim()),
    setOutput: (name: string, value: unknown) => {
      rec.outputs[name] = String(value);
    },
    saveState: () => undefined,
    notice: () => undefined,
    warning: () => undefined,
    error: () => undefined,
    setFailed: () => undefined,
    summary,
  };
};
jest.unstable_mockModule('@actions/core', runnerSide);
const { run } = await import('../src/main.js');
const { buildReport, REPORT_MAX_CHARS, runFilePaths, runUrl } = await import('../src/result.js');

const actionYml = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> };
const OUTPUTS = Object.keys(actionYml.outputs);
const EVENTS = [
  'spawned',
  'first-output',
  'marker',
  'timeout',
  'idle',
  'cancel',
  'completion-grace-over',
  'eof',
  'sigterm',
  'sigkill',
  'exit',
  'last-process-gone',
];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const GITHUB = { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '4242', GITHUB_JOB: 'agent' };
const NO_GITHUB = { GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', GITHUB_RUN_ID: '', GITHUB_JOB: '' };

const runIds = new Set<string>();
afterEach(async () => {
  await killTagged(runIds);
  runIds.clear();
});

/** An output string the way the README says the record holds it. */
function asJson(value: string): unknown {
  if (value === '') return null;
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^-?\d+$/.test(value)) return Number(value);
  return value;
}

type Record_ = Record<string, unknown> & { timeline: { event: string; 'at-ms': number; detail: string | null }[] };

/** Reads and checks both files of a run against its outputs; returns the record. */
function checkFiles(
  outputs: Record<string, string>,
  summary: string,
  t0: number,
  t1: number,
  expect_: { ticket: string | null; url: string | null; reportIsSummary?: boolean },
): Record_ {
  const resultFile = outputs['result-file'];
  const reportFile = outputs['report-file'];
  expect(resultFile).toMatch(/\.result\.json$/);
  expect(reportFile).toMatch(/\.report\.md$/);
  for (const file of [resultFile, reportFile]) expect(fs.statSync(file).mode & 0o777).toBe(0o600);

  const record = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Record_;
  expect(Object.keys(record).sort()).toEqual(['schema', 'ticket', ...OUTPUTS, 'started-at', 'ended-at', 'run-url', 'timeline'].sort());
  expect(record.schema).toBe('ralph-dispatch/result@1');
  expect(record.ticket).toBe(expect_.ticket);
  // Every output, equal to the step's output: numbers as numbers, booleans as booleans, empty as null.
  expect(Object.keys(outputs).sort()).toEqual([...OUTPUTS].sort());
  for (const name of OUTPUTS) expect([name, record[name]]).toStrictEqual([name, asJson(outputs[name])]);
  expect(typeof record['duration-ms']).toBe('number');
  expect(typeof record['orphans-killed']).toBe('number');
  expect(typeof record['marker-seen']).toBe('boolean');
  expect(record['result-file']).toBe(resultFile);

  for (const name of ['started-at', 'ended-at'] as const) {
    expect(record[name]).toMatch(ISO);
    const at = Date.parse(record[name] as string);
    expect(at).toBeGreaterThanOrEqual(t0);
    expect(at).toBeLessThanOrEqual(t1);
  }
  expect(Date.parse(record['ended-at'] as string)).toBeGreaterThanOrEqual(Date.parse(record['started-at'] as string));
  expect(record['run-url']).toBe(expect_.url);

  // The timeline: the summary's, row for row, in order.
  const rows = summary.split('\n').filter((l) => /^\| \+\S+ \| /.test(l));
  expect(record.timeline).toHaveLength(rows.length);
  let last = 0;
  for (const e of record.timeline) {
    expect(EVENTS).toContain(e.event);
    expect(Number.isInteger(e['at-ms'])).toBe(true);
    expect(e['at-ms']).toBeGreaterThanOrEqual(last);
    last = e['at-ms'];
    expect(e.detail === null || typeof e.detail === 'string').toBe(true);
  }

  const report = fs.readFileSync(reportFile, 'utf8');
  expect(report.length).toBeLessThanOrEqual(REPORT_MAX_CHARS);
  if (expect_.reportIsSummary ?? true) expect(report).toBe(summary);
  return record;
}

async function runBuilt(inputs: InputMap, env: NodeJS.ProcessEnv): Promise<{ run: ActionRun; t0: number; t1: number }> {
  const t0 = Date.now();
  const action = startAction(inputs, { extraEnv: env });
  const run = await action.done;
  const t1 = Date.now();
  if (run.state['run-id']) runIds.add(run.state['run-id']);
  return { run, t0, t1 };
}

describe('result-file and report-file of the built action, for each status', () => {
  const marker = '<promise>COMPLETE</promise>';
  const cases: [string, InputMap, NodeJS.ProcessEnv, Record<string, unknown>][] = [
    [
      'completed (exit 0)',
      { command: 'echo hi', ticket: 'pt-res/1' },
      GITHUB,
      { status: 'completed', 'exit-code': 0, termination: 'natural', signal: null, 'marker-seen': false },
    ],
    [
      'completed (marker, tty, closed by EOF)',
      { command: 'node example/agent-session.mjs', ticket: 'pt-res-2', stdin: 'tty', 'completion-marker': marker, 'completion-grace': '100ms', timeout: '30s' },
      NO_GITHUB,
      { status: 'completed', 'exit-code': 0, termination: 'eof', 'marker-seen': true },
    ],
    ['failed', { command: 'echo failing; exit 3', ticket: 'pt-res-3' }, GITHUB, { status: 'failed', 'exit-code': 3, signal: null, termination: 'natural' }],
    [
      'timeout',
      { command: 'echo started; sleep 30', ticket: 'pt-res-4', timeout: '1s', 'term-grace': '5s' },
      GITHUB,
      { status: 'timeout', 'exit-code': null, termination: 'sigterm', signal: 'SIGTERM' },
    ],
    ['terminated', { command: 'echo dying; kill -KILL $$', ticket: 'pt-res-5' }, NO_GITHUB, { status: 'terminated', 'exit-code': null, signal: 'SIGKILL' }],
    [
      'error: bad input, valid ticket',
      { command: 'echo never', ticket: 'pt-res-6', timeout: 'abc' },
      GITHUB,
      { status: 'error', 'exit-code': null, termination: null, 'log-file': null, 'duration-ms': 0 },
    ],
    ['error: bad ticket (named by the run)', { command: 'echo never', ticket: 'x; touch pwned' }, GITHUB, { status: 'error', 'log-file': null }],
    [
      'error: missing working-directory',
      { command: 'echo never', ticket: 'pt-res-8', 'working-directory': '/nonexistent/rd-wd' },
      NO_GITHUB,
      { status: 'error', termination: null },
    ],
  ];

  it.each(cases)('%s: the JSON parses, its values equal the step outputs, the report is the summary', async (_what, inputs, env, fields) => {
    const { run, t0, t1 } = await runBuilt(inputs, env);
    expect(run.code).toBe(fields.status === 'completed' ? 0 : 1);
    const validTicket = inputs.ticket && !inputs.ticket.includes(' ') ? inputs.ticket : null;
    const url = env.GITHUB_RUN_ID ? 'https://github.example/acme/app/actions/runs/4242' : null;
    const record = checkFiles(run.outputs, run.summary, t0, t1, { ticket: validTicket, url });
    expect(record).toMatchObject(fields);
    // Next to the default log, in RUNNER_TEMP, named by the ticket ('/' made '_') or by the run.
    const base = validTicket ? validTicket.replaceAll('/', '_') : `run-${env.GITHUB_RUN_ID}-${env.GITHUB_JOB}`;
    expect(run.outputs['result-file']).toBe(path.join(run.dir, 'ralph-dispatch', `${base}.result.json`));
    expect(run.outputs['report-file']).toBe(path.join(run.dir, 'ralph-dispatch', `${base}.report.md`));
    if (record.status === 'error') {
      expect(record.timeline).toEqual([]);
      expect(fs.readFileSync(run.outputs['report-file'], 'utf8')).toMatch(/^## .*: error$/m);
    } else {
      expect(record.timeline[0].event).toBe('spawned');
      expect(record.timeline.at(-1)?.event).toBe('last-process-gone');
    }
    if (record.status === 'timeout') expect(record.timeline.map((e) => e.event)).toEqual(expect.arrayContaining(['timeout', 'sigterm', 'exit']));
  });

  it("cancelled (the runner's SIGINT while the session runs): both files, status cancelled", async () => {
    const t0 = Date.now();
    const action = startAction({ command: 'echo "started-$((6 * 7))"; sleep 300', ticket: 'pt-res-9', timeout: '10m' }, { extraEnv: GITHUB });
    await waitForOutput(action.child.stdout as NodeJS.ReadableStream, 'started-42');
    action.child.kill('SIGINT');
    // The runner's follow-ups, should the action still be there (it must not be).
    const timers = [setTimeout(() => action.child.kill('SIGTERM'), 7500), setTimeout(() => action.child.kill('SIGKILL'), 10_000)];
    const run = await action.done;
    for (const t of timers) clearTimeout(t);
    runIds.add(run.state['run-id']);
    const record = checkFiles(run.outputs, run.summary, t0, Date.now(), { ticket: 'pt-res-9', url: 'https://github.example/acme/app/actions/runs/4242' });
    expect(run.code).toBe(1);
    expect(record).toMatchObject({ status: 'cancelled', 'exit-code': null, 'marker-seen': false });
    expect(record.timeline.map((e) => e.event)).toContain('cancel');
    expect(aliveWithTag(run.state['run-id'])).toEqual([]);
  });
});

describe('cancelled before the session started (in process)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['RUNNER_TEMP', 'GITHUB_WORKSPACE', 'GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ID']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('a SIGINT while the inputs are read: status cancelled, nothing started, both files written', async () => {
    const dir = tempDir('rd-result-');
    Object.assign(process.env, { RUNNER_TEMP: dir, GITHUB_WORKSPACE: dir, ...NO_GITHUB });
    const started = path.join(dir, 'started');
    rec.inputs = { command: `touch '${started}'`, ticket: 'pt-res-10' };
    rec.outputs = {};
    rec.summary = [];
    const t0 = Date.now();
    // run() installs its signal handlers before its first await (reading the inputs).
    const running = run();
    process.emit('SIGINT', 'SIGINT');
    expect(await running).toBe(1);
    expect(fs.existsSync(started)).toBe(false);
    const record = checkFiles(rec.outputs, rec.summary.join(''), t0, Date.now(), { ticket: 'pt-res-10', url: null });
    expect(record).toMatchObject({ status: 'cancelled', 'exit-code': null, termination: null, 'duration-ms': 0, timeline: [] });
    // No session, no log: log-file never names a file that does not exist.
    expect(record['log-file']).toBeNull();
    expect(rec.outputs['result-file']).toBe(path.join(dir, 'ralph-dispatch', 'pt-res-10.result.json'));
  });
});

describe('the report with a 250 MB log whose tail is Markdown, HTML and backticks', () => {
  it('stays within 60,000 characters, keeps as many tail lines as fit, escaped inside one <pre>', async () => {
    const line = '<a href="x">`y`</a> | **b** &amp; [z](javascript:alert(1)) <!-- c --> '.repeat(15);
    const last = 'THE END </pre></details> ``` <script>alert(1)</script> @octocat';
    const SIZE = 250_000_000;
    // `|| true`: yes dies of SIGPIPE when head has had enough, and bash runs with pipefail.
    const command = `L='${line}'; (yes "$L" || true) | head -c ${SIZE}; printf '\\n%s\\n' '${last}'`;
    const t0 = Date.now();
    const action = startAction({ command, ticket: 'pt-big', timeout: '5m' }, { extraEnv: NO_GITHUB });
    // The job log: drained and dropped (250 MB would otherwise sit in this test's memory).
    action.child.stdout?.removeAllListeners('data');
    action.child.stdout?.resume();
    const run = await action.done;
    runIds.add(run.state['run-id']);
    expect(run.outputs.status).toBe('completed');
    const logFile = run.outputs['log-file'];
    expect(fs.statSync(logFile).size).toBe(SIZE + Buffer.byteLength(`\n${last}\n`));
    fs.rmSync(logFile);

    const record = checkFiles(run.outputs, run.summary, t0, Date.now(), { ticket: 'pt-big', url: null, reportIsSummary: false });
    expect(record['marker-seen']).toBe(false);
    const report = fs.readFileSync(run.outputs['report-file'], 'utf8');
    // The summary is over the bound, the report within it.
    expect(run.summary.length).toBeGreaterThan(REPORT_MAX_CHARS);
    expect(report.length).toBeLessThanOrEqual(REPORT_MAX_CHARS);
    // The same summary up to the log block.
    const block = report.indexOf('<details>');
    expect(block).toBeGreaterThan(0);
    expect(report.slice(0, block)).toBe(run.summary.slice(0, run.summary.indexOf('<details>')));
    // One block, closed; everything the log printed is escaped inside it.
    const count = (s: string) => report.split(s).length - 1;
    expect([count('<details>'), count('</details>'), count('<pre>'), count('</pre>')]).toEqual([1, 1, 1, 1]);
    expect(report.endsWith('</pre>\n</details>\n')).toBe(true);
    const pre = report.slice(report.indexOf('<pre>') + 5, report.indexOf('</pre>'));
    expect(pre).not.toMatch(/[<>]/);
    expect(report.slice(0, report.indexOf('<pre>'))).not.toContain('```');
    expect(pre.endsWith('THE END &#60;/pre&#62;&#60;/details&#62; ``` &#60;script&#62;alert(1)&#60;/script&#62; @octocat')).toBe(true);
    // As many lines as fit: fewer than the summary's 50, and one more would not fit.
    const kept = Number(/Last (\d+) lines of the log/.exec(report)?.[1]);
    expect(kept).toBeGreaterThan(1);
    expect(kept).toBeLessThan(50);
    expect(pre.split('\n')).toHaveLength(kept);
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------
// The pure builders
// ---------------------------------------------------------------------------------------------

const ctx: ReportContext = { ticket: 'pt-7jzy', timeoutMs: 60_000, idleTimeoutMs: 0, completionGraceMs: 30_000 };
const proc = (pid: number, command: string): ProcInfo => ({ pid, ppid: 1, state: 'S', command });

const result = sampleResult;

describe('buildReport', () => {
  const tail = Buffer.from(Array.from({ length: 60 }, (_, i) => `line ${i} <${'x'.repeat(40)}>`).join('\n') + '\n');

  it('is the summary when it fits, and keeps the most tail lines that fit when it does not', () => {
    const r = result({ tail, logBytes: tail.length });
    const full = buildSummary(r, ctx);
    expect(buildReport(r, ctx)).toBe(full);
    expect(buildReport(r, ctx, full.length)).toBe(full);
    const shorter = buildReport(r, ctx, full.length - 1);
    expect(shorter.length).toBeLessThanOrEqual(full.length - 1);
    expect(shorter).toContain('Last 49 lines of the log');
    expect(shorter).toContain('line 59 &#60;');
    expect(shorter).not.toContain('line 10 ');
    // A bound that leaves no room for any line: the block says so, still closed.
    const none = buildReport(r, ctx, full.indexOf('<pre>') + 30);
    expect(none).toContain('Last 0 lines of the log');
    expect(none.endsWith('</details>\n')).toBe(true);
  });

  it('a summary too long even without its tail (150 rows of escaped process names) is cut at a line, with a note', () => {
    const long = '<&>'.repeat(70);
    const r = result({
      status: 'error',
      orphans: Array.from({ length: 60 }, (_, i) => proc(1000 + i, long)),
      survivors: Array.from({ length: 60 }, (_, i) => proc(2000 + i, long)),
      faults: Array.from({ length: 60 }, (_, i) => ({ pid: 3000 + i, command: long, code: 'EPERM' })),
      tail,
      logBytes: tail.length,
    });
    expect(buildSummary(r, ctx).length).toBeGreaterThan(REPORT_MAX_CHARS);
    const report = buildReport(r, ctx);
    expect(report.length).toBeLessThanOrEqual(REPORT_MAX_CHARS);
    expect(report).toMatch(/\n\n\*\(cut to fit a comment: [^\n]*\)\*\n$/);
    expect(report).not.toContain('<details>');
    expect(report.startsWith(buildSummary(r, ctx).slice(0, 500))).toBe(true);
    // Cut at a line: every table row is whole.
    for (const l of report.split('\n').filter((x) => x.startsWith('|'))) expect(l.endsWith('|')).toBe(true);
  });

  it('shows control characters (but tab and newline) of the log tail escaped', () => {
    const r = result({ tail: Buffer.from('bell\x07 nul\x00 tab\there\n'), logBytes: 20 });
    const report = buildReport(r, ctx);
    expect(report).toContain('bell\\x07 nul\\x00 tab\there');
    // eslint-disable-next-line no-control-regex
    expect(report).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});

describe('runFilePaths and runUrl', () => {
  it('names the files after the ticket (/ made _) or the run, in RUNNER_TEMP/ralph-dispatch', () => {
    expect(runFilePaths('pt/7', { RUNNER_TEMP: '/rt' })).toEqual({
      resultFile: '/rt/ralph-dispatch/pt_7.result.json',
      reportFile: '/rt/ralph-dispatch/pt_7.report.md',
    });
    expect(runFilePaths('', { RUNNER_TEMP: '/rt', GITHUB_RUN_ID: '9', GITHUB_JOB: 'j' }).resultFile).toBe('/rt/ralph-dispatch/run-9-j.result.json');
    expect(runFilePaths('', { RUNNER_TEMP: '/rt' }, 77).reportFile).toBe('/rt/ralph-dispatch/run-77-job.report.md');
  });

  it('builds the run link from the three variables, null when one is missing', () => {
    expect(runUrl({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' })).toBe('https://github.com/o/r/actions/runs/1');
    expect(runUrl({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r' })).toBeNull();
    expect(runUrl({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' })).toBeNull();
  });
});
