/** Words the evidence schemas and the code that makes records share, apart so neither imports the other. */

export const GATE_RESULTS = ['pass', 'fail', 'blocked', 'pending', 'interrupted'] as const;
export type GateResult = (typeof GATE_RESULTS)[number];

export const COMPAT_RESULTS = ['pass', 'regressed', 'fixed', 'still-failing', 'spurious', 'skipped'] as const;
export type CompatClassification = (typeof COMPAT_RESULTS)[number];

/** What one compatibility run showed, before it is compared with the run before it. */
export const COMPAT_OUTCOMES = ['pass', 'fail', 'spurious', 'skipped'] as const;
export type CompatOutcome = (typeof COMPAT_OUTCOMES)[number];
