/**
 * The words the schemas and the consumer code share. Kept apart so the
 * schemas can name them without importing the code that resolves consumers
 * (which imports the schemas' types): no cycle between the two.
 */

/**
 * How a consumer's tests reach the core:
 * - `env`: the absolute path of the core's build artifact is set in `core.artifactEnv` (a CLI, a shared library);
 * - `path`: the consumer finds the artifact at its workspace path itself, no variable is set;
 * - `workspace-package`: the consumer imports the core by name (npm/pnpm/yarn workspaces,
 *   tsconfig paths, go.work, a uv workspace); an artifact, when one is known, must exist.
 */
export const CORE_REACHES = ['env', 'path', 'workspace-package'] as const;
export type CoreReach = (typeof CORE_REACHES)[number];

export const LANGUAGES = ['rust', 'python', 'node', 'go'] as const;
export type Language = (typeof LANGUAGES)[number];
