/**
 * script/release on a small git repository of its own: the real script and real git, with
 * package.json scripts standing in for typecheck, lint, tests and the build (a copy of src/ to
 * dist/), so each check can be made to pass or fail.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './support/harness.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};
const dirs: string[] = [];

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A clean repository at version `version`, its dist/ fresh, CHANGELOG.md naming `changelog`. */
function repo(version = '1.2.0', changelog = version): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-'));
  dirs.push(dir);
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      name: 'fixture',
      version,
      private: true,
      scripts: {
        typecheck: 'node -e 0',
        lint: 'node -e 0',
        // `--`: the script passes --ci to the tests.
        'test:coverage': "node -e \"process.exit(require('fs').existsSync('FAIL_TESTS') ? 1 : 0)\" --",
        build: "node -e \"require('fs').mkdirSync('dist', { recursive: true }); require('fs').copyFileSync('src/index.js', 'dist/index.js')\"",
      },
    }),
    'CHANGELOG.md': `# Changelog\n\n## [Unreleased]\n\n## [${changelog}] - 2026-12-01\n`,
    'src/index.js': 'console.log(1);\n',
    'dist/index.js': 'console.log(1);\n',
    'script/release': fs.readFileSync(path.join(ROOT, 'script', 'release'), 'utf8'),
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.chmodSync(path.join(dir, 'script', 'release'), 0o755);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'first');
  return dir;
}

function commit(dir: string, file: string, text: string): void {
  fs.writeFileSync(path.join(dir, file), text);
  git(dir, 'commit', '-qam', `change ${file}`);
}

function release(dir: string, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(path.join(dir, 'script', 'release'), args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

const tags = (dir: string): string => git(dir, 'tag', '--list');
const tagCommit = (dir: string, tag: string): string => git(dir, 'rev-parse', `${tag}^{commit}`);

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('script/release', () => {
  it('--dry-run on a clean tree prints the tags it would create and changes nothing', () => {
    const dir = repo();
    const head = git(dir, 'rev-parse', '--short', 'HEAD');
    const r = release(dir, '--dry-run', 'v1.2.0');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`would create v1.2.0 at ${head}`);
    expect(r.out).toContain(`would create v1 at ${head}`);
    expect(r.out).toContain('dry run: nothing changed');
    expect(tags(dir)).toBe('');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('tags vX.Y.Z and moves the major tag to HEAD', () => {
    const dir = repo('1.1.0');
    expect(release(dir, 'v1.1.0').code).toBe(0);
    const first = git(dir, 'rev-parse', 'HEAD');
    expect(tagCommit(dir, 'v1')).toBe(first);

    commit(dir, 'package.json', fs.readFileSync(path.join(dir, 'package.json'), 'utf8').replace('"1.1.0"', '"1.2.0"'));
    commit(dir, 'CHANGELOG.md', '# Changelog\n\n## [1.2.0] - 2026-12-02\n\n## [1.1.0] - 2026-12-01\n');
    const head = git(dir, 'rev-parse', 'HEAD');
    const dry = release(dir, '--dry-run', 'v1.2.0');
    expect(dry.out).toContain(`would move v1 from ${first.slice(0, 7)}`);
    expect(tagCommit(dir, 'v1')).toBe(first);

    const r = release(dir, 'v1.2.0');
    expect(r.code).toBe(0);
    expect(tags(dir).split('\n')).toEqual(['v1', 'v1.1.0', 'v1.2.0']);
    expect(tagCommit(dir, 'v1.2.0')).toBe(head);
    expect(tagCommit(dir, 'v1')).toBe(head);
    expect(tagCommit(dir, 'v1.1.0')).toBe(first);
    expect(git(dir, 'cat-file', '-t', 'v1.2.0')).toBe('tag'); // annotated
  });

  it.each([
    ['a version that is not vX.Y.Z', (): string => repo(), 'v1.2', /'v1\.2' is not a release version/],
    [
      'an untracked file',
      (): string => {
        const dir = repo();
        fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
        return dir;
      },
      'v1.2.0',
      /working tree is not clean/,
    ],
    [
      'an existing tag',
      (): string => {
        const dir = repo();
        git(dir, 'tag', 'v1.2.0');
        return dir;
      },
      'v1.2.0',
      /tag v1\.2\.0 exists already/,
    ],
    [
      'a version older than the latest release',
      (): string => {
        const dir = repo('1.1.0');
        git(dir, 'tag', 'v1.3.0');
        return dir;
      },
      'v1.1.0',
      /older than the latest release v1\.3\.0/,
    ],
    ['package.json at another version', (): string => repo('1.1.0'), 'v1.2.0', /package\.json says version 1\.1\.0/],
    ['no CHANGELOG.md section', (): string => repo('1.2.0', '1.1.0'), 'v1.2.0', /CHANGELOG\.md has no '## \[1\.2\.0\]' section/],
    [
      'failing tests',
      (): string => {
        const dir = repo();
        fs.writeFileSync(path.join(dir, 'FAIL_TESTS'), '');
        git(dir, 'add', 'FAIL_TESTS');
        git(dir, 'commit', '-qm', 'tests fail');
        return dir;
      },
      'v1.2.0',
      /== a green build: typecheck, lint, test\n(?![\s\S]*== dist\/)/,
    ],
    [
      'a stale dist/',
      (): string => {
        const dir = repo();
        commit(dir, 'src/index.js', 'console.log(2);\n');
        return dir;
      },
      'v1.2.0',
      /dist\/ is stale/,
    ],
  ])('refuses %s, with or without --dry-run, and changes nothing', (_what, make, version, message) => {
    for (const args of [['--dry-run', version], [version]]) {
      const dir = make();
      const before = tags(dir);
      const r = release(dir, ...args);
      expect(r.code).not.toBe(0);
      expect(r.out).toMatch(message);
      expect(tags(dir)).toBe(before);
      if (args[0] === '--dry-run') expect(git(dir, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    }
  });
});
