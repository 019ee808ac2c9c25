// Charts in SVG, sized to their container so that their text stays
// readable at any width: vertical bars or lines over groups, each point a
// link; every chart is a <figure> with a text alternative and its data
// table. Colours come from the stylesheet (.cx-s0 … .cx-s4), light or dark.

import { tx } from './strings.js';

/** @typedef {import('../app.js').App} App */

const NS = 'http://www.w3.org/2000/svg';

/**
 * svg makes an SVG element with attributes.
 * @param {Document} doc
 * @param {string} tag
 * @param {Record<string, string|number>} attrs
 * @param {...Node} children
 */
export function svg(doc, tag, attrs, ...children) {
  const e = doc.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) if (c) e.appendChild(c);
  return e;
}

/**
 * @typedef {{name: string, values: number[]}} Series
 * @typedef {{title: string, labels: string[], series: Series[], lines?: boolean, href?: (i: number, s: number) => string, unit?: string, table: HTMLElement}} Chart
 */

/**
 * chart draws series over labels, as bars (grouped) or lines.
 * @param {App} app
 * @param {Chart} c
 * @param {number} width
 */
export function chart(app, c, width) {
  const doc = app.doc;
  const W = Math.max(300, Math.min(1000, Math.round(width || 640)));
  const H = 240, L = 48, R = 12, T = 12, B = 56;
  const max = Math.max(1e-9, ...c.series.flatMap((s) => s.values));
  const n = c.labels.length;
  const step = (W - L - R) / Math.max(1, n);
  const y = (/** @type {number} */ v) => T + (H - T - B) * (1 - v / max);
  const g = svg(doc, 'g', {});
  // Axis: three ticks; whole numbers when the values are counts.
  const counts = c.series.every((s) => s.values.every((v) => Number.isInteger(v)));
  const ticks = counts ? [...new Set([0, Math.round(max / 2), max])] : [0, max / 2, max];
  for (const v of ticks) {
    g.append(svg(doc, 'line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'cx-grid' }),
      svg(doc, 'text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'cx-axis' }, doc.createTextNode(app.fmtNum(Math.round(v * 10) / 10))));
  }
  // Labels: as many as fit.
  const every = Math.max(1, Math.ceil(n / Math.floor((W - L - R) / 56)));
  c.labels.forEach((lab, i) => {
    if (i % every) return;
    const x = L + step * (i + 0.5);
    g.append(svg(doc, 'text', { x, y: H - B + 16, 'text-anchor': 'middle', class: 'cx-axis' }, doc.createTextNode(lab.length > 13 ? lab.slice(0, 12) + '…' : lab)));
  });
  c.series.forEach((s, si) => {
    const cls = 'cx-s' + (si % 5);
    if (c.lines && n > 1) {
      const d = s.values.map((v, i) => (i ? 'L' : 'M') + (L + step * (i + 0.5)).toFixed(1) + ' ' + y(v).toFixed(1)).join(' ');
      g.append(svg(doc, 'path', { d, class: 'cx-line ' + cls }));
    }
    s.values.forEach((v, i) => {
      const label = c.labels[i] + ', ' + s.name + ' : ' + app.fmtNum(Math.round(v * 100) / 100) + (c.unit ? ' ' + c.unit : '');
      let mark;
      if (c.lines && n > 1) mark = svg(doc, 'circle', { cx: L + step * (i + 0.5), cy: y(v), r: 4, class: 'cx-dot ' + cls });
      else {
        // Bars no wider than 48 px, a group centred on its label.
        const bw = Math.max(2, Math.min(48, (step * 0.8) / c.series.length));
        const x = L + step * i + (step - bw * c.series.length) / 2 + bw * si;
        mark = svg(doc, 'rect', { x, y: y(v), width: bw, height: Math.max(0, H - B - y(v)), class: 'cx-bar ' + cls });
      }
      mark.append(svg(doc, 'title', {}, doc.createTextNode(label)));
      if (c.href && v > 0) {
        const a = svg(doc, 'a', { href: c.href(i, si), 'data-route': '', 'aria-label': label }, mark);
        g.append(a);
      } else g.append(mark);
    });
  });
  let best = 0, bestS = 0;
  c.series.forEach((s, si) => s.values.forEach((v, i) => { if (v > c.series[bestS].values[best]) { best = i; bestS = si; } }));
  const alt = tx(app, 'chartAlt', { title: c.title, n: n * c.series.length, max: app.fmtNum(Math.round(max * 100) / 100), label: c.labels[best] + (c.series.length > 1 ? ', ' + c.series[bestS].name : '') });
  const root = svg(doc, 'svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: c.href ? 'group' : 'img', 'aria-label': alt, class: 'cx-chart' }, g);
  const legend = c.series.length > 1 ? app.h('ul', { class: 'cx-legend' }, c.series.map((s, si) => app.h('li', {}, app.h('span', { class: 'cx-key cx-s' + (si % 5), attrs: { 'aria-hidden': 'true' } }), s.name))) : null;
  const det = app.h('details', { class: 'cx-x-data' }, app.h('summary', { text: tx(app, 'dataTable') }), c.table);
  return app.h('figure', { class: 'cx-figure' }, app.h('figcaption', { text: c.title }), legend, app.h('div', { class: 'cx-chart-wrap' }, root), det);
}
