// Loads the process table with untagged `sleep`s, for the benchmarks that need a busy machine.
import { spawn } from 'node:child_process';

/** Process groups of sleeps started here: killed on the way out, whatever happens. */
export const sleeperGroups = new Set();

/** Starts `count` sleeps in a process group of their own; resolves once all are running. */
export function startSleepers(count) {
  // One bash forks them all (fast), in its own group, then waits: killing the group ends all.
  const script = `for ((i = 0; i < ${count}; i++)); do sleep 600 & done; echo ready; wait`;
  const child = spawn('bash', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  sleeperGroups.add(child.pid);
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (c) => {
      seen += c;
      if (seen.includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`sleepers exited early (${code})`)));
  });
}

/** Kills the sleeps by their group. */
export function killSleepers(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  sleeperGroups.delete(child.pid);
}
