/**
 * The one duration grammar shared by every duration input.
 *
 *   duration := "0" | number | component+
 *   component := number unit          (units in descending order, each at most once)
 *   unit := "h" | "m" | "s" | "ms"
 *   number := digits ["." digits]
 *
 * A bare number means seconds, as with GNU `timeout` and `sleep`. `0` (in any unit) means off
 * for `timeout` and `idle-timeout`, and "at once" for the graces. No signs, no exponents, no
 * spaces inside; at most MAX_DURATION_MS, the longest delay a Node timer can hold.
 */

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
const UNIT_ORDER: Unit[] = ['h', 'm', 's', 'ms'];

/** setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days). */
export const MAX_DURATION_MS = 2 ** 31 - 1;

const NUMBER = /^\d+(?:\.\d+)?$/;
const COMPONENT = /(\d+(?:\.\d+)?)(ms|h|m|s)/y;

export class DurationError extends Error {}

export function parseDuration(text: string): number {
  const value = text.trim();
  if (value === '') throw new DurationError('is empty');
  let ms: number;
  if (NUMBER.test(value)) {
    ms = Number(value) * 1000;
  } else {
    ms = 0;
    let pos = 0;
    let lastUnit = -1;
    COMPONENT.lastIndex = 0;
    while (pos < value.length) {
      COMPONENT.lastIndex = pos;
      const m = COMPONENT.exec(value);
      if (!m) throw new DurationError('is not a duration such as 500ms, 90s, 45m or 1h30m');
      const unit = m[2] as Unit;
      const order = UNIT_ORDER.indexOf(unit);
      if (order <= lastUnit) throw new DurationError(`repeats or misorders its units (write h, m, s, ms in that order)`);
      lastUnit = order;
      ms += Number(m[1]) * UNIT_MS[unit];
      pos = COMPONENT.lastIndex;
    }
  }
  ms = Math.round(ms);
  if (!Number.isFinite(ms) || ms > MAX_DURATION_MS) {
    throw new DurationError(`is longer than the maximum (${formatDuration(MAX_DURATION_MS)})`);
  }
  return ms;
}

/** Human form for annotations and the summary: 45m, 1h30m, 10s, 1.5s, 250ms. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) {
    const s = Math.round(ms / 100) / 10;
    return `${Number.isInteger(s) ? s.toFixed(0) : s.toFixed(1)}s`;
  }
  let rest = Math.round(ms / 1000);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s';
}
