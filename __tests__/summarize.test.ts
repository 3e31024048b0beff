import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { STATUSES, type Status } from '../src/constants.js';
import { RESULT_SCHEMA, REPORT_MAX_CHARS, SEVERITY, SUMMARIZE_DEFAULTS, SummarizeInputs, SummarizeOutputs } from '../src/summarize/constants.js';
import { run } from '../src/summarize/main.js';
import { buildFleetReport, summarizeResults } from '../src/summarize/report.js';
import { checkResult, readResults } from '../src/summarize/results.js';
import { parseSummarizeSettings } from '../src/summarize/settings.js';
import { ROOT, tempDir } from './support/harness.js';
import { runEntry } from './support/fleet.js';

const ALL_FAIL_ON = new Set(SUMMARIZE_DEFAULTS[SummarizeInputs.FailOn].split(','));

/** A result record as the main action writes it (README, "Outputs"). */
function record(ticket: string | null, status: Status, extra: Record<string, unknown> = {}) {
  return {
    schema: RESULT_SCHEMA,
    ticket,
    status,
    'exit-code': status === 'completed' ? 0 : status === 'failed' ? 1 : null,
    signal: status === 'timeout' || status === 'terminated' ? 'SIGKILL' : null,
    termination: status === 'error' ? null : status === 'completed' ? 'eof' : status === 'failed' ? 'natural' : 'sigkill',
    'duration-ms': 61_000,
    'orphans-killed': status === 'timeout' ? 2 : 0,
    'marker-seen': status === 'completed',
    'log-file': `/tmp/ralph-dispatch/${ticket}.log`,
    'result-file': `/tmp/ralph-dispatch/${ticket}.result.json`,
    'report-file': `/tmp/ralph-dispatch/${ticket}.report.md`,
    'started-at': '2026-12-01T08:00:00.000Z',
    'ended-at': '2026-12-01T08:01:01.000Z',
    'run-url': 'https://github.com/o/r/actions/runs/42',
    timeline: [{ event: 'spawn', 'at-ms': 0, detail: null }],
    ...extra,
  };
}

/** Writes results the way download-artifact with merge-multiple leaves them (one folder), plus one nested folder. */
function writeResults(dir: string, records: ReturnType<typeof record>[]): void {
  for (const r of records) fs.writeFileSync(path.join(dir, `${r.ticket}.result.json`), `${JSON.stringify(r, null, 2)}\n`);
}

/** 256 tickets: statuses in a fixed rotation, so every count is known. */
function fleetOf256(dir: string): Record<Status, number> {
  const rotation: Status[] = ['completed', 'completed', 'completed', 'failed', 'timeout', 'completed', 'terminated', 'cancelled', 'error', 'completed'];
  const records = Array.from({ length: 256 }, (_, i) => record(`pt-${String(i).padStart(3, '0')}`, rotation[i % rotation.length]));
  writeResults(dir, records);
  // 256 = 25 full rotations (5 completed, one each of the others) + 6 more (3 completed, failed, timeout, completed).
  return { completed: 25 * 5 + 4, failed: 26, timeout: 26, terminated: 25, cancelled: 25, error: 25 };
}

describe('result files', () => {
  it('accepts a record of the schema, and says what is wrong with one that is not', () => {
    const ok = record('pt-1', 'timeout');
    expect(checkResult('f.json', JSON.stringify(ok))).toEqual({
      record: {
        file: 'f.json',
        ticket: 'pt-1',
        status: 'timeout',
        termination: 'sigkill',
        exitCode: null,
        signal: 'SIGKILL',
        durationMs: 61000,
        orphansKilled: 2,
        markerSeen: false,
        runUrl: 'https://github.com/o/r/actions/runs/42',
      },
    });
    expect(checkResult('f.json', '{"schema": "ralph')).toEqual({ why: expect.stringMatching(/^not JSON/) });
    expect(checkResult('f.json', '[1]')).toEqual({ why: 'not a JSON object' });
    expect(checkResult('f.json', JSON.stringify({ ...ok, schema: 'other/x@1' }))).toEqual({ why: 'schema is "other/x@1", not "ralph-dispatch/result@1"' });
    expect(checkResult('f.json', JSON.stringify({ ...ok, status: 'done' }))).toEqual({
      why: 'status "done" is not one of completed, failed, timeout, terminated, cancelled, error',
    });
    expect(checkResult('f.json', JSON.stringify({ ...ok, 'duration-ms': '61s', 'orphans-killed': true }))).toEqual({
      why: 'duration-ms is not a number; orphans-killed is not a number',
    });
  });

  it('finds every *.json below the folder (merged or one folder per artifact), and nothing else', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'ralph-result-pt-2'));
    writeResults(dir, [record('pt-1', 'completed')]);
    writeResults(path.join(dir, 'ralph-result-pt-2'), [record('pt-2', 'failed')]);
    fs.writeFileSync(path.join(dir, 'pt-1.log'), '{}');
    fs.writeFileSync(path.join(dir, 'pt-1.report.md'), '# report');
    const set = readResults(dir);
    expect(set.records.map((r) => r.ticket)).toEqual(['pt-1', 'pt-2']);
    expect(set.invalid).toEqual([]);
  });
});

