import { posix } from 'node:path';
import { getProjects, type Tree } from '@nx/devkit';
import { knownList } from '../../lib/text/known-list';

export interface ConsumerLocation {
  directory: string;
  project: string;
}

/**
 * Where the consumer lives and which Nx project it is. `--directory` and `--source` say so
 * outright; otherwise an existing Nx project answers (by `--project`, or by the consumer's name:
 * the project's name, its name without the npm scope, or its folder's name, as `@nx/js` names
 * `packages/consumer-a` `@org/consumer-a`); a folder `vendor/<name>` is the last resort.
 */
export function locateConsumer(tree: Tree, options: { name: string; directory?: string; source?: string; project?: string }): ConsumerLocation {
  const explicit = options.directory ?? (options.source !== undefined ? `vendor/${options.name}` : undefined);
  if (explicit !== undefined) return { directory: explicit.replace(/\/+$/, ''), project: options.project ?? options.name };

  const projects = [...getProjects(tree)].map(([name, config]) => ({ name, root: config.root }));
  const wanted = options.project ?? options.name;
  const matches = projects.filter((p) => (options.project !== undefined ? p.name === wanted : namesOf(p).includes(wanted)));
  if (matches.length === 1) return { directory: matches[0].root, project: matches[0].name };
  if (matches.length > 1) {
    throw new Error(`Several Nx projects match ${wanted}: ${matches.map((p) => `${p.name} (${p.root})`).join(', ')}; pass --project=<one of them>`);
  }
  const vendored = `vendor/${options.name}`;
  // A vendored folder may become a project only through the plugin (its governance.consumer.json), which the Tree does not show.
  if (tree.exists(vendored)) return { directory: vendored, project: wanted };
  throw new Error(
    `No Nx project named ${wanted} and no folder ${vendored}: pass --directory=<folder of the consumer> (and --project=<its Nx project>), --project=<an Nx project>, or --source=<folder to vendor>; projects: ${knownList(projects.map((p) => p.name), wanted)}`,
  );
}

/** The names a project answers to: its own, without its npm scope, and its folder's. */
const namesOf = (project: { name: string; root: string }) => [project.name, project.name.replace(/^@[^/]+\//, ''), posix.basename(project.root)];
