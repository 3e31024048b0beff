#!/usr/bin/env node
// Issue 9 #0 in bulk: the daemonizing pattern `setsid -f bash -c "sleep 0.00N; sleep 300 & exit 0"; exit 0`
// run through the bundled action (dist/index.js, as the runner runs it), N runs, P at a time.
// After each main step exits, /proc is scanned for any process carrying the run's tag: that is
// a process of the run that survived the main step. Prints the count, then kills them.
//
// Usage: node bench/daemonize.mjs [--runs 200] [--parallel 2] [--root DIR] [--no-setsid]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
};
const ROOT = path.resolve(opt('root', path.join(path.dirname(fileURLToPath(import.meta.url)), '..')));
const RUNS = Number(opt('runs', 200));
const PARALLEL = Number(opt('parallel', 2));
const SETSID = !argv.includes('--no-setsid');
const COMMAND = `${SETSID ? 'setsid -f ' : ''}bash -c "sleep 0.00$((RANDOM%9)); sleep 300 & exit 0"; exit 0`;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-daemonize-'));

/** Pids of live processes whose environment holds RALPH_DISPATCH_RUN_ID=<runId>. */
function aliveWithTag(runId) {
  const tag = `RALPH_DISPATCH_RUN_ID=${runId}`;
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'latin1');
      if (['Z', 'X'].includes(stat.slice(stat.lastIndexOf(')') + 2)[0])) continue;
      if (fs.readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(tag)) out.push(Number(name));
    } catch {
      // gone or not ours to read
    }
  }
  return out;
}

function runOnce(i) {
  const dir = fs.mkdtempSync(path.join(TMP, `run-${i}-`));
  const env = { ...process.env, RUNNER_TEMP: dir, GITHUB_WORKSPACE: ROOT };
  for (const name of Object.keys(env)) if (name.startsWith('INPUT_') || name.startsWith('STATE_')) delete env[name];
  for (const [name, file] of Object.entries({ GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md' })) {
    env[name] = path.join(dir, file);
    fs.writeFileSync(env[name], '');
  }
  Object.assign(env, { INPUT_COMMAND: COMMAND, INPUT_TICKET: `d-${i}`, INPUT_STDIN: 'closed', INPUT_SHELL: 'bash', 'INPUT_TERM-GRACE': '1s' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'index.js')], { env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('close', () => {
      const state = fs.readFileSync(env.GITHUB_STATE, 'utf8');
      const runId = /run-id<<(\S+)\n([0-9a-f]+)\n/.exec(state)?.[2];
      const output = fs.readFileSync(env.GITHUB_OUTPUT, 'utf8');
      const status = /status<<(\S+)\n(\S+)\n/.exec(output)?.[2];
      const left = runId ? aliveWithTag(runId) : [];
      for (const pid of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      resolve({ runId, status, left: left.length });
    });
  });
}

const t0 = performance.now();
const results = [];
for (let i = 0; i < RUNS; i += PARALLEL) {
  results.push(...(await Promise.all(Array.from({ length: Math.min(PARALLEL, RUNS - i) }, (_, j) => runOnce(i + j)))));
}
fs.rmSync(TMP, { recursive: true, force: true });
const runsLeaving = results.filter((r) => r.left > 0).length;
const processes = results.reduce((n, r) => n + r.left, 0);
const statuses = {};
for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
console.log(`command: ${COMMAND}`);
console.log(
  `${RUNS} runs, ${PARALLEL} at a time, ${((performance.now() - t0) / 1000).toFixed(1)} s: ${runsLeaving} left a process of the run alive after main (${processes} processes); statuses ${JSON.stringify(statuses)}`,
);
process.exitCode = runsLeaving > 0 ? 1 : 0;
