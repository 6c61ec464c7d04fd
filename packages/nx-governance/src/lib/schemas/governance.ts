import { z } from 'zod';
import { CORE_REACHES } from '../consumers/vocabulary';
import { DEFAULT_ID_PATTERNS, type IdKind, idPatternProblem } from '../ids/id-patterns';
import { relativePath, schemaRef } from './common';

export const DEFAULT_EVIDENCE_PATTERN = '{date}/milestone-{milestone}/{task}-{gate}.md';

const idPattern = (kind: IdKind, description: string) =>
  z
    .string()
    .superRefine((source, ctx) => {
      const problem = idPatternProblem(kind, source);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: source });
    })
    .default(DEFAULT_ID_PATTERNS[kind])
    .meta({ description: `${description} A regular expression the whole id must match, run on RE2 (linear time: no lookarounds or backreferences); ids also keep to letters, digits, ".", "_" and "-" (they name files and Nx targets). Default: ${DEFAULT_ID_PATTERNS[kind]}` });

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
        project: z.string().min(1).meta({ description: 'The Nx project of the core that consumers depend on, any kind of Nx project, e.g. loop or @acme/core.' }),
        path: relativePath
          .optional()
          .meta({ description: 'Folder of the core; when set, the plugin reads its manifest (Cargo.toml, package.json, pyproject.toml, go.mod) for its language, version and defaults, and infers build and test targets where the language needs them (a Rust core). The core may be any Nx project: its own build target is what consumers wait for.' }),
        reachedBy: z
          .enum(CORE_REACHES)
          .optional()
          .meta({
            description:
              'How consumers reach the core, unless a consumer says otherwise (its `reaches`). "workspace-package": they import it by package name (npm/pnpm/yarn workspaces, tsconfig paths, go.work, a uv workspace), no variable is set. "env": the absolute path of `artifact` is set in `artifactEnv`. "path": they find `artifact` at its workspace path themselves. Default: "env" when `artifact` is declared; else by the core\'s language: "env" for Rust (its release binary), "workspace-package" for TypeScript/JavaScript, Python and Go.',
          }),
        artifact: relativePath.optional().meta({
          description:
            'Optional. The core\'s built file, workspace-relative, that must exist before a consumer\'s tests say anything (a compat run without it is spurious, never a regression). Default: for Rust <path>/target/release/<package name>; for a package.json core its `main` (e.g. packages/core/dist/index.js); otherwise none, and nothing is checked.',
        }),
        artifactEnv: z
          .string()
          .regex(/^[A-Z_][A-Z0-9_]*$/, { message: 'expected an environment variable name like LOOP_CLI' })
          .optional()
          .meta({ description: 'Environment variable that carries the artifact\'s absolute path to consumers that reach the core by "env". Default: <PROJECT>_CLI, e.g. LOOP_CLI, or DEMO_CORE_CLI for @demo/core.' }),
        schemaVersionArgs: z.array(z.string()).optional().meta({ description: 'Arguments that make the artifact print its schema version, e.g. ["--schema-version"].' }),
      })
      .optional()
      .meta({ description: 'The core project whose releases are governed. Optional until there is one: init on a workspace without a library leaves it out; consumers need it.' }),
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
    ids: z
      .strictObject({
        gate: idPattern('gate', 'Form of a gate id, e.g. ^GATE-[A-Z0-9-]+$; it may match no name of a governance target (validate, gate, ...).'),
        milestone: idPattern('milestone', 'Form of a milestone id, as the "# <id> - <title>" heading of a milestone file writes it, e.g. ^REL-\\d+$.'),
        task: idPattern(
          'task',
          'Form of a task card id, as its "### <id> <title>" heading writes it; a named group (?<milestone>...) captures the milestone the card belongs to, e.g. ^(?<milestone>REL-\\d+)\\.\\d+$ for REL-3.1.',
        ),
      })
      .prefault({})
      .meta({ description: 'The forms of gate, milestone and task ids. Defaults: VG-CONTRACT-001, M6, M6-T01.' }),
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
    paths: { milestones: 'governance/milestones', evidence: 'evidence', docs: 'docs/execution-plan' },
    evidencePattern: DEFAULT_EVIDENCE_PATTERN,
    ids: { ...DEFAULT_ID_PATTERNS },
    requireSignatures: false,
  };
}
