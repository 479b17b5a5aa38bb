import { describe, expect, it } from 'vitest';
import { askedIntents, detectIntent } from './intent.js';
import { detectLanguage } from './language.js';
import { numbersIn, ungroundedFacts } from './grounding.js';
import { redact } from './redact.js';
import { composeAnswer, composeClarification } from './answer.js';
import { translator, registerMessages } from '../../core/i18n.js';
import { messages } from './i18n.js';
import { messages as catalogueMessages } from '../catalogue/i18n.js';

registerMessages(messages, 'assistant');
registerMessages(catalogueMessages, 'catalogue');

describe('intent', () => {
  it.each([
    ['dang ky ket hon bao nhieu tien', 'fee'],
    ['How much does it cost to certify a signature?', 'fee'],
    ['sao y căn cước mấy nghìn một trang', 'fee'],
    ['nhận con ngoài giá thú mất mấy ngày', 'time'],
    ['cai chinh ho tich mat bao nhieu ngay', 'time'],
    ['How long does it take to get a copy?', 'time'],
    ['xet ho can ngheo can giay to gi', 'documents'],
    ['What documents do I need?', 'documents'],
    ['đăng ký tạm trú nộp ở đâu', 'where'],
    ['dang ky ket hon nop online duoc khong', 'online'],
    // "làm giấy tờ gì" asks which procedure, not which papers
    ['Bố em vừa mất hôm qua, nhà cần làm giấy tờ gì ở phường ạ', 'which-procedure'],
    // "chưa bao giờ" is "never", not "when"
    ['ông tôi chưa bao giờ có giấy khai sinh', 'which-procedure'],
    // "mai táng phí" is an allowance, not a fee question
    ['thuong binh mat thi duoc ho tro mai tang phi nhu the nao', 'which-procedure'],
  ])('%s → %s', (q, intent) => {
    expect(detectIntent(q).intent).toBe(intent);
  });

  it('keeps the topic words and lists two intents asked together', () => {
    const r = detectIntent('đăng ký kết hôn lệ phí và mất mấy ngày');
    expect(r.topicWords).toEqual(['dang', 'ky', 'ket', 'hon', 'va']);
    expect(askedIntents(r).sort()).toEqual(['fee', 'time']);
  });
});

describe('language', () => {
  it('answers in English to English questions and in Vietnamese otherwise', () => {
    expect(detectLanguage('How much does it cost?', 'vi')).toBe('en');
    expect(detectLanguage('dang ky ket hon bao nhieu tien', 'en')).toBe('vi');
    expect(detectLanguage('Đăng ký', 'en')).toBe('vi');
    expect(detectLanguage('khaisinh', 'en')).toBe('en');
  });
});

describe('grounding', () => {
  it('normalises numbers and finds the ones not in the sources', () => {
    expect(numbersIn('Lệ phí 200.000 đ, 5 ngày, 15:00')).toEqual(['200000', '5', '15', '0']);
    const sources = 'Lệ phí «Chứng thực di chúc»: 50.000 đ. Thời hạn: 2 ngày làm việc.';
    expect(ungroundedFacts('Chứng thực di chúc mất 50.000 đồng và 2 ngày làm việc', sources, 'Chứng thực di chúc')).toEqual([]);
    expect(ungroundedFacts('Chứng thực di chúc mất 30.000 đồng', sources, 'Chứng thực di chúc')).toEqual(['number 30000 not in the sources']);
    expect(ungroundedFacts('Mất 50.000 đồng', sources, 'Chứng thực di chúc')).toEqual(['procedure not named']);
  });
});

describe('redact', () => {
  it('removes phones, ID numbers and e-mails', () => {
    expect(redact('gọi 0912 345 678 hoặc +84 912345678, CCCD 031190001234, mail lan@example.vn'))
      .toBe('gọi [số] hoặc [số], CCCD [số], mail [email]');
    expect(redact('đăng ký kết hôn 2 người')).toBe('đăng ký kết hôn 2 người');
  });
});

describe('templated answers', () => {
  const p = {
    id: 'p1', slug: 'dang-ky-ket-hon', name: 'Đăng ký kết hôn', nameEn: 'Marriage registration', field: 'Hộ tịch',
    processing: { value: 0, unit: 'immediate' as const, note: null }, fee: { amount: 0, unit: null, tiers: null, note: 'Miễn lệ phí' },
    documents: ['Tờ khai đăng ký kết hôn', 'Giấy tờ tùy thân'], onlineLevel: 'một phần' as const, counter: 'Quầy 2',
  };
  const unit = { name: 'phường Chu Văn An', address: 'số 1 đường X', hotline: '0220 3882 115' };
  it('states the asked facts, each cited', () => {
    const a = composeAnswer(translator('vi'), p, ['fee', 'documents', 'where'], unit, 'http://x/thu-tuc/dang-ky-ket-hon');
    expect(a.text).toContain('Lệ phí thủ tục «Đăng ký kết hôn»: Miễn phí.');
    expect(a.text).toContain('1. Tờ khai đăng ký kết hôn');
    expect(a.text).toContain('phường Chu Văn An, số 1 đường X, Quầy 2');
    expect(a.citations.map((c) => c.field)).toEqual(['name', 'fee', 'documents', 'documents', 'counter']);
  });
  it('offers choices and the hotline when unsure, citing nothing', () => {
    const a = composeClarification(translator('vi'), [{ name: 'Đăng ký khai sinh' }], unit);
    expect(a.text).toContain('1. Đăng ký khai sinh');
    expect(a.text).toContain('0220 3882 115');
    expect(a.citations).toEqual([]);
  });
});
