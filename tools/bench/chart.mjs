// The chart of make bench's report: per corpus, each engine's p95 query
// latency (log scale) against its MRR@10. A plain SVG, no script.
const W = 340;
const H = 260;
const M = { left: 44, right: 14, top: 28, bottom: 40 };
const COLORS = { explorer: '#c0392b', pagefind: '#2c7fb8', flexsearch: '#7b3294', minisearch: '#1a9850', lunr: '#d95f02', fuse: '#666666' };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Returns the SVG text for a report of tools/bench/run.mjs. */
export function chart(report) {
  const panels = report.corpora.map((c, i) => panel(c, i * W));
  const width = W * Math.max(1, report.corpora.length);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${H + 18}" width="${width}" height="${H + 18}" font-family="system-ui, sans-serif" font-size="11" role="img" aria-labelledby="bench-title">
<title id="bench-title">Query latency (p95, log scale) against relevance (MRR@10), ${esc(report.date.slice(0, 10))}</title>
<rect width="100%" height="100%" fill="#fff"/>
${panels.join('\n')}
<text x="${width / 2}" y="${H + 12}" text-anchor="middle" fill="#555">better: up and to the left · ${esc(report.machine.browser)}, ${esc(report.date.slice(0, 10))}</text>
</svg>
`;
}

function panel(c, x0) {
  const ok = c.engines.filter((e) => !e.error);
  const lat = ok.map((e) => Math.max(e.latency.p95, 0.01));
  let lo = Math.floor(Math.log10(Math.min(...lat, 1)));
  let hi = Math.ceil(Math.log10(Math.max(...lat, 10)));
  if (hi === lo) hi++;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (ms) => x0 + M.left + ((Math.log10(Math.max(ms, 0.01)) - lo) / (hi - lo)) * pw;
  const y = (mrr) => M.top + (1 - mrr) * ph;
  const out = [`<g>`, `<text x="${x0 + M.left}" y="16" font-weight="bold" font-size="12">${esc(c.name)} (${c.documents} documents)</text>`];
  out.push(`<rect x="${x0 + M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#bbb"/>`);
  for (let p = lo; p <= hi; p++) {
    const v = 10 ** p;
    const label = v >= 1000 ? `${v / 1000} s` : `${v} ms`;
    out.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${M.top}" y2="${M.top + ph}" stroke="#eee"/>`);
    out.push(`<text x="${x(v)}" y="${M.top + ph + 14}" text-anchor="middle" fill="#555">${label}</text>`);
  }
  for (const m of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line x1="${x0 + M.left}" x2="${x0 + M.left + pw}" y1="${y(m)}" y2="${y(m)}" stroke="#eee"/>`);
    out.push(`<text x="${x0 + M.left - 5}" y="${y(m) + 4}" text-anchor="end" fill="#555">${m}</text>`);
  }
  out.push(`<text x="${x0 + M.left + pw / 2}" y="${M.top + ph + 30}" text-anchor="middle" fill="#333">p95 latency per query</text>`);
  out.push(`<text transform="translate(${x0 + 12} ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" fill="#333">MRR@10</text>`);
  // Labels left or right of the point, nudged down when two would overlap.
  const placed = [];
  for (const e of [...ok].sort((a, b) => b.mrr10 - a.mrr10)) {
    const px = x(e.latency.p95);
    const py = y(e.mrr10);
    const color = COLORS[e.name] || '#000';
    const right = px < x0 + M.left + pw * 0.6;
    let ly = py + 4;
    while (placed.some((p) => Math.abs(p.y - ly) < 11 && Math.abs(p.x - px) < 90)) ly += 11;
    placed.push({ x: px, y: ly });
    out.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="${e.name === 'explorer' ? 5 : 4}" fill="${color}"/>`);
    out.push(`<text x="${(right ? px + 8 : px - 8).toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="${right ? 'start' : 'end'}" fill="${color}"${e.name === 'explorer' ? ' font-weight="bold"' : ''}>${esc(e.label.replace(/ \+.*/, ''))}</text>`);
  }
  out.push('</g>');
  return out.join('\n');
}
