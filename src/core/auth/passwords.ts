import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Vietnamese message for a password that is too weak, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Mật khẩu phải có ít nhất 10 ký tự.';
  if (password.length > 200) return 'Mật khẩu quá dài (tối đa 200 ký tự).';
  if (!/[A-Za-zÀ-ỹ]/.test(password) || !/\d/.test(password)) return 'Mật khẩu phải có cả chữ và số.';
  return null;
}
