/**
 * The `run:` scripts of examples/fleet.yml, taken from the YAML as they are and run the way the
 * runner runs them (bash --noprofile --norc -eo pipefail <file>, the values in env:), on real git
 * repositories: the agent's changes as a patch (in the dispatch job), then applied to a fresh
 * checkout (in the pull-request job); and the plan job's github-script that finds the tickets
 * claimed by open ralph/<id> pull requests, run with a real Octokit against a local fake API.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT, tempDir } from './support/harness.js';

type Step = { name?: string; id?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> };
const wf = parse(fs.readFileSync(path.join(ROOT, 'examples', 'fleet.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const script = (job: string, name: string) => wf.jobs[job].steps.find((s) => s.name === name)!.run!;

const GIT_ENV = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, HOME: cwd } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** As the runner runs a `run:` step with the default shell on Linux. */
function runStep(text: string, cwd: string, env: Record<string, string>) {
  const dir = tempDir('rd-step-');
  const file = path.join(dir, 'step.sh');
  fs.writeFileSync(file, text);
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, ...GIT_ENV, ...env },
  });
}

describe('the patch of the dispatch job, applied by the pull-request job', () => {
  it("carries the agent's commits, edits and new binary files, and runs nothing the agent put in .git/config", () => {
    const seed = tempDir('rd-seed-');
    git(seed, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(seed, 'a.txt'), 'one\n');
    git(seed, 'add', '-A');
    git(seed, 'commit', '-qm', 'base');
    const base = git(seed, 'rev-parse', 'HEAD');

    // The dispatch job's checkout, then what an agent leaves in it.
    const work = tempDir('rd-work-');
    git(work, 'clone', '-q', seed, '.');
    fs.writeFileSync(path.join(work, 'b.txt'), 'committed by the agent\n');
    git(work, 'add', 'b.txt');
    git(work, 'commit', '-qm', 'agent commit');
    fs.writeFileSync(path.join(work, 'a.txt'), 'one\ntwo\n');
    const binary = Buffer.from([0, 1, 2, 255, 254, 0, 10, 13]);
    fs.mkdirSync(path.join(work, 'assets'));
    fs.writeFileSync(path.join(work, 'assets', 'bin.dat'), binary);
    const pwned = path.join(tempDir('rd-pwned-'), 'pwned');
    git(work, 'config', 'core.fsmonitor', `touch ${pwned}; false`);
    fs.writeFileSync(path.join(work, '.git', 'hooks', 'pre-commit'), `#!/bin/sh\ntouch ${pwned}\n`, { mode: 0o755 });

    const temp = tempDir('rd-runner-temp-');
    const made = runStep(script('dispatch', "The agent's changes as a patch"), work, { RALPH_TICKET: 'pt-1', BASE_SHA: base, RUNNER_TEMP: temp });
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(fs.existsSync(pwned)).toBe(false);
    const patch = path.join(temp, 'ralph-dispatch', 'pt-1.patch');
    expect(fs.readFileSync(patch, 'utf8')).toContain('GIT binary patch');

    // The pull-request job: a fresh checkout of the base, the artifact in $RUNNER_TEMP/ralph-result.
    const pr = tempDir('rd-pr-');
    git(pr, 'clone', '-q', seed, '.');
    const prTemp = tempDir('rd-runner-temp-');
    fs.mkdirSync(path.join(prTemp, 'ralph-result'));
    fs.copyFileSync(patch, path.join(prTemp, 'ralph-result', 'pt-1.patch'));
    const applied = runStep(script('pull-request', "Apply the agent's changes"), pr, { RALPH_TICKET: 'pt-1', RUNNER_TEMP: prTemp });
    expect(applied.status).toBe(0);
    expect(fs.readFileSync(path.join(pr, 'a.txt'), 'utf8')).toBe('one\ntwo\n');
    expect(fs.readFileSync(path.join(pr, 'b.txt'), 'utf8')).toBe('committed by the agent\n');
    expect(fs.readFileSync(path.join(pr, 'assets', 'bin.dat'))).toEqual(binary);
    expect(
      git(pr, 'status', '--porcelain')
        .split('\n')
        .map((l) => l.trim())
        .sort(),
    ).toEqual(['?? assets/', '?? b.txt', 'M a.txt']);
  });

  it('a ticket with no changes: an empty patch, and the pull-request job applies nothing', () => {
    const seed = tempDir('rd-seed-');
    git(seed, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(seed, 'a.txt'), 'one\n');
    git(seed, 'add', '-A');
    git(seed, 'commit', '-qm', 'base');
    const temp = tempDir('rd-runner-temp-');
    const made = runStep(script('dispatch', "The agent's changes as a patch"), seed, {
      RALPH_TICKET: 'pt-2',
      BASE_SHA: git(seed, 'rev-parse', 'HEAD'),
      RUNNER_TEMP: temp,
    });
    expect(made.status).toBe(0);
    expect(fs.statSync(path.join(temp, 'ralph-dispatch', 'pt-2.patch')).size).toBe(0);
    fs.mkdirSync(path.join(temp, 'ralph-result'));
    fs.copyFileSync(path.join(temp, 'ralph-dispatch', 'pt-2.patch'), path.join(temp, 'ralph-result', 'pt-2.patch'));
    const applied = runStep(script('pull-request', "Apply the agent's changes"), seed, { RALPH_TICKET: 'pt-2', RUNNER_TEMP: temp });
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain('No changes for pt-2');
    expect(git(seed, 'status', '--porcelain')).toBe('');
  });
});

