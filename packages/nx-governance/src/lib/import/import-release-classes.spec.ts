import { readDefaultReleaseClass } from './import-release-classes';

describe('readDefaultReleaseClass', () => {
  it.each([
    ['Default: R2.', 'R2'],
    ['When unsure, use R2.', 'R2'],
    ['If nobody says otherwise, a release is R1.', 'R1'],
    // release-notes-style fixture (helper D): three words between "unless" and "says".
    ['Unless the release captain says otherwise, a release is R2.', 'R2'],
    ['R3 is for major changes.', undefined],
  ])('reads %j as %s', (text, expected) => {
    expect(readDefaultReleaseClass(text)).toBe(expected);
  });
});
