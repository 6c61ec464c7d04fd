import { renderCompatMarkdown } from '../compat/render-compat-markdown';
import { renderRollbackMarkdown } from '../rollback/rollback-decision';
import { renderReleasePacket } from '../release/release-packet';
import type { FileReader } from '../workspace/file-reader';
import { renderTaskCopyMarkdown } from './gate-store';
import type { ParsedEvidence } from './read-evidence';
import { renderGateMarkdown } from './render-gate-markdown';
import type { Report } from './verify-types';

/**
 * The markdown a reviewer reads for an evidence file, rendered from its sealed
 * JSON alone; undefined for kinds with no markdown (attestations).
 */
function renderView(evidence: ParsedEvidence): string | undefined {
  switch (evidence.kind) {
    case 'nx-governance/gate-evidence':
      return renderGateMarkdown(evidence.value);
    case 'nx-governance/task-evidence':
      return renderTaskCopyMarkdown(evidence.value);
    case 'nx-governance/compat-result':
      return renderCompatMarkdown(evidence.value);
    case 'nx-governance/release-packet':
      return renderReleasePacket(evidence.value);
    case 'nx-governance/rollback-decision':
      return renderRollbackMarkdown(evidence.value);
    default:
      return undefined;
  }
}

/**
 * Markdown is a view of the record: each `.md` beside a sealed JSON must be
 * exactly its rendering, and a markdown file with no JSON beside it is
 * evidence nothing vouches for.
 */
export function checkMarkdownViews(reader: FileReader, files: string[], intact: ParsedEvidence[], report: Report): void {
  const jsonFiles = new Set(files.filter((f) => f.endsWith('.json')));
  for (const file of files.filter((f) => f.endsWith('.md'))) {
    if (!jsonFiles.has(file.replace(/\.md$/, '.json'))) report(file, 'missing', 'found markdown with no sealed JSON beside it, expected a .json record it is the view of');
  }
  for (const evidence of intact) {
    const expected = renderView(evidence);
    if (expected === undefined) continue;
    const markdownFile = evidence.file.replace(/\.json$/, '.md');
    const actual = reader.read(markdownFile);
    if (actual === undefined) report(markdownFile, 'missing', `found no markdown, expected the view of ${evidence.file}`);
    else if (actual !== expected) report(markdownFile, 'markdown-differs', `${firstDifference(actual, expected)}: the markdown does not match its sealed record ${evidence.file}`);
  }
}

function firstDifference(actual: string, expected: string): string {
  const [a, e] = [actual.split('\n'), expected.split('\n')];
  const line = a.findIndex((text, i) => text !== e[i]);
  const at = line === -1 ? e.length : line;
  return `line ${at + 1}: found ${JSON.stringify((a[at] ?? '(end of file)').slice(0, 80))}, expected ${JSON.stringify((e[at] ?? '(end of file)').slice(0, 80))}`;
}
