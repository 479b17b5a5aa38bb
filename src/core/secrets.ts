import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** The installation secret in `$DATA_DIR/run/secret.key`; created on first use. */
export function installationSecret(dataDir: string): Buffer {
  const dir = path.join(dataDir, 'run');
  const file = path.join(dir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/** A stable secret for one purpose (role passwords, token signing), derived from the installation secret. */
export function deriveSecret(dataDir: string, purpose: string): string {
  return createHmac('sha256', installationSecret(dataDir)).update(purpose).digest('base64url');
}
