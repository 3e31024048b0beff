/**
 * Every action.yml of the repository against what GitHub's action metadata syntax requires (the
 * fields of the SchemaStore github-action schema), checked here because the off-the-shelf
 * validators do not know `node24` yet. The checker is tested on broken metadata first, so a
 * checker that passes everything fails this file.
 */
import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { ROOT } from './support/harness.js';

const TOP_LEVEL = ['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding'];
const INPUT_KEYS = ['description', 'required', 'default', 'deprecationMessage'];
const ID = /^[_a-zA-Z][a-zA-Z0-9_-]*$/;
const NODE_RUNTIMES = ['node20', 'node24'];
const JS_RUNS_KEYS = ['using', 'main', 'pre', 'pre-if', 'post', 'post-if'];
const COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];
// The Feather icons that GitHub accepts for `branding.icon`.
const ICONS = new Set(
  `activity airplay alert-circle alert-octagon alert-triangle align-center align-justify align-left align-right anchor aperture archive
  arrow-down-circle arrow-down-left arrow-down-right arrow-down arrow-left-circle arrow-left arrow-right-circle arrow-right arrow-up-circle
  arrow-up-left arrow-up-right arrow-up at-sign award bar-chart-2 bar-chart battery-charging battery bell-off bell bluetooth bold book-open book
  bookmark box briefcase calendar camera-off camera cast check-circle check-square check chevron-down chevron-left chevron-right chevron-up
  chevrons-down chevrons-left chevrons-right chevrons-up circle clipboard clock cloud-drizzle cloud-lightning cloud-off cloud-rain cloud-snow
  cloud code command compass copy corner-down-left corner-down-right corner-left-down corner-left-up corner-right-down corner-right-up
  corner-up-left corner-up-right cpu credit-card crop crosshair database delete disc dollar-sign download-cloud download droplet edit-2 edit-3
  edit external-link eye-off eye facebook fast-forward feather file-minus file-plus file-text file film filter flag folder-minus folder-plus
  folder gift git-branch git-commit git-merge git-pull-request globe grid hard-drive hash headphones heart help-circle home image inbox info
  italic layers layout life-buoy link-2 link list loader lock log-in log-out mail map-pin map maximize-2 maximize menu message-circle
  message-square mic-off mic minimize-2 minimize minus-circle minus-square minus monitor moon more-horizontal more-vertical move music
  navigation-2 navigation octagon package paperclip pause-circle pause percent phone-call phone-forwarded phone-incoming phone-missed phone-off
  phone-outgoing phone pie-chart play-circle play plus-circle plus-square plus pocket power printer radio refresh-ccw refresh-cw repeat rewind
  rotate-ccw rotate-cw rss save scissors search send server settings share-2 share shield-off shield shopping-bag shopping-cart shuffle sidebar
  skip-back skip-forward slash sliders smartphone speaker square star stop-circle sun sunrise sunset tablet tag target terminal thermometer
  thumbs-down thumbs-up toggle-left toggle-right trash-2 trash trending-down trending-up triangle truck tv type umbrella underline unlock
  upload-cloud upload user-check user-minus user-plus user-x user users video-off video voicemail volume-1 volume-2 volume-x volume watch
  wifi-off wifi wind x-circle x-square x zap-off zap zoom-in zoom-out`.split(/\s+/),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: Json | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** What GitHub would refuse (or show badly) in one action metadata file; `dir` resolves `main`/`post`. */
function metadataProblems(text: string, dir: string): string[] {
  const problems: string[] = [];
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  for (const e of doc.errors) problems.push(`YAML: ${e.message}`);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return problems.length ? problems : ['YAML: not a mapping'];
  const meta = doc.toJS() as { [key: string]: Json };

  for (const key of Object.keys(meta)) if (!TOP_LEVEL.includes(key)) problems.push(`unknown top-level key '${key}'`);
  if (!isText(meta.name)) problems.push('name: required, a non-empty string');
  if (!isText(meta.description)) problems.push('description: required, a non-empty string');

  const runs = meta.runs;
  const using = isObject(runs) ? runs.using : undefined;
  if (!isObject(runs)) {
    problems.push('runs: required, a mapping');
  } else if (typeof using === 'string' && NODE_RUNTIMES.includes(using)) {
    for (const key of Object.keys(runs)) if (!JS_RUNS_KEYS.includes(key)) problems.push(`runs: unknown key '${key}' for a JavaScript action`);
    if (!isText(runs.main)) problems.push('runs.main: required for a JavaScript action');
    for (const file of ['pre', 'main', 'post'] as const) {
      const value = runs[file];
      if (isText(value) && !fs.existsSync(path.join(dir, value))) problems.push(`runs.${file}: ${value} does not exist`);
    }
    if (runs['pre-if'] !== undefined && runs.pre === undefined) problems.push('runs.pre-if without runs.pre');
    if (runs['post-if'] !== undefined && runs.post === undefined) problems.push('runs.post-if without runs.post');
    for (const key of ['pre-if', 'post-if']) if (runs[key] !== undefined && !isText(runs[key])) problems.push(`runs.${key}: a string`);
  } else if (using === 'composite') {
    if (!Array.isArray(runs.steps) || runs.steps.length === 0) problems.push('runs.steps: required for a composite action');
  } else if (using === 'docker') {
    if (!isText(runs.image)) problems.push('runs.image: required for a Docker action');
  } else {
    problems.push(`runs.using: '${String(using)}' is not one of ${[...NODE_RUNTIMES, 'composite', 'docker'].join(', ')}`);
  }

  if (meta.inputs !== undefined) {
    if (!isObject(meta.inputs)) problems.push('inputs: a mapping');
    else
      for (const [id, input] of Object.entries(meta.inputs)) {
        if (!ID.test(id)) problems.push(`inputs.${id}: not a valid input id`);
        if (!isObject(input)) {
          problems.push(`inputs.${id}: a mapping`);
          continue;
        }
        for (const key of Object.keys(input)) if (!INPUT_KEYS.includes(key)) problems.push(`inputs.${id}: unknown key '${key}'`);
        if (!isText(input.description)) problems.push(`inputs.${id}.description: required`);
        if (input.required !== undefined && typeof input.required !== 'boolean') problems.push(`inputs.${id}.required: true or false`);
        if (isObject(input.default) || Array.isArray(input.default)) problems.push(`inputs.${id}.default: a scalar`);
      }
  }

  if (meta.outputs !== undefined) {
    if (!isObject(meta.outputs)) problems.push('outputs: a mapping');
    else
      for (const [id, output] of Object.entries(meta.outputs)) {
        if (!ID.test(id)) problems.push(`outputs.${id}: not a valid output id`);
        if (!isObject(output) || !isText(output.description)) problems.push(`outputs.${id}.description: required`);
        if (using === 'composite' && !(isObject(output) && isText(output.value))) problems.push(`outputs.${id}.value: required in a composite action`);
      }
  }

  if (meta.branding !== undefined) {
    const branding = meta.branding;
    if (!isObject(branding)) problems.push('branding: a mapping');
    else {
      for (const key of Object.keys(branding)) if (!['icon', 'color'].includes(key)) problems.push(`branding: unknown key '${key}'`);
      const { icon, color } = branding;
      if (icon !== undefined && !ICONS.has(String(icon))) problems.push(`branding.icon: '${String(icon)}' is not a Feather icon GitHub accepts`);
      if (color !== undefined && !COLORS.includes(String(color))) problems.push(`branding.color: '${String(color)}' is not one of ${COLORS.join(', ')}`);
    }
  }
  return problems;
}

/** action.yml and action.yaml files of the repository (the root action and any in subfolders). */
function actionFiles(): string[] {
  const skip = new Set(['node_modules', 'dist', 'coverage', '.git', '__fixtures__']);
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && depth < 3 && !skip.has(entry.name)) walk(path.join(dir, entry.name), depth + 1);
      else if (entry.isFile() && /^action\.ya?ml$/.test(entry.name)) found.push(path.relative(ROOT, path.join(dir, entry.name)));
    }
  };
  walk(ROOT, 0);
  return found.sort();
}

