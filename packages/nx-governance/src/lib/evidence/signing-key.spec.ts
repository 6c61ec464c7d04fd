import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { makeTempWorkspace, writeFiles } from '../../test-helpers/temp-workspace';
import { readSigningKey } from './signing-key';

const pem = (type: 'ed25519' | 'rsa' | 'ec') => {
  const options = type === 'rsa' ? { modulusLength: 2048 } : type === 'ec' ? { namedCurve: 'P-256' } : {};
  return generateKeyPairSync(type as 'ed25519', options as object).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
};

describe('readSigningKey, checked before a gate runs', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace()));
  afterEach(() => workspace.cleanup());

  const keyFrom = (content: string) => {
    writeFiles(workspace.root, { 'key.pem': content });
    return readSigningKey(join(workspace.root, 'key.pem'));
  };

  it('accepts an Ed25519 private key', () => {
    const content = pem('ed25519');
    expect(keyFrom(content)).toEqual({ pem: content });
  });

  it.each([
    ['rsa', 'rsa'],
    ['ec', 'ec'],
  ] as const)('refuses a %s key by name', (type, found) => {
    expect(keyFrom(pem(type)).error).toBe(`GOVERNANCE_SIGNING_KEY: ${join(workspace.root, 'key.pem')}: expected an Ed25519 private key, found ${found}`);
  });

  it('refuses a file that is not a PEM private key', () => {
    expect(keyFrom('-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n').error).toMatch(
      /^GOVERNANCE_SIGNING_KEY: .*key\.pem: found no private key it can read \(.+\), expected an Ed25519 private key in PEM$/,
    );
  });

  it('names a file that does not exist', () => {
    expect(readSigningKey(join(workspace.root, 'missing.pem')).error).toMatch(/^GOVERNANCE_SIGNING_KEY names .*missing\.pem, which does not exist/);
  });

  it('refuses an Ed25519 public key', () => {
    const publicPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(keyFrom(publicPem).error).toMatch(/found no private key it can read/);
  });
});
