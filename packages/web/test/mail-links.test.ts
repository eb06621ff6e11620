import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
// The server's builder of the link in every password mail (welcome, forgotten, admin reset).
import { passwordLink } from '../../server/src/modules/identity/shared/password-link';
import { tokenFromHash } from '../src/modules/auth/reset-token';
import { routes } from '../src/modules/auth/routes';

describe('links in identity mail land on a page of the web app', () => {
  const token = 'tok/en+with=odd&chars';
  const link = new URL(passwordLink('https://sign.example.test/', token));

  it('the password link path is a public route of the app (no sign-in needed to open it)', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: routes.bare ?? [] });
    const target = router.resolve(`${link.pathname}${link.hash}`);
    expect(target.matched).toHaveLength(1);
    expect(target.name).toBe('reset-password');
    expect(target.meta.public).toBe(true);
  });

  it('the reset page reads back exactly the token the mail carries, from the fragment', () => {
    expect(link.search).toBe('');
    expect(tokenFromHash(link.hash)).toBe(token);
  });
});
