/**
 * The fleet summary over result files written by real runs of the built action (dist/, as the
 * runner runs it), one ticket per status, laid out as download-artifact with merge-multiple
 * leaves them (one folder), plus a malformed file; then read by the summarize entry module with
 * the real @actions/core.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../src/summarize/main.js';
import { checkResult } from '../src/summarize/results.js';
import { type ActionRun, type InputMap, killTagged, startAction, tempDir, waitForOutput } from './support/harness.js';
import { runEntry } from './support/fleet.js';

const GITHUB = { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '4242', GITHUB_JOB: 'dispatch' };
const RUN_URL = 'https://github.example/acme/app/actions/runs/4242';
const MARKER = '<promise>COMPLETE</promise>';

/** One job of the fleet: ticket → inputs (each a different ending). */
const JOBS: [string, InputMap][] = [
  ['pt-r1', { command: 'echo done', timeout: '30s' }],
  ['pt-r2', { command: 'node example/agent-session.mjs', stdin: 'tty', 'completion-marker': MARKER, 'completion-grace': '100ms', timeout: '30s' }],
  ['pt-r3', { command: 'echo failing; exit 3' }],
  ['pt-r4', { command: 'echo started; sleep 30', timeout: '1s', 'term-grace': '1s' }],
  ['pt-r5', { command: 'echo dying; kill -KILL $$' }],
  ['pt-r6', { command: 'echo never', timeout: 'soon' }],
];

const runIds = new Set<string>();
const results = tempDir('rd-fleet-results-');
const runs = new Map<string, ActionRun>();

async function dispatch(ticket: string, inputs: InputMap, cancel = false): Promise<void> {
  const action = startAction({ ...inputs, ticket }, { extraEnv: GITHUB });
  if (cancel) {
    await waitForOutput(action.child.stdout as NodeJS.ReadableStream, 'started-42');
    action.child.kill('SIGINT');
  }
  const done = await action.done;
  if (done.state['run-id']) runIds.add(done.state['run-id']);
  runs.set(ticket, done);
  // What the job uploads and the summary job downloads into one folder.
  fs.copyFileSync(done.outputs['result-file'], path.join(results, path.basename(done.outputs['result-file'])));
}

beforeAll(async () => {
  await Promise.all([
    ...JOBS.map(([ticket, inputs]) => dispatch(ticket, inputs)),
    dispatch('pt-r7', { command: 'echo "started-$((6 * 7))"; sleep 300', timeout: '10m' }, true),
  ]);
  fs.writeFileSync(path.join(results, 'pt-r8.result.json'), '{"schema": "ralph-dispatch/result@1", "ticket": "pt-r8", "status": "compl');
}, 120_000);
afterAll(() => killTagged(runIds));

describe('summarize over result files of real runs', () => {
  it('each real result file is valid, and what it holds is what the step output', () => {
    for (const [ticket, r] of runs) {
      const checked = checkResult(r.outputs['result-file'], fs.readFileSync(r.outputs['result-file'], 'utf8'));
      expect('record' in checked).toBe(true);
      if (!('record' in checked)) continue;
      expect(checked.record).toEqual({
        file: r.outputs['result-file'],
        ticket,
        status: r.outputs.status,
        termination: r.outputs.termination || null,
        exitCode: r.outputs['exit-code'] === '' ? null : Number(r.outputs['exit-code']),
        signal: r.outputs.signal || null,
        durationMs: Number(r.outputs['duration-ms']),
        orphansKilled: Number(r.outputs['orphans-killed']),
        markerSeen: r.outputs['marker-seen'] === 'true',
        runUrl: RUN_URL,
      });
    }
    expect(Object.fromEntries([...runs].map(([t, r]) => [t, r.outputs.status]))).toEqual({
      'pt-r1': 'completed',
      'pt-r2': 'completed',
      'pt-r3': 'failed',
      'pt-r4': 'timeout',
      'pt-r5': 'terminated',
      'pt-r6': 'error',
      'pt-r7': 'cancelled',
    });
  });

  it('one report, worst first, the malformed file named and counted invalid, and the step fails', async () => {
    const r = await runEntry(() => run(results), { 'results-dir': '.', tickets: 'pt-r1 pt-r2 pt-r3 pt-r4 pt-r5 pt-r6 pt-r7 pt-r8 pt-r9' });
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      total: '8',
      completed: '2',
      failed: '1',
      timeout: '1',
      terminated: '1',
      cancelled: '1',
      error: '1',
      invalid: '1',
      missing: '2',
      'failed-tickets': 'pt-r6 pt-r5 pt-r4 pt-r3 pt-r7 pt-r8 pt-r9',
      'completed-tickets': 'pt-r1 pt-r2',
      'completed-matrix': '{"include":[{"ticket":"pt-r1"},{"ticket":"pt-r2"}]}',
    });
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^::warning title=ralph-dispatch summarize::pt-r8\.result\.json is not a ralph-dispatch result file and is counted invalid: not JSON/,
      ),
    ]);
    expect(r.value).toBe(
      'ralph-dispatch fleet: 1 failed, 1 timeout, 1 terminated, 1 cancelled, 1 error, 1 invalid, 2 missing (fail-on): pt-r6 pt-r5 pt-r4 pt-r3 pt-r7 pt-r8 pt-r9',
    );
    const rows = r.summary.split('\n').filter((l) => /^\| (\*\*)?\w+(\*\*)? \| `pt-/.test(l));
    expect(rows.map((l) => l.split(' | ')[1])).toEqual(['`pt-r6`', '`pt-r5`', '`pt-r4`', '`pt-r3`', '`pt-r7`', '`pt-r1`', '`pt-r2`']);
    expect(rows[0]).toBe('| **error** | `pt-r6` |  |  | 0ms | 0 | [run](https://github.example/acme/app/actions/runs/4242) |');
    expect(rows[1]).toMatch(/^\| \*\*terminated\*\* \| `pt-r5` \| natural \| SIGKILL \| [\d.hms]+ \| 0 \| \[run\]/);
    expect(rows[2]).toMatch(/^\| \*\*timeout\*\* \| `pt-r4` \| sigterm \| SIGTERM \| [\d.hms]+ \| 0 \| \[run\]/);
    expect(rows[3]).toMatch(/^\| \*\*failed\*\* \| `pt-r3` \| natural \| exit 3 \| /);
    expect(rows[6]).toMatch(/^\| completed \| `pt-r2` \| eof \| exit 0 \| /);
    expect(r.summary).toContain('### Missing');
    expect(r.summary.split('\n')[0]).toBe('## ralph-dispatch fleet: 2 of 9 completed');
  });
});
