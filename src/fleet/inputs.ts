/**
 * Input helpers shared by the plan and summarize actions: a list of names, a YAML boolean, and
 * the error that names the input and its value. Pure: the entry modules pass core.getInput in.
 */

export type InputReader = (name: string) => string;

export class FleetInputError extends Error {
  constructor(
    readonly input: string,
    readonly value: string,
    why: string,
  ) {
    super(`Input '${input}' has an invalid value ${JSON.stringify(value)}: ${why}`);
  }
}

/** Names separated by spaces, commas or newlines (`a, b`, `a b`, a block scalar), duplicates dropped. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((s) => s !== ''))];
}

// The values core.getBooleanInput accepts (YAML 1.2 core schema); parsed here so that the error
// names the value as well as the input, as every other input error of the action does.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function parseBoolean(input: string, value: string): boolean {
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new FleetInputError(input, value, 'use true or false');
}

/** The input, trimmed, or its default when empty (as action.yml defaults it on the runner). */
export function readerWithDefaults(read: InputReader, defaults: Readonly<Record<string, string>>): (name: string) => string {
  return (name) => {
    const value = read(name).trim();
    return value === '' ? (defaults[name] ?? '') : value;
  };
}
