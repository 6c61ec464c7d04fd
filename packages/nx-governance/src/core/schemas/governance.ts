import { z } from 'zod';
import { relativePath, schemaRef } from './common';

export const DEFAULT_EVIDENCE_PATTERN = '{date}/milestone-{milestone}/{task}-{gate}.md';

export const governanceSettingsSchema = z
  .strictObject({
    $schema: schemaRef,
    projectName: z
      .string()
      .regex(/^[a-zA-Z0-9][\w.-]*$/)
      .default('governance')
      .meta({ description: 'Name of the Nx project inferred for this governance folder.' }),
    core: z
      .strictObject({
        project: z.string().min(1).meta({ description: 'The Nx project of the core that consumers depend on, e.g. loop.' }),
        path: relativePath.optional().meta({ description: 'Folder of the core; when set, the plugin infers its project (build and test targets) from its manifest.' }),
        artifact: relativePath.optional().meta({ description: 'The core\'s build artifact that consumers run against, e.g. loop/target/release/loop. Default for a Rust core: <path>/target/release/<package name>.' }),
        artifactEnv: z
          .string()
          .regex(/^[A-Z_][A-Z0-9_]*$/, { message: 'expected an environment variable name like LOOP_CLI' })
          .optional()
          .meta({ description: 'Environment variable that tells a consumer where the artifact is. Default: <PROJECT>_CLI, e.g. LOOP_CLI.' }),
        schemaVersionArgs: z.array(z.string()).optional().meta({ description: 'Arguments that make the artifact print its schema version, e.g. ["--schema-version"].' }),
      })
      .meta({ description: 'The core project whose releases are governed.' }),
    paths: z
      .strictObject({
        milestones: relativePath.default('governance/milestones').meta({ description: 'Folder of milestone markdown files.' }),
        evidence: relativePath.default('evidence').meta({ description: 'Folder evidence is written to.' }),
        docs: relativePath.default('docs/execution-plan').meta({ description: 'Folder rendered documents are written to.' }),
      })
      .prefault({})
      .meta({ description: 'Where governance material lives, relative to the workspace root.' }),
    evidencePattern: z
      .string()
      .refine((p) => p.includes('{gate}') && p.endsWith('.md'), {
        message: 'expected a pattern that contains {gate} and ends in .md, e.g. {date}/milestone-{milestone}/{task}-{gate}.md',
      })
      .refine((p) => !p.startsWith('/') && !p.startsWith('\\') && !/^[A-Za-z]:/.test(p) && !p.split(/[\\/]/).some((segment) => segment === '..' || segment === '.'), {
        message: 'expected a pattern relative to the evidence folder, without "..", "." or a leading "/", e.g. {date}/milestone-{milestone}/{task}-{gate}.md',
      })
      .default(DEFAULT_EVIDENCE_PATTERN)
      .meta({ description: 'Evidence file name below the evidence folder; placeholders {date}, {milestone}, {task}, {gate}.' }),
    requireSignatures: z
      .boolean()
      .default(false)
      .meta({ description: 'When true, every gate record must carry a signature that verifies against a key in governance/keys/. A key there requires signatures too.' }),
  })
  .meta({ title: 'nx-governance settings', description: 'Settings of a governed workspace (governance/governance.json).' });

export type GovernanceSettings = z.output<typeof governanceSettingsSchema>;

/** Settings with every default, for when governance.json is missing or broken. */
export function defaultGovernanceSettings(): GovernanceSettings {
  return {
    projectName: 'governance',
    core: { project: '' },
    paths: { milestones: 'governance/milestones', evidence: 'evidence', docs: 'docs/execution-plan' },
    evidencePattern: DEFAULT_EVIDENCE_PATTERN,
    requireSignatures: false,
  };
}
