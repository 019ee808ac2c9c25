// The page's main-thread tasks in a Chromium trace (category toplevel,
// with or without disabled-by-default-devtools.timeline, whose events
// tell what the tasks did but slow the page's DOM work), in CPU time: on a machine
// busy with other work, a task's wall-clock time counts the time it
// waited for a core, its CPU time does not. Used by longtask.mjs and
// readerbig.mjs.

/**
 * The tasks of the page's main thread in a trace: how many took over
 * 50 ms of CPU, the longest in CPU and in wall-clock time, and the five
 * longest in CPU time as [cpu ms, wall ms, the longest events inside].
 */
export function cpuTasks(tr, url) {
  const ev = tr.traceEvents || tr;
  let pid = ev.find((e) => e.name === 'FrameCommittedInBrowser' && String(e.args?.data?.url).startsWith(url))?.args.data.processId
    ?? ev.find((e) => e.name === 'TracingStartedInBrowser')?.args.data.frames?.[0]?.processId;
  // Traced with toplevel alone (the least overhead): the busiest renderer main thread.
  if (pid === undefined) {
    const mains = new Set(ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => e.pid + ':' + e.tid));
    const count = new Map();
    for (const e of ev) if (e.name === 'ThreadControllerImpl::RunTask' && mains.has(e.pid + ':' + e.tid)) count.set(e.pid, (count.get(e.pid) || 0) + (e.tdur || 0));
    pid = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  const tid = ev.find((e) => e.pid === pid && e.name === 'thread_name' && e.args.name === 'CrRendererMain')?.tid;
  const main = ev.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const runs = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined).sort((a, b) => b.tdur - a.tdur);
  const tasks = runs.map((e) => [e.tdur / 1000, e.dur / 1000]);
  // What the longest tasks did: the longest events inside each, by name, with their CPU ms.
  const what = (t) => {
    const by = new Map();
    for (const e of main) {
      if (e === t || e.name === 'RunTask' || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur) continue;
      by.set(e.name, Math.max(by.get(e.name) || 0, (e.tdur ?? e.dur) / 1000));
    }
    return [...by].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => k + ' ' + Math.round(v)).join(', ');
  };
  const r1 = (x) => Math.round(x * 10) / 10;
  return {
    tasks: tasks.length,
    over50: tasks.filter(([c]) => c > 50).length,
    longestMs: r1(tasks[0]?.[0] ?? 0),
    longestWallMs: r1(Math.max(0, ...tasks.map(([, w]) => w))),
    top: tasks.slice(0, 5).map(([c, w], i) => [r1(c), r1(w), what(runs[i])]),
  };
}
