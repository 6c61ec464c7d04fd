import { releaseTupleId, withValidatedRelease } from './record-release';

describe('withValidatedRelease', () => {
  const document = { $schema: './x.json', releases: [{ version: '0.1.0', date: '2026-01-01' }], consumers: [{ name: 'a' }], tuples: [{ id: 'rollback', core: '0.1.0', consumers: { a: '1.0.0' } }] };

  it('adds the release and the tuple it was validated with, leaving the rest as it was', () => {
    const updated = withValidatedRelease(document, { version: '0.2.0', commit: 'abc1234', date: '2026-02-01', consumers: { a: '1.1.0' } });
    expect(updated).toEqual({
      ...document,
      releases: [...document.releases, { version: '0.2.0', commit: 'abc1234', date: '2026-02-01' }],
      tuples: [...document.tuples, { id: 'release-0-2-0', core: '0.2.0', consumers: { a: '1.1.0' }, tier: 'supported', validated: '2026-02-01' }],
    });
  });

  it('replaces its own tuple when the release is validated again, and keeps one release row', () => {
    const once = withValidatedRelease(document, { version: '0.1.0', date: '2026-01-02', consumers: { a: '1.0.0' } });
    const twice = withValidatedRelease(once, { version: '0.1.0', date: '2026-01-03', consumers: { a: '1.0.1' } });
    expect(twice.releases).toEqual(document.releases);
    expect(twice.tuples?.filter((t) => (t as { id: string }).id === releaseTupleId('0.1.0'))).toEqual([
      { id: 'release-0-1-0', core: '0.1.0', consumers: { a: '1.0.1' }, tier: 'supported', validated: '2026-01-03' },
    ]);
  });
});
