// Parses each Mermaid diagram file named on the command line with Mermaid's own parser (the one that draws it on
// GitHub), and prints one JSON line per file: {"file", "ok", "type"} or {"file", "ok": false, "error"}.
// Mermaid's parser sanitises labels with DOMPurify, which needs a DOM: jsdom gives it one.
import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

for (const file of process.argv.slice(2)) {
  const text = await readFile(file, 'utf8');
  try {
    const result = await mermaid.parse(text);
    console.log(JSON.stringify({ file, ok: true, type: result.diagramType }));
  } catch (e) {
    console.log(JSON.stringify({ file, ok: false, error: String(e && e.message ? e.message : e) }));
  }
}
