import { z } from 'zod';
import { argv, envMap, gateId, nonEmptyText, relativePath, roleId, schemaRef } from './common';

export const NX_TARGET_PATTERN = /^[^:\s]+:[^:\s]+(:[^:\s]+)?$/;

const targetStep = z
  .strictObject({
    target: z
      .string()
      .regex(NX_TARGET_PATTERN, { message: 'expected an Nx target written project:target or project:target:configuration' })
      .meta({ description: 'An Nx target this gate needs, run and cached by Nx: project:target[:configuration].' }),
  })
  .meta({ title: 'Nx target step' });

const commandStep = z
  .strictObject({
    name: z.string().optional().meta({ description: 'A short label for progress output and evidence.' }),
    argv,
    cwd: relativePath.optional().meta({ description: 'Working directory, relative to the workspace root (default: the root).' }),
    env: envMap.optional(),
    version: argv.optional().meta({ description: 'Command whose output records the tool version in evidence, e.g. ["cargo", "--version"].' }),
    wrapper: z
      .strictObject({
        kind: z.enum(['memory-admission', 'script', 'timeout', 'nice', 'env']),
        argv: argv.meta({ description: 'The wrapper as the prose had it; argv starts with it when it runs here (nice, a script of the repository).' }),
      })
      .optional()
      .meta({ description: 'A wrapper that only admits or limits the real command (recorded by import).' }),
  })
  .meta({ title: 'Command step' });

export const gateStepSchema = z.union([targetStep, commandStep]);

const minTests = z
  .strictObject({
    count: z.number().int().min(1).meta({ description: 'Fewest tests that must have run (and not been skipped).' }),
    junit: relativePath.optional().meta({ description: 'JUnit XML file a step writes; when absent the runner summary line is read.' }),
  })
  .meta({ description: 'Minimum number of tests executed.' });

const metricThreshold = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'Name of the metric in reports.' }),
    file: relativePath.meta({ description: 'JSON file a step writes.' }),
    pointer: z
      .string()
      .regex(/^(\/[^/]*)*$/, { message: 'expected a JSON pointer such as /throughput/opsPerSecond' })
      .meta({ description: 'JSON pointer (RFC 6901) to the number in the file.' }),
    min: z.number().optional().meta({ description: 'The metric must be at least this.' }),
    max: z.number().optional().meta({ description: 'The metric must be at most this.' }),
    baseline: relativePath.optional().meta({ description: 'JSON file with the baseline value at the same pointer.' }),
    maxRegressionPercent: z.number().min(0).optional().meta({ description: 'Allowed move in the worse direction against the baseline, in percent.' }),
    better: z.enum(['higher', 'lower']).default('higher').meta({ description: 'Which direction is an improvement.' }),
  })
  .refine((m) => m.min !== undefined || m.max !== undefined || m.maxRegressionPercent !== undefined, {
    message: 'expected at least one of min, max or maxRegressionPercent',
  })
  .refine((m) => m.maxRegressionPercent === undefined || m.baseline !== undefined, {
    message: 'maxRegressionPercent needs a baseline file',
    path: ['baseline'],
  });

const common = {
  $schema: schemaRef,
  id: gateId,
  title: nonEmptyText.meta({ description: 'What the gate proves.' }),
  scope: nonEmptyText.meta({ description: 'What the gate covers (a project, a contract, a release).' }),
  enforcement: z.enum(['blocking', 'advisory']).default('blocking').meta({ description: 'A failing blocking gate fails the run; an advisory one is reported.' }),
  enforcementNote: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'When the enforcement changes, as the prose states it (e.g. "advisory unless promoted by DEC-7"); read by people, not judged.' }),
  owner: roleId.meta({ description: 'Role that owns the gate (from playbook.json).' }),
  timeoutSeconds: z.number().int().positive().max(86_400).default(900).meta({ description: 'Time limit for the whole gate.' }),
  inputs: z
    .array(relativePath)
    .optional()
    .meta({
      description:
        'Files the gate reads, as globs relative to the workspace root (Nx cache inputs). A command gate with command steps that declares neither inputs nor projects depends on every file of the workspace (less the evidence folder); [] declares that its steps read nothing beyond its Nx target steps. For a manual gate: what the attestation covers; when they change, the attestation is no longer current and the gate is pending.',
    }),
  projects: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: 'Nx projects whose files the gate reads (their default inputs); they also become dependencies for nx affected.' }),
};

const commandGate = z
  .strictObject({
    ...common,
    kind: z.literal('command'),
    steps: z.array(gateStepSchema).meta({ description: 'At least one, unless the gate is blocked.' }),
    blocked: z
      .strictObject({
        reason: nonEmptyText.meta({ description: 'Why the gate cannot run yet, e.g. its command needs a shell.' }),
        review: nonEmptyText.meta({ description: 'Where the review item is, e.g. governance/import-report.md#vg-x-001.' }),
      })
      .optional()
      .meta({ description: 'The gate exists but cannot run until someone converts its command; gate reports it as blocked with this reason.' }),
    passCriteria: z
      .strictObject({
        minTests: minTests.optional(),
        metrics: z.array(metricThreshold).optional(),
      })
      .optional()
      .meta({ description: 'What must hold beyond every step exiting 0.' }),
    requires: z
      .strictObject({
        tools: z.array(z.string().min(1)).optional().meta({ description: 'Programs that must be on PATH; otherwise the gate is blocked.' }),
        minMemoryMb: z.number().int().positive().optional().meta({ description: 'Least free memory; otherwise the gate is blocked.' }),
        env: z.array(z.string()).optional().meta({ description: 'Environment variables the gate reads (cache inputs).' }),
      })
      .optional(),
  })
  .refine((gate) => gate.steps.length > 0 || gate.blocked !== undefined, { message: 'found [], expected at least one step', path: ['steps'] })
  .meta({ title: 'Command gate' });

const manualGate = z
  .strictObject({
    ...common,
    kind: z.literal('manual'),
    checklist: z.array(nonEmptyText).min(1, { message: 'expected at least one checklist item' }).meta({ description: 'Items a person attests.' }),
  })
  .meta({ title: 'Manual gate' });

export const gateSchema = z.discriminatedUnion('kind', [commandGate, manualGate], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'expected kind "command" or "manual"' : undefined,
});

export const gatesFileSchema = z
  .strictObject({
    $schema: schemaRef,
    gates: z.array(gateSchema),
  })
  .meta({ title: 'nx-governance gates', description: 'Validation gates (governance/gates.json).' });

export type GatesFile = z.output<typeof gatesFileSchema>;
export type Gate = z.output<typeof gateSchema>;
export type CommandGate = Extract<Gate, { kind: 'command' }>;
export type ManualGate = Extract<Gate, { kind: 'manual' }>;
export type GateStep = z.output<typeof gateStepSchema>;