describe('the fleet summary', () => {
  it('256 results and a malformed file: exact counts, worst first, a report under 60,000 characters', () => {
    const dir = tempDir();
    const expected = fleetOf256(dir);
    fs.writeFileSync(path.join(dir, 'pt-bad.result.json'), '{"schema": "ralph-dispatch/result@1", "status": ');
    const set = readResults(dir);
    const s = summarizeResults(set, [], ALL_FAIL_ON);
    expect(s.counts).toEqual(expected);
    expect(s.total).toBe(257);
    expect(s.invalid.map((f) => path.basename(f.file))).toEqual(['pt-bad.result.json']);
    expect(s.rows.map((r) => r.status)).toEqual(SEVERITY.flatMap((st) => Array(expected[st]).fill(st)));
    expect(s.failedTickets.slice(0, 3)).toEqual(['pt-008', 'pt-018', 'pt-028']);
    expect(s.failedTickets).toHaveLength(256 - expected.completed);
    expect(s.completedTickets).toHaveLength(expected.completed);
    expect(s.failing).toEqual([
      { outcome: 'failed', count: 26 },
      { outcome: 'timeout', count: 26 },
      { outcome: 'terminated', count: 25 },
      { outcome: 'cancelled', count: 25 },
      { outcome: 'error', count: 25 },
      { outcome: 'invalid', count: 1 },
    ]);
    const report = buildFleetReport(s, dir);
    expect(report.length).toBeLessThan(REPORT_MAX_CHARS);
    expect(report.split('\n').slice(0, 3)).toEqual([
      '## ralph-dispatch fleet: 129 of 257 completed',
      '',
      '**257 result files**: 129 completed · 26 failed · 26 timeout · 25 terminated · 25 cancelled · 25 error · 1 invalid',
    ]);
    const rows = report.split('\n').filter((l) => l.startsWith('| **') || l.startsWith('| completed'));
    expect(rows).toHaveLength(256);
    expect(rows[0]).toBe('| **error** | `pt-008` |  |  | 1m1s | 0 | [run](https://github.com/o/r/actions/runs/42) |');
    expect(rows[255]).toBe('| completed | `pt-255` | eof | exit 0 | 1m1s | 0 | [run](https://github.com/o/r/actions/runs/42) |');
    expect(report).toContain('- `pt-bad.result.json`: not JSON');
  });

  it('a report too long for a comment is cut at a row, saying how many rows were left out', () => {
    const dir = tempDir();
    writeResults(
      dir,
      Array.from({ length: 256 }, (_, i) => record(`pt-${'x'.repeat(200)}-${i}`, 'failed')),
    );
    const report = buildFleetReport(summarizeResults(readResults(dir), [], ALL_FAIL_ON), dir);
    expect(report.length).toBeLessThanOrEqual(REPORT_MAX_CHARS);
    const shown = report.split('\n').filter((l) => l.startsWith('| **failed**')).length;
    expect(shown).toBeGreaterThan(100);
    expect(shown).toBeLessThan(256);
    expect(report).toContain(`… ${256 - shown} more rows left out to fit a comment`);
  });

  it('expected tickets without a result are missing, and listed after the failed ones', () => {
    const dir = tempDir();
    writeResults(dir, [record('pt-1', 'completed'), record('pt-2', 'timeout')]);
    const s = summarizeResults(readResults(dir), ['pt-1', 'pt-2', 'pt-3'], ALL_FAIL_ON);
    expect(s.missing).toEqual(['pt-3']);
    expect(s.failedTickets).toEqual(['pt-2', 'pt-3']);
    expect(s.failing).toEqual([
      { outcome: 'timeout', count: 1 },
      { outcome: 'missing', count: 1 },
    ]);
  });
});

