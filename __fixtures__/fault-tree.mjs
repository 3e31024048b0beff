#!/usr/bin/env node
// One process of a random process tree, for the fault campaign (bench/faults.ts).
// Usage: fault-tree.mjs SPEC.json INDEX
//
// SPEC.json holds every node of the tree (see NodeSpec in bench/faults.ts); this process plays
// node INDEX: it writes what the node says when it says it, starts its children the way the node
// says (plain, setsid, a double fork through `sh -c '… & exit 0'` or `setsid -f`, a scrubbed
// `env -i`), traps SIGTERM / SIGHUP as told, forks while it is being killed, reads stdin, exits
// at a time or never. Every write is recorded in a sidecar, <dir>/w/<pid>.jsonl, before (`b`)
// and after (`e`) it reaches the fd, so that the campaign can check the log holds every byte:
// a `b` without its `e` is a write that was interrupted (SIGKILL) or refused (EIO, EPIPE).
// Every record has its wall-clock time, and an exit of its own is recorded last.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const [specPath, indexText] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
const node = spec.nodes[Number(indexText)];
const sidecar = path.join(spec.dir, 'w', `${process.pid}.jsonl`);
const t0 = Date.now();
let seq = 0;

// `at`: wall-clock ms, comparable across the processes of a case (`t` is from this one's start).
const record = (entry) => {
  const now = Date.now();
  fs.appendFileSync(sidecar, `${JSON.stringify({ ...entry, t: now - t0, at: now })}\n`);
};
/** Which of stdout and stderr go to /dev/null (a quiet node, or a child of one): not logged. */
const devNull = fs.statSync('/dev/null');
const isNull = (fd) => {
  try {
    const st = fs.fstatSync(fd);
    return st.rdev === devNull.rdev && st.ino === devNull.ino;
  } catch {
    return true;
  }
};
record({ node: Number(indexText), ppid: process.ppid, nullFds: [1, 2].filter(isNull), tagged: Boolean(process.env[spec.tagName]) });

/** Blocks this process for `ms` (a synchronous pause between retries of a full pipe). */
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Writes all of `text` to fd, synchronously; the sidecar says where it began and ended. */
function write(fd, text) {
  const buf = Buffer.from(text.replaceAll('{pid}', String(process.pid)), 'utf8');
  const n = seq++;
  record({ b: n, fd, x: buf.toString('base64') });
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if (e.code === 'EAGAIN') {
        pause(5);
        continue;
      }
      record({ f: n, code: e.code, at: off });
      return;
    }
  }
  record({ e: n });
}

function start(index) {
  const child = spec.nodes[index];
  const args = [SELF, specPath, String(index)];
  const stdio = ['ignore', child.quiet ? 'ignore' : 'inherit', child.quiet ? 'ignore' : 'inherit'];
  let file = process.execPath;
  let argv = args;
  let env = process.env;
  let detached = false;
  switch (child.via) {
    case 'setsid':
      detached = true;
      break;
    case 'sh-bg':
      // The classic double fork: the intermediate shell exits at once, the child is reparented.
      file = '/bin/sh';
      argv = ['-c', `sleep 0.00${child.jitter}; "$0" "$@" & exit 0`, process.execPath, ...args];
      break;
    case 'setsid-bg':
      file = 'setsid';
      argv = ['-f', process.execPath, ...args];
      break;
    case 'scrub':
      env = {};
      break;
  }
  try {
    const c = spawn(file, argv, { stdio, env, detached });
    c.on('error', (e) => record({ spawnError: e.code }));
    c.unref();
  } catch (e) {
    record({ spawnError: e.code });
  }
}

function onTerm() {
  record({ sig: 'SIGTERM' });
  for (const index of node.forkOnTerm) start(index);
  if (node.term === 'delay') setTimeout(() => process.exit(143), node.termDelayMs);
}
if (node.term !== 'default') process.on('SIGTERM', onTerm);
else if (node.forkOnTerm.length > 0) {
  process.on('SIGTERM', () => {
    onTerm();
    process.exit(143);
  });
}
// An exit of its own (not a SIGKILL): the last thing it records.
process.on('exit', (code) => record({ exit: code }));
if (node.hup === 'ignore') process.on('SIGHUP', () => record({ sig: 'SIGHUP' }));

for (const w of node.writes) setTimeout(() => write(w.fd, w.text), w.atMs);
for (const c of node.children) setTimeout(() => start(c.index), c.atMs);
if (node.forkLoop) {
  let left = node.forkLoop.count;
  const timer = setInterval(() => {
    if (left-- <= 0) return clearInterval(timer);
    start(node.forkLoop.index);
  }, node.forkLoop.everyMs);
}
if (node.readStdin) {
  process.stdin.on('data', () => {});
  process.stdin.on('error', () => {});
  process.stdin.on('end', () => {
    record({ eof: true });
    if (node.exitOnEof) process.exit(node.exitCode);
  });
}
if (node.selfSignalAtMs !== null) setTimeout(() => process.kill(process.pid, 'SIGKILL'), node.selfSignalAtMs);
if (node.lifetimeMs !== null) setTimeout(() => process.exit(node.exitCode), node.lifetimeMs);
else setInterval(() => {}, 1 << 30);
