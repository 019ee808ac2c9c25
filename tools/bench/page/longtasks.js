// Records the page's long tasks (over 50 ms on the main thread) from the
// start of the page, before any module runs: window.longTasks, each
// {start, duration} in ms since navigation.
'use strict';
window.longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch (err) {
  window.longTasks = null; // not supported: reported as such
}
