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

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Vietnamese words and patterns people use as passwords here, on top of the international list. */
const LOCAL_COMMON = ['matkhau', 'chinhquyen', 'vietnam', 'hanoi', 'haiphong', 'saigon', 'hochiminh',
  'admin', 'quantri', 'quantrivien', 'ubnd', 'phuong', 'canbo', 'motcua', 'tiepdan', 'iloveyou', 'anhyeuem', 'emyeuanh', 'qwerty', 'abc'];

let common: Promise<Set<string>> | null = null;
/** About 49,000 common passwords (zxcvbn-ts' list), loaded on first use. */
const commonPasswords = () => (common ??= import('@zxcvbn-ts/language-common').then((m) =>
  new Set([...(m.dictionary['passwords-common'] as string[]), ...LOCAL_COMMON])));

/** Lower case without diacritics, leet digits read as letters: "P@ssw0rd" → "password". */
function folded(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase()
    .replace(/@/g, 'a').replace(/0/g, 'o').replace(/1/g, 'i').replace(/3/g, 'e').replace(/\$/g, 's');
}

/**
 * Vietnamese message for a password that is too weak, or null. Applies to every password set
 * (password links, the CLI, accounts created with a password): at least MIN_PASSWORD_LENGTH
 * characters with letters and digits, not a common password nor a common word with digits or
 * symbols around it ("password12", "Matkhau@2026"), not the username, not one repeated character.
 */
export async function passwordProblem(password: string, username?: string): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Mật khẩu quá dài (tối đa ${MAX_PASSWORD_LENGTH} ký tự).`;
  if (!/[A-Za-zÀ-ỹ]/.test(password) || !/\d/.test(password)) return 'Mật khẩu phải có cả chữ và số.';
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 3) return 'Mật khẩu lặp lại quá ít ký tự khác nhau.';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return 'Mật khẩu không được chứa tên đăng nhập.';
  const list = await commonPasswords();
  // The core of the password: without the digits and symbols people add around a word.
  const core = lower.replace(/^[^a-zà-ỹ]+|[^a-zà-ỹ]+$/g, '');
  const candidates = [lower, core, folded(password), folded(password).replace(/^[^a-z]+|[^a-z]+$/g, '')];
  if (candidates.some((c) => list.has(c)) || /^(\d)\1+$|^(?:0123456789|1234567890|9876543210)/.test(password)) {
    return 'Mật khẩu quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác (ví dụ một câu ngắn có số).';
  }
  return null;
}
