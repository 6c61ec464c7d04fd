import { generateKeyPairSync } from 'node:crypto';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { diskFileReader } from '../workspace/file-reader';
import { loadSignaturePolicy } from './signature-policy';

const pem = (key: { export: (o: { type: 'spki'; format: 'pem' }) => string | Buffer }) => key.export({ type: 'spki', format: 'pem' }).toString();

describe('loadSignaturePolicy', () => {
  it('requires signatures when a key is committed or the settings say so, and not otherwise', () => {
    const withKey = makeTempWorkspace({ 'governance/keys/team.pem': pem(generateKeyPairSync('ed25519').publicKey) });
    const without = makeTempWorkspace();
    try {
      expect(loadSignaturePolicy(diskFileReader(withKey.root), { settingsFile: 'governance/governance.json', settings: { requireSignatures: false } })).toMatchObject({ ok: true, policy: { required: true } });
      expect(loadSignaturePolicy(diskFileReader(without.root), { settingsFile: 'governance/governance.json', settings: { requireSignatures: false } })).toMatchObject({ ok: true, policy: { required: false, publicKeys: [] } });
      expect(loadSignaturePolicy(diskFileReader(without.root), { settingsFile: 'governance/governance.json', settings: { requireSignatures: true } })).toMatchObject({ ok: true, policy: { required: true, publicKeys: [] } });
    } finally {
      withKey.cleanup();
      without.cleanup();
    }
  });

  it('names each key file that is not an Ed25519 public key instead of crashing', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const { root, cleanup } = makeTempWorkspace({
      'governance/keys/broken.pem': '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n',
      'governance/keys/rsa.pem': pem(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey),
      'governance/keys/secret.pem': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    try {
      const loaded = loadSignaturePolicy(diskFileReader(root), { settingsFile: 'governance/governance.json', settings: { requireSignatures: false } });
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.errors).toEqual([
        expect.stringMatching(/^governance\/keys\/broken\.pem: found no readable PEM public key \(.*\), expected an Ed25519 public key$/),
        'governance/keys/rsa.pem: found a rsa key, expected an Ed25519 public key',
        'governance/keys/secret.pem: found a private key, expected an Ed25519 public key (commit only the public half)',
      ]);
    } finally {
      cleanup();
    }
  });
});
