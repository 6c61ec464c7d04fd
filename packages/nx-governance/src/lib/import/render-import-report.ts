import { IMPORT_REPORT_MARKER } from './import-sources';
import type { ImportLog, ReportItem } from './import-log';

/** Prose and command text quoted from the source, made inert in markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&').replace(/\r?\n/g, ' ');
}

export interface ImportReportFacts extends ImportLog {
  source: string;
  written: string[];
  evidence: { folder?: string; indexed: number; skipped: ReportItem[] };
}

/** governance/import-report.md: every item with its source file and line, so nothing the prose held is dropped silently. */
export function renderImportReport(facts: ImportReportFacts): string {
  const list = (items: ReportItem[]) => (items.length ? items.map((i) => `- \`${i.file}:${i.line}\` ${escapeMarkdown(i.what)}: ${escapeMarkdown(i.why)}`) : ['None.']);
  return [
    `${IMPORT_REPORT_MARKER}; rewritten by the next import. -->`,
    '',
    '# Import report',
    '',
    `Source: \`${facts.source}\`. Files written: ${facts.written.map((f) => `\`${f}\``).join(', ') || 'none'}.`,
    '',
    `## Converted (${facts.converted.length})`,
    '',
    ...list(facts.converted),
    '',
    `## Left for review (${facts.review.length})`,
    '',
    'Each item says why it was not converted. A gate whose command could not be converted is written as a blocked gate: `gate` reports it as blocked with this reason until its steps are written by hand and its `blocked` field removed.',
    '',
    ...list(facts.review),
    '',
    `## Not understood (${facts.notUnderstood.length})`,
    '',
    ...list(facts.notUnderstood),
    '',
    `## Existing evidence (${facts.evidence.indexed} file(s) indexed${facts.evidence.folder ? ` from \`${facts.evidence.folder}\`` : ''})`,
    '',
    'Indexed as imported evidence (unsealed, with each file\'s sha256) in `imported-evidence.json`; these files were skipped:',
    '',
    ...list(facts.evidence.skipped),
    '',
  ].join('\n');
}
