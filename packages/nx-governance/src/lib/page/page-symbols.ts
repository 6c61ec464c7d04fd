/**
 * The word and symbol of every state the page shows: colour is never the
 * only signal, so each badge carries both (the colour comes from its class).
 */
export const SYMBOLS: Record<string, string> = {
  // matrix tiers
  supported: '✓',
  conditional: '◐',
  unsupported: '✗',
  untested: '?',
  deprecated: '†',
  // gate states
  pass: '✓',
  fail: '✗',
  stale: '↻',
  untrusted: '⚠',
  pending: '…',
  blocked: '⊘',
  missing: '∅',
  unknown: '?',
  // compatibility runs
  fixed: '↑',
  regressed: '↓',
  'still-failing': '✗',
  spurious: '~',
  skipped: '–',
  // cadence and rollback triggers
  overdue: '!',
  'due soon': '◷',
  ok: '✓',
  'on event': '•',
  fired: '✗',
  clear: '✓',
  inconclusive: '?',
  'never checked': '–',
  'roll-back': '✗',
  'no-rollback': '✓',
};

/** The colour family a state is drawn in: good, warn, bad, info or none. */
export const TONES: Record<string, 'good' | 'warn' | 'bad' | 'info' | 'none' | 'dep'> = {
  supported: 'good',
  conditional: 'warn',
  unsupported: 'bad',
  untested: 'none',
  deprecated: 'dep',
  pass: 'good',
  fail: 'bad',
  stale: 'warn',
  untrusted: 'bad',
  pending: 'info',
  blocked: 'warn',
  missing: 'none',
  unknown: 'none',
  fixed: 'good',
  regressed: 'bad',
  'still-failing': 'bad',
  spurious: 'warn',
  skipped: 'none',
  overdue: 'bad',
  'due soon': 'warn',
  ok: 'good',
  'on event': 'none',
  fired: 'bad',
  clear: 'good',
  inconclusive: 'warn',
  'never checked': 'none',
  'roll-back': 'bad',
  'no-rollback': 'good',
};
