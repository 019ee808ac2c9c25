// The entity map: the people, organisations and places named together,
// drawn on a circle (grouped by kind, most mentioned first): nodes sized
// by mentions, edges by co-occurrences. Every node is a link to its
// mentions (the concordance of its name); the arrow keys move between
// nodes and light up their links; the table beside says the same.

import { formatHash, normState } from '../router.js';
import { link } from '../ui.js';
import { tx } from './strings.js';
import { choice } from './view.js';
import { svg } from './chart.js';
import { table } from './lists.js';

/** @typedef {import('../app.js').App} App */
/** @typedef {import('../router.js').State} State */

const KIND_ORDER = ['person', 'organization', 'place'];

/**
 * @param {App} app
 * @param {State} st
 */
export async function renderNetwork(app, st) {
  const h = app.h.bind(app);
  const doc = app.doc;
  const scope = st.xo.scope === 'document' ? 'document' : 'sentence';
  const net = await app.ex.network({ scope, limit: 30 });
  const controls = h('div', { class: 'cx-x-controls' }, choice(app, 'scope', tx(app, 'scope'), [['sentence', tx(app, 'scopeSentence')], ['document', tx(app, 'scopeDocument')]]));
  if (!net.nodes.length) return h('div', {}, controls, h('p', { text: tx(app, 'none') }));
  const order = net.nodes.map((_, i) => i).sort((a, b) => KIND_ORDER.indexOf(net.nodes[a].kind) - KIND_ORDER.indexOf(net.nodes[b].kind) || a - b);
  // Never drawn smaller than 560 px, where names still fit around a readable
  // circle: on a narrow screen the drawing scrolls sideways in its frame.
  const W = Math.max(560, Math.min(720, app.shell.views.explore.querySelector('.cx-x-out')?.clientWidth || 640));
  const H = W, cx = W / 2, cy = H / 2, R = W / 2 - 120;
  const maxM = Math.max(...net.nodes.map((n) => n.mentions));
  const maxE = Math.max(1, ...net.edges.map((e) => e.count));
  /** @type {Array<{x: number, y: number, a: number}>} */
  const pos = [];
  order.forEach((ni, k) => {
    const a = (2 * Math.PI * k) / order.length - Math.PI / 2;
    pos[ni] = { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a };
  });
  const edges = svg(doc, 'g', { class: 'cx-edges' });
  for (const e of net.edges) {
    edges.append(svg(doc, 'line', { x1: pos[e.a].x, y1: pos[e.a].y, x2: pos[e.b].x, y2: pos[e.b].y, 'stroke-width': 1 + 5 * (e.count / maxE), 'data-a': e.a, 'data-b': e.b, class: 'cx-edge' }));
  }
  const nodes = svg(doc, 'g', { class: 'cx-nodes' });
  /** @type {SVGElement[]} */
  const links = [];
  for (const ni of order) {
    const n = net.nodes[ni], p = pos[ni];
    const r = 4 + 12 * Math.sqrt(n.mentions / maxM);
    const right = Math.cos(p.a) >= 0;
    const label = n.name + ' (' + tx(app, n.kind) + ', ' + app.fmtNum(n.mentions) + ' ' + tx(app, 'mentions').toLowerCase() + ')';
    const a = svg(doc, 'a', { href: formatHash(normState({ x: 'kwic', xv: n.name, xo: {} })), 'data-route': '', 'aria-label': label, 'data-node': ni, class: 'cx-node cx-kind-' + n.kind },
      svg(doc, 'circle', { cx: p.x, cy: p.y, r }),
      svg(doc, 'text', { x: p.x + (right ? r + 4 : -r - 4), y: p.y + 4, 'text-anchor': right ? 'start' : 'end' }, doc.createTextNode(n.name)));
    links.push(a);
    nodes.append(a);
  }
  const light = (/** @type {number} */ ni) => {
    for (const l of edges.children) l.classList.toggle('cx-on', ni >= 0 && (Number(l.getAttribute('data-a')) === ni || Number(l.getAttribute('data-b')) === ni));
  };
  nodes.addEventListener('focusin', (e) => light(Number(/** @type {Element} */ (e.target).closest('a')?.getAttribute('data-node') ?? -1)));
  nodes.addEventListener('focusout', () => light(-1));
  nodes.addEventListener('keydown', (e) => {
    const i = links.indexOf(/** @type {SVGElement} */ (/** @type {unknown} */ (/** @type {Element} */ (e.target).closest('a'))));
    if (i < 0) return;
    const d = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : e.key === 'Home' ? -i : e.key === 'End' ? links.length - 1 - i : 0;
    if (!d) return;
    e.preventDefault();
    /** @type {HTMLElement} */ (/** @type {unknown} */ (links[(i + d + links.length) % links.length])).focus();
  });
  const alt = tx(app, 'netAlt', { n: app.fmtNum(net.nodes.length), e: app.fmtNum(net.edges.length), top: net.nodes[0].name });
  const pic = svg(doc, 'svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'group', 'aria-label': alt, class: 'cx-chart cx-network' }, edges, nodes);
  // Each entity's strongest links (edges come most frequent first).
  const neighbours = net.nodes.map(() => /** @type {string[]} */ ([]));
  for (const e of net.edges) {
    neighbours[e.a].push(net.nodes[e.b].name + ' (' + e.count + ')');
    neighbours[e.b].push(net.nodes[e.a].name + ' (' + e.count + ')');
  }
  const strongest = (/** @type {string[]} */ l) => l.slice(0, 6).join(', ') + (l.length > 6 ? ' … +' + (l.length - 6) : '');
  const data = table(app, tx(app, 'network'), ['entity', 'kind', 'mentions#', 'docs#', 'linked'],
    net.nodes.map((n, i) => [link(app, { x: 'kwic', xv: n.name, xo: {} }, {}, n.name), tx(app, n.kind), app.fmtNum(n.mentions), app.fmtNum(n.docs), strongest(neighbours[i])]));
  return h('div', {}, controls, h('p', { class: 'cx-muted', text: tx(app, 'networkKeys') }),
    h('figure', { class: 'cx-figure' }, h('figcaption', { text: alt }), h('div', { class: 'cx-chart-wrap' }, pic)),
    h('h2', { class: 'cx-x-h2', text: tx(app, 'dataTable') }), h('div', { class: 'cx-x-net-table' }, data));
}
