/** The app's three pages. Everything that came from the API or the user is escaped. */

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * @param {string} title
 * @param {string} body HTML
 */
function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

/** @param {string} [notice] Why the user is seeing this page again, e.g. after the session ended. */
export function signInPage(notice) {
  const note = notice ? `<p role="status">${escapeHtml(notice)}</p>\n` : "";
  return page("Frame.io web app example", `${note}<p><a href="/login">Sign in with Adobe</a></p>`);
}

/** @param {Array<{ id: string, name: string, workspaces: string[] }>} accounts */
export function accountsPage(accounts) {
  const items = accounts.map(({ id, name, workspaces }) => {
    const list = workspaces.map((workspace) => `<li>${escapeHtml(workspace)}</li>`).join("");
    return `<li>${escapeHtml(name)} <small>${escapeHtml(id)}</small><ul>${list}</ul></li>`;
  });
  const accountList =
    items.length > 0 ? `<ul id="accounts">${items.join("\n")}</ul>` : "<p>You are in no accounts.</p>";
  const signOut = `<form method="post" action="/logout"><button type="submit">Sign out</button></form>`;
  return page("Your Frame.io accounts", `${accountList}\n${signOut}`);
}

/** @param {string} message */
export function errorPage(message) {
  return page("Sign-in failed", `<p>${escapeHtml(message)}</p><p><a href="/login">Try again</a></p>`);
}
