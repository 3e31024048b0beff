#!/usr/bin/env node
// One orphan sweep with many processes alive: times `new RunProcesses(id).scan()` from
// src/reaper.ts. The action is one ncc bundle, so the reaper cannot be imported from dist/:
// this script bundles src/reaper.ts on its own with ncc (a devDependency) into a temp dir,
// starts N untagged `sleep` processes (default 2,000), times ~20 scans, and kills them.
//
// Usage: node bench/sweep.mjs [--procs 2000] [--scans 20] [--root DIR] [--json]
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const ROOT = path.resolve(opt('root', path.join(path.dirname(fileURLToPath(import.meta.url)), '..')));
const PROCS = Number(opt('procs', 2000));
const SCANS = Number(opt('scans', 20));
const JSON_OUT = args.includes('--json');
const log = (...a) => (JSON_OUT ? console.error(...a) : console.log(...a));

/** Bundles src/reaper.ts (and what it imports) into a temp dir; returns the module. */
async function loadReaper() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-reaper-'));
  const ncc = path.join(ROOT, 'node_modules', '.bin', 'ncc');
  const res = spawnSync(ncc, ['build', path.join(ROOT, 'src', 'reaper.ts'), '-o', out, '-q'], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`ncc build of src/reaper.ts failed (run npm ci first):\n${res.stdout}${res.stderr}`);
  const mod = await import(pathToFileURL(path.join(out, 'index.js')).href);
  return { mod, out };
}

function countProcesses() {
  return fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length;
}

/** Starts `count` sleeps in a process group of their own; resolves once all are running. */
function startSleepers(count) {
  // One bash forks them all (fast), in its own group, then waits: killing the group ends all.
  const script = `for ((i = 0; i < ${count}; i++)); do sleep 600 & done; echo ready; wait`;
  const child = spawn('bash', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (c) => {
      seen += c;
      if (seen.includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`sleepers exited early (${code})`)));
  });
}

function stopSleepers(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
};

function timeScans(RunProcesses, n) {
  const runId = randomBytes(8).toString('hex');
  const times = [];
  let members = 0;
  for (let i = 0; i < n + 2; i++) {
    const rp = new RunProcesses(runId);
    const t0 = performance.now();
    members = rp.scan().length;
    const t = performance.now() - t0;
    if (i >= 2) times.push(t); // two warm-up scans
  }
  return { ...stats(times), members };
}

async function main() {
  if (process.platform !== 'linux') throw new Error('the /proc sweep is Linux only');
  const { mod, out } = await loadReaper();
  const result = { procsStarted: PROCS, scans: SCANS };
  try {
    result.baselineProcs = countProcesses();
    result.baseline = timeScans(mod.RunProcesses, Math.max(5, Math.round(SCANS / 2)));
    log(`sweep with ${result.baselineProcs} processes: median ${result.baseline.median.toFixed(2)} ms`);
    const sleepers = await startSleepers(PROCS);
    try {
      result.loadedProcs = countProcesses();
      result.loaded = timeScans(mod.RunProcesses, SCANS);
      log(`sweep with ${result.loadedProcs} processes: median ${result.loaded.median.toFixed(2)} ms (min ${result.loaded.min.toFixed(2)}, max ${result.loaded.max.toFixed(2)})`);
    } finally {
      stopSleepers(sleepers);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  if (JSON_OUT) console.log(JSON.stringify(result));
  return result;
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exitCode = 1;
});
