// Case 4: the model's tool call starts `sleep 300`. pi's bash tool runs it
// detached (its own process group), so it does not die with pi: on Ctrl+D pi
// exits 0 and leaves the sleep behind, reparented to init. The action must
// find it (it carries the run's RALPH_DISPATCH_RUN_ID) and kill it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startCase, MARKER_RE } from '../lib/case.mjs';

const common = {
  ticket: 'T-1',
  'completion-marker': MARKER_RE,
  'eof-grace': '3s',
  'term-grace': '2s',
};

async function sleepStarted(c, run) {
  let ended = false;
  const end = () => {
    ended = true;
  };
  run.then(end, end);
  for (let i = 0; i < 300 && !ended; i++) {
    const s = c.survivors().find((p) => p.cmdline === 'sleep 300');
    if (s) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

test('tool starts sleep 300, stdin: tty -> timeout, the orphan is killed, nothing survives', { timeout: 30000 }, async (t) => {
  const c = await startCase(t, [{ bash: 'sleep 300' }, { text: 'unreachable' }]);
  const run = c.run({ inputs: { ...common, timeout: '10s', stdin: 'tty', command: 'pi "/tf $RALPH_TICKET --auto"' } });
  const sleeper = await sleepStarted(c, run);
  const r = await run;
  const why = c.explain(r);
  const left = c.survivors();

  assert.ok(sleeper, `the tool's sleep 300 never started\n${why}`);
  assert.ok(sleeper.hasRunId, 'the sleep does not carry RALPH_DISPATCH_RUN_ID');
  assert.equal(c.server.requests.length, 1, why);
  assert.equal(r.outputs.status, 'timeout', why);
  assert.equal(r.outputs.termination, 'eof', why);
  assert.equal(r.outputs['marker-seen'], 'false', why);
  assert.ok(Number(r.outputs['orphans-killed']) >= 1, `the detached sleep was not counted as a killed orphan\n${why}`);
  assert.notEqual(r.main.code, 0, why);
  assert.deepEqual(left, [], `processes left after the step:\n${why}`);
  if (r.post) assert.equal(r.post.code, 0, why);
  assert.deepEqual(c.survivors(), [], 'processes left after post');
});

test('tool starts sleep 300, stdin: closed -> timeout, SIGTERM, nothing survives', { timeout: 30000 }, async (t) => {
  const c = await startCase(t, [{ bash: 'sleep 300' }, { text: 'unreachable' }]);
  const run = c.run({ inputs: { ...common, timeout: '8s', stdin: 'closed', command: 'pi -p "/tf $RALPH_TICKET --auto"' } });
  const sleeper = await sleepStarted(c, run);
  const r = await run;
  const why = c.explain(r);
  const left = c.survivors();

  assert.ok(sleeper, `the tool's sleep 300 never started\n${why}`);
  assert.equal(r.outputs.status, 'timeout', why);
  // print-mode pi kills its tracked detached children on SIGTERM, and the
  // action's SIGTERM reaches the sleep anyway: nothing is left to reap.
  assert.equal(r.outputs.termination, 'sigterm', why);
  assert.notEqual(r.main.code, 0, why);
  assert.deepEqual(left, [], `processes left after the step:\n${why}`);
  if (r.post) assert.equal(r.post.code, 0, why);
});
