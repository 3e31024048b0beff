/**
 * The front matter fast path against the yaml package: wherever the fast path answers, it must
 * answer what yaml answers; pi-ticketflow's own files must take it.
 */
import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseFrontMatter, simpleFrontMatter } from '../src/plan/front-matter.js';
import { frontMatterOf } from '../src/plan/tickets.js';
import { FIXTURES } from './support/harness.js';

/** A seeded generator (mulberry32): every run tries the same cases, and a failure names its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Plain values a ticket holds, and forms that mean something else in YAML (or are errors).
const PLAIN = [
  'pt-7jzy',
  'open',
  'in_progress',
  'closed',
  '2',
  '0',
  '007',
  '1.5',
  '1e3',
  '2.',
  '1_000',
  '0x1f',
  '0o17',
  '12345678901234567890',
  'true',
  'False',
  'TRUE',
  'yes',
  'null',
  'Null',
  '~',
  'component:cli',
  'a:b',
  'a::b',
  '2026-02-13T16:05:22Z',
  'http://x.y/z',
  'a@b',
  'a=b',
  '/abs',
];
const ODD = [
  '.inf',
  '.5',
  '-1',
  '+1',
  "'quoted'",
  '"dq"',
  'a #c',
  'a: b',
  '[x]',
  '{x: 1}',
  '&anchor',
  '*alias',
  '!tag',
  '|',
  '>',
  '%',
  '@at',
  '`bt',
  'a,b',
  'a]',
  '-',
  '- x',
  'tab\there',
  'é',
  'a b',
  'x:',
  '?',
  ':x',
  '',
];
const KEYS = ['id', 'status', 'deps', 'tags', 'priority', 'links', 'external-ref', 'x_y', 'true', 'null', '1', 'a b', '-k', 'id'];

function generate(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const SCALARS = rnd() < 0.6 ? PLAIN : [...PLAIN, ...ODD];
  const lines: string[] = [];
  const n = 1 + Math.floor(rnd() * 6);
  for (let i = 0; i < n; i++) {
    const key = rnd() < 0.85 ? pick(KEYS.slice(0, 8)) : pick(KEYS);
    const shape = rnd();
    if (shape < 0.4) lines.push(`${key}: ${pick(SCALARS)}`);
    else if (shape < 0.65) lines.push(`${key}: [${Array.from({ length: Math.floor(rnd() * 4) }, () => pick(SCALARS)).join(pick([', ', ',', ' , ']))}]`);
    else if (shape < 0.85) {
      const indent = pick(['', '  ', '    ']);
      lines.push(`${key}:`);
      for (let j = Math.floor(rnd() * 4); j > 0; j--) lines.push(`${rnd() < 0.95 ? indent : ' '}- ${pick(SCALARS)}`);
    } else if (shape < 0.9) lines.push(`${key}:${pick(['', ' ', '  '])}`);
    else
      lines.push(
        pick(['', '# comment', '  nested: 1', `${key}:${pick(SCALARS)}`, `${key}:  ${pick(SCALARS)}  `, `${key}: ${pick(SCALARS)}\r`, '---', 'a: b: c']),
      );
  }
  return lines.join('\n') + (rnd() < 0.5 ? '\n' : '');
}

describe('the front matter fast path', () => {
  it('answers as yaml does wherever it answers (3,000 seeded cases)', () => {
    let answered = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const text = generate(random(seed));
      const fast = simpleFrontMatter(text);
      if (fast === undefined) continue;
      answered++;
      let expected: unknown;
      try {
        expected = parseYaml(text);
      } catch (e) {
        throw new Error(`seed ${seed}: the fast path read ${JSON.stringify(text)}, which yaml refuses: ${(e as Error).message}`, { cause: e });
      }
      expect({ seed, text, value: fast }).toEqual({ seed, text, value: expected });
    }
    // The check means something only if the fast path took a good share of the cases.
    expect(answered).toBeGreaterThan(600);
  });

  it('leaves what is not simple to yaml: quotes, comments, nesting, duplicates, errors', () => {
    for (const text of ["id: 'a'", 'id: a # c', 'a:\n  b: 1', 'id: a\nid: b', 'tags: [a', '', '\n\n', 'deps:\n  - a\n - b', 'x: 0x1f', 'true: 1']) {
      expect(simpleFrontMatter(text)).toBeUndefined();
    }
    expect(() => parseFrontMatter('id: a\nid: b')).toThrow(/unique/i);
    expect(parseFrontMatter("id: 'a b'\nstatus: open # soon")).toEqual({ id: 'a b', status: 'open' });
  });

  it("takes every well-formed ticket of the fixture, pi-ticketflow's format", () => {
    const dir = path.join(FIXTURES, 'tickets', 'backlog');
    const fronts = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.md') && !['broken.md', 'unclosed.md', 'notes.md'].includes(n))
      .map((n) => frontMatterOf(fs.readFileSync(path.join(dir, n), 'utf8')) as string);
    expect(fronts).toHaveLength(15);
    for (const text of fronts) expect(simpleFrontMatter(text)).toEqual(parseYaml(text));
  });
});
