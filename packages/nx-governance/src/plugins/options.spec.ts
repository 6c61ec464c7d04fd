import { normalizeOptions, pluginOptionsIn } from './options';

describe('the plugin options every target name comes from', () => {
  it('defaults every name', () => {
    expect(normalizeOptions(undefined)).toEqual({
      validateTargetName: 'validate',
      gateTargetName: 'gate',
      compatTargetName: 'compat',
      compatRunTargetName: 'compat-run',
      buildTargetName: 'build',
      testTargetName: 'test',
    });
  });

  it('reads the renamed targets from nx.json, as Nx registers the plugin', () => {
    const nxJson = { plugins: ['@nx/js', { plugin: 'nx-governance', options: { gateTargetName: 'check', buildTargetName: 'compile' } }] };
    expect(pluginOptionsIn(nxJson)).toMatchObject({ gateTargetName: 'check', buildTargetName: 'compile', compatTargetName: 'compat' });
    expect(pluginOptionsIn({ plugins: [{ plugin: './packages/nx-governance', options: { gateTargetName: 'g' } }] }).gateTargetName).toBe('g');
    expect(pluginOptionsIn({ plugins: ['nx-governance'] }).gateTargetName).toBe('gate');
    expect(pluginOptionsIn(undefined).gateTargetName).toBe('gate');
  });
});
