/**
 * The run's work directory: made private under RUNNER_TEMP, and removed by the post step only
 * if the path it got back from main's state is one (the command can write that state file).
 */
import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWorkDir, isWorkDir, removeWorkDir } from '../src/work-dir.js';
import { tempDir } from './support/harness.js';

describe('the work directory', () => {
  it('is made under RUNNER_TEMP (created if missing), readable by its owner only, and removed whole', () => {
    const env = { RUNNER_TEMP: path.join(tempDir('rd-work-'), 'runner', 'temp') };
    const dir = createWorkDir(env);
    expect(path.dirname(dir)).toBe(env.RUNNER_TEMP);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    fs.writeFileSync(path.join(dir, 'ticket.sh'), 'exit 0\n');
    expect(isWorkDir(dir, env)).toBe(true);
    expect(removeWorkDir(dir, env)).toBe(true);
    expect(fs.existsSync(dir)).toBe(false);
    expect(removeWorkDir(dir, env)).toBe(false);
  });

  it('is never anything else: another name, another place, a relative path, a symlink, a file', () => {
    const temp = tempDir('rd-work-');
    const env = { RUNNER_TEMP: temp };
    const other = tempDir('rd-work-other-');
    const unprefixed = path.join(temp, 'ralph-dispatch');
    const elsewhere = path.join(other, 'ralph-dispatch-abcdef');
    for (const dir of [unprefixed, elsewhere]) fs.mkdirSync(dir);
    const victims = [unprefixed, elsewhere, path.join(temp, 'ralph-dispatch-abc/../..')];
    const link = path.join(temp, 'ralph-dispatch-linkto');
    fs.symlinkSync(other, link);
    const file = path.join(temp, 'ralph-dispatch-afile0');
    fs.writeFileSync(file, 'x');
    for (const dir of [...victims, link, file, 'ralph-dispatch-abcdef', '']) {
      expect({ dir, removed: removeWorkDir(dir, env) }).toEqual({ dir, removed: false });
    }
    expect(fs.existsSync(elsewhere)).toBe(true);
    expect(fs.existsSync(link) && fs.existsSync(file) && fs.existsSync(unprefixed)).toBe(true);
  });
});
