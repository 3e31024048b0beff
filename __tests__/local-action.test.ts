/**
 * `npm run local-action` (README, Development): GitHub's local runner for actions stands in for
 * @actions/core, so it sees only what the action tells core. Run on the committed .env.example
 * (the example session), its "Action Outputs" table must hold every output of action.yml.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { ROOT, tempDir } from './support/harness.js';

const BIN = path.join(ROOT, 'node_modules', '.bin', 'local-action');

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out: Buffer.concat(chunks).toString('utf8') }));
  });
}

describe('npm run local-action on .env.example', () => {
  it("runs main and post, and its Action Outputs table lists every output with the run's values", async () => {
    const dir = tempDir('rd-local-action-');
    // .env.example writes the summary under .tmp/ (ignored by git), as `npm run local-action` prepares it.
    fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    const env: NodeJS.ProcessEnv = { ...process.env, RUNNER_TEMP: dir, FORCE_COLOR: '0', NO_COLOR: '1' };
    for (const name of Object.keys(env)) if (/^(INPUT|STATE)_/.test(name) || name.startsWith('GITHUB_')) delete env[name];
    // Our own jest flags are not for the tool's node.
    delete env.NODE_OPTIONS;
    const { code, out } = await run(['run', '.', 'src/main.ts', '.env.example', '--post', 'src/post.ts'], env);
    expect(out).not.toContain('No outputs were set!');
    expect(code).toBe(0);
    const table = out.slice(out.lastIndexOf('Action Outputs'));
    const rows = Object.fromEntries([...table.matchAll(/│\s*\d+\s*│\s*'([^']+)'\s*│\s*'([^']*)'\s*│/g)].map((m) => [m[1], m[2]]));
    const declared = Object.keys((YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { outputs: object }).outputs);
    expect(Object.keys(rows).sort()).toEqual([...declared].sort());
    expect(rows).toMatchObject({ status: 'completed', 'exit-code': '0', termination: 'eof', 'marker-seen': 'true', 'orphans-killed': '0' });
    expect(rows['log-file']).toBe(path.join(dir, 'ralph-dispatch', 'demo-1.log'));
    expect(fs.readFileSync(rows['log-file'], 'utf8')).toContain('<promise>COMPLETE</promise>');
    // Both steps ran: post is in the report, after main.
    expect(out.indexOf('Running Post Step')).toBeGreaterThan(out.indexOf('Running Action'));
  });
});
