import { basename, posix } from 'node:path';
import { formatFiles, logger, type Tree } from '@nx/devkit';
import { formatDiagnostic } from '../../core/diagnostics';
import { type ImportedProse, importProse } from '../../core/import/import-prose';
import { schemaReference, type SchemaFileName } from '../../core/json-schemas';
import { loadTreeGovernance, writeDataJson } from '../governance-tree';
import type { ImportGeneratorSchema } from './schema';

export default async function importGenerator(tree: Tree, options: ImportGeneratorSchema): Promise<ImportedProse> {
  const { data, reader } = loadTreeGovernance(tree, options.settingsFile);
  const source = (options.source ?? 'docs/execution-plan').replace(/\/+$/, '');
  if (!tree.exists(source)) throw new Error(`${source} does not exist, expected a folder of prose governance documents`);
  const imported = importProse(reader, source, {
    coreName: data.settings.core.project,
    workspaceFolder: (absolute) => workspaceFolder(tree, absolute),
  });
  const dir = posix.dirname(data.settingsFile);
  const writes: Array<{ file: string; name: SchemaFileName; hasData: boolean; value: object }> = [];
  if (imported.gates.length) {
    writes.push({ file: `${dir}/gates.json`, name: 'gates.schema.json', hasData: (data.gates?.data.gates.length ?? 0) > 0, value: { gates: imported.gates } });
  }
  if (imported.releaseClasses.length) writes.push({ file: `${dir}/playbook.json`, name: 'playbook.schema.json', hasData: !!data.playbook, value: playbookFrom(imported) });
  if (imported.compatibility) {
    const hasData = (data.compatibility?.data.consumers.length ?? 0) + (data.compatibility?.data.releases.length ?? 0) > 0;
    writes.push({ file: `${dir}/compatibility.json`, name: 'compatibility.schema.json', hasData, value: compatibilityFrom(tree, imported.compatibility) });
  }
  const blocked = writes.filter((w) => w.hasData);
  if (blocked.length && !options.force) {
    throw new Error(`${blocked.map((w) => w.file).join(', ')} already hold data; nothing was written. Pass --force to replace them.`);
  }
  for (const write of writes) writeDataJson(tree, write.file, { $schema: schemaReference(write.name, dir), ...write.value });
  report(imported);
  if (!options.skipFormat) await formatFiles(tree);
  return imported;
}

/** The folder of this workspace an absolute path from the prose names: its longest suffix that exists here. */
function workspaceFolder(tree: Tree, absolute: string): string | undefined {
  const parts = absolute.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (tree.exists(candidate) && !tree.isFile(candidate)) return candidate;
  }
  return parts[parts.length - 1] === basename(tree.root) ? '.' : undefined;
}

function playbookFrom(imported: ImportedProse): object {
  const owners = [...new Set(['release-manager', ...imported.gates.map((g) => g.owner as string)])].sort();
  return {
    roles: owners.map((id) => ({ id, title: id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), owner: 'to be assigned' })),
    releaseClasses: imported.releaseClasses,
    defaultReleaseClass: imported.releaseClasses[imported.releaseClasses.length - 1].id,
    preReleaseChecklist: [],
    goNoGo: [],
    rollbackTriggers: [],
    rollbackProcedure: [{ step: 'Write the rollback procedure here: the prose had none in a table.', owner: 'release-manager' }],
  };
}

function compatibilityFrom(tree: Tree, compat: NonNullable<ImportedProse['compatibility']>): object {
  return {
    releases: compat.releases,
    consumers: compat.consumers.map((name) => ({ name, project: name, ...(tree.exists(`vendor/${name}`) ? { path: `vendor/${name}` } : {}) })),
    policy: { supportWindow: { latestMinors: 2 }, minimumTuplesPerConsumer: 2, deprecationLeadTimeDays: 30 },
    tuples: compat.tuples,
    deprecations: [],
  };
}

function report(imported: ImportedProse): void {
  logger.info(`Converted ${imported.converted.length} item(s):`);
  for (const line of imported.converted) logger.info(`  ${line}`);
  for (const m of imported.milestones) logger.info(`  milestone ${m.id} (${m.file}): ${m.cards} task card(s) validated in place`);
  if (imported.review.length) {
    logger.warn(`Left ${imported.review.length} item(s) for review:`);
    for (const r of imported.review) logger.warn(`  ${r.file}:${r.line}: ${r.what}: ${r.why}`);
  }
  for (const d of imported.milestoneProblems) logger.warn(`  ${formatDiagnostic(d)}`);
}
