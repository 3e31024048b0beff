// Runs the bundled action the way the GitHub runner does: `node dist/index.js`
// with INPUT_<NAME> variables (hyphens kept), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
// GITHUB_STATE files, RUNNER_TEMP, GITHUB_WORKSPACE, and stdin ignored; then the
// `post:` step (dist/post/index.js) with the saved state as STATE_<name>.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { E2E_DIR } from './pi-env.mjs';

export const REPO_DIR = path.resolve(E2E_DIR, '..');
export const ACTION_MAIN = path.join(REPO_DIR, 'dist', 'index.js');
export const ACTION_POST = path.join(REPO_DIR, 'dist', 'post', 'index.js');

/** The defaults of action.yml (the README's Inputs): the runner always sets every input. */
export const CONTRACT_DEFAULTS = {
  command: 'pi "/tf $RALPH_TICKET --auto"',
  ticket: '',
  shell: 'bash',
  'working-directory': '',
  stdin: 'closed',
  input: '',
  timeout: '60m',
  'idle-timeout': '0',
  'completion-marker': '',
  'completion-grace': '30s',
  'eof-grace': '10s',
  'term-grace': '5s',
  'log-file': '',
  'allow-workflow-commands': 'false',
};

export function assertBuilt() {
  if (!existsSync(ACTION_MAIN)) {
    throw new Error(`${ACTION_MAIN} does not exist: run \`npm ci && npm run build\` at the top level first`);
  }
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file: `name<<DELIM\nvalue\nDELIM\n` and `name=value` lines. */
export function parseCommandFile(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value = [];
      i++;
      while (i < lines.length && lines[i] !== delim) value.push(lines[i++]);
      if (i >= lines.length) throw new Error(`unterminated value for ${name} (delimiter ${delim})`);
      out[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
    else throw new Error(`unparsable line in command file: ${JSON.stringify(line)}`);
  }
  return out;
}

function runnerEnv(pi, extra) {
  const env = {};
  // Inherit the machine's environment, minus anything that would be taken for
  // this step's inputs, state or run (the suite may itself run inside a workflow).
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(INPUT_|STATE_|GITHUB_|RUNNER_|RALPH_)/.test(k)) continue;
    // GitHub's runners set no TERM, COLUMNS or LINES: neither do we, so the
    // action's tty mode is tested as it will run there.
    if (k === 'TERM' || k === 'COLUMNS' || k === 'LINES') continue;
    env[k] = v;
  }
  return { ...env, ...pi.env, ...extra };
}

function spawnNode(script, env, cwd, timeoutMs, onSpawn) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    // A safety net only: the action must end by itself well before this.
    const guard = setTimeout(() => {
      stderr += `\n[e2e] the action ran past ${timeoutMs} ms: SIGKILL\n`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, wallMs: Date.now() - t0 });
    });
  });
}

/**
 * Runs main then post. `inputs` override CONTRACT_DEFAULTS; `env` is added to
 * the action's environment (the child inherits it: put a per-case marker there);
 * `onMainSpawn(child)` gets the main step's process (to kill it, say).
 */
export async function runAction({ pi, inputs = {}, env = {}, timeoutMs = 60000, post = true, onMainSpawn }) {
  assertBuilt();
  const gh = path.join(pi.root, 'github');
  mkdirSync(gh, { recursive: true });
  const files = {
    GITHUB_OUTPUT: path.join(gh, 'output'),
    GITHUB_STEP_SUMMARY: path.join(gh, 'step_summary'),
    GITHUB_STATE: path.join(gh, 'state'),
    GITHUB_ENV: path.join(gh, 'env'),
    GITHUB_PATH: path.join(gh, 'path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const all = { ...CONTRACT_DEFAULTS, 'working-directory': pi.work, ...inputs };
  const inputEnv = {};
  for (const [name, value] of Object.entries(all)) inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const ghEnv = {
    ...files,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: pi.work,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'e2e',
    GITHUB_ACTION: 'dispatch',
    RUNNER_TEMP: pi.runnerTemp,
    RUNNER_OS: 'Linux',
  };
  const env0 = runnerEnv(pi, { ...ghEnv, ...env });
  const main = await spawnNode(ACTION_MAIN, { ...env0, ...inputEnv }, pi.work, timeoutMs, onMainSpawn);
  const result = {
    main,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    post: null,
  };
  if (post && existsSync(ACTION_POST)) {
    const stateEnv = {};
    for (const [k, v] of Object.entries(result.state)) stateEnv[`STATE_${k}`] = v;
    // The runner gives post the same inputs, and the state main saved.
    writeFileSync(files.GITHUB_OUTPUT, '');
    result.post = await spawnNode(ACTION_POST, { ...env0, ...inputEnv, ...stateEnv }, pi.work, 20000);
  }
  return result;
}

/** Everything about a run, for assertion messages. */
export function explain(r) {
  const tail = (s, n = 6000) => (s.length > n ? `…${s.slice(-n)}` : s);
  return [
    `main: exit ${r.main.code} signal ${r.main.signal} after ${r.main.wallMs} ms`,
    `outputs: ${JSON.stringify(r.outputs, null, 1)}`,
    `--- main stdout ---\n${tail(r.main.stdout)}`,
    `--- main stderr ---\n${tail(r.main.stderr)}`,
    `--- step summary ---\n${tail(r.summary)}`,
    r.post ? `--- post: exit ${r.post.code} ---\n${tail(r.post.stdout, 2000)}\n${tail(r.post.stderr, 2000)}` : '--- no post step ---',
  ].join('\n');
}

/**
 * Live processes whose environment holds `needle` (e.g. `E2E_CASE_ID=<uuid>`),
 * zombies excluded. Returns [{ pid, ppid, cmdline, hasRunId }].
 */
export function processesWith(needle) {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${name}/environ`, 'latin1');
      if (!environ.split('\0').includes(needle)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z' || fields[0] === 'X') continue;
      found.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        state: fields[0],
        cmdline: readFileSync(`/proc/${name}/cmdline`, 'latin1').split('\0').join(' ').trim(),
        hasRunId: environ.includes('RALPH_DISPATCH_RUN_ID='),
      });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** Kills what a failed case left behind, so one failure doesn't leak into the next case. */
export function killAll(procs) {
  for (const p of procs) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}
