/** Inbound e-mail: a raw MIME message (from a mail relay webhook) becomes a feedback item. */
import { mailparserLib } from '../../../lib/lazy-modules.js';
import { cleanPhoto, MAX_PHOTOS, type CleanPhoto } from '../photos.js';

export interface ParsedEmail {
  fromAddress: string;
  fromName: string | null;
  content: string;
  messageId: string | null;
  receivedAt: Date | null;
  photos: CleanPhoto[];
  /** Attachments that were not usable images (reported back, not stored). */
  skippedAttachments: number;
}

export const MAX_EMAIL_BYTES = 12 * 1024 * 1024;

export async function parseEmail(raw: string | Buffer): Promise<ParsedEmail | null> {
  const mail = await mailparserLib().simpleParser(raw);
  const from = mail.from?.value?.[0];
  if (!from?.address) return null;
  const body = (mail.text ?? '').replace(/\r\n/g, '\n').trim();
  const subject = (mail.subject ?? '').trim();
  const content = [subject, body].filter(Boolean).join('\n\n').slice(0, 5000);
  if (!content) return null;
  const photos: CleanPhoto[] = [];
  let skipped = 0;
  for (const a of mail.attachments ?? []) {
    if (photos.length >= MAX_PHOTOS || !a.contentType.startsWith('image/')) {
      skipped++;
      continue;
    }
    const r = await cleanPhoto(a.content, false);
    if (r.ok) photos.push(r.photo);
    else skipped++;
  }
  return {
    fromAddress: from.address.toLowerCase(), fromName: from.name?.trim() || null, content,
    messageId: mail.messageId ?? null, receivedAt: mail.date ?? null, photos, skippedAttachments: skipped,
  };
}
