#!/usr/bin/env node
// Synthetic corpus generator for load-testing the news reader.
//
// Usage: node scripts/generate-corpus.mjs DIR N [--seed S]
//        npm run generate:corpus -- DIR N [--seed S]
//
// Writes N Hexo-style Markdown articles shaped like
// content/chongqing-talent-conference-2021.md into DIR (created if missing).
// Files are spread over subfolders of at most 1000 files each:
//   DIR/0000/article-000000.md … DIR/0000/article-000999.md, DIR/0001/article-001000.md, …
//
// Each article has YAML front matter (title, 3-level categories, 1–4 tags,
// author, comments, date, and on ~70% headimg + thumbnail) and an HTML body in
// a <div> with <p> paragraphs, <strong> subheads and <img data-size="W,H">.
// Dates span 2019–2024: half RFC 2822 (`Tue, 16 Nov 2021 09:12:02 GMT`), half
// Hexo style (`2021-10-28 14:08:07`, no zone). About half the files start with
// a blank line before the opening `---`, like the seed article.
//
// Output is deterministic for a given seed (default 1): article i depends only
// on (seed, i), so a corpus of 1000 is a prefix of a corpus of 10,000.
// Node built-ins only.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const USAGE = `Usage: node scripts/generate-corpus.mjs DIR N [--seed S]
  DIR   output directory (created if missing; files go in DIR/0000/, DIR/0001/, …)
  N     number of articles, integer 1..10000000
  S     integer seed for the PRNG (default 1)`;

const MAX_PER_DIR = 1000;
const WRITE_BATCH = 200; // concurrent writes per batch

function usage(msg) {
  if (msg) console.error(`generate-corpus: ${msg}`);
  console.error(USAGE);
  process.exit(2);
}

function parseArgs(argv) {
  const pos = [];
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = a === '--seed' ? argv[++i] : a.slice('--seed='.length);
      if (v === undefined || !/^-?\d+$/.test(v)) usage(`--seed needs an integer, got ${JSON.stringify(v)}`);
      seed = Number(v);
      if (!Number.isSafeInteger(seed)) usage(`--seed out of range: ${v}`);
    } else if (a.startsWith('-') && a !== '-') {
      usage(`unknown option ${a}`);
    } else {
      pos.push(a);
    }
  }
  if (pos.length !== 2) usage(`expected DIR and N, got ${pos.length} argument(s)`);
  const [dir, nStr] = pos;
  if (!dir.trim()) usage('DIR must not be empty');
  if (!/^\d+$/.test(nStr)) usage(`N must be a positive integer, got ${JSON.stringify(nStr)}`);
  const n = Number(nStr);
  if (n < 1 || n > 10_000_000) usage(`N must be between 1 and 10000000, got ${nStr}`);
  return { dir: path.resolve(dir), n, seed };
}

// ---------------------------------------------------------------- PRNG

function mulberry32(a) {
  return function next() {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent stream per (seed, article index). */
function articleRng(seed, i) {
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  const r = mulberry32(h);
  r();
  r();
  return r;
}

const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1)); // inclusive
const pick = (r, arr) => arr[Math.floor(r() * arr.length)];
function sample(r, arr, k) {
  const copy = arr.slice();
  const out = [];
  for (let j = 0; j < k && copy.length; j++) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]);
  return out;
}

// ---------------------------------------------------------------- vocab

const CATEGORY_TREE = {
  新闻: {
    国内: ['时政', '社会', '民生'],
    国际: ['亚太', '欧洲', '美洲'],
    地方: ['重庆', '四川', '广东'],
    评论: ['社论', '观察'],
  },
  财经: {
    宏观: ['政策', '数据'],
    金融: ['银行', '证券', '保险'],
    产业: ['制造', '能源', '消费'],
  },
  科技: {
    互联网: ['平台', '电商', '社交'],
    人工智能: ['大模型', '机器人'],
    通信: ['5G', '卫星'],
    数码: ['手机', '电脑', '家电'],
  },
  文化: {
    文旅: ['景区', '非遗', '博物馆'],
    影视: ['电影', '剧集'],
    读书: ['新书', '作家'],
  },
  体育: {
    足球: ['中超', '国际足球'],
    篮球: ['CBA', 'NBA', '校园篮球'],
    综合: ['田径', '游泳'],
    全民健身: ['马拉松', '社区运动'],
  },
  新媒体: {
    趣头条: ['分类', '热点', '推荐'],
    短视频: ['直播', '创作者'],
    自媒体: ['公众号', '专栏'],
  },
};
const CATEGORY_PATHS = [];
for (const [a, subs] of Object.entries(CATEGORY_TREE))
  for (const [b, leaves] of Object.entries(subs)) for (const c of leaves) CATEGORY_PATHS.push([a, b, c]);

const TAGS = [
  '人才',
  '就业',
  '教育',
  '医疗',
  '养老',
  '住房',
  '交通',
  '环保',
  '能源',
  '农业',
  '乡村振兴',
  '数字经济',
  '人工智能',
  '芯片',
  '新能源汽车',
  '5G',
  '大数据',
  '云计算',
  '区块链',
  '电商',
  '消费',
  '外贸',
  '金融',
  '股市',
  '楼市',
  '税收',
  '营商环境',
  '创新',
  '创业',
  '制造业',
  '文旅',
  '非遗',
  '电影',
  '音乐',
  '图书',
  '博物馆',
  '足球',
  '篮球',
  '马拉松',
  '奥运',
  '天气',
  '防汛',
  '疫情防控',
  '公共卫生',
  '食品安全',
  '社区',
  '志愿服务',
  '法治',
  '安全生产',
  '航天',
  '科普',
  '高校',
  '考试',
  '成渝',
  '长江经济带',
  '一带一路',
  '碳中和',
  '城市更新',
  '夜经济',
  '体育产业',
];

const AUTHORS = [
  '趣头条',
  '本报记者 张伟',
  '本报记者 李娜',
  '新华社',
  '人民网',
  '央视新闻',
  '澎湃新闻',
  '记者 王磊',
  '记者 刘洋',
  '通讯员 陈静',
  '特约评论员 赵敏',
  '编辑部',
  '综合报道',
  '记者 周杰',
  '实习生 孙悦',
];

const PLACES = [
  '重庆',
  '成都',
  '北京',
  '上海',
  '广州',
  '深圳',
  '杭州',
  '武汉',
  '西安',
  '南京',
  '长沙',
  '郑州',
  '贵阳',
  '昆明',
  '天津',
  '苏州',
  '渝中区',
  '两江新区',
  '天府新区',
  '雄安新区',
  '粤港澳大湾区',
  '长三角',
];
const TOPICS = [
  '英才大会',
  '数字经济峰会',
  '科技创新论坛',
  '文化旅游节',
  '国际马拉松',
  '人工智能大会',
  '博览会',
  '招聘会',
  '智博会',
  '乡村振兴论坛',
  '新能源汽车展',
  '读书节',
  '音乐节',
  '开发者大会',
  '消费季',
];
const ACTIONS = ['加快推进', '全面启动', '持续优化', '深入实施', '着力提升', '稳步推进', '大力发展', '率先探索'];
const OBJECTS = [
  '人才引进工作',
  '数字经济发展',
  '营商环境建设',
  '乡村振兴战略',
  '生态环境保护',
  '城市更新行动',
  '公共服务体系',
  '科技创新平台',
  '产业结构调整',
  '基础设施建设',
  '文化旅游融合',
  '就业创业服务',
  '应急管理能力',
  '绿色低碳转型',
  '教育资源配置',
  '医疗保障水平',
  '老旧小区改造',
  '轨道交通建设',
];
const RESULTS = [
  '取得阶段性成效',
  '成效明显',
  '跑出加速度',
  '再上新台阶',
  '迈出新步伐',
  '按下快进键',
  '交出亮眼成绩单',
];
const NEWSY = ['发布新政', '出台实施方案', '公布最新数据', '启动专项行动', '召开新闻发布会', '举行签约仪式'];

const OPENERS = [
  '',
  '',
  '',
  '据了解，',
  '记者获悉，',
  '与此同时，',
  '近日，',
  '截至目前，',
  '据介绍，',
  '业内人士表示，',
  '数据显示，',
  '值得注意的是，',
  '此外，',
  '今年以来，',
  '另据统计，',
  '记者从有关部门了解到，',
];
const SUBJECTS = [
  '市人力社保局',
  '当地政府',
  '相关企业',
  '科研团队',
  '多所高校',
  '行业协会',
  '区县有关部门',
  '该项目负责人',
  '主办方',
  '专家学者',
  '社区工作人员',
  '有关负责人',
  '文旅部门',
  '交通运输部门',
  '生态环境部门',
  '市场监管部门',
  '金融机构',
  '医疗卫生机构',
  '街道办事处',
  '园区管委会',
];
const VERBS = [
  '积极推进',
  '进一步加强',
  '持续优化',
  '深入开展',
  '全面落实',
  '着力提升',
  '加快推动',
  '统筹推进',
  '认真组织',
  '稳步实施',
  '大力支持',
  '不断完善',
  '精心部署',
  '扎实推进',
];
const CLAUSES = [
  '取得了阶段性成效',
  '为高质量发展注入新动能',
  '群众获得感明显增强',
  '相关工作有序推进',
  '预计年内完成全部任务',
  '累计惠及群众超过{n}万人次',
  '参与企业达到{n}家',
  '同比增长{p}%',
  '形成了一批可复制可推广的经验',
  '受到社会各界广泛关注',
  '下一步还将持续加大投入力度',
  '进一步激发了市场主体活力',
  '有效提升了服务效率和质量',
  '为区域协调发展提供了有力支撑',
  '吸引了{n}余名专家学者参与',
  '总投资约{n}亿元',
  '覆盖全市{k}个区县',
];
const QUOTES = [
  '我们将坚持问题导向，把好事办好、实事办实',
  '下一步将继续加大政策支持力度，让更多市民受益',
  '这项工作关系到千家万户，必须抓紧抓实',
  '希望通过这次活动，让更多人才了解这座城市、扎根这座城市',
  '创新是第一动力，人才是第一资源',
  '我们会根据群众反馈，持续改进服务方式',
];
const SPEAKERS = ['相关负责人', '该局局长', '一位参会代表', '项目负责人', '受访市民', '专家', '企业负责人'];

const SUBHEADS = [
  '突出创新驱动',
  '突出重大需求',
  '突出安全高效',
  '多项举措同步推进',
  '专家观点',
  '下一步工作安排',
  '数据背后的变化',
  '群众怎么说',
  '聚焦重点领域',
  '政策亮点解读',
  '多场活动精彩亮相',
  '服务保障全面到位',
  '让数据多跑路',
  '打通最后一公里',
  '延伸阅读',
  '记者观察',
];

const IMG_WIDTHS = [800, 1024, 1080, 1200, 1280, 1600, 1920, 2668];
const IMG_RATIOS = [4 / 3, 3 / 2, 16 / 9, 1, 3 / 4];

// ---------------------------------------------------------------- article

function makeTitle(r, i) {
  const year = int(r, 2019, 2024);
  for (let attempt = 0; attempt < 8; attempt++) {
    let t;
    switch (int(r, 0, 5)) {
      case 0:
        t = `${year}${pick(r, PLACES)}${pick(r, TOPICS)}将于${int(r, 1, 12)}月${int(r, 1, 28)}日举办`;
        break;
      case 1:
        t = `${pick(r, PLACES)}${pick(r, ACTIONS)}${pick(r, OBJECTS)}，首批${int(r, 3, 200)}个项目落地`;
        break;
      case 2:
        t = `第${int(r, 2, 30)}届${pick(r, TOPICS)}在${pick(r, PLACES)}开幕`;
        break;
      case 3:
        t = `${pick(r, PLACES)}${pick(r, OBJECTS)}${pick(r, RESULTS)}，同比增长${int(r, 2, 60)}%`;
        break;
      case 4:
        t = `${pick(r, PLACES)}${pick(r, NEWSY)}：${pick(r, OBJECTS)}再添${int(r, 2, 99)}项举措`;
        break;
      default:
        t = `${year}年${pick(r, PLACES)}${pick(r, OBJECTS)}观察（${(i % 9999) + 1}）`;
        break;
    }
    if (t.length >= 10 && t.length <= 30) return t;
  }
  return `${pick(r, PLACES)}新闻速递第${i + 1}期`;
}

function fill(r, s) {
  return s
    .replace('{n}', String(int(r, 2, 500)))
    .replace('{k}', String(int(r, 3, 38)))
    .replace('{p}', String(int(r, 2, 45)));
}

function sentence(r) {
  if (r() < 0.12) return `${pick(r, SPEAKERS)}表示：“${pick(r, QUOTES)}。”`;
  return `${pick(r, OPENERS)}${pick(r, SUBJECTS)}${pick(r, VERBS)}${pick(r, OBJECTS)}，${fill(r, pick(r, CLAUSES))}。`;
}

function paragraph(r) {
  const target = int(r, 60, 200);
  let p = '';
  for (let guard = 0; guard < 50; guard++) {
    const s = sentence(r);
    if (p.length >= 60 && p.length + s.length > 200) break;
    p += s;
    if (p.length >= target) break;
  }
  return p.length > 200 ? p.slice(0, 199) + '。' : p;
}

const pad2 = (x) => String(x).padStart(2, '0');
const DATE_MIN = Date.UTC(2019, 0, 1);
const DATE_MAX = Date.UTC(2025, 0, 1);

function makeDate(r) {
  const d = new Date(DATE_MIN + Math.floor(r() * ((DATE_MAX - DATE_MIN) / 1000)) * 1000);
  if (r() < 0.5) return d.toUTCString(); // RFC 2822, e.g. Tue, 16 Nov 2021 09:12:02 GMT
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
  );
}

const yamlQuote = (s) => `'${s.replace(/'/g, "''")}'`;

