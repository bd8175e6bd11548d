// Articles of the end-to-end content folder for archives.spec.ts: old Hexo addresses written in
// front matter, and dates on either side of a month's end in the site's zone (Asia/Tokyo, from its
// _config.yml; the same months as in Asia/Shanghai, the app's default). No import.meta here:
// the Playwright specs import this module too.

export const LEGACY_FILES = {
  'legacy/moved.md':
    '---\ntitle: 旧站迁来的文章\ndate: 2003-03-01 10:00:00\npermalink: /2003/03/old-name.html\n---\n<p>搬家了。</p>\n',
  'legacy/中文地址.md':
    '---\ntitle: 中文旧地址的文章\ndate: 2003-04-01 10:00:00\npermalink: /旧闻/中文地址/\n---\n<p>中文地址。</p>\n',
  // Taken by the site's own tag listing, which wins: this address is not redirected.
  'legacy/taken.md':
    '---\ntitle: 地址被占用的文章\ndate: 2003-03-02 10:00:00\npermalink: /tags/重庆/\n---\n<p>占用。</p>\n',
  // 17:00 GMT on 30 November is 02:00 on 1 December in Tokyo (01:00 in Shanghai).
  'legacy/month-end-gmt.md':
    '---\ntitle: 月末格林尼治时间\ndate: Tue, 30 Nov 2021 17:00:00 GMT\n---\n<p>十二月。</p>\n',
  // Zone-less: wall time in the site's zone, still November.
  'legacy/month-end-wall.md': '---\ntitle: 月末当地时间\ndate: 2021-11-30 23:30\n---\n<p>十一月。</p>\n',
};
