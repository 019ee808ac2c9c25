// The entity map: the people, organisations and places named together,
// around an ellipse, or in a column on a phone (grouped by kind, most
// mentioned first; netlayout.js):
// nodes sized by mentions, links by co-occurrences, the strongest dark and
// the weakest faint. Every node is a link to its mentions (the concordance
// of its name), one Tab stop for all; the arrow keys move between nodes
// and light up their links; the table below says the same.

import { formatHash, normState } from '../router.js';
import { link } from '../ui.js';
import { tx } from './strings.js';
import { choice } from './view.js';
import { svg } from './chart.js';
import { table } from './lists.js';
import { netLayout, edgePath, FONT } from './netlayout.js';

/** @typedef {import('../app.js').App} App */
/** @typedef {import('../router.js').State} State */

const KIND_ORDER = ['person', 'organization', 'place'];

/** @param {number} v a coordinate, to two decimals */
const f = (v) => String(Math.round(v * 100) / 100);

/**
 * measurer returns the width of a name in the page's font at FONT px, a
 * little generous (the bold of a focused name), or undefined (the
 * layout's estimate) where no canvas measures text.
 * @param {Document} doc
 * @param {Element | null | undefined} el where the names will be
 * @returns {((s: string) => number) | undefined}
 */
function measurer(doc, el) {
  const ctx = doc.createElement('canvas').getContext?.('2d');
  const view = doc.defaultView;
  if (!ctx || !el || !view) return undefined;
  ctx.font = FONT + 'px ' + view.getComputedStyle(el).fontFamily;
  return (s) => Math.ceil(ctx.measureText(s).width * 1.08) + 1;
}

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
  // Drawn at the width it is shown (names stay 12 px), scaled down only if the room shrinks later.
  const out = app.shell.views.explore.querySelector('.cx-x-out');
  const lay = netLayout(order.map((ni) => net.nodes[ni].name), order.map((ni) => net.nodes[ni].mentions), out?.clientWidth || 640, measurer(doc, out));
  /** @type {import('./netlayout.js').NodeBox[]} */
  const pos = [];
  order.forEach((ni, k) => { pos[ni] = lay.nodes[k]; });
  // Links as curves; the strongest thick, dark and drawn last, the weakest
  // thin and faint, on a log scale (a few links are far stronger than the
  // rest); edges come strongest first.
  const counts = net.edges.map((e) => e.count);
  const maxE = Math.max(1, ...counts), minE = Math.max(1, Math.min(maxE, ...counts));
  const edges = svg(doc, 'g', { class: 'cx-edges' });
  for (const e of [...net.edges].reverse()) {
    const t = maxE > minE ? Math.log(Math.max(1, e.count) / minE) / Math.log(maxE / minE) : 0.5;
    edges.append(svg(doc, 'path', {
      d: edgePath(lay, pos[e.a], pos[e.b]),
      'stroke-width': f(0.75 + 4.25 * t), 'stroke-opacity': f(0.1 + 0.75 * t ** 1.5), 'data-a': e.a, 'data-b': e.b, class: 'cx-edge',
    }));
  }
  const nodes = svg(doc, 'g', { class: 'cx-nodes' });
  const pic = svg(doc, 'svg', { viewBox: `0 0 ${lay.width} ${lay.height}`, width: lay.width, height: lay.height, role: 'group', class: 'cx-chart cx-network' }, edges, nodes);
  /** @type {SVGElement[]} */
  const links = [];
  for (const ni of order) {
    const n = net.nodes[ni], p = pos[ni];
    const label = n.name + ' (' + tx(app, n.kind) + ', ' + app.fmtNum(n.mentions) + ' ' + tx(app, 'mentions').toLowerCase() + ')';
    const a = svg(doc, 'a', { href: formatHash(normState({ x: 'kwic', xv: n.name, xo: {} })), 'data-route': '', 'aria-label': label, 'data-node': ni, tabindex: links.length ? -1 : 0, class: 'cx-node cx-kind-' + n.kind },
      svg(doc, 'circle', { cx: f(p.x), cy: f(p.y), r: f(p.r) }),
      // A name shortened in a narrow room is whole in the link's label (and the table).
      svg(doc, 'text', { x: f(p.lx), y: f(p.y + FONT * 0.35), 'text-anchor': p.anchor }, doc.createTextNode(p.label)));
    links.push(a);
    nodes.append(a);
  }
  // A node focused or pointed at lights up its links and dims the others.
  const light = (/** @type {number} */ ni) => {
    pic.classList.toggle('cx-lit', ni >= 0);
    for (const l of edges.children) l.classList.toggle('cx-on', ni >= 0 && (Number(l.getAttribute('data-a')) === ni || Number(l.getAttribute('data-b')) === ni));
  };
  const nodeEl = (/** @type {Event} */ e) => /** @type {Element} */ (e.target).closest('.cx-node');
  const nodeOf = (/** @type {Event} */ e) => Number(nodeEl(e)?.getAttribute('data-node') ?? -1);
  // Focus listeners on each link, not on their group: Chromium makes an
  // SVG element with focus listeners a Tab stop of its own.
  for (const l of links) {
    l.addEventListener('focus', (e) => {
      // One stop for Tab: the entity last focused; the arrows move between them.
      for (const o of links) o.setAttribute('tabindex', o === l ? '0' : '-1');
      light(nodeOf(e));
    });
    l.addEventListener('blur', () => light(-1));
  }
  nodes.addEventListener('pointerover', (e) => light(nodeOf(e)));
  nodes.addEventListener('pointerout', () => {
    // The focus, in the page or in the <corpus-explorer> element's shadow root.
    const active = /** @type {Document | ShadowRoot} */ (nodes.getRootNode()).activeElement;
    light(active && nodes.contains(active) ? Number(active.getAttribute('data-node')) : -1);
  });
  nodes.addEventListener('keydown', (e) => {
    const i = links.indexOf(/** @type {SVGElement} */ (nodeEl(e)));
    if (i < 0) return;
    const d = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : e.key === 'Home' ? -i : e.key === 'End' ? links.length - 1 - i : 0;
    if (!d) return;
    e.preventDefault();
    /** @type {HTMLElement} */ (/** @type {unknown} */ (links[(i + d + links.length) % links.length])).focus();
  });
  const alt = tx(app, 'netAlt', { n: app.fmtNum(net.nodes.length), e: app.fmtNum(net.edges.length), top: net.nodes[0].name });
  pic.setAttribute('aria-label', alt);
  // Each entity's strongest links (edges come most frequent first).
  const neighbours = net.nodes.map(() => /** @type {string[]} */ ([]));
  for (const e of net.edges) {
    neighbours[e.a].push(net.nodes[e.b].name + ' (' + e.count + ')');
    neighbours[e.b].push(net.nodes[e.a].name + ' (' + e.count + ')');
  }
  const strongest = (/** @type {string[]} */ l) => l.slice(0, 6).join(', ') + (l.length > 6 ? ' … +' + (l.length - 6) : '');
  // The colours of the kinds, with how many entities of each the map shows.
  const kinds = [...new Set(order.map((ni) => net.nodes[ni].kind))];
  const legend = h('ul', { class: 'cx-legend' }, kinds.map((k) => h('li', {},
    h('span', { class: 'cx-key cx-kind-' + k, attrs: { 'aria-hidden': 'true' } }), tx(app, k) + ' (' + app.fmtNum(net.nodes.filter((n) => n.kind === k).length) + ')')));
  const data = table(app, tx(app, 'network'), ['entity', 'kind', 'mentions#', 'docs#', 'linked'],
    net.nodes.map((n, i) => [link(app, { x: 'kwic', xv: n.name, xo: {} }, {}, n.name), tx(app, n.kind), app.fmtNum(n.mentions), app.fmtNum(n.docs), strongest(neighbours[i])]));
  return h('div', {}, controls, h('p', { class: 'cx-muted', text: tx(app, 'networkKeys') }),
    h('figure', { class: 'cx-figure cx-x-netfig' }, h('figcaption', { text: alt }), legend, h('div', { class: 'cx-chart-wrap' }, pic)),
    h('h2', { class: 'cx-x-h2', text: tx(app, 'dataTable') }), h('div', { class: 'cx-x-net-table' }, data));
}
