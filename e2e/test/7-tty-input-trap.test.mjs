// Case 7: `input` with stdin: tty. The text reaches the terminal before pi's
// TUI is up: the terminal echoes it (into the log, where a marker in it would
// match) and pi then finds it in its editor, unsubmitted, on two lines (the
// newline is a line break there, not Enter). Ctrl+U clears one line only, so
// the EOF step cannot close pi: it takes SIGTERM. Use no `input` with pi.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startCase, MARKER, MARKER_RE } from '../lib/case.mjs';

test("stdin: tty with input: the text sits in pi's editor and EOF no longer works", { timeout: 30000 }, async (t) => {
  const c = await startCase(t, [{ bash: 'touch done.txt' }, { text: `Done.\n\n${MARKER}` }]);
  const r = await c.run({
    inputs: {
      ticket: 'T-1',
      stdin: 'tty',
      input: 'hello from input',
      timeout: '25s',
      'completion-marker': MARKER_RE,
      'completion-grace': '1s',
      'eof-grace': '2s',
      'term-grace': '2s',
    },
  });
  const why = c.explain(r);
  // The input was never sent to the model: only the /tf prompt was.
  assert.equal(c.server.requests.length, 2, why);
  assert.doesNotMatch(JSON.stringify(c.server.requests.map((q) => q.body.messages)), /hello from input/, why);
  assert.ok(readFileSync(r.outputs['log-file'], 'latin1').startsWith('hello from input'), `no terminal echo first in the log\n${why}`);
  assert.equal(r.outputs['marker-seen'], 'true', why);
  assert.equal(r.outputs.status, 'completed', why);
  assert.equal(r.outputs.termination, 'sigterm', why);
  assert.equal(r.main.code, 0, why);
  assert.deepEqual(c.survivors(), [], `processes left after the step:\n${why}`);
});
