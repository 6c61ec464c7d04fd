import { basename, dirname } from 'node:path';
import { AggregateCreateNodesError, type CreateNodes, type PostTasksExecution, type PreTasksExecution, type CreateNodesResult, type CreateNodesResultArray, type ProjectConfiguration } from '@nx/devkit';
import { resolveConsumers } from '../lib/consumers/resolve-consumers';
import { resolveCore } from '../lib/consumers/resolve-core';
import { diskFileReader, type FileReader } from '../lib/workspace/file-reader';
import { CONSUMER_FILE, DATA_FILES, loadGovernance } from '../lib/workspace/load-governance';
import { salvageConsumers, salvageSettings } from '../lib/workspace/salvage-governance';
import { consumerProject } from './consumer-project';
import { coreProject } from './core-project';
import { governanceProject } from './governance-project';
import { InferenceCache } from './inference-cache';
import { type GovernancePluginOptions, normalizeOptions } from './options';
import { pluginInputs } from './plugin-inputs';
import { closeRunsNxLeftOpen } from './post-run';
import { refuseDirtyGateRun } from './pre-run';
import { endWithNxProcess } from './worker-lifetime';

export type { GovernancePluginOptions } from './options';

endWithNxProcess();

/** Refuses a `--requireClean` gate run on a dirty tree before any gate runs (see refuseDirtyGateRun). */
export const preTasksExecution: PreTasksExecution<GovernancePluginOptions> = (_options, context) => refuseDirtyGateRun(context);

/** Closes gate runs that Nx cut short or restored (see closeRunsNxLeftOpen). */
export const postTasksExecution: PostTasksExecution<GovernancePluginOptions> = (_options, context) => closeRunsNxLeftOpen(context);

export const SETTINGS_FILE = 'governance.json';
export const PLUGIN_GLOB = `**/{${SETTINGS_FILE},${CONSUMER_FILE}}`;

type Projects = NonNullable<CreateNodesResult['projects']>;

/**
 * From every `governance.json`: the governance project (validate, gate,
 * compat), the core project (build, test) and a project with a `compat`
 * target for every consumer, declared in compatibility.json or by a
 * `governance.consumer.json` in its folder. One pass over the batch; results
 * are cached by a hash of the files read.
 */
export const createNodes: CreateNodes<GovernancePluginOptions> = [
  PLUGIN_GLOB,
  (configFiles, rawOptions, context) => {
    const options = normalizeOptions(rawOptions);
    // Where the plugin sits relative to the workspace changes the inputs, so it is part of the cache key.
    const cache = new InferenceCache<Projects>(diskFileReader(context.workspaceRoot), [options, pluginInputs(context.workspaceRoot)], context.workspaceRoot);
    const settingsFiles = configFiles.filter((f) => basename(f) === SETTINGS_FILE);
    const consumerFiles = configFiles.filter((f) => basename(f) === CONSUMER_FILE);
    const errors: Array<[string, Error]> = [];
    const results: CreateNodesResultArray = [];
    if (settingsFiles.length > 1 && consumerFiles.length > 0) {
      for (const file of consumerFiles) errors.push([file, new Error(`${file}: more than one governance.json (${settingsFiles.join(', ')}); a consumer file needs exactly one`)]);
    }
    for (const settingsFile of settingsFiles) {
      try {
        const key = [settingsFile, ...consumerFiles].join('\n');
        const projects = cache.get(key, (reader) => inferProjects(reader, settingsFile, consumerFiles, options, context.workspaceRoot));
        results.push([settingsFile, { projects }]);
      } catch (error) {
        errors.push([settingsFile, error as Error]);
      }
    }
    cache.save();
    if (errors.length) throw new AggregateCreateNodesError(errors, results);
    return results;
  },
];

function inferProjects(
  reader: FileReader,
  settingsFile: string,
  consumerFiles: string[],
  options: Required<GovernancePluginOptions>,
  workspaceRoot: string,
): Projects {
  const loaded = loadGovernance(reader, settingsFile, { consumerFiles }).data;
  // A broken file must not take the workspace down: keep what still reads; the governance targets fail on it at run time.
  const data = loaded.settingsSource ? loaded : { ...loaded, settings: salvageSettings(reader.read(settingsFile)) };
  const compatibilityFile = `${dirname(settingsFile)}/${DATA_FILES.compatibility.name}`;
  const declared = data.unreadable.has('compatibility') ? { file: compatibilityFile, consumers: salvageConsumers(reader.read(compatibilityFile)) } : undefined;
  const hasOwnProject = (root: string) => ['project.json', 'package.json'].some((f) => reader.read(`${root}/${f}`) !== undefined);
  const core = resolveCore(reader, data.settings);
  const projects: Projects = {};
  const add = (root: string, project: Omit<ProjectConfiguration, 'root'>) => {
    const { name, ...rest } = project;
    projects[root] = hasOwnProject(root) ? rest : { name, ...rest };
  };

  const consumers = declared ? resolveConsumers(reader, data, declared) : resolveConsumers(reader, data);
  add(dirname(settingsFile), governanceProject(settingsFile, data, options, workspaceRoot, consumers));
  if (core?.path) add(core.path, coreProject(core, options));
  for (const consumer of consumers) {
    // Nx cannot hash a project without files; a missing folder is validate's to report, not the graph's to break on.
    if (consumer.path && reader.list(consumer.path, '').length > 0) add(consumer.path, consumerProject(consumer, core, settingsFile, data.settings, options, workspaceRoot));
  }
  return projects;
}
