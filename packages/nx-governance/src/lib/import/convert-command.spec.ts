import { convertCommand } from './convert-command';

const repo = new Set(['scripts/mem-admit.sh', 'scripts/smoke.sh', 'loop', 'consumers/py']);
const context = {
  toWorkspace: (absolute: string) => {
    const at = absolute.split('/').indexOf('cairn');
    return at >= 0 ? absolute.split('/').slice(at + 1).join('/') || '.' : undefined;
  },
  exists: (path: string) => repo.has(path),
};

describe('convertCommand', () => {
  it.each([
    ['cargo test --offline # --release', { ok: true, steps: [{ argv: ['cargo', 'test', '--offline'] }], notes: [] }],
    ["echo 'a # b' c#d", { ok: true, steps: [{ argv: ['echo', 'a # b', 'c#d'] }], notes: [] }],
    ['cargo test -p loop', { ok: true, steps: [{ argv: ['cargo', 'test', '-p', 'loop'] }], notes: [] }],
    ["python3 -m pytest -k 'not slow'", { ok: true, steps: [{ argv: ['python3', '-m', 'pytest', '-k', 'not slow'] }], notes: [] }],
    ['RUST_LOG=debug cargo test', { ok: true, steps: [{ argv: ['cargo', 'test'], env: { RUST_LOG: 'debug' } }], notes: [] }],
    ['cd loop && cargo test', { ok: true, steps: [{ argv: ['cargo', 'test'], cwd: 'loop' }], notes: [] }],
    ['cargo build && python3 check.py', { ok: true, steps: [{ argv: ['cargo', 'build'] }, { argv: ['python3', 'check.py'] }], notes: ['2 steps from an && chain'] }],
    ["bash -lc 'cd /Users/maren/src/cairn && SEED=7 cargo test'", { ok: true, steps: [{ argv: ['cargo', 'test'], env: { SEED: '7' } }], notes: [] }],
    ['cd /Users/maren/src/cairn/consumers/py && PYTHONPATH=. python3 -m unittest', { ok: true, steps: [{ argv: ['python3', '-m', 'unittest'], cwd: 'consumers/py', env: { PYTHONPATH: '.' } }], notes: [] }],
    ['timeout 600 cargo build', { ok: true, steps: [{ argv: ['cargo', 'build'], wrapper: { kind: 'timeout', argv: ['timeout', '600'] } }], timeoutSeconds: 600, notes: ['timeout 600: the gate timeout'] }],
    ['nice -n 10 cargo check', { ok: true, steps: [{ argv: ['nice', '-n', '10', 'cargo', 'check'], wrapper: { kind: 'nice', argv: ['nice', '-n', '10'] } }], notes: [] }],
    ['env A=1 B=x cargo test', { ok: true, steps: [{ argv: ['cargo', 'test'], env: { A: '1', B: 'x' }, wrapper: { kind: 'env', argv: ['env', 'A=1', 'B=x'] } }], notes: [] }],
    [
      '/Users/maren/src/cairn/scripts/mem-admit.sh --mb 1024 -- env BIN=/Users/maren/src/cairn/target/release/cairn python3 t.py',
      {
        ok: true,
        steps: [{ argv: ['scripts/mem-admit.sh', '--mb', '1024', '--', 'python3', 't.py'], env: { BIN: 'target/release/cairn' }, wrapper: { kind: 'memory-admission', argv: ['scripts/mem-admit.sh', '--mb', '1024', '--'] } }],
        notes: [],
      },
    ],
    [
      "ENV=1 scripts/smoke.sh bash -lc 'cd /x/cairn/loop && cargo test x'",
      { ok: true, steps: [{ argv: ['../scripts/smoke.sh', 'cargo', 'test', 'x'], cwd: 'loop', env: { ENV: '1' }, wrapper: { kind: 'script', argv: ['../scripts/smoke.sh'] } }], notes: [] },
    ],
  ])('converts %s', (text, expected) => {
    expect(convertCommand(text, context)).toEqual(expected);
  });

  it.each([
    ['make | tee log', 'needs a shell (|)'],
    ['cargo test; cargo build', 'needs a shell (;)'],
    ['echo $HOME', 'needs a shell ($)'],
    ['rm -rf *', 'needs a shell (*)'],
    ['echo `id`', 'needs a shell (`)'],
    ["bash -lc 'cd /x/cairn && make > out.txt'", 'the bash script needs a shell (>)'],
    ["bash -lc 'cd /elsewhere/x && make'", 'cd /elsewhere/x: not a folder of this repository'],
    ['/opt/tools/drain --eu', '/opt/tools/drain is outside this repository'],
    ['/x/cairn/scripts/gone.sh -- cargo test', 'the wrapper scripts/gone.sh is not in this repository'],
    ["echo 'unclosed", 'needs a shell (unclosed quote)'],
    ['CAIRN_COMPAT=strict', 'no command'],
    ['../../../bin/sh -c true', '../../../bin/sh is outside this repository'],
    ['/bin/sh -c true', '/bin/sh is outside this repository'],
    ['cd loop && ../../x/run', '../../x/run is outside this repository'],
    ['node ../../../etc/x.js', '../../../etc/x.js is outside this repository'],
    ['node --config=/etc/x.json', '/etc/x.json is outside this repository'],
    ['NODE_OPTIONS="--require /elsewhere/x.js" node -e 0', 'NODE_OPTIONS=--require /elsewhere/x.js: /elsewhere/x.js is outside this repository'],
    ['env PATH=/opt/bin:/usr/bin make', 'PATH=/opt/bin:/usr/bin: /opt/bin is outside this repository'],
  ])('refuses %s', (text, reason) => {
    expect(convertCommand(text, context)).toEqual({ ok: false, reason });
  });
});
