import { describe, expect, it } from 'vitest';
import { escapeHtml, highlight, highlightSegments } from './highlight.js';

describe('highlight', () => {
  it('marks words whose folded form matches a term', () => {
    expect(highlight('Đăng ký khai sinh', ['dang', 'sinh'])).toBe('<mark>Đăng</mark> ký khai <mark>sinh</mark>');
  });
  it('marks prefixes of 3+ letters only', () => {
    expect(highlight('chứng thực', ['chu'])).toBe('<mark>chứng</mark> thực');
    expect(highlight('chứng thực', ['ch'])).toBe('chứng thực');
  });
  it('escapes before marking, so markup in the text stays inert', () => {
    expect(highlight('<b>khai</b> & sinh', ['khai'])).toBe('&lt;b&gt;<mark>khai</mark>&lt;/b&gt; &amp; sinh');
    expect(highlight('a "mark" b', ['mark'])).toBe('a &quot;<mark>mark</mark>&quot; b');
  });
  it('returns one plain segment when nothing matches', () => {
    expect(highlightSegments('Hộ tịch', ['xyz'])).toEqual([{ text: 'Hộ tịch', marked: false }]);
    expect(highlightSegments('', ['a'])).toEqual([]);
  });
  it('escapes all five HTML specials', () => {
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
});
