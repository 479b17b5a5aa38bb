import { describe, expect, it } from 'vitest';
import { canSeeItem, forViewer, isPublishable, maskContact } from './policy.js';

const item = {
  category: 'conduct', concerned_official_id: 'u-official', sender_name: 'Nguyễn Thị Hoa',
  sender_phone: '0912000111', sender_email: 'hoa@example.vn', sender_handle: null,
};

describe('feedback visibility', () => {
  it('shows conduct items to leaders and inspection only', () => {
    expect(canSeeItem({ userId: 'a', roles: ['leader'] }, item)).toBe(true);
    expect(canSeeItem({ userId: 'a', roles: ['inspection'] }, item)).toBe(true);
    expect(canSeeItem({ userId: 'a', roles: ['admin', 'department_officer'] }, item)).toBe(false);
    expect(canSeeItem({ userId: 'a', roles: ['department_officer'] }, { category: 'environment' })).toBe(true);
  });

  it('hides the sender from the official concerned, even a leader', () => {
    const seen = forViewer({ userId: 'u-official', roles: ['leader'] }, item);
    expect(seen.sender_name).toBeNull();
    expect(seen.sender_phone).toBeNull();
    expect(forViewer({ userId: 'u-chair', roles: ['leader'] }, item).sender_name).toBe('Nguyễn Thị Hoa');
  });

  it('never publishes conduct items', () => {
    expect(isPublishable(item)).toBe(false);
    expect(isPublishable({ category: 'infrastructure' })).toBe(true);
  });

  it('masks contacts', () => {
    expect(maskContact('hoa@example.vn')).toBe('h***@example.vn');
    expect(maskContact('0912000111')).toBe('0912***111');
  });
});
