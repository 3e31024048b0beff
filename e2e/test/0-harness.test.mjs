// The harness itself, without the action: the output-file parser, and the fake
// server really driving pi (print mode, a tool call, then the marker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommandFile } from '../lib/action.mjs';
import { startCase, MARKER } from '../lib/case.mjs';

test('parseCommandFile reads @actions/core heredoc and key=value lines', () => {
  const d = 'ghadelimiter_0b5c7c0a-2f1e-4b8e-9a61-0d6f1c2b3a4d';
  const text = `status<<${d}\ncompleted\n${d}\nsignal<<${d}\n\n${d}\nmulti<<${d}\na\nb\n${d}\nold=style\n`;
  assert.deepEqual(parseCommandFile(text), { status: 'completed', signal: '', multi: 'a\nb', old: 'style' });
  assert.throws(() => parseCommandFile(`x<<${d}\nno end\n`), /unterminated/);
});

test('the fake server drives the real pi: tool call, tool result, marker', { timeout: 20000 }, async (t) => {
  const c = await startCase(t, [{ bash: 'touch done.txt' }, { text: `All done.\n${MARKER}` }], { needsAction: false });
  const res = await new Promise((resolve) => {
    const child = spawn('pi', ['-p', '/tf T-1 --auto'], {
      cwd: c.pi.work,
      env: { ...process.env, ...c.pi.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code, out }));
  });
  assert.equal(res.code, 0, res.out);
  assert.match(res.out, /<promise>COMPLETE<\/promise>/);
  assert.ok(existsSync(path.join(c.pi.work, 'done.txt')));
  assert.equal(c.server.requests.length, 2);
  const [first, second] = c.server.requests.map((r) => r.body);
  assert.equal(first.stream, true);
  assert.equal(first.model, 'fake-model');
  assert.match(JSON.stringify(first.messages), /Work on ticket T-1 \(flags: --auto\)/);
  const toolMsg = second.messages.find((m) => m.role === 'tool');
  assert.ok(toolMsg, 'the second request carries the tool result');
  assert.equal(toolMsg.tool_call_id, 'call_fake_0');
});
