import { expect, it } from '@jest/globals';
import { aliveWithTag, runSession } from './support/harness.js';

it('a session that ignores SIGTERM is killed, and reported as timeout/sigkill', async () => {
  const { result, runId } = await runSession({
    command: `trap '' TERM; echo started; (trap '' TERM; sleep 300) & sleep 300`,
    timeout: '300ms',
    'eof-grace': '200ms',
    'term-grace': '300ms',
  });
  expect(result.status).toBe('timeout');
  expect(result.termination).toBe('sigkill');
  expect(result.signal).toBe('SIGKILL');
  expect(result.exitCode).toBeNull();
  expect(aliveWithTag(runId)).toEqual([]);
});
