import type { SimulatedZoomUser } from '../simulated-zoom-user';
import { escapeHtml, renderPage } from './html-layout';

export function renderConsentPage(input: { users: SimulatedZoomUser[]; hiddenParams: Record<string, string>; scopes: string[] }): string {
  const hidden = Object.entries(input.hiddenParams)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const radios = input.users
    .map((user, index) => {
      const id = `zoom-user-${index}`;
      const name = `${user.firstName} ${user.lastName}`;
      return `<label for="${id}"><input type="radio" id="${id}" name="zoom_user_id" value="${escapeHtml(user.id)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(name)} <span class="email">(${escapeHtml(user.email)})</span></label>`;
    })
    .join('\n');
  const scopes = input.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return renderPage(
    'Zoom — Authorize app',
    `<h1>Zoom — Authorize app</h1>
<p>This app is requesting access to your Zoom account:</p>
<ul>${scopes}</ul>
<form method="post" action="/oauth/authorize">
${hidden}
<fieldset>
<legend>Choose the Zoom account to sign in as</legend>
${radios}
</fieldset>
<div class="actions">
<button type="submit" name="decision" value="allow">Authorize</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
  );
}
