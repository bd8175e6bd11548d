// Builds the end-to-end tests' content folder (.e2e/content): the bundled articles, one article
// per XSS payload (in its body, title, categories, tags, author and image fields), and bad files
// the site must report and survive. Run by the Playwright web server command before the build.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, '.e2e/content');
export const PWNED_FILE = path.join(root, '.e2e/pwned');

export async function loadPayloads() {
  const dir = path.join(root, 'tests/fixtures/xss');
  const files = ['dompurify-payloads.json', 'sanitize-html-inputs.json', 'owasp-payloads.json'];
  const sets = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8'))));
  // Canaries of our own: if any of these ran, the page would call the canary URL.
  const canaries = [
    '<img src=x onerror="fetch(\'http://canary.invalid/img\')">',
    '<script>new Image().src="http://canary.invalid/script"</script>',
    '<svg onload="location=\'http://canary.invalid/svg\'"></svg>',
    '<a href="javascript:fetch(\'http://canary.invalid/href\')">click</a>',
    '</script><script>window.__canaryRan=1</script>',
    '<iframe srcdoc="<script>parent.__canaryRan=1</script>"></iframe>',
  ];
  return [...sets.flatMap((s) => s.payloads), ...canaries];
}

const yamlString = (s) => JSON.stringify(s.replace(/\u0000/g, ''));
// A NUL byte marks a file as binary (it is skipped), so in bodies it becomes U+FFFD, which is what
// an HTML parser makes of it anyway. The sanitizer's unit tests run the payloads with their NULs.
const bodyText = (s) => s.replace(/\u0000/g, '\uFFFD');

function xssArticle(payload, i) {
  // Oldest articles in the site, so the bundled articles stay on the first feed pages.
  const date = new Date(Date.UTC(2001, 0, 1, 0, i)).toISOString();
  return `---
title: ${yamlString(`XSS ${i} ${payload}`)}
date: ${date}
author: ${yamlString(payload)}
categories: [XSS, ${yamlString(payload.slice(0, 80) || 'empty')}]
tags: [xss, ${yamlString(payload.slice(0, 80) || 'empty')}]
thumbnail: ${yamlString(payload)}
headimg: ${yamlString(payload)}
cover: ${yamlString(payload)}
description: ${yamlString(payload)}
---
${bodyText(payload)}
`;
}

export const BAD_FILES = {
  'bad/broken-yaml.md': '---\ntitle: [unclosed\ndate: 2021-11-01 10:00:00\n---\nbody\n',
  'bad/js-front-matter.md': `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(PWNED_FILE)}, 'x') }\n---\nbody\n`,
  'bad/empty.md': '',
  'bad/binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a, 0x1a, 0x00]),
  'bad/invalid-date.md': '---\ntitle: 日期错误\ndate: 2021-13-45 25:00:00\n---\n正文\n',
};

export async function prepareContent() {
  await rm(path.join(root, '.e2e'), { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await cp(path.join(root, 'content'), out, { recursive: true });
  const payloads = await loadPayloads();
  await mkdir(path.join(out, 'xss'), { recursive: true });
  await Promise.all(
    payloads.map((p, i) =>
      writeFile(path.join(out, 'xss', `payload-${String(i).padStart(3, '0')}.md`), xssArticle(p, i)),
    ),
  );
  for (const [name, body] of Object.entries(BAD_FILES)) {
    await mkdir(path.dirname(path.join(out, name)), { recursive: true });
    await writeFile(path.join(out, name), body);
  }
  return { payloads: payloads.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { payloads } = await prepareContent();
  console.log(`e2e content: ${out} (${payloads} XSS articles)`);
}
