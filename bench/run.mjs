#!/usr/bin/env node
// Benchmarks of the bundled action (dist/index.js, run the way the runner runs it: INPUT_* for
// every input, file commands in a temp dir, stdin closed) against GNU `timeout -k` and
// `bash -c` on the same workloads. Contestants run alternately, round after round, so that the
// noise of a shared machine falls on all of them; each row prints median / min / max.
//
// Usage: npm run bench [-- --quick] [-- --write] [-- --only overhead,startup,throughput,...]
//   --quick   fewer repetitions (about half the time: ~50 s instead of ~95 s)
//   --write   also write the results into docs/benchmarks.md (between its bench markers)
//   --only    a comma-separated subset of: overhead, startup, throughput, termination, teardown, cancel, idle, sweep, fleet
//   --root    benchmark another checkout (its dist/ and src/), e.g. a scratch copy
//   --json    print the raw results as JSON at the end
//
// Nothing here asserts on time: the table says which targets are met on this machine.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { killSleepers, sleeperGroups, startSleepers } from './sleepers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
};
const ROOT = path.resolve(opt('root', path.join(HERE, '..')));
const DIST = path.join(ROOT, 'dist', 'index.js');
const QUICK = flag('quick');
const WRITE = flag('write');
const SECTIONS = ['overhead', 'startup', 'throughput', 'termination', 'teardown', 'cancel', 'idle', 'sweep', 'fleet'];
const ONLY = new Set(opt('only', SECTIONS.join(',')).split(','));
const MiB = 1024 * 1024;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-'));

/** Repetitions per section (full / quick). */
const REPS = {
  overheadWarmup: 2,
  overhead: QUICK ? 10 : 20,
  startup: QUICK ? 10 : 20,
  throughput: QUICK ? 2 : 4,
  throughputSmall: QUICK ? 2 : 3,
  throughputMarker: QUICK ? 1 : 2,
  termination: QUICK ? 3 : 5,
  terminationLoaded: QUICK ? 2 : 3,
  teardown: QUICK ? 2 : 3,
  cancel: QUICK ? 2 : 3,
  idle: 1,
  sweepScans: QUICK ? 10 : 20,
};

