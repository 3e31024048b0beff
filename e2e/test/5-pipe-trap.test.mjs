// Case 5: the trap. With stdin: pipe, pi (print mode, or any mode: stdin is not
// a terminal) reads stdin to EOF before it does anything, and prints nothing
// meanwhile. An open pipe that is never closed means it waits forever. Here
// idle-timeout notices the silence and starts the termination sequence, whose
// first step closes the pipe: only then does pi call the model, do the work,
// print the marker and exit 0 by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startCase, MARKER, MARKER_RE } from '../lib/case.mjs';

test('stdin: pipe with pi -p: nothing happens until the idle-timeout closes the pipe', { timeout: 30000 }, async (t) => {
  const c = await startCase(t, [{ bash: 'touch done.txt' }, { text: `The ticket is done.\n\n${MARKER}` }]);
  const t0 = Date.now();
  let firstRequestAfterMs = null;
  c.server.waitForRequests(1, 25000).then(
    () => {
      firstRequestAfterMs = Date.now() - t0;
    },
    () => {},
  );
  const r = await c.run({
    inputs: {
      ticket: 'T-1',
      command: 'pi -p "/tf $RALPH_TICKET --auto"',
      stdin: 'pipe',
      timeout: '25s',
      'idle-timeout': '3s',
      'completion-marker': MARKER_RE,
      'eof-grace': '5s',
      'term-grace': '2s',
    },
  });
  const why = c.explain(r);
  t.diagnostic(`first model request ${firstRequestAfterMs} ms after the action started; outputs ${JSON.stringify(r.outputs)}`);

  // pi made no request until the pipe was closed at the idle-timeout (3 s).
  assert.ok(firstRequestAfterMs !== null && firstRequestAfterMs >= 3000, `first request after ${firstRequestAfterMs} ms\n${why}`);
  // Then it did the work and printed the marker after EOF: pi exits 0 by itself.
  assert.ok(existsSync(path.join(c.pi.work, 'done.txt')), `done.txt missing\n${why}`);
  assert.ok(readFileSync(r.outputs['log-file'], 'utf8').includes(MARKER), `marker not in the log\n${why}`);
  assert.equal(r.outputs.termination, 'eof', why);
  assert.equal(r.outputs['exit-code'], '0', why);
  // The idle-timeout ran out before the marker: the contract calls that a timeout.
  assert.equal(r.outputs.status, 'timeout', why);
  // marker-seen tells the truth (pi printed it after EOF), but a marker that comes after
  // the termination sequence started does not make the session completed.
  assert.equal(r.outputs['marker-seen'], 'true', why);
  assert.notEqual(r.main.code, 0, why);
  assert.deepEqual(c.survivors(), [], `processes left after the step:\n${why}`);
});