function makeArticle(seed, i) {
  const r = articleRng(seed, i);
  const title = makeTitle(r, i);
  const cats = pick(r, CATEGORY_PATHS);
  const tags = sample(r, TAGS, int(r, 1, 4));
  const author = pick(r, AUTHORS);
  const hasImg = r() < 0.7;
  const headimg = `https://picsum.photos/seed/${i}/1200/800`;
  const date = makeDate(r);

  const fm = [];
  fm.push(`title: ${yamlQuote(title)}`);
  fm.push('categories: ');
  for (const c of cats) fm.push(` - ${c}`);
  fm.push('tags:');
  for (const t of tags) fm.push(` - ${t}`);
  if (hasImg) fm.push(`headimg: ${yamlQuote(headimg)}`);
  fm.push(`author: ${author}`);
  fm.push(`comments: ${r() < 0.5 ? 'true' : 'false'}`);
  fm.push(`date: ${date}`);
  if (hasImg) fm.push(`thumbnail: ${yamlQuote(headimg)}`);

  // Body: paragraphs, with subheads and images slotted in between.
  const nPara = int(r, 5, 15);
  const blocks = [];
  for (let k = 0; k < nPara; k++) {
    let p = paragraph(r);
    if (r() < 0.05) p += '<br>';
    blocks.push(`<p>${p}</p>`);
  }
  const nSub = Math.min(int(r, 1, 3), nPara - 1);
  for (let k = 0; k < nSub; k++) {
    const at = int(r, 1, blocks.length - 1);
    blocks.splice(at, 0, `<p><strong>${pick(r, SUBHEADS)}</strong></p>`);
  }
  const nImg = int(r, 1, 3);
  for (let k = 0; k < nImg; k++) {
    const w = pick(r, IMG_WIDTHS);
    const h = Math.round(w / pick(r, IMG_RATIOS));
    const img = `<p><img src="https://picsum.photos/seed/${i}-${k}/${w}/${h}" data-size="${w},${h}" referrerpolicy="no-referrer"></p>`;
    blocks.splice(k === 0 ? 1 : int(r, 1, blocks.length), 0, img);
  }

  const lead = r() < 0.5 ? '\n' : '';
  return `${lead}---\n${fm.join('\n')}\n---\n\n<div>   \n${blocks.join('')}  \n</div>\n`;
}

