import type { Article } from '@/lib/content';
import type { SanitizeChange, SanitizeReason } from '@/lib/sanitize/sanitize-report';

const REASON: Record<SanitizeReason, string> = {
  'element-not-allowed': '不允许的元素，保留其文字',
  'element-not-allowed-with-content': '不允许的元素，连同内容一并删除',
  'attribute-not-allowed': '不允许的属性',
  'event-handler': '事件处理属性（可执行脚本）',
  'unsafe-url': '不安全的链接协议',
  'empty-value': '空值',
  'unsafe-value': '不安全的值',
  'image-without-source': '图片没有 http(s) 或相对地址',
  'h1-to-h2': '改为 <h2>：页面唯一的 <h1> 是文章标题',
};

function What({ change }: { change: SanitizeChange }) {
  const element = <code>{`<${change.tag}>`}</code>;
  if (change.target === 'element') {
    return (
      <>
        元素 {element}
        {change.value !== undefined && (
          <>
            {' '}
            <code className="break-all">{change.value}</code>
          </>
        )}
      </>
    );
  }
  return (
    <>
      {element} 的属性 <code>{change.attribute}</code>
      {change.value !== undefined && (
        <>
          {' '}
          <code className="break-all">{change.value}</code>
        </>
      )}
    </>
  );
}

/** Preview only: what sanitizing removed or changed in the body, and why. Every value is rendered as text. */
export function SanitizeReportPanel({ report }: { report: NonNullable<Article['sanitizeReport']> }) {
  const { changes, unlisted } = report;
  return (
    <section
      aria-labelledby="sanitize-report"
      className="mt-10 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <h2 id="sanitize-report" className="font-semibold">
        净化报告（仅预览可见）
      </h2>
      {changes.length === 0 ? (
        <p className="mt-2">正文原样显示：净化没有删除或改动任何内容。</p>
      ) : (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {changes.map((change, i) => (
            <li key={i} data-reason={change.reason}>
              {change.action === 'removed' ? '已删除' : '已改动'} <What change={change} />：{REASON[change.reason]}
              {change.count > 1 && `（${change.count} 处）`}
            </li>
          ))}
          {unlisted > 0 && <li>另有 {unlisted} 处改动未列出。</li>}
        </ul>
      )}
    </section>
  );
}
