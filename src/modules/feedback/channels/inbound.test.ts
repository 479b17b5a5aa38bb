import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { parseEmail } from './email.js';
import { guessCategory } from './guess-category.js';
import { parseInbound } from './inbound.js';

describe('inbound channel payloads', () => {
  it('parses an SMS gateway call', () => {
    const r = parseInbound('sms', { from: '0912000111', text: 'Đèn đường ngõ 5 hỏng', messageId: 'm-1', receivedAt: '2026-11-20T01:00:00Z' });
    expect(r).toEqual({ ok: true, messages: [{ channel: 'sms', from: '0912000111', text: 'Đèn đường ngõ 5 hỏng', messageId: 'm-1', receivedAt: new Date('2026-11-20T01:00:00Z'), senderName: null }] });
    expect(parseInbound('sms', { text: 'x' })).toEqual({ ok: false, error: 'feedback.inbound.smsFields' });
  });

  it('parses Zalo OA user_send_text and ignores other events', () => {
    const r = parseInbound('zalo', { event_name: 'user_send_text', sender: { id: '84123' }, message: { text: 'Xin hỏi thủ tục', msg_id: 'z1' }, timestamp: '1763600000000' });
    expect(r.ok && r.messages[0]).toMatchObject({ channel: 'zalo', from: '84123', messageId: 'z1' });
    expect(parseInbound('zalo', { event_name: 'follow' })).toEqual({ ok: true, messages: [] });
  });

  it('parses Facebook page messages and skips echoes', () => {
    const r = parseInbound('facebook', {
      object: 'page',
      entry: [{ messaging: [
        { sender: { id: 'p1' }, timestamp: 1763600000000, message: { mid: 'f1', text: 'Rác ở chợ' } },
        { sender: { id: 'page' }, message: { mid: 'f2', text: 'echo', is_echo: true } },
      ] }],
    });
    expect(r.ok && r.messages.map((m) => m.messageId)).toEqual(['f1']);
    expect(parseInbound('telegram', {})).toEqual({ ok: false, error: 'feedback.inbound.channel' });
  });

  it('guesses categories from folded keywords', () => {
    expect(guessCategory('Rác thải ở đầu ngõ bốc mùi hôi')).toBe('environment');
    expect(guessCategory('Đèn đường trước nhà số 8 bị hỏng')).toBe('infrastructure');
    expect(guessCategory('Cán bộ một cửa có thái độ không đúng mực')).toBe('conduct');
    expect(guessCategory('Xin chào')).toBe('other');
  });

  it('turns a raw MIME message into content, sender and a cleaned photo', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } }).jpeg().toBuffer();
    const raw = [
      'From: "Trần Văn Nam" <Nam.Tran@example.vn>', 'To: phananh@chuvanan.example', 'Subject: =?UTF-8?B?' + Buffer.from('Ổ gà đường Lê Lợi').toString('base64') + '?=',
      'Message-ID: <abc@example.vn>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"', '',
      '--b1', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', 'Ổ gà rất sâu trước số 40.', '',
      '--b1', 'Content-Type: image/jpeg; name="a.jpg"', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="a.jpg"', '',
      jpeg.toString('base64'), '', '--b1', 'Content-Type: application/pdf; name="x.pdf"', 'Content-Transfer-Encoding: base64', '', Buffer.from('%PDF').toString('base64'), '--b1--', '',
    ].join('\r\n');
    const mail = await parseEmail(raw);
    expect(mail).toMatchObject({ fromAddress: 'nam.tran@example.vn', fromName: 'Trần Văn Nam', content: 'Ổ gà đường Lê Lợi\n\nỔ gà rất sâu trước số 40.', messageId: '<abc@example.vn>', skippedAttachments: 1 });
    expect(mail!.photos).toHaveLength(1);
  });
});
