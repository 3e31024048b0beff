/**
 * Ending the process without losing output. The runner reads our stdout through a
 * non-blocking pipe: under load, writes queue inside Node, and process.exit() with writes
 * queued drops them (annotations, the end of a stop-commands fence). Wait for the queue to
 * drain, then exit: an exit is still needed, since a process of the run we could not kill may
 * hold a handle that would keep the event loop alive.
 */
export async function flushAndExit(code: number): Promise<never> {
  await flush(process.stdout);
  await flush(process.stderr);
  process.exit(code);
}

export function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    // Writes complete in order: the callback of an empty write runs after every earlier one.
    if (!stream.write('', () => resolve())) stream.once('drain', () => resolve());
  });
}
