// The standalone page: mount the explorer into #app, with its state in the
// address (#q=…, #doc=…) and the browser's history.
import { mount } from './app.js';

// <meta name="corpus-originals" content="originals/"> says where the
// original files are published (see the README); the reader links them.
const originals = document.querySelector('meta[name="corpus-originals"]')?.getAttribute('content') || '';
const app = mount(document.getElementById('app'), { useHash: true, originals });
// Tests and the curious can reach the controller from the console.
window.corpusExplorer = app;