// ---------------------------------------------------------------- main

async function main() {
  const { dir, n, seed } = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const nDirs = Math.ceil(n / MAX_PER_DIR);
  const sub = (d) => path.join(dir, String(d).padStart(4, '0'));
  await mkdir(dir, { recursive: true });
  for (let d = 0; d < nDirs; d++) await mkdir(sub(d), { recursive: true });

  let bytes = 0;
  for (let start = 0; start < n; start += WRITE_BATCH) {
    const end = Math.min(n, start + WRITE_BATCH);
    const jobs = [];
    for (let i = start; i < end; i++) {
      const buf = Buffer.from(makeArticle(seed, i), 'utf8');
      bytes += buf.length;
      const file = path.join(sub(Math.floor(i / MAX_PER_DIR)), `article-${String(i).padStart(6, '0')}.md`);
      jobs.push(writeFile(file, buf));
    }
    await Promise.all(jobs);
  }

  const secs = (performance.now() - t0) / 1000;
  console.log(
    `Wrote ${n} files (${bytes} bytes, ${(bytes / 1048576).toFixed(1)} MiB) to ${dir} ` +
      `in ${nDirs} folder(s) in ${secs.toFixed(2)} s (seed ${seed})`,
  );
}

main().catch((err) => {
  console.error(`generate-corpus: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
