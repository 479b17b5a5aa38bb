import type { Trx } from '../context.js';
import { formatDateTime } from '../../../lib/format.js';
import type { PollRow } from './repo.js';
import type { PollResults } from './results.js';

const cell = (v: unknown) => {
  const s = String(v ?? '');
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows: unknown[][]) => `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;

/**
 * Who took part (for the meeting record and the reconciliation). A secret vote's list never
 * carries the choice: ballots are stored without the voter and cannot be joined back.
 */
export async function votersCsv(trx: Trx, poll: PollRow): Promise<string> {
  const rows = await trx.selectFrom('community_poll_participation as p')
    .innerJoin('community_households as h', 'h.id', 'p.household_id')
    .innerJoin('residential_groups as g', 'g.id', 'p.group_id')
    .leftJoin('community_members as m', 'm.id', 'p.voter_id')
    .$if(!poll.secret, (q) => q.leftJoin('community_poll_ballots as b', (j) => j.onRef('b.poll_id', '=',
      'p.poll_id').onRef('b.voter_id', '=', 'p.voter_id'))
      .leftJoin('community_poll_options as o', 'o.id', 'b.option_id').select('o.label as choice'))
    .select(['g.code', 'h.head_name', 'h.address', 'm.full_name as member', 'p.channel', 'p.voted_at'])
    .where('p.poll_id', '=',
      poll.id).orderBy('g.code').orderBy('h.head_name').execute() as { code: string; head_name: string; address: string; member: string | null; channel: string; voted_at: Date; choice?: string }[];
  const head = ['Tổ', 'Chủ hộ', 'Địa chỉ', ...(poll.basis === 'resident' ? ['Người bỏ phiếu'] : []), 'Hình thức', 'Thời gian',
    ...(poll.secret ? [] : ['Lựa chọn'])];
  return csv([head, ...rows.map((r) => [r.code, r.head_name, r.address, ...(poll.basis === 'resident' ? [r.member ?? ''] : []),
    r.channel === 'paper' ? 'Phiếu giấy' : 'Trực tuyến', formatDateTime(r.voted_at), ...(poll.secret ? [] : [r.choice ?? ''])])]);
}

/** Counts only: per group, participation and votes per option. */
export function tallyCsv(poll: PollRow, r: PollResults, ballotsByGroup: { group_id: string; option_id: string; n: number }[]): string {
  const head = ['Tổ', 'Số cử tri/hộ', 'Tham gia', 'Tỷ lệ (%)', ...r.options.map((o) => o.label)];
  const rows = r.groups.map((g) => [g.code, g.eligible, g.participants, g.rate ?? '',
    ...r.options.map((o) => ballotsByGroup.filter((b) => b.group_id === g.groupId && b.option_id === o.id).reduce((s, b) => s + b.n, 0))]);
  return csv([head, ...rows, ['Tổng', r.eligible, r.participants, r.outcome.participationRate ?? '', ...r.options.map((o) => o.votes)]]);
}
