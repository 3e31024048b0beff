// Case 8: the main step itself dies (SIGKILL, as a crashed node or the runner's
// hard kill would) while pi's tool runs a detached `sleep 300`. Nothing in main
// can clean up then; the `post:` step (post-if: always()) must find what is left
// of the run through the state main saved, and kill it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ACTION_POST } from '../lib/action.mjs';
import { startCase, MARKER_RE } from '../lib/case.mjs';

test('main step killed mid-session -> post sweeps the leftovers', { timeout: 30000 }, async (t) => {
  assert.ok(existsSync(ACTION_POST), `${ACTION_POST} missing: the post step is not built`);
  const c = await startCase(t, [{ bash: 'sleep 300' }, { text: 'unreachable' }]);
  let killedWhileAlive = null;
  const r = await c.run({
    inputs: { ticket: 'T-1', stdin: 'closed', command: 'pi -p "/tf $RALPH_TICKET --auto"', timeout: '25s', 'completion-marker': MARKER_RE },
    onMainSpawn: (main) => {
      const poll = setInterval(() => {
        const alive = c.survivors().filter((p) => p.pid !== main.pid);
        if (alive.some((p) => p.cmdline === 'sleep 300')) {
          clearInterval(poll);
          killedWhileAlive = alive;
          main.kill('SIGKILL');
        }
      }, 50);
      main.on('close', () => clearInterval(poll));
    },
  });
  const why = c.explain(r);
  assert.ok(killedWhileAlive, `the sleep never started\n${why}`);
  assert.equal(r.main.signal, 'SIGKILL', why);
  assert.ok(r.state && Object.keys(r.state).length > 0, `main saved no state for post\n${why}`);
  assert.ok(
    killedWhileAlive.every((p) => p.hasRunId),
    'a process of the run lacks RALPH_DISPATCH_RUN_ID',
  );
  assert.equal(r.post.code, 0, why);
  assert.match(r.post.stdout + r.post.stderr, /sleep 300/, `post did not report the orphans it killed\n${why}`);
  assert.deepEqual(c.survivors(), [], `processes left after post:\n${why}`);
});
