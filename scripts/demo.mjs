#!/usr/bin/env node
// Runs the bundled action (dist/index.js) on the example session the way the runner does:
// INPUT_* variables, file commands in a temp dir, stdin closed. Prints what a run page shows.
// Usage: npm run demo [-- --stdin pipe|tty|closed]
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argStdin = process.argv.indexOf('--stdin');
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
const stdin = argStdin > 0 ? process.argv[argStdin + 1] : hasScript ? 'tty' : 'pipe';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ralph-dispatch-demo-'));
const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md', GITHUB_ENV: 'env', GITHUB_PATH: 'path' };
const env = { ...process.env, RUNNER_TEMP: tmp, GITHUB_WORKSPACE: root };
for (const [name, file] of Object.entries(files)) {
  env[name] = path.join(tmp, file);
  fs.writeFileSync(env[name], '');
}
const inputs = {
  command: 'node example/agent-session.mjs',
  ticket: 'demo-1',
  shell: 'bash',
  'working-directory': '.',
  stdin,
  input: '',
  timeout: '30s',
  'idle-timeout': '0',
  'completion-marker': '<promise>COMPLETE</promise>',
  'completion-grace': '1s',
  'eof-grace': '5s',
  'term-grace': '2s',
  'log-file': '',
  'allow-workflow-commands': 'false',
};
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

console.log(`$ node dist/index.js   (ticket demo-1, stdin ${stdin}, files in ${tmp})\n`);
const action = spawn(process.execPath, [path.join(root, 'dist', 'index.js')], { env, cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
action.on('exit', (code, signal) => {
  console.log(`\n--- the action exited with ${signal ?? `code ${code}`}`);
  console.log('\n--- step outputs');
  console.log(parseFileCommand(fs.readFileSync(env.GITHUB_OUTPUT, 'utf8')));
  console.log('\n--- saved state (for the post step)');
  console.log(parseFileCommand(fs.readFileSync(env.GITHUB_STATE, 'utf8')));
  console.log('\n--- job summary (Markdown)');
  console.log(fs.readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'));
  process.exitCode = code ?? 1;
});

/** Reads `name<<delimiter\nvalue\ndelimiter` records, as the runner does. */
function parseFileCommand(text) {
  const out = {};
  const re = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}
