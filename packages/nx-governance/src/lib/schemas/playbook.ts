import { z } from 'zod';
import { gateId, nonEmptyText, safeId, relativePath, roleId, schemaRef } from './common';

const releaseClass = z.strictObject({
  id: z.string().regex(/^R\d+$/, { message: 'expected a release class id like R2' }),
  title: nonEmptyText,
  description: z.string().optional(),
  gates: z.array(gateId).meta({ description: 'Gates every release of this class must pass.' }),
});

const checklistItem = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'expected an id in lower-case words, e.g. gates-green' }),
  text: nonEmptyText,
  owner: roleId.optional(),
});

const triggerCommon = {
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'expected an id in lower-case words, e.g. perf-regression' }),
  description: z.string().optional(),
};

const rollbackTrigger = z.discriminatedUnion('kind', [
  z.strictObject({ ...triggerCommon, kind: z.literal('functional'), gates: z.array(gateId).min(1) }),
  z.strictObject({ ...triggerCommon, kind: z.literal('compatibility') }),
  z.strictObject({
    ...triggerCommon,
    kind: z.literal('performance'),
    gate: gateId.optional().meta({ description: 'The gate whose evidence records the metric; without it rollback-check says inconclusive.' }),
    metric: z.string().min(1).optional().meta({ description: 'Name of a metric threshold of the gate; without it rollback-check says inconclusive.' }),
    budgetPercent: z.number().positive().max(100).meta({ description: 'Largest allowed regression in percent.' }),
  }),
  z.strictObject({
    ...triggerCommon,
    kind: z.literal('metric'),
    file: relativePath,
    pointer: z.string().regex(/^(\/[^/]*)*$/, { message: 'expected a JSON pointer' }),
    max: z.number().optional(),
    min: z.number().optional(),
  }),
  z
    .strictObject({ ...triggerCommon, kind: z.literal('other'), description: nonEmptyText })
    .meta({ description: 'A trigger the prose names that no evidence can judge yet (stability, a contract change…): rollback-check reports it as inconclusive, never clear.' }),
]);

export const playbookFileSchema = z
  .strictObject({
    $schema: schemaRef,
    roles: z
      .array(z.strictObject({ id: roleId, title: nonEmptyText, owner: nonEmptyText.meta({ description: 'Person or team.' }) }))
      .min(1, { message: 'expected at least one role' }),
    releaseClasses: z.array(releaseClass).min(1, { message: 'expected at least one release class' }),
    defaultReleaseClass: z.string().meta({ description: 'Release class used when none is given.' }),
    preReleaseChecklist: z.array(checklistItem),
    goNoGo: z.array(checklistItem).meta({ description: 'Rules that decide go or no-go.' }),
    rollbackTriggers: z.array(rollbackTrigger),
    rollbackProcedure: z.array(z.strictObject({ step: nonEmptyText, owner: roleId })).min(1, { message: 'expected at least one step' }),
    minimumGatesPerMilestone: z
      .array(z.strictObject({ milestone: safeId('milestone', 'M6'), gates: z.array(gateId) }))
      .optional()
      .meta({ description: 'The gates each milestone must pass at least, e.g. from a "minimum gate set per milestone" table.' }),
  })
  .meta({ title: 'nx-governance playbook', description: 'Release and rollback playbook (governance/playbook.json).' });

export type PlaybookFile = z.output<typeof playbookFileSchema>;
export type RollbackTrigger = z.output<typeof rollbackTrigger>;

/** Each role as a reader meets it, `Title (owner)`, by role id: what the playbook, rollback decisions and the page print for an owner. */
export function roleLabels(playbook: Pick<PlaybookFile, 'roles'> | undefined): Map<string, string> {
  return new Map(playbook?.roles.map((r) => [r.id, `${r.title} (${r.owner})`]) ?? []);
}
