import { z } from 'zod';
import { gateId, nonEmptyText, roleId, schemaRef } from './common';

export const NAMED_INTERVALS = ['per-change', 'weekly', 'monthly', 'quarterly', 'before-release'] as const;

const interval = z.union(
  [
    z.enum(NAMED_INTERVALS),
    z.strictObject({ days: z.number().int().positive().meta({ description: 'Every N days.' }) }),
  ],
  { error: () => `expected one of ${NAMED_INTERVALS.map((i) => `"${i}"`).join(', ')} or { "days": N }` },
);

const activity = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'expected an id in lower-case words, e.g. compat-run' }),
  title: nonEmptyText,
  interval,
  changeKind: z.string().optional().meta({ description: 'With per-change: which kind of change triggers it.' }),
  owner: roleId,
  output: nonEmptyText.meta({ description: 'What the activity must produce.' }),
  gate: gateId.optional().meta({ description: 'Gate whose evidence records that the activity happened.' }),
  evidence: z
    .enum(['compat-results'])
    .optional()
    .meta({ description: 'Evidence other than a gate that records the activity: compat-results, the compatibility results of every consumer (done when each has one).' }),
});

export const cadenceFileSchema = z
  .strictObject({
    $schema: schemaRef,
    activities: z.array(activity),
    ownership: z.strictObject({
      decisionLog: roleId,
      compatibilityMatrix: roleId,
    }),
  })
  .meta({ title: 'nx-governance cadence', description: 'Maintenance cadence (governance/cadence.json).' });

export type CadenceFile = z.output<typeof cadenceFileSchema>;
