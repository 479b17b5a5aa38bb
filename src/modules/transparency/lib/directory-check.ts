import { foldDiacritics } from '../../../lib/vn-text/index.js';
import type { Grouping } from '../repo-directory.js';

/**
 * The leadership positions the directory must list with a phone number (criterion 1): party
 * secretary and deputy, council chair and deputy, committee chair and deputy. A title names a
 * position when it starts with it ("Phó Bí thư Đảng ủy, Chủ tịch UBND phường" is a deputy secretary).
 */
export const REQUIRED_POSITIONS: { key: string; grouping: Grouping; title: RegExp }[] = [
  { key: 'party_secretary', grouping: 'party', title: /^bi thu\b/ },
  { key: 'party_deputy', grouping: 'party', title: /^pho bi thu\b/ },
  { key: 'council_chair', grouping: 'council', title: /^chu tich\b/ },
  { key: 'council_deputy', grouping: 'council', title: /^pho chu tich\b/ },
  { key: 'committee_chair', grouping: 'committee', title: /^chu tich\b/ },
  { key: 'committee_deputy', grouping: 'committee', title: /^pho chu tich\b/ },
];

export interface DirectoryCheck {
  /** Required positions listed with a phone, plus 1 when the officials' list is not empty. */
  met: number;
  /** Required positions + 1 (the officials' list). */
  required: number;
  /** Keys of the positions missing or without a phone, and `officials` when that list is empty. */
  missing: string[];
}

export function checkDirectory(entries: { grouping: Grouping; title: string; phone: string | null }[]): DirectoryCheck {
  const missing = REQUIRED_POSITIONS.filter((p) => !entries.some((e) =>
    e.grouping === p.grouping && Boolean(e.phone?.trim()) && p.title.test(foldDiacritics(e.title).toLowerCase().trim()))).map((p) => p.key);
  if (!entries.some((e) => e.grouping === 'department')) missing.push('officials');
  const required = REQUIRED_POSITIONS.length + 1;
  return { met: required - missing.length, required, missing };
}
