/**
 * A ticket's front matter to data. The `yaml` package does the parsing; in front of it sits a
 * fast path for the line shapes pi-ticketflow writes (`key: value`, `key: [a, b]`, `key:` with
 * `- item` lines), because the general parser costs about 0.1 ms a ticket and a plan must read
 * 10,000 tickets in well under a second (bench/fleet.mjs). The fast path takes a front matter only
 * when every line is one of those shapes with plain, unquoted scalars, and resolves scalars as
 * YAML 1.2's core schema does; anything else (quotes, comments, anchors, nesting, a duplicate
 * key, an error) goes to `yaml`, and a test holds the two to the same result.
 */
import { parse as parseYaml } from 'yaml';

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?:[ ]+(.*?))?[ ]*$/;
const ITEM_LINE = /^([ ]*)-[ ]+(.*?)[ ]*$/;
// A plain scalar that means the same in block and flow context: no indicator first, no ': ' or
// ' #' (no space at all), no flow indicator, no trailing ':'.
const PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9_./+:@=-]*$/;
const INT = /^[0-9]+$/;
const FLOAT = /^[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/;
const NULLS = new Set(['null', 'Null', 'NULL']);
const BOOLS = new Map([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

/** Core-schema resolution of a PLAIN scalar; undefined for a form the fast path leaves to yaml. */
function scalar(text: string): unknown {
  if (!PLAIN.test(text) || text.endsWith(':')) return undefined;
  if (NULLS.has(text)) return null;
  const bool = BOOLS.get(text);
  if (bool !== undefined) return bool;
  if (INT.test(text) || FLOAT.test(text)) return Number(text);
  // 0o17 / 0x1f are core-schema integers too: rare in a ticket, left to yaml.
  if (/^0[ox]/.test(text)) return undefined;
  return text;
}

function flowList(text: string): unknown[] | undefined {
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const out: unknown[] = [];
  for (const part of inner.split(',')) {
    const value = scalar(part.trim());
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}

/** The fast path: the mapping, or undefined when the text is not in the simple shapes. */
export function simpleFrontMatter(text: string): Record<string, unknown> | undefined {
  // A carriage return outside CRLF: yaml reads it its own way.
  if (/\r(?!\n)/.test(text)) return undefined;
  const out: Record<string, unknown> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.trim() === '') continue;
    // Trailing blanks: yaml keeps them in a plain scalar at the end of the text; leave that to it.
    if (line !== line.trimEnd()) return undefined;
    const m = KEY_LINE.exec(line);
    // A key must read as a string (`true:` or `null:` would not), and only once (yaml refuses a duplicate).
    if (!m || Object.hasOwn(out, m[1]) || scalar(m[1]) !== m[1]) return undefined;
    const raw = m[2];
    if (raw === undefined || raw === '') {
      // `key:` then `- item` lines (at one indent), or nothing: null.
      const items: unknown[] = [];
      let indent: string | undefined;
      while (i + 1 < lines.length) {
        const next = lines[i + 1].endsWith('\r') ? lines[i + 1].slice(0, -1) : lines[i + 1];
        const item = ITEM_LINE.exec(next);
        if (!item) {
          if (/^[ \t]/.test(next) && next.trim() !== '') return undefined;
          break;
        }
        if ((indent !== undefined && item[1] !== indent) || next !== next.trimEnd()) return undefined;
        indent = item[1];
        const value = scalar(item[2]);
        if (value === undefined) return undefined;
        items.push(value);
        i++;
      }
      out[m[1]] = indent === undefined ? null : items;
    } else if (raw.startsWith('[') && raw.endsWith(']')) {
      const list = flowList(raw);
      if (list === undefined) return undefined;
      out[m[1]] = list;
    } else {
      const value = scalar(raw);
      if (value === undefined) return undefined;
      out[m[1]] = value;
    }
  }
  // Nothing but blank lines: yaml reads that as null, not as an empty mapping.
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The data of a front matter; throws what yaml throws for one that does not parse. */
export function parseFrontMatter(text: string): unknown {
  return simpleFrontMatter(text) ?? parseYaml(text);
}
