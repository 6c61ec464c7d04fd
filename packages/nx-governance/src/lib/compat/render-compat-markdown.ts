import { codeSpan, escapeFencedLine, escapeMarkdown as e } from '../markdown/escape';
import type { CompatRecord } from './compat-result';

/** The result as a reviewer reads it; every value from a manifest, a consumer's output or a path goes through the escape. */
export function renderCompatMarkdown(record: CompatRecord): string {
  const { tuple } = record;
  const lines = [
    `# Compatibility: ${e(record.consumer)} against ${e(tuple.core.project)} ${e(tuple.core.version ?? '')}`.trimEnd(),
    '',
    `- Date: ${e(record.finishedAt)}`,
    `- Result: ${e(record.result)} (${e(record.reason)})`,
    `- Core: ${e(tuple.core.project)} ${e(tuple.core.version ?? '(no version)')} at ${e(tuple.core.commit ?? '(no commit)')}${dirtyNote(tuple.core.dirty)}`,
    `- Consumer: ${e(tuple.consumer.name)} ${e(tuple.consumer.version ?? '(no version)')} at ${e(tuple.consumer.commit ?? '(no commit)')}${dirtyNote(tuple.consumer.dirty)}`,
    `- Schema version: ${e(tuple.schemaVersion ?? '(not reported)')}`,
    `- Previous result: ${record.previous ? `${e(record.previous.result)} (${e(record.previous.finishedAt)})` : 'none'}`,
  ];
  if (record.command) lines.push(`- Command: ${codeSpan(record.command.argv.join(' '))} in ${codeSpan(record.command.cwd)}`);
  if (record.tests) lines.push(`- Tests: ${e(record.tests.passed)} passed, ${e(record.tests.failed)} failed, ${e(record.tests.skipped)} skipped (from ${e(record.tests.source)})`);
  lines.push(`- Duration: ${(record.durationMs / 1000).toFixed(1)}s`);
  if (record.outputSha256) lines.push(`- Output: ${e(record.outputBytes)} bytes, sha256 ${e(record.outputSha256)}${record.truncated ? ' (log truncated)' : ''}`);
  if (record.log) lines.push(`- Log: ${e(record.log)}`);
  if (record.restoredFrom) {
    const from = record.restoredFrom;
    lines.push(`- Restored from the Nx cache: the run of ${e(from.finishedAt)} against core ${e(from.coreCommit ?? '(no commit)')}${dirtyNote(from.coreDirty)}, record sha256 ${e(from.digest)} (same inputs)`);
  }
  if (record.bisect) lines.push(`- Bisect from ${e(record.bisect.good)}: ${e(record.bisect.note)}`);
  lines.push(`- Record digest: sha256 ${e(record.digest)}`);
  if (record.tail?.length) lines.push('', '## Last lines of output', '', '```text', ...record.tail.map(escapeFencedLine), '```');
  return `${lines.join('\n')}\n`;
}

function dirtyNote(dirty: boolean | 'unknown'): string {
  return dirty === 'unknown' ? ' (git could not say whether it has uncommitted changes)' : dirty ? ' (uncommitted changes)' : '';
}
