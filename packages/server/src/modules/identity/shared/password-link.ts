/**
 * The link every password mail (welcome, forgotten, reset by an administrator) carries:
 * `<PUBLIC_URL>/reset-password#token=<token>`. The web app's reset page lives at this path
 * and reads the token from the fragment, which browsers never send to a server (so it does
 * not land in access logs). No imports: the web app's tests import this file to check that
 * the path is one of its routes.
 */
const PASSWORD_LINK_PATH = '/reset-password';

export function passwordLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${PASSWORD_LINK_PATH}#token=${encodeURIComponent(token)}`;
}
