import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { makeTempWorkspace, writeFiles } from '../../test-helpers/temp-workspace';
import { diskFileReader } from '../workspace/file-reader';
import { keyFingerprint } from './signature-policy';
import { usableSigningKey } from './usable-signing-key';

const trusted = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const governance = (requireSignatures = false, settingsFile = 'governance/governance.json') => ({ settingsFile, settings: { requireSignatures } });

describe('usableSigningKey', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace());
    writeFiles(root, {
      'keys/trusted.pem': trusted.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      'keys/other.pem': other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
  });
  afterEach(() => cleanup());
  const env = (name?: string) => (name ? { GOVERNANCE_SIGNING_KEY: join(root, 'keys', `${name}.pem`) } : {});
  const commitTrusted = (folder = 'governance') => writeFiles(root, { [`${folder}/keys/team.pem`]: trusted.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
  const usable = (name?: string, source = governance()) => usableSigningKey(diskFileReader(root), source, env(name));

  it('accepts a trusted key, and no key where signatures are not required', () => {
    expect(usable()).toMatchObject({ ok: true, pem: undefined });
    commitTrusted();
    expect(usable('trusted')).toMatchObject({ ok: true, pem: expect.stringContaining('PRIVATE KEY') });
  });

  it('refuses a key no trusted key matches, naming both fingerprints', () => {
    commitTrusted();
    const result = usable('other');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(`signs with key ${keyFingerprint(other.publicKey)}, which matches no trusted key in governance/keys/ (${keyFingerprint(trusted.publicKey)})`);
  });

  it('refuses no key where signatures are required, and a key where no key is trusted', () => {
    commitTrusted();
    expect(usable()).toMatchObject({ ok: false, error: expect.stringContaining('records must be signed (governance/keys/ holds 1 trusted key(s))') });
    cleanup();
    ({ root, cleanup } = makeTempWorkspace());
    expect(usable(undefined, governance(true))).toMatchObject({ ok: false, error: expect.stringContaining('requireSignatures is on') });
    writeFiles(root, { 'keys/other.pem': other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    expect(usable('other')).toMatchObject({ ok: false, error: expect.stringContaining('holds no trusted key') });
  });

  it('reads the trusted keys beside the settings file in use', () => {
    commitTrusted('ops');
    expect(usable('trusted', governance(false, 'ops/governance.json')).ok).toBe(true);
    expect(usable('trusted', governance(false, 'governance/governance.json')).ok).toBe(false);
  });
});
