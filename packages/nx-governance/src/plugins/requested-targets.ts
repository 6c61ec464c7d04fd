/** A target a command line asked for: on one project (`nx run p:t`), or on whichever projects Nx selected (`-t t`). */
export interface TargetRequest {
  project?: string;
  target: string;
}

/**
 * The targets a command line asked for, by name. Which projects Nx selected
 * (patterns, tags, exclusions, affected) is not read here: the hook learns
 * that from the tasks Nx ran (see post-run-gates). Forms: `nx run p:t[:c]`,
 * `nx t p`, `nx p:t`, and `run-many`/`affected` with `-t`/`--target(s)`.
 */
export function requestedTargets(argv: readonly string[]): TargetRequest[] {
  const args = nxArgs(argv);
  const [command, first] = args;
  const onProject = (spec: string): TargetRequest[] => {
    const [project, target] = spec.split(':');
    return project && target ? [{ project, target }] : [];
  };
  if (command === 'run' && first) return onProject(first);
  if (command === 'run-many' || command === 'affected') {
    const values = ['-t', '--targets', '--target'].flatMap((name) => optionValues(args, name)).flatMap((v) => v.split(','));
    return values.filter(Boolean).map((target) => ({ target }));
  }
  if (command?.includes(':')) return onProject(command);
  if (command && first && !first.startsWith('-')) return [{ project: first, target: command }];
  return [];
}

/** The targets of `project` among the requests. */
export function requestedOf(requests: readonly TargetRequest[], project: string): Set<string> {
  return new Set(requests.filter((r) => r.project === undefined || r.project === project).map((r) => r.target));
}

/** The values given to `--name` (as `--name=value` or `--name value`) on the command line; '' for `--name` given alone. */
export function requestedOption(argv: readonly string[], name: string): string | undefined {
  return optionValues(nxArgs(argv), name).pop();
}

function nxArgs(argv: readonly string[]): string[] {
  return argv.slice(argv.findIndex((a) => /(^|[\\/])nx(\.js)?$/.test(a)) + 1);
}

function optionValues(args: readonly string[], name: string): string[] {
  const valueAfter = (next: string | undefined) => (next === undefined || next.startsWith('-') ? '' : next);
  return args.flatMap((arg, i) => (arg === name ? [valueAfter(args[i + 1])] : arg.startsWith(`${name}=`) ? [arg.slice(name.length + 1)] : []));
}
