// Case 1: the documented setup. pi runs its TUI in a pseudo-terminal, does the
// work through a bash tool call, prints the completion marker and then idles
// (a TUI never exits by itself); the action sees the marker, waits
// completion-grace, types Ctrl+U Ctrl+D, and pi exits 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startCase, MARKER, MARKER_RE } from '../lib/case.mjs';

test('stdin: tty, interactive pi -> completed, eof', { timeout: 30000 }, async (t) => {
  const c = await startCase(t, [{ bash: 'touch done.txt' }, { text: `The ticket is done.\n\n${MARKER}` }]);
  const r = await c.run({
    inputs: {
      ticket: 'T-1',
      command: 'pi "/tf $RALPH_TICKET --auto"',
      stdin: 'tty',
      timeout: '25s',
      'completion-marker': MARKER_RE,
      'completion-grace': '1s',
      'eof-grace': '5s',
      'term-grace': '2s',
    },
  });
  const why = c.explain(r);
  const left = c.survivors();

  assert.equal(r.outputs.status, 'completed', why);
  assert.equal(r.outputs.termination, 'eof', why);
  assert.equal(r.outputs['marker-seen'], 'true', why);
  assert.equal(r.outputs['exit-code'], '0', why);
  assert.equal(r.outputs.signal, '', why);
  assert.equal(r.outputs['orphans-killed'], '0', why);
  assert.equal(r.main.code, 0, why);

  // pi really did the work, with the model's tool call, and sent the result back.
  assert.ok(existsSync(path.join(c.pi.work, 'done.txt')), `done.txt missing\n${why}`);
  assert.equal(c.server.requests.length, 2, why);
  const second = c.server.requests[1].body.messages;
  assert.ok(
    second.some((m) => m.role === 'tool'),
    `no tool result in the second request\n${why}`,
  );
  assert.match(JSON.stringify(c.server.requests[0].body.messages), /Work on ticket T-1 \(flags: --auto\)/);

  // The log holds the whole TUI session, marker included.
  const log = r.outputs['log-file'];
  assert.ok(log && existsSync(log), `log-file ${log} missing\n${why}`);
  assert.ok(readFileSync(log, 'latin1').includes(MARKER), `marker not in the log\n${why}`);
  assert.ok(Number(r.outputs['duration-ms']) > 0, why);

  assert.deepEqual(left, [], `processes left after the step:\n${why}`);
  if (r.post) assert.equal(r.post.code, 0, why);
  assert.deepEqual(c.survivors(), [], 'processes left after post');
});
