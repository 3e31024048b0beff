import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { Inputs, Outputs } from '../src/constants.js';
import { DEFAULTS } from '../src/inputs.js';
import { ROOT } from './support/harness.js';

/** The public names of v1 (the README's Inputs and Outputs), fixed: action.yml may add to them, never drop one. */
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

/** Parsed by a real YAML parser; duplicate keys are errors, as they are for GitHub. */
const document = YAML.parseDocument(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'), { uniqueKeys: true, prettyErrors: true });
const actionYml = (document.toJS() ?? {}) as Record<string, unknown>;
const section = (name: string) => actionYml[name] as { [key: string]: { [key: string]: unknown } };

describe('action.yml', () => {
  it('is valid YAML: no errors, no warnings, one mapping at the top', () => {
    expect(document.errors.map((e) => e.message)).toEqual([]);
    expect(document.warnings.map((e) => e.message)).toEqual([]);
    expect(YAML.isMap(document.contents)).toBe(true);
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
    // A string, as the runner passes it (a plain `0` or `false` would be a YAML number or boolean).
    expect(spec.default ?? '').toBe(DEFAULTS[name]);
    // Every input is optional: each has a working default.
    expect(spec.required ?? false).toBe(false);
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
  it('lists every input and output of action.yml in its tables', () => {
    const firstCells = fs
      .readFileSync(path.join(ROOT, 'README.md'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => /^\s*\|/.test(l))
      .map((l) => l.trim().slice(1).split('|')[0].trim().replaceAll('`', ''));
    const missing = [...Object.keys(section('inputs')), ...Object.keys(section('outputs'))].filter((name) => !firstCells.includes(name));
    expect(missing).toEqual([]);
    // log-file is both an input and an output: it needs a row in each table.
    expect(firstCells.filter((c) => c === 'log-file').length).toBeGreaterThanOrEqual(2);
  });
});
