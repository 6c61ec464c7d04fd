import { convertCommand } from './convert-command';

const folders = (absolute: string) => (absolute.endsWith('/loop') ? 'loop' : undefined);

describe('convertCommand', () => {
  it.each([
    ['cargo test -p loop', { ok: true, argv: ['cargo', 'test', '-p', 'loop'], notes: [] }],
    ["python3 -m pytest -k 'not slow'", { ok: true, argv: ['python3', '-m', 'pytest', '-k', 'not slow'], notes: [] }],
    ['RUST_LOG=debug cargo test', { ok: true, argv: ['cargo', 'test'], env: { RUST_LOG: 'debug' }, notes: [] }],
    ['cd loop && cargo test', { ok: true, argv: ['cargo', 'test'], cwd: 'loop', notes: [] }],
    ["bash -lc 'cd /ci/ws/loop && cargo test x'", { ok: true, argv: ['cargo', 'test', 'x'], cwd: 'loop', notes: [] }],
    [
      "ENV=1 some/script.sh bash -lc 'cd /abs/path/loop && cargo test x'",
      { ok: true, argv: ['../some/script.sh', 'cargo', 'test', 'x'], cwd: 'loop', env: { ENV: '1' }, notes: ['kept the wrapper some/script.sh in front of the command (it ran it through bash before)'] },
    ],
  ])('converts %s', (text, expected) => {
    expect(convertCommand(text, folders)).toEqual(expected);
  });

  it.each([
    ['make | tee log', 'needs a shell (|)'],
    ['cargo test; cargo build', 'needs a shell (;)'],
    ['echo $HOME', 'needs a shell ($)'],
    ['rm -rf *', 'needs a shell (*)'],
    ['echo `id`', 'needs a shell (`)'],
    ["bash -lc 'cd /ci/ws/loop && make > out.txt'", 'the bash script needs a shell (>)'],
    ["bash -lc 'cd /elsewhere/x && make'", 'cd /elsewhere/x: not a folder of this workspace'],
    ['cd a && make && make install', 'more than one command: only `cd <dir> && <command>` converts'],
    ["echo 'unclosed", 'needs a shell (unclosed quote)'],
  ])('refuses %s', (text, reason) => {
    expect(convertCommand(text, folders)).toEqual({ ok: false, reason });
  });
});
