import { posix } from 'node:path';
import { z } from 'zod';
import { formatDiagnostic } from '../diagnostics';
import { parseDataFile } from '../schemas/parse-data-file';
import type { GovernanceData } from '../workspace/load-governance';

/** Beside governance.json: what the prose named when it was imported, so the readers can tell a partial import from a complete one. */
export const IMPORTED_PROSE_FILE = 'imported-prose.json';

const unreadProseSchema = z.strictObject({
  kind: z.enum(['consumers', 'gates', 'triggers']),
  where: z.string().min(1).meta({ description: 'file:line of the prose the import could not read.' }),
  why: z.string().min(1),
});
export type UnreadProse = z.output<typeof unreadProseSchema>;

export const importedProseSchema = z.strictObject({
  kind: z.literal('nx-governance/imported-prose'),
  report: z.string().min(1).meta({ description: 'The import report that says what became of each item.' }),
  named: z.strictObject({
    consumers: z.array(z.string()),
    gates: z.array(z.string()),
    triggers: z.array(z.string()),
  }),
  unread: z.array(unreadProseSchema).optional().meta({ description: 'Prose the import could not read, of a kind the readers judge: they stay inconclusive while it is listed.' }),
});

export type ImportedProseRecord = z.output<typeof importedProseSchema>;

export interface ImportGap {
  kind: 'consumers' | 'gates' | 'triggers';
  missing: string[];
  /** Words for an inconclusive item: what the prose names, what the data lacks, where the import report is. */
  reason: string;
}

const WHERE = { consumers: 'compatibility.json (or a governance.consumer.json)', gates: 'gates.json', triggers: "playbook.json's rollbackTriggers" } as const;

/**
 * What the imported prose names that the data does not hold: consumers,
 * gates, rollback triggers. Readiness, rollback-check and the matrix ask this
 * one function and say inconclusive, naming the import report, while a gap
 * remains: a partial import is not an all-clear. No record (never imported),
 * no gap; a broken record is one gap of every kind.
 */
export function importGaps(reader: { read(path: string): string | undefined }, data: GovernanceData): ImportGap[] {
  const file = `${posix.dirname(data.settingsFile)}/${IMPORTED_PROSE_FILE}`;
  const text = reader.read(file);
  if (text === undefined) return [];
  const parsed = parseDataFile(file, text, importedProseSchema);
  if (!parsed.ok) {
    const reason = `${file} is broken, so nothing says the data holds what the prose names: ${parsed.diagnostics.map(formatDiagnostic).join('; ')}`;
    return (['consumers', 'gates', 'triggers'] as const).map((kind) => ({ kind, missing: [], reason }));
  }
  const { named, report, unread = [] } = parsed.data;
  const held = {
    consumers: new Set([...(data.compatibility?.data.consumers.map((c) => c.name) ?? []), ...data.consumerFiles.map((f) => f.data.name)]),
    gates: new Set(data.gates?.data.gates.map((g) => g.id) ?? []),
    triggers: new Set(data.playbook?.data.rollbackTriggers.map((t) => t.id) ?? []),
  };
  // Until the data holds some of that kind (added by hand, or by another import): then the gap is what the names say.
  const notRead = unread.filter((u) => held[u.kind].size === 0).map((u) => ({ kind: u.kind, missing: [], reason: `the imported prose at ${u.where} could not be read (${u.why}), so nothing says the data holds its ${u.kind}; see ${report}` }));
  return [...notRead, ...(['consumers', 'gates', 'triggers'] as const).flatMap((kind) => {
    const missing = [...new Set(named[kind])].filter((name) => !held[kind].has(name)).sort();
    if (!missing.length) return [];
    const noun = { consumers: 'consumer', gates: 'gate', triggers: 'rollback trigger' }[kind];
    return [{ kind, missing, reason: `the imported prose names ${noun}(s) ${missing.join(', ')} that ${WHERE[kind]} does not hold; see ${report}` }];
  })];
}
