import { hostname } from 'node:os';

/**
 * Where a record was made: the machine, the checkout, and the Nx process that
 * ran the task (an executor's parent). A record whose `producedBy` differs
 * from the reader's was restored from a cache, by Nx, from another run.
 */
export interface ProducedBy {
  host: string;
  checkout: string;
  runnerPid: number;
}

export function producedHere(root: string): ProducedBy {
  return { host: hostname(), checkout: root, runnerPid: process.ppid };
}

/** How a record came to be in this run: made by it, or restored by Nx from another run (a cache, another checkout). */
export function recordOrigin(producedBy: ProducedBy | undefined, root: string): 'this-run' | 'restored' {
  const here = producedHere(root);
  const same = producedBy && producedBy.host === here.host && producedBy.checkout === here.checkout && producedBy.runnerPid === here.runnerPid;
  return same ? 'this-run' : 'restored';
}
