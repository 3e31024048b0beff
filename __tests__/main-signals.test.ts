/**
 * The entry points hold the runner's cancel signals until they exit: a SIGINT that lands after
 * the session ended (while the outputs are being flushed) must not kill the step with a
 * signal, which the runner would read as a failure of a `completed` run (found by the fault
 * campaign, case 1256903433). @actions/core and the final exit are mocked: the edges.
 */
import { expect, it, jest } from '@jest/globals';
import type { InputName } from '../src/constants.js';
import { readerFor } from './support/harness.js';

const inputs: Partial<Record<InputName, string>> = {};
const exits: { code: number; listeners: Record<string, number> }[] = [];
let baseline: Record<string, number> = {};
const count = () => ({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') });

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: InputName) => readerFor(inputs).getInput(name),
  getBooleanInput: (name: InputName) => readerFor(inputs).getBooleanInput(name),
  setOutput: () => undefined,
  saveState: () => undefined,
  getState: () => '',
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  setFailed: () => undefined,
  summary: { addRaw: () => ({ write: async () => undefined }), emptyBuffer: () => undefined },
}));
jest.unstable_mockModule('../src/exit.js', () => ({
  flushAndExit: async (code: number) => {
    exits.push({ code, listeners: count() });
  },
  flush: async () => undefined,
}));

const { main } = await import('../src/main.js');
const post = await import('../src/post.js');

it('main: while it flushes and exits, SIGINT and SIGTERM still have a listener of its own', async () => {
  baseline = count();
  // No command: an input error, reported, exit code 1; then the flush.
  await main();
  expect(exits.at(-1)?.code).toBe(1);
  expect(exits.at(-1)?.listeners.SIGINT).toBeGreaterThan(baseline.SIGINT);
  expect(exits.at(-1)?.listeners.SIGTERM).toBeGreaterThan(baseline.SIGTERM);
});

it('post: the same, and with nothing to sweep it exits 0', async () => {
  const before = count();
  await post.main();
  expect(exits.at(-1)?.code).toBe(0);
  expect(exits.at(-1)?.listeners.SIGINT).toBeGreaterThan(before.SIGINT);
  expect(exits.at(-1)?.listeners.SIGTERM).toBeGreaterThan(before.SIGTERM);
});
