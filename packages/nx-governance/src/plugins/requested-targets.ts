/**
 * The targets of `project` that a command line asked for. Nx does not hand a
 * post-run hook the tasks it skipped, so the hook reads the request itself:
 * `nx run project:target`, `nx target project`, and `run-many`/`affected`
 * with `-t`/`--target(s)` (and `-p`/`--projects`, when given, naming it).
 */
export function requestedTargets(argv: readonly string[], project: string): Set<string> {
  const args = nxArgs(argv);
  const requested = new Set<string>();
  const [command, first] = args;
  const valuesOf = (...names: string[]) => names.flatMap((name) => optionValues(args, name)).flatMap((v) => v.split(','));
  if (command === 'run' && first) {
    const [p, t] = first.split(':');
    if (p === project && t) requested.add(t);
  } else if (command === 'run-many' || command === 'affected') {
    const projects = valuesOf('-p', '--projects', '--project');
    if (projects.length === 0 || projects.includes(project)) for (const t of valuesOf('-t', '--targets', '--target')) if (t) requested.add(t);
  } else if (command && first === project) {
    requested.add(command);
  } else if (command?.includes(':')) {
    const [p, t] = command.split(':');
    if (p === project && t) requested.add(t);
  }
  return requested;
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
