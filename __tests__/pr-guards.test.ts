/**
 * The guard script of examples/pr-command.yml (the `check` step, run by actions/github-script),
 * taken from the YAML as it is and run with a real Octokit against a local fake of the GitHub API:
 * guards 2 to 4 in order, what each stops, and what the later jobs get. (Guard 1 is the job's
 * `if:`, checked in examples.test.ts.)
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support/harness.js';

type Step = { id?: string; env?: Record<string, string>; with?: { script?: string } };
const wf = parse(fs.readFileSync(path.join(ROOT, 'examples', 'pr-command.yml'), 'utf8')) as { jobs: { guard: { steps: Step[] } } };
const check = wf.jobs.guard.steps.find((s) => s.id === 'check') as Step;
const SCRIPT = check.with?.script as string;

const HEAD = 'a'.repeat(40);
/** What the fake API holds; each test sets it. */
interface Repo {
  permissions: Record<string, string>;
  pr: { state: string; head: { sha: string; ref: string; repo: { full_name: string } | null } };
  files: string[];
}
let repo: Repo;
let calls: string[];
let reactions: string[];

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = `${req.method} ${decodeURIComponent(url.pathname)}`;
  calls.push(route.replace(' /repos/acme/app/', ' /'));
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  let m: RegExpExecArray | null;
  if ((m = /^GET \/repos\/acme\/app\/collaborators\/([^/]+)\/permission$/.exec(route))) {
    const permission = repo.permissions[m[1]];
    return permission ? send(200, { permission, user: { login: m[1] } }) : send(404, { message: 'Not Found' });
  }
  if (route === 'GET /repos/acme/app/pulls/7') return send(200, { number: 7, ...repo.pr });
  if ((m = /^GET \/repos\/acme\/app\/contents\/(.+)$/.exec(route))) {
    const at = url.searchParams.get('ref');
    return at === repo.pr.head.sha && repo.files.includes(m[1]) ? send(200, { type: 'file', path: m[1] }) : send(404, { message: 'Not Found' });
  }
  if (route === 'POST /repos/acme/app/issues/comments/99/reactions') {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      reactions.push((JSON.parse(body) as { content: string }).content);
      send(201, {});
    });
    return;
  }
  send(404, { message: `no route ${route}` });
});

let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  repo = {
    permissions: { maintainer: 'write', owner: 'admin', reader: 'read', triager: 'read' },
    pr: { state: 'open', head: { sha: HEAD, ref: 'feature/x', repo: { full_name: 'acme/app' } } },
    files: ['.tickets/pt-7jzy.md', '.tickets/team/pt-9.md'],
  };
  calls = [];
  reactions = [];
});

interface Outcome {
  outputs: Record<string, string>;
  notices: string[];
}

/** Runs the step's script as github-script does: an async function of github, context, core. */
async function guard(login: string, body: string): Promise<Outcome> {
  const outputs: Record<string, string> = {};
  const notices: string[] = [];
  const core = {
    setOutput: (name: string, value: string) => {
      outputs[name] = value;
    },
    notice: (message: string) => {
      notices.push(message);
    },
  };
  const context = {
    repo: { owner: 'acme', repo: 'app' },
    issue: { owner: 'acme', repo: 'app', number: 7 },
    payload: { comment: { id: 99, body, user: { login, type: 'User' } } },
  };
  const github = getOctokit('fake-token', { baseUrl });
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;
  // The step's `env:` is the script's process.env.
  await new AsyncFunction('github', 'context', 'core', 'process', SCRIPT)(github, context, core, { env: { ...check.env } });
  return { outputs, notices };
}

describe('the guards of examples/pr-command.yml', () => {
  it.each(['maintainer', 'owner'])('%s, a good ticket, a branch of this repo: outputs for the next jobs, an 👀 reaction', async (login) => {
    const { outputs } = await guard(login, '/ralph pt-7jzy');
    expect(outputs).toEqual({ ticket: 'pt-7jzy', 'head-sha': HEAD, 'head-ref': 'feature/x' });
    expect(reactions).toEqual(['eyes']);
    expect(calls).toEqual([
      `GET /collaborators/${login}/permission`,
      'GET /pulls/7',
      'GET /contents/.tickets/pt-7jzy.md',
      'POST /issues/comments/99/reactions',
    ]);
  });

  it('takes the first line only, and a ticket with a folder', async () => {
    expect((await guard('maintainer', '/ralph team/pt-9\r\nplease be quick')).outputs.ticket).toBe('team/pt-9');
  });

  it.each(['reader', 'triager', 'stranger'])('guard 2: %s (not write, maintain or admin) is ignored: no reaction, nothing else asked', async (login) => {
    // A bad ticket and a fork too: guard 2 comes first, and says nothing back.
    repo.pr.head.repo = { full_name: 'mallory/app' };
    const { outputs, notices } = await guard(login, '/ralph ../../etc/passwd');
    expect(outputs).toEqual({});
    expect(reactions).toEqual([]);
    expect(calls).toEqual([`GET /collaborators/${login}/permission`]);
    expect(notices.join()).toMatch(/ignored/);
  });

  it.each([
    '/ralph ../secrets',
    '/ralph a/../../b',
    '/ralph pt-1;touch x',
    '/ralph $(id)',
    '/ralph pt-1 pt-2',
    '/ralph -rf',
    '/ralph .hidden',
    `/ralph ${'a'.repeat(101)}`,
  ])('guard 3: %j is refused by the pattern before any other call (😕)', async (body) => {
    const { outputs, notices } = await guard('maintainer', body);
    expect(outputs).toEqual({});
    expect(reactions).toEqual(['confused']);
    expect(calls).toEqual(['GET /collaborators/maintainer/permission', 'POST /issues/comments/99/reactions']);
    expect(notices.join()).toMatch(/refused/);
  });

  it('guard 3: a ticket without its file at the PR head is refused (😕)', async () => {
    const { outputs } = await guard('maintainer', '/ralph pt-nope');
    expect(outputs).toEqual({});
    expect(reactions).toEqual(['confused']);
    expect(calls).toContain('GET /contents/.tickets/pt-nope.md');
  });

  it.each([
    ['a fork', (r: Repo): void => void (r.pr.head.repo = { full_name: 'mallory/app' })],
    ['a deleted fork', (r: Repo): void => void (r.pr.head.repo = null)],
    ['a closed PR', (r: Repo): void => void (r.pr.state = 'closed')],
  ] as [string, (r: Repo) => void][])('guard 4: %s is refused (😕), after the ticket was checked', async (_what, change) => {
    change(repo);
    const { outputs, notices } = await guard('maintainer', '/ralph pt-7jzy');
    expect(outputs).toEqual({});
    expect(reactions).toEqual(['confused']);
    expect(calls.slice(0, 3)).toEqual(['GET /collaborators/maintainer/permission', 'GET /pulls/7', 'GET /contents/.tickets/pt-7jzy.md']);
    expect(notices.join()).toMatch(/fork/);
  });
});
