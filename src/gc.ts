/**
 * Output chunks are Buffers whose memory lives outside the V8 heap, and V8 collects them only
 * once that memory has grown by tens of MB: a fast producer would raise the peak RSS by as
 * much. Backpressure and the bounded tail do not help: nothing keeps the chunks, they are just
 * not collected yet. Collecting the young generation every few MB of output keeps it flat; a
 * scavenge of a heap this small takes about 0.2 ms. Node's docs advise against setting V8 flags
 * at run time; this one is kept because of the figure (docs/benchmarks.md, "Peak RSS"): without
 * it, 95 MiB at 250 MB of output and +17 to +21 MiB from 25 to 250 MB; with it, 66 MiB, +3 to +5.
 */
type Gc = (options?: { type?: 'minor' | 'major' }) => void;

/** A function that runs a young-generation collection; a no-op where `gc` cannot be exposed. */
export function youngGenerationCollector(): () => void {
  try {
    // Loaded here, once output has started, not at every start (node:v8 takes ~1.5 ms to load).
    const v8 = process.getBuiltinModule('node:v8');
    const vm = process.getBuiltinModule('node:vm');
    // --expose-gc set at run time applies to contexts created afterwards: take `gc` from one.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as Gc;
    if (typeof gc !== 'function') return () => undefined;
    return () => gc({ type: 'minor' });
  } catch {
    return () => undefined;
  }
}