const TARGETS = {
  /** What the action may add to the start-up of a minimal @actions/core action (the toolkit's floor). */
  startupOverMinimalMs: 30,
  throughputRatio: 0.8,
  rssMiB: 80,
  rssGrowthMiB: 10,
  overshootMs: 50,
  idleCpuPerMin: 0.05,
  sweepMs: 50,
  /** The runner sends SIGTERM 7.5 s after SIGINT, and SIGKILL 2.5 s after that. */
  cancelExitMs: 7500,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function stats(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
}

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const fmtStats = (st, digits = 1, unit = '') => `${fmt(st.median, digits)}${unit} (min ${fmt(st.min, digits)}, max ${fmt(st.max, digits)}, n=${st.n})`;
const say = (...a) => console.log(...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The defaults action.yml declares for its inputs (the runner passes every one as INPUT_*). */
function actionDefaults() {
  const text = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
  const block = text.split(/^inputs:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
  const out = {};
  let current;
  for (const line of block.split('\n')) {
    let m;
    if ((m = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line))) {
      current = m[1];
      out[current] = '';
    } else if (current && (m = /^ {4}default:\s*(.*?)\s*$/.exec(line))) {
      const raw = m[1];
      if (raw.startsWith("'")) out[current] = raw.slice(1, -1).replaceAll("''", "'");
      else if (raw.startsWith('"')) out[current] = JSON.parse(raw);
      else out[current] = raw;
    }
  }
  return out;
}
const DEFAULTS = actionDefaults();

/** The runner's environment for one step: INPUT_*, file commands, RUNNER_TEMP (fresh dir). */
function actionEnv(inputs) {
  const dir = fs.mkdtempSync(path.join(TMP, 'run-'));
  const env = { ...process.env, RUNNER_TEMP: dir, GITHUB_WORKSPACE: ROOT };
  for (const name of Object.keys(env)) if (name.startsWith('INPUT_') || name.startsWith('STATE_')) delete env[name];
  delete env.RALPH_DISPATCH_RUN_ID;
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md', GITHUB_ENV: 'env', GITHUB_PATH: 'path' };
  for (const [name, file] of Object.entries(files)) {
    env[name] = path.join(dir, file);
    fs.writeFileSync(env[name], '');
  }
  for (const [name, value] of Object.entries({ ...DEFAULTS, ...inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return { env, dir };
}

/** Reads `name<<delimiter` records (GITHUB_OUTPUT), as the runner does. */
function parseFileCommands(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

/**
 * Starts a process with stdin closed and both outputs piped into this process, which discards
 * them (counting bytes; keeping up to 1 MiB of stdout when `keep`). Wall time is from spawn()
 * to 'close' (exited and both pipes at EOF).
 */
function launch(file, args, { env = process.env, keep = false } = {}) {
  const t0 = performance.now();
  const child = spawn(file, args, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  inflight.add(child);
  let bytes = 0;
  let first;
  let last;
  const kept = [];
  let keptLen = 0;
  const err = [];
  child.stdout.on('data', (c) => {
    last = performance.now();
    first ??= last;
    bytes += c.length;
    if (keep && keptLen < MiB) {
      kept.push(c);
      keptLen += c.length;
    }
  });
  child.stderr.on('data', (c) => err.push(c));
  const done = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      inflight.delete(child);
      resolve({
        wallMs: performance.now() - t0,
        code,
        signal,
        bytes,
        streamMs: first === undefined ? NaN : last - first,
        stdout: keep ? Buffer.concat(kept).toString('utf8') : '',
        stderr: Buffer.concat(err).toString('utf8').slice(-4000),
      });
    });
  });
  return { child, t0, done };
}

/** GNU time, for peak RSS; undefined when /usr/bin/time is missing (then VmHWM is polled). */
const GNU_TIME = (() => {
  if (!fs.existsSync('/usr/bin/time')) return undefined;
  const res = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  return res.status === 0 && /^\d+\s*$/m.test(res.stderr) ? '/usr/bin/time' : undefined;
})();

/** Runs the action once; returns the launch result plus its outputs, and RSS when asked. */
async function runAction(inputs, { keep = false, rss = false, onStart, entry = DIST } = {}) {
  const { env, dir } = actionEnv(inputs);
  const rssFile = path.join(dir, 'rss');
  let file = process.execPath;
  let args = [entry];
  if (rss && GNU_TIME) {
    args = ['-f', '%M %U %S', '-o', rssFile, process.execPath, entry];
    file = GNU_TIME;
  }
  const run = launch(file, args, { env, keep });
  let hwmKiB = NaN;
  let polling = true;
  if (rss && !GNU_TIME) {
    // Fallback: poll VmHWM (the kernel's peak RSS) until the process is gone.
    void (async () => {
      while (polling) {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${run.child.pid}/status`, 'utf8'));
          if (m) hwmKiB = Number(m[1]);
        } catch {
          // gone
        }
        await sleep(20);
      }
    })();
  }
  const extra = onStart ? await onStart(run) : undefined;
  const res = await run.done;
  polling = false;
  let cpuMs = NaN;
  if (rss && GNU_TIME) {
    const m = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(fs.readFileSync(rssFile, 'utf8'));
    hwmKiB = m ? Number(m[1]) : NaN;
    cpuMs = m ? (Number(m[2]) + Number(m[3])) * 1000 : NaN;
  }
  const outputs = parseFileCommands(fs.readFileSync(env.GITHUB_OUTPUT, 'utf8'));
  const logFile = outputs['log-file'];
  const logBytes = logFile && fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...res, outputs, logBytes, rssMiB: hwmKiB / 1024, cpuMs, extra };
}

function runPlain(file, args) {
  return launch(file, args).done;
}

/** runPlain under GNU time when there is one: adds `cpuMs` (user + system, children included). */
async function runPlainTimed(file, args) {
  if (!GNU_TIME) return { ...(await runPlain(file, args)), cpuMs: NaN };
  const out = path.join(TMP, `time-${process.hrtime.bigint()}`);
  const res = await runPlain(GNU_TIME, ['-f', '%U %S', '-o', out, file, ...args]);
  const m = /([\d.]+) ([\d.]+)\s*$/.exec(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return { ...res, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}

/** The mean: for CPU times, which GNU time gives in steps of 10 ms (a median would be one step). */
const mean = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
};

/** Runs every contestant once per round, rotating the order each round. */
async function alternate(rounds, contestants, { warmup = 0 } = {}) {
  const results = Object.fromEntries(contestants.map(([name]) => [name, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    for (let i = 0; i < contestants.length; i++) {
      const [name, fn] = contestants[(i + r) % contestants.length];
      const res = await fn();
      if (r >= warmup) results[name].push(res);
    }
  }
  return results;
}

/** The processes running now, and the sleeps (sleepers.mjs): killed on Ctrl+C. */
const inflight = new Set();
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    if (stopping) process.exit(130);
    stopping = true;
    for (const pgid of sleeperGroups) killSleepers({ pid: pgid });
    // An action stopped by SIGTERM cancels its session and reaps it (as the runner's cancel
    // does): keep reading its output until it has, a few seconds at most.
    for (const child of inflight) child.kill('SIGTERM');
    for (let i = 0; i < 100 && inflight.size > 0; i++) await sleep(100);
    fs.rmSync(TMP, { recursive: true, force: true });
    process.exit(130);
  });
}

/** Kills the sleeps (by their group) and waits until the process table is back to `before`. */
async function stopSleepers(child, before) {
  killSleepers(child);
  for (let i = 0; i < 200 && countProcesses() > before + 50; i++) await sleep(50);
}

const countProcesses = () => fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length;

/** Whether a live (not zombie) process is left in process group `pgid`. */
function groupHasLive(pgid) {
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let text;
    try {
      text = fs.readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue;
    }
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ', 4);
    if (Number(rest[2]) === pgid && rest[0] !== 'Z' && rest[0] !== 'X') return true;
  }
  return false;
}

function warnIf(cond, text) {
  if (cond) say(`  ! ${text}`);
  return cond;
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

async function overhead() {
  say(`\n## overhead: \`true\` (${REPS.overhead} rounds + ${REPS.overheadWarmup} warm-up, alternating)`);
  const results = await alternate(
    REPS.overhead,
    [
      ['action', () => runAction({ command: 'true', ticket: 'bench-overhead' })],
      ['bash -c true', () => runPlain('bash', ['-c', 'true'])],
      ['timeout -k 5 60 bash -c true', () => runPlain('timeout', ['-k', '5', '60', 'bash', '-c', 'true'])],
      ['node -e 0', () => runPlain(process.execPath, ['-e', '0'])],
    ],
    { warmup: REPS.overheadWarmup },
  );
  const out = {};
  for (const [name, runs] of Object.entries(results)) {
    out[name] = stats(runs.map((r) => r.wallMs));
    say(`  ${name.padEnd(30)} ${fmtStats(out[name], 1, ' ms')}`);
  }
  const bad = results.action.filter((r) => r.code !== 0 || r.outputs.status !== 'completed');
  warnIf(bad.length > 0, `${bad.length} action run(s) did not complete: ${bad[0]?.stderr || bad[0]?.outputs.status}`);
  const extra = out.action.median - out['node -e 0'].median;
  say(`  action − node -e 0: ${fmt(extra)} ms (median − median)`);
  return { wall: out, extraMs: extra };
}

/**
 * The start-up every toolkit action pays: `index.js` reads one input and sets one output through
 * @actions/core, bundled as the action is (ncc, ESM, licenses file), in a temp dir. Resolves
 * @actions/core from ROOT's node_modules, so it is the version the action bundles.
 */
function buildMinimalAction() {
  const dir = path.join(TMP, 'minimal-action');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'minimal-action', private: true, type: 'module' }));
  fs.writeFileSync(
    path.join(dir, 'index.js'),
    "import * as core from '@actions/core';\ncore.setOutput('status', core.getInput('command') ? 'completed' : 'error');\n",
  );
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const ncc = path.join(ROOT, 'node_modules', '.bin', 'ncc');
  const built = spawnSync(ncc, ['build', 'index.js', '-o', 'dist', '--license', 'licenses.txt'], { cwd: dir, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`ncc could not bundle the minimal action: ${built.stderr || built.stdout}`);
  return path.join(dir, 'dist', 'index.js');
}

async function startup() {
  say('\n## start-up against a minimal @actions/core action (ncc bundle: one getInput, one setOutput)');
  const minimal = buildMinimalAction();
  const bytes = { action: fs.statSync(DIST).size, minimal: fs.statSync(minimal).size };
  say(`  bundles: dist/index.js ${fmt(bytes.action / 1024, 0)} KiB · minimal ${fmt(bytes.minimal / 1024, 0)} KiB`);
  say(`  \`true\`, ${REPS.startup} rounds + ${REPS.overheadWarmup} warm-up, alternating`);
  const results = await alternate(
    REPS.startup,
    [
      ['action', () => runAction({ command: 'true', ticket: 'bench-startup' }, { rss: true })],
      ['minimal action', () => runAction({ command: 'true', ticket: 'bench-startup' }, { entry: minimal, rss: true })],
      ['node -e 0', () => runPlainTimed(process.execPath, ['-e', '0'])],
    ],
    { warmup: REPS.overheadWarmup },
  );
  // Wall time is the measure; CPU time (all processes of the step) is less at the mercy of a
  // loaded machine, so it is shown beside it.
  const wall = {};
  const cpu = {};
  for (const [name, runs] of Object.entries(results)) {
    wall[name] = stats(runs.map((r) => r.wallMs));
    cpu[name] = mean(runs.map((r) => r.cpuMs));
    say(`  ${name.padEnd(30)} ${fmtStats(wall[name], 1, ' ms')}   CPU ${fmt(cpu[name])} ms (mean)`);
  }
  for (const name of ['action', 'minimal action']) {
    const bad = results[name].filter((r) => r.code !== 0 || r.outputs.status !== 'completed');
    warnIf(bad.length > 0, `${bad.length} ${name} run(s) did not complete: ${bad[0]?.stderr || bad[0]?.outputs.status}`);
  }
  const extraMs = wall.action.median - wall['minimal action'].median;
  const extraCpuMs = cpu.action - cpu['minimal action'];
  say(
    `  action − minimal action: ${fmt(extraMs)} ms (median − median), CPU ${fmt(extraCpuMs)} ms; minimal − node -e 0: ${fmt(wall['minimal action'].median - wall['node -e 0'].median)} ms`,
  );
  return { wall, cpu, extraMs, extraCpuMs, bytes };
}

/** ~80-byte lines of text; `|| true`: under bash -eo pipefail, yes dies of SIGPIPE. */
const generator = (bytes) => `yes 'ralph-dispatch bench: one line of agent output, about eighty bytes long........' | head -c ${bytes} || true`;

async function throughput() {
  const big = 250 * MiB;
  const small = 25 * MiB;
  say(`\n## throughput: 250 MiB of output (MB = MiB), ${REPS.throughput} rounds alternating`);
  const gen = generator(big);
  const tput = (runs, bytes) => stats(runs.map((r) => bytes / MiB / (r.wallMs / 1000)));
  const results = await alternate(REPS.throughput, [
    ['action', () => runAction({ command: gen, ticket: 'bench-throughput' }, { rss: true })],
    ['timeout', () => runPlain('timeout', ['-k', '5', '60', 'bash', '-c', gen])],
    ['timeout + tee log', () => runPlain('timeout', ['-k', '5', '60', 'bash', '-c', `{ ${gen}; } | tee ${path.join(TMP, 'tee.log')}`])],
  ]);
  fs.rmSync(path.join(TMP, 'tee.log'), { force: true });
  const out = { MBps: {}, wallMs: {} };
  for (const [name, runs] of Object.entries(results)) {
    out.MBps[name] = tput(runs, big);
    out.wallMs[name] = stats(runs.map((r) => r.wallMs));
    say(`  ${name.padEnd(20)} ${fmtStats(out.MBps[name], 0, ' MB/s')}   wall ${fmt(out.wallMs[name].median, 0)} ms`);
  }
  for (const r of results.action) {
    warnIf(r.logBytes !== big, `action log file has ${r.logBytes} bytes, expected ${big}`);
    warnIf(r.bytes < big, `job log got ${r.bytes} bytes, expected at least ${big}`);
  }
  for (const r of results.timeout) warnIf(r.bytes !== big, `timeout path delivered ${r.bytes} bytes, expected ${big}`);
  out.ratio = out.MBps.action.median / out.MBps.timeout.median;
  out.ratioTee = out.MBps.action.median / out.MBps['timeout + tee log'].median;
  say(`  ratio action / timeout: ${fmt(out.ratio, 2)}×   (action / timeout+tee: ${fmt(out.ratioTee, 2)}×)`);

  say(`\n## peak RSS of the action (${GNU_TIME ? '/usr/bin/time %M' : 'VmHWM polled from /proc'})`);
  const smallGen = generator(small);
  const smallRuns = await alternate(REPS.throughputSmall, [
    ['action 25', () => runAction({ command: smallGen, ticket: 'bench-throughput-25' }, { rss: true })],
    ['action 0', () => runAction({ command: 'true', ticket: 'bench-rss-0' }, { rss: true })],
  ]);
  out.rss = {
    none: stats(smallRuns['action 0'].map((r) => r.rssMiB)),
    small: stats(smallRuns['action 25'].map((r) => r.rssMiB)),
    big: stats(results.action.map((r) => r.rssMiB)),
  };
  out.rssGrowth = out.rss.big.median - out.rss.small.median;
  say(`  no output (true)     ${fmtStats(out.rss.none, 1, ' MiB')}`);
  say(`  25 MiB of output     ${fmtStats(out.rss.small, 1, ' MiB')}`);
  say(`  250 MiB of output    ${fmtStats(out.rss.big, 1, ' MiB')}   growth 25→250: ${fmt(out.rssGrowth)} MiB`);

  say(`\n## throughput with a completion-marker set (250 MiB, ${REPS.throughputMarker} run(s); info)`);
  const markerRuns = [];
  for (let i = 0; i < REPS.throughputMarker; i++) {
    markerRuns.push(await runAction({ command: gen, ticket: 'bench-marker', 'completion-marker': '<promise>COMPLETE</promise>' }, { rss: true }));
  }
  out.marker = { MBps: tput(markerRuns, big), rss: stats(markerRuns.map((r) => r.rssMiB)) };
  say(`  action + marker      ${fmtStats(out.marker.MBps, 0, ' MB/s')}   peak RSS ${fmt(out.marker.rss.median)} MiB`);
  return out;
}

async function termination() {
  const command = 'trap "" TERM; sleep 300';
  say(`\n## termination accuracy: \`${command}\`, stdin closed, timeout 1s, term-grace 500ms (${REPS.termination} rounds)`);
  const results = await alternate(REPS.termination, [
    ['action', () => runAction({ command, ticket: 'bench-term', timeout: '1s', 'term-grace': '500ms' })],
    ['timeout -k 0.5 1', () => runPlain('timeout', ['-k', '0.5', '1', 'bash', '-c', command])],
  ]);
  for (const r of results.action) {
    warnIf(r.outputs.termination !== 'sigkill' || r.outputs.status !== 'timeout', `unexpected action result: ${JSON.stringify(r.outputs)}`);
  }
  const out = {
    // duration-ms: spawn → last process of the run seen gone; deadline + term-grace = 1500 ms.
    action: stats(results.action.map((r) => Number(r.outputs['duration-ms']) - 1500)),
    actionWall: stats(results.action.map((r) => r.wallMs)),
    gnu: stats(results['timeout -k 0.5 1'].map((r) => r.wallMs - 1500)),
  };
  say(`  action overshoot (duration-ms − 1500)   ${fmtStats(out.action, 0, ' ms')}   (whole step: ${fmt(out.actionWall.median, 0)} ms wall)`);
  say(`  GNU timeout overshoot (wall − 1500)     ${fmtStats(out.gnu, 0, ' ms')}`);

  // The same with 2,000 more (untagged) processes on the machine, older than the action: each
  // step scans /proc, and "nothing left" comes only from a settled, confirmed scan.
  const before = countProcesses();
  const sleepers = await startSleepers(2000);
  let loaded;
  try {
    out.loadedProcs = countProcesses();
    say(`  with ${out.loadedProcs} processes on the machine (${REPS.terminationLoaded} rounds):`);
    loaded = await alternate(REPS.terminationLoaded, [
      ['action', () => runAction({ command, ticket: 'bench-term-loaded', timeout: '1s', 'term-grace': '500ms' })],
      ['gnu', () => runPlain('timeout', ['-k', '0.5', '1', 'bash', '-c', command])],
    ]);
  } finally {
    await stopSleepers(sleepers, before);
  }
  out.actionLoaded = stats(loaded.action.map((r) => Number(r.outputs['duration-ms']) - 1500));
  out.gnuLoaded = stats(loaded.gnu.map((r) => r.wallMs - 1500));
  say(`    action overshoot                      ${fmtStats(out.actionLoaded, 0, ' ms')}`);
  say(`    GNU timeout overshoot                 ${fmtStats(out.gnuLoaded, 0, ' ms')}`);
  return out;
}

/**
 * The runner's cancel: SIGINT to the action's PID once the session runs. The session ignores
 * SIGTERM and the user's graces are long (60 s): the action must squeeze the sequence, write its
 * outputs and exit by itself before the runner's SIGTERM (7.5 s) and SIGKILL (10 s).
 */
async function cancel() {
  const command = 'trap "" TERM; echo started; sleep 300';
  say(`\n## cancel: SIGINT to the action while \`${command}\` runs, stdin pipe, eof-grace and term-grace 60s (${REPS.cancel} rounds)`);
  const exitMs = [];
  for (let i = 0; i < REPS.cancel; i++) {
    const r = await runAction(
      { command, ticket: 'bench-cancel', stdin: 'pipe', timeout: '10m', 'eof-grace': '60s', 'term-grace': '60s' },
      {
        onStart: (run) =>
          new Promise((resolve) => {
            const onData = (c) => {
              if (!c.toString().includes('started')) return;
              run.child.stdout.off('data', onData);
              const at = performance.now();
              run.child.kill('SIGINT');
              resolve(at - run.t0);
            };
            run.child.stdout.on('data', onData);
          }),
      },
    );
    warnIf(
      r.outputs.status !== 'cancelled' || r.code !== 1 || r.signal !== null,
      `unexpected cancel result: code ${r.code} signal ${r.signal} ${JSON.stringify(r.outputs)}`,
    );
    exitMs.push(r.wallMs - r.extra);
  }
  const out = { exit: stats(exitMs) };
  say(`  SIGINT → action exit   ${fmtStats(out.exit, 0, ' ms')}`);
  return out;
}

/** bash → 13 subshells → 22 sleeps each: 1 + 13 + 286 = 300 processes. */
const TREE = 'for i in $(seq 13); do ( for j in $(seq 22); do sleep 300 & done; wait ) & done; wait';

async function teardown() {
  say(`\n## teardown of a 300-process tree (timeout 2s, sleeps die on SIGTERM; ${REPS.teardown} rounds)`);
  const results = await alternate(REPS.teardown, [
    ['action', () => runAction({ command: TREE, ticket: 'bench-tree', timeout: '2s' }, { keep: true })],
    [
      'gnu',
      async () => {
        const run = launch('timeout', ['-k', '5', '2', 'bash', '-c', TREE]);
        const res = await run.done;
        // GNU timeout returns when bash is gone; the rest of its group (timeout's pid) dies
        // alongside. Poll until no live process is left in it (zombies waiting for init to
        // reap them are dead, as the action counts them), for the last death.
        let groupMs = NaN;
        for (const t = performance.now(); performance.now() - t < 5000;) {
          if (!groupHasLive(run.child.pid)) {
            groupMs = performance.now() - run.t0;
            break;
          }
          await sleep(1);
        }
        return { ...res, groupMs };
      },
    ],
  ]);
  const counts = results.action.map((r) => Number(/SIGTERM to (\d+) process/.exec(r.stdout)?.[1] ?? NaN));
  const out = {
    action: stats(results.action.map((r) => Number(r.outputs['duration-ms']) - 2000)),
    signalled: stats(counts),
    gnuExit: stats(results.gnu.map((r) => r.wallMs - 2000)),
    gnuGroup: stats(results.gnu.map((r) => r.groupMs - 2000)),
  };
  for (const r of results.action) warnIf(r.outputs.status !== 'timeout', `unexpected action result: ${JSON.stringify(r.outputs)}`);
  say(
    `  action: deadline → last process gone (duration-ms − 2000)   ${fmtStats(out.action, 0, ' ms')}; SIGTERM sent to ${fmt(out.signalled.median, 0)} processes`,
  );
  say(`  GNU timeout: deadline → timeout exits                       ${fmtStats(out.gnuExit, 0, ' ms')}`);
  say(`  GNU timeout: deadline → no live process left in its group    ${fmtStats(out.gnuGroup, 0, ' ms')}`);
  return out;
}

/** On-CPU time of every thread of `pid`, in ns (/proc/<pid>/task/<tid>/schedstat). */
function cpuNs(pid) {
  let total = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // thread gone
    }
  }
  return total;
}

async function idle() {
  say(`\n## idle CPU: the child sleeps 25 s (${REPS.idle} run(s)); the action's own threads, /proc schedstat (ns)`);
  const early = [];
  const steady = [];
  const totals = [];
  for (let i = 0; i < REPS.idle; i++) {
    const res = await runAction(
      { command: 'sleep 25', ticket: 'bench-idle' },
      {
        onStart: async (run) => {
          // The action's own node process only (its children are other pids), every thread.
          const pid = run.child.pid;
          const at = async (ms) => {
            await sleep(Math.max(0, run.t0 + ms - performance.now()));
            return { t: performance.now(), ns: cpuNs(pid) };
          };
          const a = await at(1000); // start-up is over
          const b = await at(13000); // V8's memory reducer has run (~8-9 s after start-up's GCs)
          const c = await at(24500); // before the child exits
          let lastNs = c.ns;
          // Then keep reading until exit: the last reading is (nearly) the action's whole CPU.
          for (;;) {
            try {
              lastNs = cpuNs(pid);
            } catch {
              break;
            }
            if (run.child.exitCode !== null || run.child.signalCode !== null) break;
            await sleep(20);
          }
          const perMin = (x, y) => ((y.ns - x.ns) / 1e9 / ((y.t - x.t) / 1000)) * 60;
          return { early: perMin(a, b), steady: perMin(b, c), totalS: lastNs / 1e9 };
        },
      },
    );
    warnIf(res.outputs.status !== 'completed', `unexpected action result: ${JSON.stringify(res.outputs)}`);
    early.push(res.extra.early);
    steady.push(res.extra.steady);
    totals.push(res.extra.totalS);
  }
  const out = { early: stats(early), steady: stats(steady), total: stats(totals) };
  say(`  1 s → 13 s after spawn (incl. V8's one-off memory-reducer GCs): ${fmtStats(out.early, 4, ' s/min')}`);
  say(`  13 s → 24.5 s after spawn (steady state):                  ${fmtStats(out.steady, 4, ' s/min')}`);
  say(`  whole run, the action's own process: ${fmt(out.total.median, 3)} s CPU (start-up, 25 s idle, teardown)`);
  return out;
}

async function sweep() {
  say(`\n## orphan sweep: RunProcesses.scan() with 2,000 extra processes (${REPS.sweepScans} scans)`);
  const res = spawnSync(process.execPath, [path.join(HERE, 'sweep.mjs'), '--json', '--root', ROOT, '--procs', '2000', '--scans', String(REPS.sweepScans)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.status !== 0) throw new Error('bench/sweep.mjs failed');
  const out = JSON.parse(res.stdout.trim().split('\n').at(-1));
  say(`  ${out.baselineProcs} processes: ${fmtStats(out.baseline, 2, ' ms')}`);
  say(`  ${out.loadedProcs} processes: ${fmtStats(out.loaded, 2, ' ms')}`);
  return out;
}

/** The plan and summarize actions: bench/fleet.mjs, which brings its own table rows. */
async function fleet() {
  say('\n## fleet: dist/plan on 10,000 generated tickets, dist/summarize on 256 result files');
  const res = spawnSync(process.execPath, [path.join(HERE, 'fleet.mjs'), '--json', '--root', ROOT, '--runs', QUICK ? '3' : '7'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.status !== 0) throw new Error('bench/fleet.mjs failed');
  return JSON.parse(res.stdout.trim().split('\n').at(-1));
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const git = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  const dirty = spawnSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'dist'], { encoding: 'utf8' });
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: model.trim(),
    memGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    commit: git.status === 0 ? `${git.stdout.trim()}${dirty.stdout.trim() ? ' (src/ or dist/ modified)' : ''}` : 'unknown',
    distBytes: fs.statSync(DIST).size,
    rssTool: GNU_TIME ? '/usr/bin/time -f %M' : 'VmHWM polled from /proc/<pid>/status',
  };
}

function rows(r) {
  const out = [];
  const verdict = (ok) => (ok === undefined ? 'info' : ok ? 'met' : '**missed**');
  if (r.overhead) {
    const w = r.overhead.wall;
    out.push([
      'start-up overhead, `true`',
      `${fmt(w.action.median)} ms (${fmt(w.action.min)}–${fmt(w.action.max)})`,
      `node -e 0 ${fmt(w['node -e 0'].median)} ms · bash -c ${fmt(w['bash -c true'].median)} ms · timeout ${fmt(w['timeout -k 5 60 bash -c true'].median)} ms`,
      `+${fmt(r.overhead.extraMs)} ms over node`,
      'see the next row',
      'info',
    ]);
  }
  if (r.startup) {
    const w = r.startup.wall;
    out.push([
      'start-up against a minimal `@actions/core` action, `true`',
      `${fmt(w.action.median)} ms (${fmt(w.action.min)}–${fmt(w.action.max)})`,
      `minimal action ${fmt(w['minimal action'].median)} ms · node -e 0 ${fmt(w['node -e 0'].median)} ms · CPU ${fmt(r.startup.cpu.action, 0)} vs ${fmt(r.startup.cpu['minimal action'], 0)} ms · bundles ${fmt(r.startup.bytes.action / 1024, 0)} KiB vs ${fmt(r.startup.bytes.minimal / 1024, 0)} KiB`,
      `+${fmt(r.startup.extraMs)} ms over minimal (CPU +${fmt(r.startup.extraCpuMs, 0)} ms)`,
      `≤ +${TARGETS.startupOverMinimalMs} ms over the minimal action`,
      verdict(r.startup.extraMs <= TARGETS.startupOverMinimalMs),
    ]);
  }
  if (r.throughput) {
    const t = r.throughput;
    out.push([
      'throughput, 250 MiB → job log + log file',
      `${fmt(t.MBps.action.median, 0)} MB/s (${fmt(t.MBps.action.min, 0)}–${fmt(t.MBps.action.max, 0)})`,
      `timeout ${fmt(t.MBps.timeout.median, 0)} MB/s · timeout+tee ${fmt(t.MBps['timeout + tee log'].median, 0)} MB/s`,
      `${fmt(t.ratio, 2)}× (vs tee ${fmt(t.ratioTee, 2)}×)`,
      `≥ ${TARGETS.throughputRatio}× timeout`,
      verdict(t.ratio >= TARGETS.throughputRatio),
    ]);
    out.push([
      'peak RSS at 250 MiB of output',
      `${fmt(t.rss.big.median)} MiB (${fmt(t.rss.big.min)}–${fmt(t.rss.big.max)})`,
      `no output ${fmt(t.rss.none.median)} MiB`,
      '',
      `≤ ${TARGETS.rssMiB} MiB`,
      verdict(t.rss.big.median <= TARGETS.rssMiB),
    ]);
    out.push([
      'RSS growth, 25 → 250 MiB of output',
      `${fmt(t.rssGrowth)} MiB`,
      `25 MiB: ${fmt(t.rss.small.median)} MiB · 250 MiB: ${fmt(t.rss.big.median)} MiB`,
      '',
      `flat (≤ ${TARGETS.rssGrowthMiB} MiB)`,
      verdict(t.rssGrowth <= TARGETS.rssGrowthMiB),
    ]);
    out.push([
      'throughput with completion-marker set',
      `${fmt(t.marker.MBps.median, 0)} MB/s`,
      `timeout ${fmt(t.MBps.timeout.median, 0)} MB/s`,
      `${fmt(t.marker.MBps.median / t.MBps.timeout.median, 2)}×`,
      '',
      'info',
    ]);
  }
  if (r.termination) {
    const t = r.termination;
    out.push([
      'termination overshoot (TERM ignored; 1s + 500ms)',
      `${fmt(t.action.median, 0)} ms (${fmt(t.action.min, 0)}–${fmt(t.action.max, 0)})`,
      `GNU timeout -k ${fmt(t.gnu.median, 0)} ms (${fmt(t.gnu.min, 0)}–${fmt(t.gnu.max, 0)})`,
      '',
      `≤ ${TARGETS.overshootMs} ms`,
      verdict(t.action.median <= TARGETS.overshootMs),
    ]);
  }
  if (r.termination?.actionLoaded) {
    const t = r.termination;
    out.push([
      `termination overshoot, ${t.loadedProcs} processes on the machine`,
      `${fmt(t.actionLoaded.median, 0)} ms (${fmt(t.actionLoaded.min, 0)}–${fmt(t.actionLoaded.max, 0)})`,
      `GNU timeout -k ${fmt(t.gnuLoaded.median, 0)} ms`,
      '',
      `≤ ${TARGETS.overshootMs} ms`,
      verdict(t.actionLoaded.median <= TARGETS.overshootMs),
    ]);
  }
  if (r.teardown) {
    const t = r.teardown;
    out.push([
      'teardown of a 300-process tree, deadline → last death',
      `${fmt(t.action.median, 0)} ms (${fmt(t.action.min, 0)}–${fmt(t.action.max, 0)})`,
      `GNU timeout: exits ${fmt(t.gnuExit.median, 0)} ms, last of its group ${fmt(t.gnuGroup.median, 0)} ms`,
      `${fmt(t.signalled.median, 0)} processes signalled`,
      '',
      'info',
    ]);
  }
  if (r.cancel) {
    const c = r.cancel.exit;
    out.push([
      'cancel: SIGINT → action exit (outputs written)',
      `${fmt(c.median, 0)} ms (${fmt(c.min, 0)}–${fmt(c.max, 0)})`,
      'runner: SIGTERM at 7500 ms, SIGKILL at 10000 ms',
      '',
      `< ${TARGETS.cancelExitMs} ms`,
      verdict(c.max < TARGETS.cancelExitMs),
    ]);
  }
  if (r.idle) {
    out.push([
      'CPU while the child sleeps (steady state)',
      `${fmt(r.idle.steady.median, 4)} s/min`,
      `first 12 s: ${fmt(r.idle.early.median, 3)} s/min (one-off V8 GC) · whole 25 s run: ${fmt(r.idle.total.median, 3)} s CPU`,
      '',
      `≤ ${TARGETS.idleCpuPerMin} s/min`,
      verdict(r.idle.steady.median <= TARGETS.idleCpuPerMin),
    ]);
  }
  if (r.sweep) {
    const s = r.sweep;
    out.push([
      `one orphan sweep, ${s.loadedProcs} processes`,
      `${fmt(s.loaded.median, 1)} ms (${fmt(s.loaded.min, 1)}–${fmt(s.loaded.max, 1)})`,
      `${s.baselineProcs} processes: ${fmt(s.baseline.median, 1)} ms`,
      '',
      `≤ ${TARGETS.sweepMs} ms`,
      verdict(s.loaded.median <= TARGETS.sweepMs),
    ]);
  }
  if (r.fleet) out.push(...r.fleet.rows);
  return out;
}

function table(rowsList) {
  const head = ['measure', 'action (median, min–max)', 'baselines (median)', 'ratio', 'target', 'result'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of rowsList) lines.push(`| ${row.map((c) => c || ' ').join(' | ')} |`);
  return lines.join('\n');
}

function markdown(results, m, load) {
  return [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench${QUICK ? ' -- --quick' : ''}\`, commit ${m.commit}.`,
    '',
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${fmt(m.memGiB, 1)} GiB RAM, Linux kernel ${m.kernel.replace(/^Linux /, '')}, node ${m.node}; load average ${load.before} before, ${load.after} after. dist/index.js is ${(m.distBytes / 1024).toFixed(0)} KiB. Peak RSS from ${m.rssTool}.`,
    '',
    table(rows(results)),
    '',
  ].join('\n');
}

const BEGIN = '<!-- bench:begin (written by `npm run bench -- --write`) -->';
const END = '<!-- bench:end -->';

function writeDocs(md) {
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) text = `${text.trimEnd()}\n\n${BEGIN}\n${END}\n`;
  const start = text.indexOf(BEGIN) + BEGIN.length;
  const end = text.indexOf(END);
  text = `${text.slice(0, start)}\n${md}${text.slice(end)}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  say(`\nwrote ${path.relative(process.cwd(), file) || file}`);
}

async function main() {
  if (process.platform !== 'linux') throw new Error('the benchmarks use /proc and GNU coreutils: Linux only');
  if (!fs.existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run build`);
  const m = machine();
  const loadavg = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  const load = { before: loadavg() };
  say(`ralph-dispatch bench${QUICK ? ' (quick)' : ''}: ${m.nproc} CPUs, ${m.cpu}, ${fmt(m.memGiB, 1)} GiB, node ${m.node}, ${m.kernel}`);
  say(
    `root ${ROOT}, commit ${m.commit}, load average ${load.before}${GNU_TIME ? '' : '; /usr/bin/time missing: peak RSS from VmHWM (apt-get install -y time)'}`,
  );
  const started = performance.now();
  const results = {};
  const sections = { overhead, startup, throughput, termination, teardown, cancel, idle, sweep, fleet };
  try {
    for (const name of SECTIONS) if (ONLY.has(name)) results[name] = await sections[name]();
  } finally {
    fs.rmSync(TMP, { recursive: true, force: true });
  }
  load.after = loadavg();
  say(`\n## summary (${((performance.now() - started) / 1000).toFixed(0)} s, load average ${load.after})\n`);
  say(table(rows(results)));
  if (WRITE) writeDocs(markdown(results, m, load));
  if (flag('json')) say(JSON.stringify({ machine: m, load, results }, null, 1));
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  fs.rmSync(TMP, { recursive: true, force: true });
  process.exitCode = 1;
});
