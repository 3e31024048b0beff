/**
 * src/runner.ts speaks the runner's protocol in place of @actions/core (whose entry point
 * loads an HTTP client we never use). Here both make the same calls, and what reaches the
 * runner (stdout, the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, exit code)
 * must be the same, byte for byte, but for the random heredoc delimiters.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as runner from '../src/runner.js';
import { tempDir } from './support/harness.js';

interface Seen {
  stdout: string;
  files: Record<string, string>;
  exitCode: typeof process.exitCode;
}

const FILES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const;
const saved = { ...process.env };
const savedExit = process.exitCode;

/** Runs `calls` with fresh runner files and stdout captured; delimiters made comparable. */
async function capture(calls: () => void | Promise<void>, withFiles = true): Promise<Seen> {
  const dir = tempDir('rd-runner-');
  for (const name of FILES) {
    if (withFiles) {
      process.env[name] = path.join(dir, name);
      fs.writeFileSync(process.env[name] as string, '');
    } else delete process.env[name];
  }
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  process.exitCode = undefined;
  try {
    await calls();
  } finally {
    spy.mockRestore();
  }
  const files: Record<string, string> = {};
  if (withFiles) {
    for (const name of FILES) {
      files[name] = fs.readFileSync(process.env[name] as string, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X');
    }
  }
  const exitCode = process.exitCode;
  process.exitCode = savedExit;
  return { stdout, files, exitCode };
}

const tricky = 'line 1\nline 2\r\n100% done: a, b';

describe('runner.ts writes what @actions/core writes', () => {
  beforeEach(() => {
    process.env.INPUT_TIMEOUT = '  45m \n';
    process.env['INPUT_COMPLETION-MARKER'] = '<promise>COMPLETE</promise>';
    process.env['INPUT_WITH_SPACE'] = 'spaced';
    process.env.STATE_run_id = 'abc123';
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads inputs and state the same way', () => {
    for (const name of ['timeout', 'completion-marker', 'with space', 'missing']) {
      expect(runner.getInput(name)).toBe(core.getInput(name));
    }
    expect(runner.getInput('timeout')).toBe('45m');
    expect(runner.getState('run_id')).toBe(core.getState('run_id'));
    expect(runner.getState('nope')).toBe(core.getState('nope'));
  });

  it.each([
    ['outputs', (m: typeof runner | typeof core) => {
      m.setOutput('status', 'completed');
      m.setOutput('multi', tricky);
      m.setOutput('empty', '');
    }],
    ['state', (m: typeof runner | typeof core) => m.saveState('run-id', tricky)],
    ['annotations with titles', (m: typeof runner | typeof core) => {
      m.notice(tricky, { title: 'ralph-dispatch: pt-1, again' });
      m.warning('w', { title: 'a:b' });
      m.error(tricky, { title: 'ralph-dispatch' });
      m.error('no title');
    }],
    ['setFailed', (m: typeof runner | typeof core) => m.setFailed(tricky)],
  ])('%s, with the runner files', async (_name, calls) => {
    const ours = await capture(() => calls(runner));
    const theirs = await capture(() => calls(core));
    expect(ours).toEqual(theirs);
    expect(ours.stdout + Object.values(ours.files).join('')).not.toBe('');
  });

  it.each([
    ['outputs', (m: typeof runner | typeof core) => m.setOutput('status', tricky)],
    ['state', (m: typeof runner | typeof core) => m.saveState('run-id', 'x')],
  ])('%s, without the runner files (the old stdout commands)', async (_name, calls) => {
    const ours = await capture(() => calls(runner), false);
    const theirs = await capture(() => calls(core), false);
    expect(ours).toEqual(theirs);
    expect(ours.stdout).toMatch(/^(\r?\n)?::(set-output|save-state) name=/);
  });

  it('the step summary is appended the same way', async () => {
    const md = '## heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const ours = await capture(() => {
      runner.appendSummary(md);
      runner.appendSummary(md);
    });
    const theirs = await capture(async () => {
      await core.summary.addRaw(md).write();
      await core.summary.addRaw(md).write();
    });
    expect(ours.files.GITHUB_STEP_SUMMARY).toBe(theirs.files.GITHUB_STEP_SUMMARY);
    expect(ours.files.GITHUB_STEP_SUMMARY).toBe(md + md);
  });

  it('a runner file that is missing fails the same way', async () => {
    process.env.GITHUB_OUTPUT = path.join(tempDir('rd-runner-missing-'), 'nope');
    expect(() => runner.setOutput('a', 'b')).toThrow(/Missing file at path/);
    expect(() => core.setOutput('a', 'b')).toThrow(/Missing file at path/);
  });
});
