#!/usr/bin/env node
// One orphan sweep with many processes alive: times `new RunProcesses(id).scan()` from
// src/reaper.ts, as the action runs it (no process carries the run's tag, so the sweep reads
// the whole process table and finds nothing).
//
// The action is one ncc bundle, so the reaper cannot be imported from dist/: this script
// bundles src/reaper.ts on its own with ncc (a devDependency, so `npm ci` first) into a temp
// dir. Then it starts N untagged `sleep` processes (default 2,000) and times ~20 scans in a
// fresh node process started after them, as the action would be on a busy machine; then the
// same with the sleeps started after the scanning process (younger than it). Then it kills them.
//
// Usage: node bench/sweep.mjs [--procs 2000] [--scans 20] [--root DIR] [--json]
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { killSleepers, sleeperGroups, startSleepers } from './sleepers.mjs';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const ROOT = path.resolve(opt('root', path.join(path.dirname(SELF), '..')));
const PROCS = Number(opt('procs', 2000));
const SCANS = Number(opt('scans', 20));
const JSON_OUT = args.includes('--json');
const log = (...a) => (JSON_OUT ? console.error(...a) : console.log(...a));

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
};

const countProcesses = () => fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length;

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    for (const pgid of sleeperGroups) killSleepers({ pid: pgid });
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// Worker: a fresh process that imports the bundled reaper and times the scans.
// ---------------------------------------------------------------------------------------------

async function worker() {
  const { RunProcesses } = await import(pathToFileURL(opt('bundle')).href);
  const spawnCount = Number(opt('spawn', 0));
  const sleepers = spawnCount > 0 ? await startSleepers(spawnCount) : undefined;
  try {
    const runId = randomBytes(8).toString('hex');
    const times = [];
    let members = 0;
    for (let i = 0; i < SCANS + 2; i++) {
      const t0 = performance.now();
      members = (await new RunProcesses(runId).scan()).length;
      const t = performance.now() - t0;
      if (i >= 2) times.push(t); // two warm-up scans
    }
    console.log(JSON.stringify({ ...stats(times), members, procs: countProcesses() }));
  } finally {
    if (sleepers) killSleepers(sleepers);
  }
}

function runWorker(bundle, extra = []) {
  const res = spawnSync(process.execPath, [SELF, '--worker', '--bundle', bundle, '--scans', String(SCANS), ...extra], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.status !== 0) throw new Error('sweep worker failed');
  return JSON.parse(res.stdout.trim().split('\n').at(-1));
}

/** Bundles src/reaper.ts (and what it imports) into a temp dir; returns the bundle's path. */
function bundleReaper() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-reaper-'));
  const ncc = path.join(ROOT, 'node_modules', '.bin', 'ncc');
  const res = spawnSync(ncc, ['build', path.join(ROOT, 'src', 'reaper.ts'), '-o', out, '-q'], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`ncc build of src/reaper.ts failed (run npm ci first):\n${res.stdout}${res.stderr}`);
  return { dir: out, bundle: path.join(out, 'index.js') };
}

async function main() {
  if (process.platform !== 'linux') throw new Error('the /proc sweep is Linux only');
  const { dir, bundle } = bundleReaper();
  const result = { procsStarted: PROCS, scans: SCANS };
  try {
    result.baseline = runWorker(bundle);
    result.baselineProcs = result.baseline.procs;
    log(`sweep with ${result.baselineProcs} processes: median ${result.baseline.median.toFixed(2)} ms`);
    const sleepers = await startSleepers(PROCS);
    try {
      result.loaded = runWorker(bundle);
      result.loadedProcs = result.loaded.procs;
    } finally {
      killSleepers(sleepers);
    }
    log(
      `sweep with ${result.loadedProcs} processes (started before the scanner): median ${result.loaded.median.toFixed(2)} ms (min ${result.loaded.min.toFixed(2)}, max ${result.loaded.max.toFixed(2)})`,
    );
    // Let the killed sleeps be reaped before the next count.
    for (let i = 0; i < 100 && countProcesses() > result.baselineProcs + 50; i++) await new Promise((r) => setTimeout(r, 50));
    result.younger = runWorker(bundle, ['--spawn', String(PROCS)]);
    log(
      `sweep with ${result.younger.procs} processes (started after the scanner): median ${result.younger.median.toFixed(2)} ms (min ${result.younger.min.toFixed(2)}, max ${result.younger.max.toFixed(2)})`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (JSON_OUT) console.log(JSON.stringify(result));
}

(args.includes('--worker') ? worker() : main()).catch((e) => {
  console.error(e.stack ?? String(e));
  process.exitCode = 1;
});
