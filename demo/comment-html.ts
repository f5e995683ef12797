import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { marked } from 'marked'

const require = createRequire(import.meta.url)

/** The comment as GitHub would show it: GitHub-flavoured Markdown in GitHub's own stylesheet. */
export function renderCommentHtml(markdown: string, title: string): string {
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
  const body = marked.parse(markdown, { gfm: true, async: false })
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
${css}
body { background: #f6f8fa; margin: 0; padding: 24px; }
.comment { max-width: 880px; margin: 0 auto; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; }
.comment header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d0d7de; border-radius: 6px 6px 0 0;
  font: 14px -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: #57606a; }
.comment header b { color: #1f2328; }
.markdown-body { padding: 16px; }
</style>
</head>
<body>
<div class="comment">
<header><b>github-actions</b> <span>bot</span> commented</header>
<article class="markdown-body">
${body}
</article>
</div>
</body>
</html>
`
}
