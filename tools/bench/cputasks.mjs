// The page's main-thread tasks in a Chromium trace (categories toplevel
// and disabled-by-default-devtools.timeline), in CPU time: on a machine
// busy with other work, a task's wall-clock time counts the time it
// waited for a core, its CPU time does not. Used by longtask.mjs and
// readerbig.mjs.

/**
 * The tasks of the page's main thread in a trace: how many took over
 * 50 ms of CPU, the longest in CPU and in wall-clock time, and the five
 * longest in CPU time as [cpu, wall] ms.
 */
export function cpuTasks(tr, url) {
  const ev = tr.traceEvents || tr;
  const pid = ev.find((e) => e.name === 'FrameCommittedInBrowser' && String(e.args?.data?.url).startsWith(url))?.args.data.processId
    ?? ev.find((e) => e.name === 'TracingStartedInBrowser')?.args.data.frames?.[0]?.processId;
  const tid = ev.find((e) => e.pid === pid && e.name === 'thread_name' && e.args.name === 'CrRendererMain')?.tid;
  const tasks = ev.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined)
    .map((e) => [e.tdur / 1000, e.dur / 1000]).sort((a, b) => b[0] - a[0]);
  const r1 = (x) => Math.round(x * 10) / 10;
  return {
    tasks: tasks.length,
    over50: tasks.filter(([c]) => c > 50).length,
    longestMs: r1(tasks[0]?.[0] ?? 0),
    longestWallMs: r1(Math.max(0, ...tasks.map(([, w]) => w))),
    top: tasks.slice(0, 5).map(([c, w]) => [r1(c), r1(w)]),
  };
}
