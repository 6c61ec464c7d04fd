import type { CompatRecord } from './compat-result';

/** The result as a reviewer reads it. */
export function renderCompatMarkdown(record: CompatRecord): string {
  const { tuple } = record;
  const lines = [
    `# Compatibility: ${record.consumer} against ${tuple.core.project} ${tuple.core.version ?? ''}`.trimEnd(),
    '',
    `- Date: ${record.finishedAt}`,
    `- Result: ${record.result} (${record.reason})`,
    `- Core: ${tuple.core.project} ${tuple.core.version ?? '(no version)'} at ${tuple.core.commit ?? '(no commit)'}${dirtyNote(tuple.core.dirty)}`,
    `- Consumer: ${tuple.consumer.name} ${tuple.consumer.version ?? '(no version)'} at ${tuple.consumer.commit ?? '(no commit)'}${dirtyNote(tuple.consumer.dirty)}`,
    `- Schema version: ${tuple.schemaVersion ?? '(not reported)'}`,
    `- Previous result: ${record.previous ? `${record.previous.result} (${record.previous.finishedAt})` : 'none'}`,
  ];
  if (record.command) lines.push(`- Command: \`${record.command.argv.join(' ')}\` in \`${record.command.cwd}\``);
  if (record.tests) lines.push(`- Tests: ${record.tests.passed} passed, ${record.tests.failed} failed, ${record.tests.skipped} skipped (from ${record.tests.source})`);
  lines.push(`- Duration: ${(record.durationMs / 1000).toFixed(1)}s`);
  if (record.outputSha256) lines.push(`- Output: ${record.outputBytes} bytes, sha256 ${record.outputSha256}${record.truncated ? ' (log truncated)' : ''}`);
  if (record.log) lines.push(`- Log: ${record.log}`);
  if (record.bisect) lines.push(`- Bisect from ${record.bisect.good}: ${record.bisect.note}`);
  lines.push(`- Record digest: sha256 ${record.digest}`);
  if (record.tail?.length) lines.push('', '## Last lines of output', '', '```text', ...record.tail, '```');
  return `${lines.join('\n')}\n`;
}

function dirtyNote(dirty: boolean | 'unknown'): string {
  return dirty === 'unknown' ? ' (git could not say whether it has uncommitted changes)' : dirty ? ' (uncommitted changes)' : '';
}