describe('the tickets claimed by open ralph/<id> pull requests (the plan job)', () => {
  const SCRIPT = wf.jobs.plan.steps.find((s) => s.id === 'claimed')!.with!.script;
  // Two pages of open pull requests: ralph/ branches of this repository, of a fork, and others.
  const pulls = [
    ...Array.from({ length: 100 }, (_, i) => ({ head: { ref: i === 3 ? 'ralph/pt-1' : `feature/${i}`, repo: { full_name: 'acme/app' } } })),
    { head: { ref: 'ralph/pt-2', repo: { full_name: 'mallory/app' } } },
    { head: { ref: 'ralph/pt-3', repo: { full_name: 'acme/app' } } },
    { head: { ref: 'ralph/pt-4', repo: null } },
  ];
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    asked.push(`${req.method} ${url.pathname}?${url.searchParams}`);
    if (req.method !== 'GET' || url.pathname !== '/repos/acme/app/pulls' || url.searchParams.get('state') !== 'open') {
      res.writeHead(404).end('{}');
      return;
    }
    const page = Number(url.searchParams.get('page') ?? '1');
    const per = Number(url.searchParams.get('per_page'));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (page * per < pulls.length) headers.link = `<http://${req.headers.host}/repos/acme/app/pulls?state=open&per_page=${per}&page=${page + 1}>; rel="next"`;
    res.writeHead(200, headers).end(JSON.stringify(pulls.slice((page - 1) * per, page * per)));
  });
  let baseUrl = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('every page read; only branches of this repository count; the ids go to the plan as exclude', async () => {
    const logged: string[] = [];
    const core = { info: (m: string) => logged.push(m) };
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;
    const result = await new AsyncFunction('github', 'context', 'core', SCRIPT)(
      getOctokit('fake-token', { baseUrl }),
      { repo: { owner: 'acme', repo: 'app' } },
      core,
    );
    expect(result).toBe('pt-1 pt-3');
    expect(asked).toEqual(['GET /repos/acme/app/pulls?state=open&per_page=100', 'GET /repos/acme/app/pulls?state=open&per_page=100&page=2']);
    expect(logged).toEqual(['claimed: pt-1 pt-3']);
    expect(wf.jobs.plan.steps.find((s) => s.id === 'plan')!.with!.exclude).toBe('${{ steps.claimed.outputs.result }}');
  });
});
