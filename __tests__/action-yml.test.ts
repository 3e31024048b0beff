import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inputs, Outputs } from '../src/constants.js';
import { DEFAULTS } from '../src/inputs.js';
import { ROOT } from './support/harness.js';

/** The names of CONTRACT.md (v1), fixed: action.yml may add to them, never drop one. */
const CONTRACT_INPUTS = [
  'command',
  'ticket',
  'shell',
  'working-directory',
  'stdin',
  'input',
  'timeout',
  'idle-timeout',
  'completion-marker',
  'completion-grace',
  'eof-grace',
  'term-grace',
  'log-file',
  'allow-workflow-commands',
];
const CONTRACT_OUTPUTS = ['status', 'exit-code', 'signal', 'termination', 'duration-ms', 'orphans-killed', 'marker-seen', 'log-file'];

type YamlNode = string | { [key: string]: YamlNode };

/** What a real YAML parser (GitHub's) would refuse, found while reading. */
const problems: string[] = [];

/** A plain or quoted YAML scalar. */
function scalar(raw: string, where = ''): string {
  const text = raw.trim();
  if (where && !/^['"]/.test(text)) {
    // In a plain scalar, ': ' starts a mapping ("mapping values are not allowed here"), and
    // these first characters are YAML indicators.
    if (/:(\s|$)/.test(text)) problems.push(`${where}: a plain scalar holding ': ' (quote it): ${text}`);
    if (/^[[\]{}*&!|>%@`,?#-]/.test(text) && !/^-?\d/.test(text)) problems.push(`${where}: a plain scalar starting with an indicator: ${text}`);
  }
  if (text.startsWith("'")) {
    expect(text.endsWith("'")).toBe(true);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (text.startsWith('"')) return JSON.parse(text) as string;
  const comment = text.search(/\s#/);
  return comment >= 0 ? text.slice(0, comment).trimEnd() : text;
}

/**
 * Just enough YAML for action.yml: nested block mappings of scalars (no lists, no flow style,
 * no multi-line scalars except `>`/`|` blocks, which are read as their lines joined).
 */
function parseYaml(text: string): { [key: string]: YamlNode } {
  const root: { [key: string]: YamlNode } = {};
  const stack: { indent: number; node: { [key: string]: YamlNode } }[] = [{ indent: -1, node: root }];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = /^( *)([A-Za-z0-9_.-]+|'[^']*'|"[^"]*"):(?:\s+(.*))?$/.exec(line);
    if (!m) throw new Error(`action.yml line ${i + 1} is not a "key: value" line: ${line}`);
    const indent = m[1].length;
    const key = scalar(m[2]);
    const rest = m[3] ?? '';
    while (stack[stack.length - 1].indent >= indent) stack.pop();
    const parent = stack[stack.length - 1].node;
    expect(Object.prototype.hasOwnProperty.call(parent, key)).toBe(false);
    if (rest === '' || /^#/.test(rest)) {
      const child: { [key: string]: YamlNode } = {};
      parent[key] = child;
      stack.push({ indent, node: child });
    } else if (/^[>|][-+]?$/.test(rest)) {
      const block: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1].trim() === '' || lines[i + 1].search(/\S/) > indent)) block.push(lines[++i].trim());
      parent[key] = block.join(rest.startsWith('>') ? ' ' : '\n').trim();
    } else {
      parent[key] = scalar(rest, `action.yml line ${i + 1}`);
    }
  }
  return root;
}

const actionYml = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
const section = (name: string) => actionYml[name] as { [key: string]: { [key: string]: string } };

describe('action.yml', () => {
  it('is valid YAML (as far as this minimal reader can tell)', () => {
    expect(problems).toEqual([]);
  });

  it('declares every input of the contract, and only the inputs the code reads', () => {
    const declared = Object.keys(section('inputs'));
    for (const name of CONTRACT_INPUTS) expect(declared).toContain(name);
    expect([...declared].sort()).toEqual(Object.values(Inputs).sort());
  });

  it('declares every output of the contract, and only the outputs the code sets', () => {
    const declared = Object.keys(section('outputs'));
    for (const name of CONTRACT_OUTPUTS) expect(declared).toContain(name);
    expect([...declared].sort()).toEqual(Object.values(Outputs).sort());
  });

  it('gives each input and output a description', () => {
    for (const kind of ['inputs', 'outputs']) {
      for (const [name, spec] of Object.entries(section(kind))) {
        expect(typeof spec.description).toBe('string');
        expect(`${name}: ${spec.description}`.length).toBeGreaterThan(name.length + 10);
      }
    }
  });

  it.each(Object.values(Inputs))('the default of %s equals DEFAULTS in src/inputs.ts', (name) => {
    const spec = section('inputs')[name];
    expect(spec.default ?? '').toBe(DEFAULTS[name]);
    // Every input is optional: each has a working default.
    expect(spec.required ?? 'false').toBe('false');
  });

  it('runs on node24: main dist/index.js, post dist/post/index.js, post-if always()', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js', 'post-if': 'always()' });
    expect(fs.existsSync(path.join(ROOT, 'dist', 'index.js'))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'dist', 'post', 'index.js'))).toBe(true);
  });

  it('has a name, a description and branding', () => {
    expect(typeof actionYml.name).toBe('string');
    expect((actionYml.description as string).length).toBeGreaterThan(0);
    const branding = actionYml.branding as { [key: string]: string };
    expect(branding.icon).toMatch(/^[a-z0-9-]+$/);
    expect(branding.color).toMatch(/^(white|black|yellow|blue|green|orange|red|purple|gray-dark)$/);
  });
});

describe('README.md', () => {
  const readme = path.join(ROOT, 'README.md');
  const exists = fs.existsSync(readme);
  (exists ? it : it.skip)(
    `lists every input and output of action.yml in its tables${exists ? '' : ' [SKIPPED: README.md does not exist yet]'}`,
    () => {
      const firstCells = fs
        .readFileSync(readme, 'utf8')
        .split(/\r?\n/)
        .filter((l) => /^\s*\|/.test(l))
        .map((l) => l.trim().slice(1).split('|')[0].trim().replaceAll('`', ''));
      const missing = [...Object.keys(section('inputs')), ...Object.keys(section('outputs'))].filter((name) => !firstCells.includes(name));
      expect(missing).toEqual([]);
      // log-file is both an input and an output: it needs a row in each table.
      expect(firstCells.filter((c) => c === 'log-file').length).toBeGreaterThanOrEqual(2);
    },
  );
});
