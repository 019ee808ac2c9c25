// The standalone page: mount the explorer into #app, with its state in the
// address (#q=…, #doc=…) and the browser's history.
import { mount } from './app.js';

const app = mount(document.getElementById('app'), { useHash: true });
// Tests and the curious can reach the controller from the console.
window.corpusExplorer = app;
