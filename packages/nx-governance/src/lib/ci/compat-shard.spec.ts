import { itemsOfShard, parseShard } from './compat-shard';

describe('compat shards', () => {
  it('reads <index>/<total> and refuses anything else with what it found', () => {
    expect(parseShard('2/3')).toEqual({ ok: true, shard: { index: 2, total: 3 } });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '']) {
      expect(parseShard(bad)).toEqual({ ok: false, reason: expect.stringContaining(`found "${bad}"`) });
    }
  });

  it('takes every consumer exactly once over the shards, whatever order they came in', () => {
    const names = ['e', 'a', 'd', 'c', 'b', 'f', 'g'];
    const shards = [1, 2, 3].map((index) => itemsOfShard(names, (n) => n, { index, total: 3 }));
    expect(shards).toEqual([['a', 'd', 'g'], ['b', 'e'], ['c', 'f']]);
    expect(itemsOfShard([...names].reverse(), (n) => n, { index: 2, total: 3 })).toEqual(['b', 'e']);
    expect(itemsOfShard(names, (n) => n, { index: 1, total: 1 })).toEqual([...names].sort());
  });
});
