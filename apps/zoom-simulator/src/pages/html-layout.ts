/** The one layout every simulated Zoom page shares; inline CSS keeps the simulator dependency-free. */
const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f4f6fa; color: #1d1d1f; margin: 0; }
  main { max-width: 32rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  fieldset { border: 1px solid #d0d5dd; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
  legend { font-weight: 600; padding: 0 .25rem; }
  label { display: block; padding: .4rem 0; cursor: pointer; }
  .email { color: #555; }
  .actions { display: flex; gap: .75rem; }
  button { font-size: 1rem; padding: .6rem 1.4rem; border-radius: 8px; border: 1px solid #0b5cff; cursor: pointer; }
  button[value=allow] { background: #0b5cff; color: #fff; }
  button[value=deny] { background: #fff; color: #0b5cff; }
  button:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
