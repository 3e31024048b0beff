#!/usr/bin/env node
// Self-test fixture (.github/workflows/ci.yml): a tool that leaves a daemon behind and exits 0.
// The daemon is spawned detached, so it calls setsid() (a session and a process group of its
// own, on Linux and macOS alike), and is reparented to init once this process exits. Its file
// name is unique, so a later step can look for it with `pgrep -f ralph-selftest-daemon`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (process.argv[2] === 'daemon') {
  process.on('SIGHUP', () => undefined);
  setInterval(() => undefined, 1000);
} else {
  const daemon = spawn(process.execPath, [fileURLToPath(import.meta.url), 'daemon'], { detached: true, stdio: 'ignore' });
  daemon.unref();
  console.log(`daemon: started pid ${daemon.pid} in a session of its own; exiting 0`);
}
