import { spawn } from 'node:child_process';

/**
 * Speech for the loudspeaker script: Debian's espeak-ng with its Vietnamese (northern) voice,
 * WAV on stdout. The text goes through stdin, never the command line.
 */
export const ESPEAK = process.env.ESPEAK_PATH ?? 'espeak-ng';
const MAX_SCRIPT = 5000;

export function synthesiseVietnamese(text: string, timeoutMs = 60_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(ESPEAK, ['-v', 'vi', '-s', '140', '--stdin', '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('espeak-ng timed out')); }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      const wav = Buffer.concat(chunks);
      if (code === 0 && wav.subarray(0, 4).toString() === 'RIFF') resolve(wav);
      else reject(new Error(`espeak-ng failed (${code}): ${err.slice(0, 200)}`));
    });
    child.stdin.end(text.slice(0, MAX_SCRIPT));
  });
}
