/**
 * The `run:` scripts of the example workflows, taken from the YAML as they are and run the way
 * the runner runs them (bash --noprofile --norc -eo pipefail <file>, the values in env:), on real
 * git repositories: the ticket check, the agent's changes as a patch, the push of that patch to
 * the PR's branch, and the comment the report job posts.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT, tempDir } from './support/harness.js';

type Step = { name?: string; id?: string; run?: string; env?: Record<string, string> };
type Workflow = { jobs: Record<string, { steps: Step[] }> };
const load = (name: string) => parse(fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8')) as Workflow;
const prCommand = load('pr-command.yml');
const ticketYml = load('ticket.yml');

function script(wf: Workflow, job: string, which: (s: Step) => boolean): string {
  const step = wf.jobs[job].steps.find(which);
  if (!step?.run) throw new Error(`no such run step in ${job}`);
  return step.run;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** As the runner runs a `run:` step with the default shell on Linux. */
function runStep(text: string, cwd: string, env: Record<string, string>): Ran {
  const dir = tempDir('rd-step-');
  const file = path.join(dir, 'step.sh');
  fs.writeFileSync(file, text);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', RUNNER_TEMP: dir, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GIT_ID = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ID, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A bare "origin" with a branch feature/x of two commits; returns its path and the head. */
function origin(): { bare: string; head: string } {
  const seed = tempDir('rd-seed-');
  git(seed, 'init', '-q', '-b', 'feature/x');
  fs.writeFileSync(path.join(seed, 'a.txt'), 'one\n');
  fs.mkdirSync(path.join(seed, '.tickets'));
  fs.writeFileSync(path.join(seed, '.tickets', 'pt-1.md'), '---\nid: pt-1\n---\n');
  git(seed, 'add', '-A');
  git(seed, 'commit', '-qm', 'base');
  const bare = path.join(tempDir('rd-origin-'), 'origin.git');
  git(seed, 'clone', '-q', '--bare', seed, bare);
  return { bare, head: git(bare, 'rev-parse', 'feature/x') };
}

/** What actions/checkout leaves: the commit checked out, detached. */
function checkout(bare: string, sha: string): string {
  const dir = path.join(tempDir('rd-work-'), 'repo');
  git(path.dirname(dir), 'clone', '-q', bare, dir);
  git(dir, 'checkout', '-q', '--detach', sha);
  return dir;
}

describe('ticket.yml: the ticket check', () => {
  const check = script(ticketYml, 'dispatch', (s) => s.name === 'The ticket');
  const ws = tempDir('rd-ws-');
  fs.mkdirSync(path.join(ws, '.tickets', 'team'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.tickets', 'pt-1.md'), '');
  fs.writeFileSync(path.join(ws, '.tickets', 'team', 'pt-9.md'), '');

  it.each(['pt-1', 'team/pt-9'])('%j passes', (ticket) => {
    expect(runStep(check, ws, { TICKET: ticket }).code).toBe(0);
  });

  it.each([
    ['../x', 'must match'],
    ['team/../pt-1', 'must match'],
    ['pt-1\ntouch pwned', 'must match'],
    ['pt-1; touch pwned', 'must match'],
    ['', 'must match'],
    ['pt-2', 'no file .tickets/pt-2.md'],
  ])('%j fails the job with an error annotation', (ticket, why) => {
    const r = runStep(check, ws, { TICKET: ticket });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^::error title=ralph::.*${why.replace(/[.]/g, '\\.')}`, 'm'));
    expect(fs.existsSync(path.join(ws, 'pwned'))).toBe(false);
  });
});

describe("pr-command.yml: the agent's changes as a patch, pushed to the PR branch", () => {
  const makePatch = script(prCommand, 'dispatch', (s) => s.name === "The agent's changes, as a patch");
  const push = script(prCommand, 'push', (s) => s.id === 'push');

  /** The agent's work: a commit of its own, an uncommitted edit, a new file, a binary file. */
  function agentWorks(dir: string): void {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'one\ntwo\n');
    git(dir, 'commit', '-qam', 'agent commit');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'one\ntwo\nthree\n');
    fs.writeFileSync(path.join(dir, 'new.md'), '# new\n');
    fs.writeFileSync(path.join(dir, 'bin.dat'), Buffer.from([0, 1, 2, 255, 0, 10]));
  }

  function patchOf(bare: string, head: string): { patch: string; work: string } {
    const work = checkout(bare, head);
    agentWorks(work);
    const temp = tempDir('rd-temp-');
    const r = runStep(makePatch, work, { BASE_SHA: head, RUNNER_TEMP: temp });
    expect(r.code).toBe(0);
    return { patch: path.join(temp, 'changes.patch'), work };
  }

  it('the patch holds committed and uncommitted work; the push job applies it as one commit on the branch', () => {
    const { bare, head } = origin();
    const { patch, work } = patchOf(bare, head);
    const pusher = checkout(bare, head);
    const output = path.join(tempDir('rd-out-'), 'output');
    fs.writeFileSync(output, '');
    const r = runStep(push, pusher, { PATCH: patch, HEAD_REF: 'feature/x', TICKET: 'pt-1', GITHUB_OUTPUT: output });
    expect(r.stderr).not.toMatch(/error|fatal/i);
    expect(r.code).toBe(0);
    const pushed = git(bare, 'rev-parse', 'feature/x');
    expect(fs.readFileSync(output, 'utf8')).toBe(`pushed=${pushed}\n`);
    expect(git(bare, 'rev-parse', `${pushed}^`)).toBe(head);
    expect(git(bare, 'log', '-1', '--format=%s%n%an', pushed)).toBe('ralph: pt-1\ngithub-actions[bot]');
    // The branch now holds what the agent left in its tree, byte for byte.
    for (const file of ['a.txt', 'new.md', 'bin.dat']) {
      expect(Buffer.from(spawnSync('git', ['show', `${pushed}:${file}`], { cwd: bare }).stdout)).toEqual(fs.readFileSync(path.join(work, file)));
    }
  });

  it('the branch moved since the guards checked it: the push fails, nothing is forced', () => {
    const { bare, head } = origin();
    const { patch } = patchOf(bare, head);
    // Someone pushes to the branch meanwhile.
    const other = checkout(bare, head);
    fs.writeFileSync(path.join(other, 'other.txt'), 'x\n');
    git(other, 'add', '-A');
    git(other, 'commit', '-qm', 'meanwhile');
    git(other, 'push', '-q', 'origin', 'HEAD:refs/heads/feature/x');
    const moved = git(bare, 'rev-parse', 'feature/x');

    const pusher = checkout(bare, head);
    const output = path.join(tempDir('rd-out-'), 'output');
    fs.writeFileSync(output, '');
    const r = runStep(push, pusher, { PATCH: patch, HEAD_REF: 'feature/x', TICKET: 'pt-1', GITHUB_OUTPUT: output });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/rejected|non-fast-forward|fetch first/);
    expect(git(bare, 'rev-parse', 'feature/x')).toBe(moved);
    expect(fs.readFileSync(output, 'utf8')).toBe('');
  });

  it('no changes: an empty patch, and the push job pushes nothing', () => {
    const { bare, head } = origin();
    const work = checkout(bare, head);
    const temp = tempDir('rd-temp-');
    expect(runStep(makePatch, work, { BASE_SHA: head, RUNNER_TEMP: temp }).code).toBe(0);
    const patch = path.join(temp, 'changes.patch');
    expect(fs.statSync(patch).size).toBe(0);
    const output = path.join(tempDir('rd-out-'), 'output');
    fs.writeFileSync(output, '');
    const r = runStep(push, checkout(bare, head), { PATCH: patch, HEAD_REF: 'feature/x', TICKET: 'pt-1', GITHUB_OUTPUT: output });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The agent changed nothing.');
    expect(git(bare, 'rev-parse', 'feature/x')).toBe(head);
    expect(fs.readFileSync(output, 'utf8')).toBe('');
  });

  it('a patch that reaches into .git is refused by git apply', () => {
    const { bare, head } = origin();
    const evil = path.join(tempDir('rd-evil-'), 'changes.patch');
    fs.writeFileSync(
      evil,
      [
        'diff --git a/.git/hooks/post-commit b/.git/hooks/post-commit',
        'new file mode 100755',
        '--- /dev/null',
        '+++ b/.git/hooks/post-commit',
        '@@ -0,0 +1 @@',
        '+touch pwned',
        '',
      ].join('\n'),
    );
    const pusher = checkout(bare, head);
    const output = path.join(tempDir('rd-out-'), 'output');
    fs.writeFileSync(output, '');
    const r = runStep(push, pusher, { PATCH: evil, HEAD_REF: 'feature/x', TICKET: 'pt-1', GITHUB_OUTPUT: output });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("invalid path '.git/hooks/post-commit'");
    expect(fs.existsSync(path.join(pusher, '.git', 'hooks', 'post-commit'))).toBe(false);
    expect(git(bare, 'rev-parse', 'feature/x')).toBe(head);
  });
});

describe('ticket.yml: the pull-request job applies the patch and takes the report as the body', () => {
  const apply = script(ticketYml, 'pull-request', (s) => s.name === "Apply the patch, and the pull request's body");
  const makePatch = script(ticketYml, 'dispatch', (s) => s.name === "The agent's changes, as a patch");

  it("the agent's tree, uncommitted (create-pull-request commits it), and the report in body.md", () => {
    const { bare, head } = origin();
    const work = checkout(bare, head);
    fs.writeFileSync(path.join(work, 'a.txt'), 'changed\n');
    fs.writeFileSync(path.join(work, 'new.md'), '# new\n');
    const temp = tempDir('rd-temp-');
    expect(runStep(makePatch, work, { BASE_SHA: head, RUNNER_TEMP: temp }).code).toBe(0);

    const target = checkout(bare, head);
    const dir = tempDir('rd-result-');
    fs.writeFileSync(path.join(dir, 'pt-1.report.md'), '## ✅ ralph-dispatch: pt-1: completed\n');
    fs.writeFileSync(path.join(dir, 'pt-1.result.json'), '{}');
    const out = tempDir('rd-temp-');
    const r = runStep(apply, target, { PATCH: path.join(temp, 'changes.patch'), DIR: dir, RUNNER_TEMP: out });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(target, 'a.txt'), 'utf8')).toBe('changed\n');
    expect(fs.readFileSync(path.join(target, 'new.md'), 'utf8')).toBe('# new\n');
    expect(git(target, 'rev-parse', 'HEAD')).toBe(head);
    expect(fs.readFileSync(path.join(out, 'body.md'), 'utf8')).toBe('## ✅ ralph-dispatch: pt-1: completed\n');
  });
});

describe('pr-command.yml: the comment of the report job', () => {
  const comment = script(prCommand, 'report', (s) => s.name === 'The comment');
  const RUN_URL = 'https://github.com/acme/app/actions/runs/1';
  const base = { TICKET: 'pt-1', HEAD_REF: 'feature/x', RUN_URL, DISPATCH_RESULT: 'success', PUSH_RESULT: 'success', PUSHED: '' };

  function commentFor(env: Record<string, string>, report?: string): string {
    const dir = tempDir('rd-report-');
    const temp = tempDir('rd-temp-');
    if (report !== undefined) fs.writeFileSync(path.join(dir, 'pt-1.report.md'), report);
    const r = runStep(comment, temp, { ...base, DIR: dir, RUNNER_TEMP: temp, ...env });
    expect(r.code).toBe(0);
    return fs.readFileSync(path.join(temp, 'comment.md'), 'utf8');
  }

  it('the report, then what was pushed, then the run link', () => {
    const text = commentFor({ PUSHED: 'b'.repeat(40) }, '## ✅ ralph-dispatch: pt-1: completed\n');
    expect(text).toBe(`## ✅ ralph-dispatch: pt-1: completed\n\nThe changes were pushed to \`feature/x\` as ${'b'.repeat(40)}.\n\n[The run](${RUN_URL})\n`);
  });

  it('says when the push failed, or when there was nothing to push', () => {
    expect(commentFor({ PUSH_RESULT: 'failure' }, 'R\n')).toContain('Pushing the changes failed');
    expect(commentFor({ PUSH_RESULT: 'success' }, 'R\n')).toContain('The agent changed nothing.');
    expect(commentFor({ PUSH_RESULT: 'skipped' }, 'R\n')).toBe(`R\n\n[The run](${RUN_URL})\n`);
  });

  it('no report uploaded (cancelled before the agent started): a line saying how the dispatch job ended', () => {
    const text = commentFor({ DISPATCH_RESULT: 'cancelled', PUSH_RESULT: 'skipped', DIR: '/nonexistent/rd-dir' });
    expect(text).toMatch(/^## ⚠️ ralph-dispatch: pt-1: no report\n\nThe run ended before ralph-dispatch reported \(the dispatch job: cancelled\)\.\n/);
    expect(text).toContain(RUN_URL);
  });
});
