import { z } from 'zod';
import { CORE_REACHES, LANGUAGES } from '../consumers/vocabulary';
import { argv, envMap, gitCommit, isoDate, nonEmptyText, relativePath, schemaRef, semverRange, semverVersion } from './common';

const coreRelease = z
  .strictObject({
    version: semverVersion.optional(),
    commit: gitCommit.optional().meta({ description: 'Commit of the release; before 1.0 the commit alone may identify it.' }),
    date: isoDate.optional().meta({
      description:
        'Release date. Absent when the documents give none (an import with no date and no git tag for it): the release is then ordered by its version, and a support window in months cannot place it, so it counts as outside that window.',
    }),
  })
  .refine((r) => r.version !== undefined || r.commit !== undefined, {
    message: 'expected a version, a commit, or both',
  })
  .meta({ description: 'A released version of the core (or, before 1.0, a commit).' });

export const versionSourceSchema = z
  .strictObject({
    file: relativePath.meta({ description: 'Manifest the version is read from, e.g. vendor/io-rflx/Cargo.toml.' }),
    field: z.string().min(1).optional().meta({ description: 'Dotted field in the manifest, e.g. package.version or project.version.' }),
  })
  .meta({ description: 'Where a consumer\'s own version is read from.' });

export const consumerTestSchema = z
  .strictObject({
    argv,
    cwd: relativePath.optional(),
    env: envMap.optional(),
    timeoutSeconds: z.number().int().positive().max(86_400).default(600),
    junit: relativePath.optional().meta({ description: 'JUnit XML report the command writes (relative to the workspace root); its counts win over the runner summary.' }),
  })
  .meta({ description: 'The consumer\'s own test command, run against the current core build.' });

const consumerFields = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'expected a lower-case consumer name, e.g. io-rflx' }),
  project: z
    .string()
    .min(1)
    .optional()
    .meta({
      description:
        'The consumer\'s Nx project. Absent for a consumer the compatibility document names that is not in this workspace: its range and tuples are kept, its tests cannot run here, and readiness stays inconclusive for it until it is vendored (nx g nx-governance:consumer <name>).',
    }),
  path: relativePath.optional().meta({ description: 'The vendored folder of the consumer.' }),
  versionSource: versionSourceSchema.optional(),
  supports: semverRange.optional().meta({ description: 'Core versions the consumer states it supports.' }),
  language: z.enum(LANGUAGES).optional().meta({ description: 'Detected from the manifest in path when absent.' }),
  reaches: z
    .enum(CORE_REACHES)
    .optional()
    .meta({
      description:
        'How this consumer\'s tests reach the core: "workspace-package" (imports it by package name), "env" (the core artifact\'s absolute path in core.artifactEnv) or "path" (finds core.artifact at its workspace path). Default: the core\'s reachedBy in governance.json.',
    }),
  test: consumerTestSchema.optional().meta({ description: 'Default by language, e.g. cargo test --offline or python3 -m unittest discover -s tests.' }),
});

/** What only a consumer in this workspace can have: a folder, a manifest to read its version from, a way to run its tests. */
const WORKSPACE_ONLY = ['path', 'versionSource', 'language', 'reaches', 'test'] as const;

export const consumerSchema = consumerFields
  .superRefine((consumer, ctx) => {
    if (consumer.project !== undefined) return;
    for (const key of WORKSPACE_ONLY) {
      if (consumer[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `found ${key} on a consumer without a project, expected a project (a consumer with ${key} is in this workspace) or no ${key}` });
      }
    }
  })
  .meta({ description: 'A repository that consumes the core.' });

/** `governance.consumer.json` in a vendored folder: a consumer declared where it lives, so always in this workspace. */
export const consumerFileSchema = consumerFields
  .omit({ path: true })
  .extend({ $schema: schemaRef, project: z.string().min(1).meta({ description: 'The consumer\'s Nx project.' }) })
  .meta({ title: 'nx-governance consumer', description: 'A consumer declared in its own folder (governance.consumer.json).' });

export type ConsumerFile = z.output<typeof consumerFileSchema>;

const supportWindow = z
  .strictObject({
    latestMinors: z.number().int().positive().optional().meta({ description: 'Support the latest N minor lines.' }),
    months: z.number().int().positive().optional().meta({ description: 'Support releases for N months after release.' }),
    days: z.number().int().positive().optional().meta({ description: 'Support tuples validated within the last N days (pre-1.0, commit tuples).' }),
    tuples: z.array(z.string().min(1)).optional().meta({ description: 'Tuple ids always supported, e.g. current and rollback.' }),
  })
  .refine((w) => w.latestMinors !== undefined || w.months !== undefined || w.days !== undefined || w.tuples !== undefined, {
    message: 'expected latestMinors, months, days or tuples',
  });

const tuple = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'expected a tuple id in lower-case words, e.g. current or rollback' }),
    core: z.string().min(1).meta({ description: 'A core version or commit listed in releases.' }),
    consumers: z.record(z.string(), z.string().min(1)).meta({ description: 'Consumer name to consumer version (or commit).' }),
    tier: z.enum(['supported', 'conditional', 'unsupported']).optional().meta({ description: 'The tier the compatibility document states for the tuple.' }),
    validated: isoDate.optional().meta({ description: 'When the tuple was last validated, as the document states.' }),
    note: z.string().optional(),
  })
  .meta({ description: 'A validated combination of the core and consumer versions.' });

const deprecation = z
  .strictObject({
    id: z.string().min(1).meta({ description: 'A short id for the notice.' }),
    what: nonEmptyText.meta({ description: 'What is deprecated.' }),
    announced: isoDate,
    removal: isoDate,
    coreVersions: semverRange.optional().meta({ description: 'Core releases the notice deprecates; they show as deprecated in the matrix.' }),
  })
  .meta({ description: 'A deprecation notice.' });

export const compatibilityFileSchema = z
  .strictObject({
    $schema: schemaRef,
    releases: z.array(coreRelease).meta({ description: 'Released versions of the core, newest last or first.' }),
    consumers: z.array(consumerSchema),
    policy: z.strictObject({
      supportWindow,
      minimumTuplesPerConsumer: z
        .number()
        .int()
        .min(0)
        .default(2)
        .meta({ description: 'At least the current and one rollback tuple; 0 where a consumer states only the core versions it supports.' }),
      deprecationLeadTimeDays: z.number().int().min(0).meta({ description: 'Days between a deprecation notice and the removal.' }),
    }),
    tuples: z.array(tuple).default([]),
    deprecations: z.array(deprecation).default([]),
  })
  .meta({ title: 'nx-governance compatibility', description: 'Core releases, consumers and support policy (governance/compatibility.json).' });

export type CompatibilityFile = z.output<typeof compatibilityFileSchema>;
export type Consumer = z.output<typeof consumerSchema>;
