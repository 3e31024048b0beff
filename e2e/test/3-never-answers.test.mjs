// Case 3: the model accepts the request and never answers. The step timeout
// runs out and the termination sequence stops pi; the summary tells the story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startCase, MARKER_RE } from '../lib/case.mjs';

// pi's TUI is up about 0.7 s after spawn here; EOF typed before that is lost,
// so the tty case leaves it a wide margin.
const common = {
  ticket: 'T-1',
  'completion-marker': MARKER_RE,
  'eof-grace': '3s',
  'term-grace': '2s',
};

test('model never answers, stdin: tty -> timeout; Ctrl+D ends pi (eof)', { timeout: 30000 }, async (t) => {
  const c = await startCase(t, [{ hang: true }]);
  const r = await c.run({ inputs: { ...common, timeout: '10s', stdin: 'tty', command: 'pi "/tf $RALPH_TICKET --auto"' } });
  const why = c.explain(r);
  const left = c.survivors();

  assert.equal(c.server.requests.length, 1, why);
  assert.equal(r.outputs.status, 'timeout', why);
  assert.equal(r.outputs['marker-seen'], 'false', why);
  // pi's TUI exits 0 on Ctrl+D even mid-request: EOF was enough. (Its spinner
  // repaints every 80 ms while it waits, so idle-timeout would never fire here.)
  assert.equal(r.outputs.termination, 'eof', why);
  assert.equal(r.outputs['exit-code'], '0', why);
  assert.notEqual(r.main.code, 0, why);
  // The summary has the outputs and the timeline of the sequence.
  assert.match(r.summary, /timeout/i, why);
  assert.match(r.summary, /EOF|Ctrl\+D/i, why);
  assert.doesNotMatch(r.summary, /SIGKILL/, why);
  assert.deepEqual(left, [], `processes left after the step:\n${why}`);
  if (r.post) assert.equal(r.post.code, 0, why);
});

test('model never answers, stdin: closed -> timeout; SIGTERM ends pi', { timeout: 30000 }, async (t) => {
  const c = await startCase(t, [{ hang: true }]);
  const r = await c.run({ inputs: { ...common, timeout: '8s', stdin: 'closed', command: 'pi -p "/tf $RALPH_TICKET --auto"' } });
  const why = c.explain(r);
  const left = c.survivors();

  assert.equal(c.server.requests.length, 1, why);
  assert.equal(r.outputs.status, 'timeout', why);
  assert.equal(r.outputs['marker-seen'], 'false', why);
  // No EOF step with stdin: closed: the sequence starts at SIGTERM, which
  // print-mode pi handles (exit 143) and bash dies of.
  assert.equal(r.outputs.termination, 'sigterm', why);
  assert.notEqual(r.main.code, 0, why);
  assert.match(r.summary, /timeout/i, why);
  assert.match(r.summary, /SIGTERM/, why);
  assert.doesNotMatch(r.summary, /SIGKILL/, why);
  assert.deepEqual(left, [], `processes left after the step:\n${why}`);
  if (r.post) assert.equal(r.post.code, 0, why);
});
