import { Worker } from 'node:worker_threads';

/** How often the watch looks whether the host is still there, and how long a stuck worker has to end on SIGTERM. */
const POLL_MS = 200;
const GRACE_MS = 1_000;

/**
 * Runs on a thread of its own, so it runs while the worker's main thread is
 * busy: when the worker's parent (the Nx process or daemon that started it)
 * is gone, the worker has been handed to another parent, and ends itself.
 */
const WATCH = `
const { workerData } = require('node:worker_threads');
const timer = setInterval(() => {
  if (process.ppid === workerData.host) return;
  clearInterval(timer);
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), workerData.graceMs);
}, workerData.pollMs);
`;

let watching = false;

/**
 * Nx runs the plugin in a worker process of its own (detached, so outside
 * Nx's process group) that ends when its socket to Nx closes or on SIGTERM,
 * both handled on the main thread's event loop. While inference runs
 * synchronously that loop does not turn, and a worker whose Nx was killed
 * (Ctrl-C, a CI cancel, a timeout) ran on alone at full CPU. This watch ends
 * it within a fraction of a second of Nx instead: SIGTERM first, for Nx's own
 * clean-up, then SIGKILL if the main thread is still busy.
 * Only in Nx's plugin worker: elsewhere the plugin runs inside Nx itself.
 */
export function endWithNxProcess(): void {
  if (watching || !(globalThis as { NX_PLUGIN_WORKER?: boolean }).NX_PLUGIN_WORKER) return;
  watching = true;
  const watch = new Worker(WATCH, { eval: true, workerData: { host: process.ppid, pollMs: POLL_MS, graceMs: GRACE_MS } });
  // The watch never keeps the worker alive, and a failure to start it is no reason to fail inference.
  watch.unref();
  watch.on('error', () => (watching = false));
}
