/** The demo provider's own pages: plain, accessible HTML (browser tests run axe on every page they visit). */

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0}main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;margin-top:.25rem}
button{margin-top:1.5rem;padding:.6rem 1rem;font-size:1rem;background:#1d4ed8;color:#fff;border:0;border-radius:4px;cursor:pointer}
p.error{color:#991b1b;background:#fef2f2;padding:.5rem}p.note{color:#374151;font-size:.9rem}</style></head>
<body><main>${body}</main></body></html>`;
}

export function loginPage(input: { action: string; clientName: string; email?: string; error?: string }): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  return page(
    'Sign in — Demo identity provider',
    `<h1>Demo identity provider</h1>
<p>Sign in to continue to ${escapeHtml(input.clientName)}.</p>${error}
<form method="post" action="${escapeHtml(input.action)}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(input.email ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p class="note">Demo users share the password <code>demo-password-1</code>.</p>`,
  );
}

/** `form` is the provider's own hidden logout form (it carries its CSRF token); the button submits it. */
export function logoutPage(form: string): string {
  return page(
    'Sign out — Demo identity provider',
    `<h1>Sign out</h1>${form}<p>Sign out of the demo identity provider too?</p>
<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>`,
  );
}

export function signedOutPage(): string {
  return page('Signed out — Demo identity provider', '<h1>Signed out</h1><p>You have signed out of the demo identity provider.</p>');
}
