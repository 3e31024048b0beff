// Case 6: the agent ends its turn without the marker (it asks a question) and
// pi's TUI waits for a human. Idle at its prompt, the TUI prints nothing, so
// idle-timeout catches it long before the step timeout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startCase, MARKER_RE } from '../lib/case.mjs';

test('stdin: tty, agent stops without the marker -> idle-timeout, eof', { timeout: 30000 }, async (t) => {
  const c = await startCase(t, [{ text: 'Which database should the migration target: Postgres or SQLite?' }]);
  const r = await c.run({
    inputs: {
      ticket: 'T-1',
      stdin: 'tty',
      timeout: '25s',
      // More than pi's start-up (2-3 s with another case starting beside it on 2 cores): an
      // idle-timeout that fires before the TUI is up sends Ctrl+D that the TUI never sees.
      'idle-timeout': '5s',
      'completion-marker': MARKER_RE,
      'eof-grace': '3s',
      'term-grace': '2s',
    },
  });
  const why = c.explain(r);
  assert.equal(c.server.requests.length, 1, why);
  assert.equal(r.outputs.status, 'timeout', why);
  assert.equal(r.outputs.termination, 'eof', why);
  assert.equal(r.outputs['marker-seen'], 'false', why);
  assert.equal(r.outputs['exit-code'], '0', why);
  assert.ok(Number(r.outputs['duration-ms']) < 15000, `idle-timeout did not cut it short of the 25s timeout\n${why}`);
  assert.match(r.summary, /idle/i, why);
  assert.notEqual(r.main.code, 0, why);
  assert.deepEqual(c.survivors(), [], `processes left after the step:\n${why}`);
});
