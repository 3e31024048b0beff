/**
 * The run's own temporary directory (mode 0700, under RUNNER_TEMP): the command's script and,
 * under `stdin: tty`, the terminal's records (terminal.ts). Main removes it when the session
 * ends; when main was killed first, the post step reads the terminal's leader from it and
 * removes it (its path comes back from main's saved state).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const PREFIX = 'ralph-dispatch-';
/** What mkdtemp makes of PREFIX: six more characters. */
const NAME = /^ralph-dispatch-[A-Za-z0-9]{6}$/;

function base(env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP || os.tmpdir();
}

export function createWorkDir(env: NodeJS.ProcessEnv = process.env): string {
  fs.mkdirSync(base(env), { recursive: true });
  const dir = fs.mkdtempSync(path.join(base(env), PREFIX));
  fs.chmodSync(dir, 0o700);
  return dir;
}

/**
 * Whether `dir` is a work directory as createWorkDir makes them: a real directory of that name
 * right under the temporary base. The post step gets the path from the runner's state file,
 * whose path the command could read in our environment: never remove anything else.
 */
export function isWorkDir(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!path.isAbsolute(dir) || path.dirname(dir) !== path.resolve(base(env)) || !NAME.test(path.basename(dir))) return false;
  try {
    const st = fs.lstatSync(dir);
    return st.isDirectory() && (process.getuid === undefined || st.uid === process.getuid());
  } catch {
    return false;
  }
}

/** Removes a work directory (nothing else, see isWorkDir); true when there was one. */
export function removeWorkDir(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!isWorkDir(dir, env)) return false;
  fs.rmSync(dir, { recursive: true, force: true });
  return true;
}
