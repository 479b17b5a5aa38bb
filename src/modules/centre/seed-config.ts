import type { ServiceInput } from './repo/config-repo.js';

/** Services of the demo ward's centre. */
export const DEMO_SERVICES: ServiceInput[] = [
  { code: 'ho-tich', prefix: 'A', name_vi: 'Hộ tịch', name_en: 'Civil status', sort_order: 1, default_service_s: 600, booking_capacity: 2, active: true },
  { code: 'chung-thuc', prefix: 'B', name_vi: 'Chứng thực', name_en: 'Certification', sort_order: 2, default_service_s: 300, booking_capacity: 3, active: true },
  { code: 'dat-dai-xay-dung', prefix: 'C', name_vi: 'Đất đai – Xây dựng', name_en: 'Land and construction', sort_order: 3, default_service_s: 900, booking_capacity: 2, active: true },
  { code: 'bao-tro-xa-hoi', prefix: 'D', name_vi: 'Bảo trợ xã hội', name_en: 'Social protection', sort_order: 4, default_service_s: 600, booking_capacity: 2, active: true },
  { code: 'tong-hop', prefix: 'E', name_vi: 'Tổng hợp', name_en: 'General matters', sort_order: 5, default_service_s: 480, booking_capacity: 2, active: true },
];

/** Counters and the service codes each serves. */
export const DEMO_COUNTERS: Array<{ number: number; name: string; services: string[] }> = [
  { number: 1, name: 'Quầy 1 – Hộ tịch', services: ['ho-tich', 'tong-hop'] },
  { number: 2, name: 'Quầy 2 – Chứng thực', services: ['chung-thuc'] },
  { number: 3, name: 'Quầy 3 – Chứng thực, Hộ tịch', services: ['chung-thuc', 'ho-tich'] },
  { number: 4, name: 'Quầy 4 – Đất đai, Xây dựng', services: ['dat-dai-xay-dung'] },
  { number: 5, name: 'Quầy 5 – Bảo trợ xã hội, Tổng hợp', services: ['bao-tro-xa-hoi', 'tong-hop'] },
];

/** Demo arrivals per working day for each service (mean). */
export const DEMO_DAILY_ARRIVALS: Record<string, number> = {
  'ho-tich': 16, 'chung-thuc': 22, 'dat-dai-xay-dung': 7, 'bao-tro-xa-hoi': 6, 'tong-hop': 8,
};

/** Seeded pseudo-random numbers (mulberry32) so that the demo is the same on every install. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
