/**
 * The names of the targets the plugin infers, unless its options in nx.json
 * rename them (`gateTargetName`…): the one place that spells them. Code that
 * names a target asks the plugin's options (plugins/options.ts), which fall
 * back to these.
 */
export const DEFAULT_TARGET_NAMES: Readonly<Record<'validateTargetName' | 'gateTargetName' | 'compatTargetName' | 'compatRunTargetName' | 'buildTargetName' | 'testTargetName', string>> = {
  validateTargetName: 'validate',
  gateTargetName: 'gate',
  compatTargetName: 'compat',
  compatRunTargetName: 'compat-run',
  buildTargetName: 'build',
  testTargetName: 'test',
};

/** The aggregate that runs one scope (a release class, a milestone, a card): `<gate target>-<id>`. */
export function scopeTargetName(gateTargetName: string, scopeId: string): string {
  return `${gateTargetName}-${scopeId}`;
}
