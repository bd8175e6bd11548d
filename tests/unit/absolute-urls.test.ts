import { describe, expect, it } from 'vitest';
import { absolutizeUrls } from '@/lib/feeds/absolute-urls';

const BASE = 'https://news.example/posts/2021/a';

describe('absolutizeUrls', () => {
  it('resolves relative links and images against the article URL', () => {
    expect(absolutizeUrls('<p><a href="/tags/x">t</a><img src="pic.png" alt="" /><a href="#n">n</a></p>', BASE)).toBe(
      '<p><a href="https://news.example/tags/x">t</a><img src="https://news.example/posts/2021/pic.png" alt="" /><a href="https://news.example/posts/2021/a#n">n</a></p>',
    );
  });

  it('keeps absolute URLs as written, and escaped ampersands escaped', () => {
    const html =
      '<a href="https://x.example/?a=1&amp;b=2">x</a><a href="mailto:a@b.c">m</a><img src="//cdn.example/i.jpg" />';
    expect(absolutizeUrls(html, BASE)).toBe(
      '<a href="https://x.example/?a=1&amp;b=2">x</a><a href="mailto:a@b.c">m</a><img src="https://cdn.example/i.jpg" />',
    );
    expect(absolutizeUrls('<a href="q?a=1&amp;b=&quot;">x</a>', BASE)).toBe(
      '<a href="https://news.example/posts/2021/q?a=1&amp;b=%22">x</a>',
    );
  });

  it('never rewrites text that only looks like an attribute', () => {
    const html = '<p>src="x.png" href="/y"</p>';
    expect(absolutizeUrls(html, BASE)).toBe(html);
  });
});
