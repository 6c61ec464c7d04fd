/** Longest wait for this process's own stdout to drain before reading on. */
const ECHO_WAIT_MS = 1_000;

/**
 * Callers echo lines to this process's stdout (Nx's logger). Node buffers
 * writes to a pipe or socket without limit, so a reader slower than the step
 * (Nx's task runner) would make the whole output pile up in memory: reading
 * pauses until the echo drains (or ECHO_WAIT_MS passes, so a stuck terminal
 * cannot hang the run).
 */
export function echoBackpressure(sources: Array<NodeJS.ReadableStream | null>): () => void {
  const echoes = [process.stdout, process.stderr];
  let paused = false;
  return () => {
    const blocked = echoes.filter((stream) => stream.writableNeedDrain);
    if (paused || !blocked.length) return;
    paused = true;
    for (const source of sources) source?.pause();
    const resume = () => {
      if (!paused) return;
      paused = false;
      clearTimeout(timer);
      for (const stream of blocked) stream.off('drain', resume);
      for (const source of sources) source?.resume();
    };
    const timer = setTimeout(resume, ECHO_WAIT_MS);
    for (const stream of blocked) stream.once('drain', resume);
  };
}
