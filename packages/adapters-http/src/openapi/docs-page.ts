import type { OpenApiDocument } from './document.js';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

/** Escaped text with `inline code` shown as code, the one bit of Markdown the document uses. */
const prose = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json =>
  value !== null && typeof value === 'object' ? (value as Json) : {};

/** `#/components/schemas/MessageView` → a link to that schema further down the page. */
function schemaLink(schema: unknown): string {
  const ref = asObject(schema).$ref;
  if (typeof ref === 'string') {
    const name = ref.split('/').at(-1) ?? ref;
    return `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>`;
  }
  const s = asObject(schema);
  if (Array.isArray(s.enum))
    return s.enum.map((v) => `<code>${escapeHtml(String(v))}</code>`).join(' | ');
  if (s.type === 'array') return `array of ${schemaLink(s.items)}`;
  return escapeHtml(typeof s.type === 'string' ? s.type : 'object');
}

function resolveParameter(doc: OpenApiDocument, parameter: unknown): Json {
  const ref = asObject(parameter).$ref;
  if (typeof ref !== 'string') return asObject(parameter);
  return asObject(doc.components.parameters?.[ref.split('/').at(-1) ?? '']);
}

function operationHtml(doc: OpenApiDocument, path: string, method: string, op: Json): string {
  const params = (Array.isArray(op.parameters) ? op.parameters : []).map((p) => {
    const param = resolveParameter(doc, p);
    return `<tr><td><code>${escapeHtml(String(param.name))}</code></td><td>${escapeHtml(String(param.in))}</td><td>${schemaLink(param.schema)}</td><td>${prose(String(param.description ?? ''))}</td></tr>`;
  });
  const body = asObject(asObject(asObject(op.requestBody).content)['application/json']).schema;
  const responses = Object.entries(asObject(op.responses)).map(([status, r]) => {
    const content = asObject(asObject(r).content);
    const schemas = Object.entries(content)
      .map(([type, media]) => `${escapeHtml(type)}: ${schemaLink(asObject(media).schema)}`)
      .join('<br>');
    return `<tr><td>${escapeHtml(status)}</td><td>${prose(String(asObject(r).description ?? ''))}</td><td>${schemas}</td></tr>`;
  });
  return `<section class="op" id="${escapeHtml(String(op.operationId))}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${prose(String(op.summary ?? ''))}</p>${op.description ? `<p class="d">${prose(String(op.description))}</p>` : ''}
${Array.isArray(op.security) && op.security.length === 0 ? '<p class="d">No authentication.</p>' : ''}
${params.length ? `<table><tr><th>Parameter</th><th>In</th><th>Schema</th><th></th></tr>${params.join('')}</table>` : ''}
${body ? `<p>Body: ${schemaLink(body)}</p>` : ''}
<table><tr><th>Status</th><th>Meaning</th><th>Body</th></tr>${responses.join('')}</table>
</section>`;
}

/** The page's only stylesheet, inline; its hash goes into the page's CSP (`style-src`). */
export const DOCS_STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2433}
h1{margin-bottom:0}.v{color:#667}.op{border-top:1px solid #dde;padding:.5rem 0}
.m{display:inline-block;min-width:4em;padding:0 .4em;border-radius:4px;color:#fff;font-size:.8em;text-align:center}
.get{background:#2b7a4b}.post{background:#2857a4}.d{color:#445}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #dde;padding:.25rem .5rem;text-align:left;vertical-align:top}
pre{background:#f5f6fa;padding:.75rem;overflow:auto;font-size:12px}summary{cursor:pointer;font-family:monospace}
`;

/**
 * The OpenAPI document as one self-contained HTML page: rendered on the server, no scripts
 * and nothing fetched from a CDN, so it works offline and behind strict CSPs.
 */
export function renderDocsPage(doc: OpenApiDocument): string {
  const ops: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) ops.push(operationHtml(doc, path, method, op));
  }
  const schemas = Object.entries(doc.components.schemas ?? {}).map(
    ([name, schema]) =>
      `<details id="schema-${escapeHtml(name)}"><summary>${escapeHtml(name)}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`,
  );
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)}</title>
<style>${DOCS_STYLE}</style></head><body>
<h1>${escapeHtml(doc.info.title)}</h1><p class="v">OpenAPI ${escapeHtml(doc.openapi)} · version ${escapeHtml(doc.info.version)} · <a href="openapi.json">openapi.json</a></p>
<p>${prose(doc.info.description ?? '').replaceAll('\n\n', '</p><p>')}</p>
<h2>Operations</h2>${ops.join('\n')}
<h2>Schemas</h2>${schemas.join('\n')}
</body></html>`;
}
