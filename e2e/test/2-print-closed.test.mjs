// Case 2: the defaults. stdin: closed (like a run: step) puts pi in print mode:
// it runs the prompt, prints the reply and exits 0 by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startCase, MARKER, MARKER_RE } from '../lib/case.mjs';

test('stdin: closed, pi in print mode -> completed, natural', { timeout: 30000 }, async (t) => {
  const c = await startCase(t, [{ bash: 'touch done.txt' }, { text: `The ticket is done.\n\n${MARKER}` }]);
  const r = await c.run({
    inputs: {
      ticket: 'T-1',
      // command left at its default: pi "/tf $RALPH_TICKET --auto"
      stdin: 'closed',
      timeout: '25s',
      'completion-marker': MARKER_RE,
    },
  });
  const why = c.explain(r);
  const left = c.survivors();

  assert.equal(r.outputs.status, 'completed', why);
  assert.equal(r.outputs.termination, 'natural', why);
  assert.equal(r.outputs['marker-seen'], 'true', why);
  assert.equal(r.outputs['exit-code'], '0', why);
  assert.equal(r.outputs.signal, '', why);
  assert.equal(r.main.code, 0, why);
  assert.ok(existsSync(path.join(c.pi.work, 'done.txt')), `done.txt missing\n${why}`);
  assert.equal(c.server.requests.length, 2, why);
  // Print mode prints only the final reply: the log is that text.
  assert.ok(readFileSync(r.outputs['log-file'], 'utf8').includes(MARKER), why);
  assert.deepEqual(left, [], `processes left after the step:\n${why}`);
  if (r.post) assert.equal(r.post.code, 0, why);
});
