import { posix } from 'node:path';
import { formatFiles, type Tree } from '@nx/devkit';
import { formatJsonPath } from '../../lib/json/json-source';
import { schemaReference } from '../../lib/json/json-schemas';
import { gateSchema } from '../../lib/schemas/gates';
import { knownList } from '../../lib/text/known-list';
import { loadTreeGovernance, writeDataJson } from '../governance-tree';
import { addGateToReleaseClass, chooseReleaseClass } from './add-to-release-class';
import { normalizeOptions } from './normalize-options';
import type { GateGeneratorSchema } from './schema';

export default async function gateGenerator(tree: Tree, raw: GateGeneratorSchema): Promise<void> {
  const options = normalizeOptions(raw);
  const { data } = loadTreeGovernance(tree, options.settingsFile);
  const idProblem = data.ids.problem('gate', options.id);
  if (idProblem) throw new Error(`--id: ${idProblem}`);
  const gatesFile = data.gates?.file ?? `${posix.dirname(data.settingsFile)}/gates.json`;
  const existing = data.gates?.data.gates ?? [];
  if (existing.some((g) => g.id === options.id)) throw new Error(`Gate ${options.id} already exists in ${gatesFile}`);
  const roles = data.playbook?.data.roles.map((r) => r.id);
  const { owner } = options;
  if (roles && !roles.includes(owner)) throw new Error(`Unknown owner "${owner}", expected a playbook role: ${knownList(roles, owner)}`);

  const releaseClass = chooseReleaseClass(data, options.releaseClass);

  const gate = gateSchema.safeParse(gateDefinition(options, owner));
  if (!gate.success) {
    const problems = gate.error.issues.map((i) => `${formatJsonPath(i.path as (string | number)[]) || 'gate'}: ${i.message}`);
    throw new Error(`The gate is not valid:\n${problems.join('\n')}`);
  }
  // Written as given, not as parsed: defaults stay implicit in the file.
  const ownFolder = `${posix.dirname(data.settingsFile)}/gates`;
  if (tree.exists(ownFolder) && tree.children(ownFolder).some((name) => name.endsWith('.json'))) {
    // The workspace keeps one gate per file, so that editing one re-runs only that gate.
    writeDataJson(tree, `${ownFolder}/${options.id}.json`, { $schema: schemaReference('gate.schema.json', ownFolder), ...gateDefinition(options, owner) });
  } else {
    const raw = tree.exists(gatesFile) ? JSON.parse(tree.read(gatesFile, 'utf8')!) : { $schema: schemaReference('gates.schema.json', posix.dirname(gatesFile)), gates: [] };
    raw.gates.push(gateDefinition(options, owner));
    writeDataJson(tree, gatesFile, raw);
  }
  addGateToReleaseClass(tree, data, options.id, releaseClass);
  if (!options.skipFormat) await formatFiles(tree);
}

function gateDefinition(options: ReturnType<typeof normalizeOptions>, owner: string): Record<string, unknown> {
  const common = {
    id: options.id,
    title: options.title,
    scope: options.scope ?? options.title,
    kind: options.kind,
    enforcement: options.enforcement,
    owner,
    timeoutSeconds: options.timeoutSeconds,
    ...(options.inputs !== undefined ? { inputs: list(options.inputs) } : {}),
    ...(options.projects !== undefined ? { projects: list(options.projects) } : {}),
  };
  if (common.kind === 'manual') {
    return { ...common, checklist: (options.checklist ?? '').split(';').map((s) => s.trim()).filter(Boolean) };
  }
  const steps: unknown[] = (options.targets ?? '').split(',').map((t) => t.trim()).filter(Boolean).map((target) => ({ target }));
  if (options.argv !== undefined) steps.push({ argv: parseArgv(options.argv), ...(options.cwd ? { cwd: options.cwd } : {}) });
  return { ...common, steps, ...(options.minTests ? { passCriteria: { minTests: { count: options.minTests } } } : {}) };
}

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** `--argv` is a JSON array; a plain string would need a shell, so it is refused. */
function parseArgv(text: string): unknown {
  try {
    const value = JSON.parse(text);
    if (Array.isArray(value)) return value;
  } catch {
    // Fall through to the refusal below.
  }
  throw new Error(`--argv must be a JSON array such as '["cargo","test"]', found ${JSON.stringify(text)}: commands never run through a shell`);
}