describe('inputs', () => {
  const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

  it('action.yml: the defaults of the code, an output per status, the bundle beside plan/', () => {
    const yml = parseYaml(fs.readFileSync(path.join(ROOT, 'summarize', 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default: string }>;
      outputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    expect(Object.fromEntries(Object.entries(yml.inputs).map(([k, v]) => [k, v.default]))).toEqual(SUMMARIZE_DEFAULTS);
    expect(Object.keys(yml.outputs).sort()).toEqual([...STATUSES, ...Object.values(SummarizeOutputs)].sort());
    expect(yml.runs).toEqual({ using: 'node24', main: '../dist/summarize/index.js' });
  });

  it.each([
    ['fail-on', 'failed,bogus', /^Input 'fail-on' has an invalid value "failed,bogus": use statuses among/],
    ['fail-on', 'none error', /^Input 'fail-on' has an invalid value "none error": none cannot be combined/],
    ['results-dir', 'package.json', /^Input 'results-dir' has an invalid value "package.json": not a directory/],
  ])('%s: %j is an error naming the input and the value', (name, value, message) => {
    expect(() => parseSummarizeSettings(read({ [name]: value }), ROOT)).toThrow(message);
  });
});

describe('the entry module, with @actions/core', () => {
  it('every output, a warning naming the malformed file, the report file and the failure', async () => {
    const dir = tempDir();
    writeResults(dir, [record('pt-1', 'completed'), record('pt-2', 'failed'), record('pt-3', 'completed')]);
    fs.writeFileSync(path.join(dir, 'junk.json'), 'not json');
    const r = await runEntry(() => run(dir), { 'results-dir': '.', tickets: 'pt-1 pt-2 pt-3 pt-4' });
    expect(r.error).toBeUndefined();
    expect(r.value).toBe('ralph-dispatch fleet: 1 failed, 1 invalid, 1 missing (fail-on): pt-2 pt-4');
    const reportFile = r.outputs['report-file'];
    expect(r.outputs).toEqual({
      total: '4',
      completed: '2',
      failed: '1',
      timeout: '0',
      terminated: '0',
      cancelled: '0',
      error: '0',
      invalid: '1',
      missing: '1',
      'failed-tickets': 'pt-2 pt-4',
      'completed-tickets': 'pt-1 pt-3',
      'completed-matrix': '{"include":[{"ticket":"pt-1"},{"ticket":"pt-3"}]}',
      'report-file': expect.stringMatching(/ralph-dispatch\/fleet-report\.md$/),
    });
    expect(fs.readFileSync(reportFile, 'utf8')).toBe(r.summary);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^::warning title=ralph-dispatch summarize::junk\.json is not a ralph-dispatch result file and is counted invalid: not JSON/),
    ]);
  });

  it('fail-on none: the same fleet does not fail the step', async () => {
    const dir = tempDir();
    writeResults(dir, [record('pt-1', 'error')]);
    const r = await runEntry(() => run(dir), { 'results-dir': '.', 'fail-on': 'none' });
    expect(r.value).toBeUndefined();
    expect(r.outputs.error).toBe('1');
  });

  it('no results folder (no job uploaded anything): a warning, zero results, the dispatched tickets missing', async () => {
    const dir = tempDir();
    const r = await runEntry(() => run(dir), { 'results-dir': 'ralph-results', tickets: 'pt-1' });
    expect(r.warnings).toEqual([expect.stringMatching(/^::warning title=ralph-dispatch summarize::no result files: .*ralph-results does not exist/)]);
    expect(r.outputs.total).toBe('0');
    expect(r.outputs.missing).toBe('1');
    expect(r.value).toBe('ralph-dispatch fleet: 1 missing (fail-on): pt-1');
  });
});