const rootText = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
/** action.yml with one line replaced, for the checker's own tests. */
const edited = (from: RegExp, to: string): string => {
  expect(rootText).toMatch(from);
  return rootText.replace(from, to);
};

describe('the metadata checker', () => {
  it('accepts the root action.yml as it is', () => {
    expect(metadataProblems(rootText, ROOT)).toEqual([]);
  });

  it.each([
    ['a missing description', /^description: .*$/m, '', /^description: required/],
    ['a runtime GitHub does not run', /using: node24/, 'using: node22', /^runs\.using: 'node22'/],
    ['a main file that is not there', /main: dist\/index\.js/, 'main: dist/nowhere.js', /^runs\.main: dist\/nowhere\.js does not exist/],
    ['post-if without post', /^ {2}post: .*\n/m, '', /^runs\.post-if without runs\.post/],
    ['an input without a description', /^ {4}description: The ticket workflow.*$/m, '    deprecationMessage: gone', /^inputs\.command\.description: required/],
    ['required that is not a boolean', /^( {4}required:) false$/m, '$1 maybe', /^inputs\.\w[\w-]*\.required: true or false/],
    ['an output without a description', /^ {4}description: Path of the log\.$/m, '    value: x', /^outputs\.log-file\.description: required/],
    ['an icon that is not a Feather icon', /icon: repeat/, 'icon: robot', /^branding\.icon: 'robot'/],
    ['a color GitHub does not offer', /color: purple/, 'color: pink', /^branding\.color: 'pink'/],
    ['an unknown top-level key', /^outputs:$/m, 'output:', /^unknown top-level key 'output'/],
    ['a duplicated key', /^name: (.*)$/m, 'name: $1\nname: again', /^YAML: /],
  ])('rejects %s', (_what, from, to, problem) => {
    const problems = metadataProblems(edited(from, to), ROOT);
    expect(problems.some((p) => problem.test(p))).toBe(true);
  });
});

describe('action metadata in this repository', () => {
  const files = actionFiles();

  it('finds the root action.yml', () => {
    expect(files).toContain('action.yml');
  });

  it.each(files)('%s has what GitHub requires', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(metadataProblems(text, path.dirname(path.join(ROOT, file)))).toEqual([]);
  });

  it('the root action runs on node24, with a post step that always runs, and is branded', () => {
    const meta = parseDocument(rootText).toJS() as { runs: Record<string, string>; branding: Record<string, string> };
    expect(meta.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js', 'post-if': 'always()' });
    expect(Object.keys(meta.branding).sort()).toEqual(['color', 'icon']);
  });
});
