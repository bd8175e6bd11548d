import { describe, expect, it } from 'vitest';
import { escapeHtml } from '@/lib/html-escape';
import { stripXmlInvalid } from '@/lib/feeds/xml-text';

describe('stripXmlInvalid', () => {
  it('removes C0 controls except tab, newline and carriage return', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    expect(stripXmlInvalid(`a${controls}b`)).toBe('a\t\n\rb');
  });

  it('removes U+FFFE, U+FFFF and lone surrogates but keeps pairs, emoji and CJK', () => {
    expect(stripXmlInvalid('x\uFFFEy\uFFFFz')).toBe('xyz');
    expect(stripXmlInvalid('a\uD800b\uDC00c\uDBFF')).toBe('abc');
    expect(stripXmlInvalid('新闻 😀 \uD83D\uDE00 \u{10FFFF} \uFFFD \u007F')).toBe(
      '新闻 😀 😀 \u{10FFFF} \uFFFD \u007F',
    );
  });

  it('leaves markup characters to the serializer', () => {
    expect(stripXmlInvalid('&<>"\']]>')).toBe('&<>"\']]>');
  });
});

describe('escapeHtml', () => {
  it('escapes the characters that are markup in HTML text and attributes', () => {
    expect(escapeHtml('a & b <i>"x"</i>')).toBe('a &amp; b &lt;i&gt;&quot;x&quot;&lt;/i&gt;');
  });
});
