// The chart of make bench's report: per corpus, each engine's p95 query
// latency (log scale) against its MRR@10. A plain SVG, no script. The
// explorer's main-thread row is left out: it is the same engine.
const W = 360;
const H = 260;
const M = { left: 44, right: 24, top: 28, bottom: 40 };
const COLORS = { explorer: '#c0392b', 'explorer-split': '#8e1b10', 'explorer-main': '#e8857a', pagefind: '#2c7fb8', flexsearch: '#7b3294', minisearch: '#1a9850', lunr: '#d95f02', fuse: '#666666' };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Returns the SVG text for a report of tools/bench/run.mjs. */
export function chart(report) {
  // Relevance against latency: the corpora with judged queries only.
  const judged = report.corpora.filter((c) => c.judged !== false);
  const panels = judged.map((c, i) => panel(c, i * W));
  const width = W * Math.max(1, judged.length);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${H + 18}" width="${width}" height="${H + 18}" font-family="system-ui, sans-serif" font-size="11" role="img" aria-labelledby="bench-title">
<title id="bench-title">Query latency (p95, log scale) against relevance (MRR@10), ${esc(report.date.slice(0, 10))}</title>
<rect width="100%" height="100%" fill="#fff"/>
${panels.join('\n')}
<text x="${width / 2}" y="${H + 12}" text-anchor="middle" fill="#555">better: up and to the left · ${esc(report.date.slice(0, 10))}</text>
</svg>
`;
}

function panel(c, x0) {
  const ok = c.engines.filter((e) => !e.error && e.name !== 'explorer-main');
  const lat = ok.map((e) => Math.max(e.latency.p95, 0.01));
  let lo = Math.floor(Math.log10(Math.min(...lat, 1)));
  let hi = Math.ceil(Math.log10(Math.max(...lat, 10)));
  if (hi === lo) hi++;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (ms) => x0 + M.left + ((Math.log10(Math.max(ms, 0.01)) - lo) / (hi - lo)) * pw;
  const floor = Math.min(0.5, Math.floor(Math.min(...ok.map((e) => e.mrr10)) * 10) / 10);
  const y = (mrr) => M.top + ((1 - mrr) / (1 - floor)) * ph;
  const out = [`<g>`, `<text x="${x0 + M.left}" y="16" font-weight="bold" font-size="12">${esc(c.name)} (${c.documents} documents)</text>`];
  out.push(`<rect x="${x0 + M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#bbb"/>`);
  for (let p = lo; p <= hi; p++) {
    const v = 10 ** p;
    const label = v >= 1000 ? `${v / 1000} s` : `${v} ms`;
    out.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${M.top}" y2="${M.top + ph}" stroke="#eee"/>`);
    out.push(`<text x="${x(v)}" y="${M.top + ph + 14}" text-anchor="middle" fill="#555">${label}</text>`);
  }
  for (let m = floor; m <= 1.0001; m += 0.1) {
    out.push(`<line x1="${x0 + M.left}" x2="${x0 + M.left + pw}" y1="${y(m)}" y2="${y(m)}" stroke="#eee"/>`);
    out.push(`<text x="${x0 + M.left - 5}" y="${y(m) + 4}" text-anchor="end" fill="#555">${m.toFixed(1)}</text>`);
  }
  out.push(`<text x="${x0 + M.left + pw / 2}" y="${M.top + ph + 30}" text-anchor="middle" fill="#333">p95 latency per query</text>`);
  out.push(`<text transform="translate(${x0 + 12} ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" fill="#333">MRR@10</text>`);
  // Each label goes to the first of six places beside its point that
  // overlaps no other label or point and stays inside the plot.
  const boxes = ok.map((e) => ({ x0: x(e.latency.p95) - 5, x1: x(e.latency.p95) + 5, y0: y(e.mrr10) - 5, y1: y(e.mrr10) + 5 }));
  const hits = (b) => boxes.some((o) => b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1);
  for (const e of [...ok].sort((a, b) => (b.name.startsWith('explorer') - a.name.startsWith('explorer')))) {
    const px = x(e.latency.p95);
    const py = y(e.mrr10);
    const color = COLORS[e.name] || '#000';
    const label = e.label.replace(/ \+.*/, '').replace('corpus explorer, ', 'explorer, ');
    const w = label.length * 6.2;
    const places = [[8, 4, 'start'], [-8, 4, 'end'], [6, -8, 'start'], [6, 15, 'start'], [-6, -8, 'end'], [-6, 15, 'end'], [8, 26, 'start'], [-8, 26, 'end'], [8, 38, 'start'], [-8, 38, 'end'], [8, 50, 'start'], [-8, 50, 'end']];
    let pick = null;
    let inside = null;
    for (const p of places) {
      const lx = px + p[0];
      const bx = p[2] === 'start' ? { x0: lx, x1: lx + w } : { x0: lx - w, x1: lx };
      const box = { ...bx, y0: py + p[1] - 10, y1: py + p[1] + 2 };
      if (box.x0 < x0 + 2 || box.x1 > x0 + W - 2 || box.y0 < M.top - 12) continue;
      inside ??= p;
      if (!hits(box)) {
        pick = p;
        boxes.push(box);
        break;
      }
    }
    pick ??= inside ?? places[0];
    out.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="${e.name.startsWith('explorer') ? 5 : 4}" fill="${color}"/>`);
    out.push(`<text x="${(px + pick[0]).toFixed(1)}" y="${(py + pick[1]).toFixed(1)}" text-anchor="${pick[2]}" fill="${color}"${e.name.startsWith('explorer') ? ' font-weight="bold"' : ''}>${esc(label)}</text>`);
  }
  out.push('</g>');
  return out.join('\n');
}
