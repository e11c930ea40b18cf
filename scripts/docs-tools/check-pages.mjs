// Checks one `errcat render --all` folder with the JavaScript toolchains:
// the MDX page compiles with @mdx-js/mdx 3 + remark-gfm (+ remark-frontmatter,
// as Docusaurus reads front matter), runs, and renders to static HTML with
// react-dom/server; the Markdown page renders with micromark + GFM. In both,
// every heading, anchor and table cell of tables.json (the catalogue's plain
// text) must be there, row by row, and nothing else; the same for the
// standalone HTML page.
//
// Usage: node check-pages.mjs DIR   (run from the folder holding node_modules)

import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {compile, run} from '@mdx-js/mdx'
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {parse} from 'parse5'
import {createElement} from 'react'
import * as runtime from 'react/jsx-runtime'
import {renderToStaticMarkup} from 'react-dom/server'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = process.argv[2]
const expected = JSON.parse(await readFile(path.join(dir, 'tables.json'), 'utf8'))
const failures = []

/** Docusaurus provides `@theme/*`; stand-ins make the page's imports load. */
async function stubThemeImports(source) {
  for (const [, name] of source.matchAll(/from\s+['"](@theme\/[\w-]+)['"]/g)) {
    const pkg = path.join(here, 'node_modules', name)
    await mkdir(pkg, {recursive: true})
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({name, type: 'module', main: 'index.js'}))
    await writeFile(path.join(pkg, 'index.js'), 'export default function Stub(props) { return props.children ?? null }\n')
  }
}

const words = (s) => s.replace(/\s+/g, ' ').trim()

/** Text of a parse5 node; `<br>` reads as a line break. */
function text(node) {
  if (node.nodeName === '#text') return node.value
  if (node.nodeName === 'br') return '\n'
  return (node.childNodes ?? []).map(text).join('')
}

function* walk(node) {
  yield node
  for (const child of node.childNodes ?? []) yield* walk(child)
  if (node.content) yield* walk(node.content)
}

/** Checks an HTML page against tables.json. */
function checkHtml(label, html) {
  const doc = parse(html)
  const nodes = [...walk(doc)]
  const ids = new Set(nodes.flatMap((n) => (n.attrs ?? []).filter((a) => a.name === 'id').map((a) => a.value)))
  const headings = nodes.filter((n) => /^h[1-6]$/.test(n.nodeName)).map((n) => words(text(n)))
  const tables = nodes.filter((n) => n.nodeName === 'table')
  const fail = (what) => failures.push(`${label}: ${what}`)
  if (tables.length !== expected.tables.length) fail(`${tables.length} tables, expected ${expected.tables.length}`)
  expected.tables.forEach((want, t) => {
    if (!headings.includes(words(want.heading))) fail(`no heading ${JSON.stringify(want.heading)}`)
    if (!ids.has(want.anchor)) fail(`no anchor #${want.anchor}`)
    const table = tables[t]
    if (!table) return
    const rows = [...walk(table)].filter((n) => n.nodeName === 'tr').map((tr) =>
      tr.childNodes.filter((c) => c.nodeName === 'td' || c.nodeName === 'th').map((c) => words(text(c))))
    const wantRows = [want.header, ...want.rows.map((r) => r.cells)].map((r) => r.map(words))
    if (rows.length !== wantRows.length) fail(`table ${want.anchor}: ${rows.length} rows, expected ${wantRows.length}`)
    wantRows.forEach((cells, r) => {
      if (JSON.stringify(rows[r]) !== JSON.stringify(cells)) {
        fail(`table ${want.anchor} row ${r}:\n    got      ${JSON.stringify(rows[r])}\n    expected ${JSON.stringify(cells)}`)
      }
    })
    for (const row of want.rows) if (!ids.has(row.anchor)) fail(`no anchor #${row.anchor}`)
  })
  const body = words(text(doc))
  for (const p of expected.intro) if (!body.includes(words(p))) fail(`intro paragraph missing: ${JSON.stringify(p)}`)
  if (expected.notice && !body.includes(words(expected.notice))) fail(`notice missing: ${JSON.stringify(expected.notice)}`)
  return tables.length
}

// The page keeps the source's `<aside class="notice">` (Docusaurus maps it);
// React's warning about `class` is expected, and only that one is dropped.
const consoleError = console.error
console.error = (message, ...rest) => {
  if (typeof message === 'string' && message.includes('Invalid DOM property `%s`') && rest[0] === 'class') return
  if (typeof message === 'string' && message.startsWith('Invalid DOM property `class`')) return
  consoleError(message, ...rest)
}

// MDX: compile, run, render.
const mdxSource = await readFile(path.join(dir, 'error-codes.mdx'), 'utf8')
await stubThemeImports(mdxSource)
try {
  const code = String(await compile(mdxSource, {
    outputFormat: 'function-body',
    remarkPlugins: [remarkFrontmatter, remarkGfm],
  }))
  const {default: Content} = await run(code, {...runtime, baseUrl: import.meta.url})
  const html = renderToStaticMarkup(createElement(Content))
  await writeFile(path.join(dir, 'error-codes.mdx.html'), html)
  checkHtml('mdx', html)
} catch (error) {
  failures.push(`mdx: does not compile or render: ${error.message ?? error}`)
}

// Markdown: CommonMark + GFM, HTML kept (the anchors and tags are HTML).
const md = await readFile(path.join(dir, 'error-codes.md'), 'utf8')
const mdHtml = micromark(md, {allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()]})
await writeFile(path.join(dir, 'error-codes.md.html'), mdHtml)
checkHtml('markdown', mdHtml)

// HTML: the standalone page, read by an HTML5 parser.
checkHtml('html', await readFile(path.join(dir, 'error-codes.html'), 'utf8'))

if (failures.length > 0) {
  console.error(`${dir}:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
const rows = expected.tables.reduce((n, t) => n + t.rows.length, 0)
console.log(`${dir}: MDX compiles and renders, Markdown renders, HTML reads; ${expected.tables.length} tables, ${rows} rows, every cell as written`)
