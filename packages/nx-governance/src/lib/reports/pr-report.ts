import { countOf } from '../text/count-of';
import { evidenceLinks, type EvidenceLinks } from './evidence-links';
import type { EvidenceSnapshot, Standing } from './pr-snapshot';

export type ChangeKind = 'new failure' | 'to run again' | 'fixed' | 'still failing' | 'unchanged';

export interface ReportRow {
  kind: 'gate' | 'consumer';
  id: string;
  now: Standing;
  base: Standing;
  change: ChangeKind;
}

export interface TierChange {
  cell: string;
  base: string;
  now: string;
}

export interface PrReport {
  base: string;
  rows: ReportRow[];
  tierChanges: TierChange[];
  newFailures: number;
  /** Rows whose record cannot be judged now (stale, unknown, none): not a pass, and not a failure of this change either. */
  toRunAgain: number;
}

const ORDER: ChangeKind[] = ['new failure', 'to run again', 'fixed', 'still failing', 'unchanged'];

/** The judgements that say nothing of the code now, only that its evidence is missing or out of date (a missing record reads 'no evidence' in a snapshot). */
const NOT_JUDGED_NOW = new Set(['stale', 'unknown', 'no evidence']);

function changeOf(now: Standing, base: Standing): ChangeKind {
  if (now.passed) return base.passed ? 'unchanged' : 'fixed';
  // A record that said fail stays a failure though it cannot be tied to the inputs now (a gate Nx skipped, recorded as it failed).
  if (NOT_JUDGED_NOW.has(now.result) && now.recordedPass !== false) return 'to run again';
  return base.passed ? 'new failure' : 'still failing';
}

/** Each gate and consumer now against the base; new failures first, then fixes; then the matrix's tier changes. */
export function comparePrEvidence(base: string, now: EvidenceSnapshot, then: EvidenceSnapshot): PrReport {
  const rows: ReportRow[] = [];
  for (const [kind, current, previous] of [['gate', now.gates, then.gates], ['consumer', now.consumers, then.consumers]] as const) {
    for (const [id, standing] of current) {
      const before = previous.get(id) ?? { result: 'not defined', passed: false };
      rows.push({ kind, id, now: standing, base: before, change: changeOf(standing, before) });
    }
  }
  rows.sort((a, b) => ORDER.indexOf(a.change) - ORDER.indexOf(b.change));
  const tierChanges: TierChange[] = [];
  for (const [cell, current] of now.tiers) {
    const before = then.tiers.get(cell)?.tier ?? 'not in the matrix';
    if (before !== current.tier) tierChanges.push({ cell, base: before, now: current.tier });
  }
  const count = (change: ChangeKind) => rows.filter((r) => r.change === change).length;
  return { base, rows, tierChanges, newFailures: count('new failure'), toRunAgain: count('to run again') };
}

/** A table cell that data cannot break out of: no pipes, no newlines, no HTML, no code fences. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`);
}

/** The result, linked to its evidence file where `url` gives an address for it. */
function link(standing: Standing, url: (path: string) => string | undefined): string {
  const target = standing.evidence ? url(standing.evidence) : undefined;
  return target ? `[${cell(standing.result)}](${target})` : cell(standing.result);
}

/** Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`; links relative unless `links` says where the repository lives. */
export function renderPrReport(report: PrReport, links: EvidenceLinks = evidenceLinks(undefined, {})): string {
  const lines = [
    `## Governance: this change against ${cell(report.base)}`,
    '',
    [
      report.newFailures ? `**${countOf(report.newFailures, 'new failure')}.**` : 'No new failure.',
      ...(report.toRunAgain ? [`${report.toRunAgain} to run again: their records cannot be judged now (see What to run).`] : []),
    ].join(' '),
    '',
    '| | Gate or consumer | Now | At the base | Change |',
    '|---|---|---|---|---|',
    ...report.rows.map((r) => `| ${r.kind} | ${cell(r.id)} | ${link(r.now, links.now)} | ${link(r.base, links.base)} | ${r.change} |`),
  ];
  // A stale, unknown or untrusted record says what to run, in the judgement's words, instead of its old result.
  const toRun = report.rows.filter((r) => r.now.fix);
  if (toRun.length) lines.push('', '### What to run', '', ...toRun.map((r) => `- ${cell(r.id)}: ${cell(r.now.result)}: ${cell(r.now.reason ?? '')}; run ${cell(r.now.fix ?? '')}`));
  if (report.tierChanges.length) {
    lines.push('', '### Compatibility matrix', '', '| Tuple | At the base | Now |', '|---|---|---|');
    lines.push(...report.tierChanges.map((t) => `| ${cell(t.cell)} | ${t.base} | ${t.now} |`));
  }
  return `${lines.join('\n')}\n`;
}
