import { notInWorkspace } from '../consumers/resolve-consumers';
import { addDays } from '../dates';
import { error } from '../diagnostics';
import { knownList } from '../text/known-list';
import { forEachDuplicate, type RuleContext } from './rule-context';

/** The core is optional until there is something to test against it: a consumer needs one, and it must be an Nx project. */
export function checkCoreProject(ctx: RuleContext): void {
  const { settings, settingsSource, settingsFile } = ctx.data;
  const core = settings.core;
  if (!core) {
    const consumers = [...(ctx.data.compatibility?.data.consumers ?? []), ...ctx.data.consumerFiles.map((f) => f.data)].map((c) => c.name).sort();
    if (!settingsSource || !consumers.length) return;
    ctx.push(
      error(settingsFile, `missing, expected the core project the consumers (${consumers.join(', ')}) are tested against, e.g. "core": { "project": "my-lib" }`, {
        line: settingsSource.lineOf(['core']),
        path: 'core',
      }),
    );
    return;
  }
  const projects = ctx.options.projects;
  if (!projects || !settingsSource || projects.has(core.project)) return;
  ctx.push(
    error(settingsFile, `unknown Nx project "${core.project}", expected the core project, one of: ${knownList(projects.keys(), core.project)}`, {
      line: settingsSource.lineOf(['core', 'project']),
      path: 'core.project',
    }),
  );
}

export function checkCompatibility(ctx: RuleContext): void {
  const compat = ctx.data.compatibility;
  if (!compat) return;
  const { consumers, releases, tuples, deprecations, policy } = compat.data;
  const projects = ctx.options.projects;

  forEachDuplicate(consumers, (c) => c.name, (c, i, first) =>
    ctx.errorAt(compat, ['consumers', i, 'name'], `duplicate consumer ${c.name}, first defined at consumers[${first}]`),
  );
  consumers.forEach((consumer, i) => {
    if (consumer.path && ctx.reader.list(consumer.path, '').length === 0) {
      ctx.errorAt(compat, ['consumers', i, 'path'], `consumer ${consumer.name} lives in ${consumer.path}, which is missing or empty; expected the consumer's vendored folder (restore it, or remove the consumer)`);
    }
    if (consumer.project === undefined && !ctx.data.consumerFiles.some((f) => f.data.name === consumer.name)) {
      ctx.warningAt(compat, ['consumers', i, 'name'], `${notInWorkspace({ name: consumer.name, declaredIn: compat.file })}; release-readiness and rollback-check stay inconclusive for it until then`);
    }
    if (projects && consumer.project !== undefined && !projects.has(consumer.project)) {
      ctx.errorAt(compat, ['consumers', i, 'project'], `consumer ${consumer.name} names Nx project "${consumer.project}", which does not exist; expected one of: ${knownList(projects.keys(), consumer.project)}`);
    }
  });

  forEachDuplicate(releases, (r) => r.version ?? r.commit ?? '', (r, i, first) =>
    ctx.errorAt(compat, ['releases', i], `duplicate release ${r.version ?? r.commit}, first listed at releases[${first}]`),
  );
  const releaseKeys = new Set(releases.flatMap((r) => [r.version, r.commit].filter((k): k is string => !!k)));
  // A tuple may name any consumer, wherever it is declared (here or by its folder's governance.consumer.json).
  const consumerNames = new Set([...consumers.map((c) => c.name), ...ctx.data.consumerFiles.map((f) => f.data.name)]);
  forEachDuplicate(tuples, (t) => t.id, (t, i, first) =>
    ctx.errorAt(compat, ['tuples', i, 'id'], `duplicate tuple id ${t.id}, first defined at tuples[${first}]`),
  );
  tuples.forEach((tuple, i) => {
    if (!releaseKeys.has(tuple.core)) {
      ctx.errorAt(compat, ['tuples', i, 'core'], `unknown core release "${tuple.core}", expected a version or commit from releases: ${knownList(releaseKeys, tuple.core)}`);
    }
    for (const name of Object.keys(tuple.consumers)) {
      if (!consumerNames.has(name)) ctx.errorAt(compat, ['tuples', i, 'consumers', name], `unknown consumer "${name}", expected one of: ${knownList(consumerNames, name)}`);
    }
  });
  consumers.forEach((consumer, i) => {
    const count = tuples.filter((t) => consumer.name in t.consumers).length;
    if (count < policy.minimumTuplesPerConsumer) {
      ctx.errorAt(
        compat,
        ['consumers', i, 'name'],
        `consumer ${consumer.name} appears in ${count} tuple(s), expected at least ${policy.minimumTuplesPerConsumer} (the current one and a rollback) by policy.minimumTuplesPerConsumer`,
      );
    }
  });

  deprecations.forEach((notice, i) => {
    const earliest = addDays(notice.announced, policy.deprecationLeadTimeDays);
    if (notice.removal < earliest) {
      ctx.errorAt(
        compat,
        ['deprecations', i, 'removal'],
        `deprecation "${notice.id}" removes on ${notice.removal}, expected no earlier than ${earliest} (announced ${notice.announced} + ${policy.deprecationLeadTimeDays} days lead time)`,
      );
    }
  });
}

/** A consumer is declared once: in compatibility.json or by its folder's governance.consumer.json. */
export function checkConsumerFiles(ctx: RuleContext): void {
  const projects = ctx.options.projects;
  const declared = new Set(ctx.data.compatibility?.data.consumers.map((c) => c.name) ?? []);
  for (const loaded of ctx.data.consumerFiles) {
    const { name, project } = loaded.data;
    if (declared.has(name)) {
      ctx.errorAt(loaded, ['name'], `consumer ${name} is declared twice (also in ${ctx.data.compatibility?.file ?? 'another governance.consumer.json'}); declare it in one place`);
    }
    declared.add(name);
    if (projects && !projects.has(project)) {
      ctx.errorAt(loaded, ['project'], `consumer ${name} names Nx project "${project}", which does not exist; expected one of: ${knownList(projects.keys(), project)}`);
    }
  }
}
