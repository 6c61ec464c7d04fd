import type { ProcEntry } from './proc-table';
import { findStepProcesses, newStepMarker } from './step-tree';

const entry = (pid: number, ppid: number, startTicks: number, pgrp = pid, session = pid): ProcEntry => ({ pid, ppid, pgrp, session, startTicks });

describe('findStepProcesses', () => {
  const step = { pid: 4_000_001, startTicks: 500, marker: newStepMarker() };

  it('finds the group, the session and the descendants of a live step', () => {
    const table = [entry(4_000_001, 1, 500), entry(4_000_002, 4_000_001, 510, 4_000_001, 4_000_001), entry(4_000_003, 4_000_002, 520), entry(4_000_009, 1, 100)];
    expect(findStepProcesses(step, table)).toEqual([4_000_001, 4_000_002, 4_000_003]);
  });

  it('does not take a later process that reuses the step pid (and its group and children) for the step', () => {
    const table = [entry(4_000_001, 1, 900), entry(4_000_002, 4_000_001, 910, 4_000_001, 4_000_001)];
    expect(findStepProcesses(step, table)).toEqual([]);
  });
});
