// What the checked scripts use of the places they run in besides the
// browser's DOM (make typecheck): Node (explorer.js reads the .wasm from
// disk there), a dedicated worker (explorer.js is its own worker's
// script), and the console handle main.js leaves for tests.
declare const process: { versions?: { node?: string } } | undefined;
declare function setImmediate(fn: () => void): unknown;
declare module 'node:fs/promises' {
  export function readFile(path: string | URL): Promise<Uint8Array<ArrayBuffer>>;
}
/** The worker's global scope, as much of it as explorer.js uses. */
interface DedicatedWorkerGlobalScope {
  name: string;
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
  close(): void;
}
declare var DedicatedWorkerGlobalScope: { prototype: DedicatedWorkerGlobalScope; new (): DedicatedWorkerGlobalScope };
interface Window {
  corpusExplorer: unknown;
}
