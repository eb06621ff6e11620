import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { directLinkPage, submitDirectLink } from './direct-links.service.js';
import type { InstancesDeps } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';
import * as s from './instances.schemas.js';

const link = {
  public: true,
  reason: 'issue 15 item 10: anyone holding a template’s direct link signs a new instance without an account',
} as const;

/** The public side of direct links: what the link is, and signing up through it. */
export function directLinkRoutes(deps: InstancesDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/digital-signature/direct/:token',
      access: link,
      summary: 'What a direct link offers: the template’s name, the role, the consent text (public)',
      params: s.directTokenParams,
      response: s.directLinkPage,
      errors: [instancesErrors.DIRECT_LINK_INVALID],
      handler: async (request) => directLinkPage(deps.db, request.params.token),
    }),
    defineRoute({
      method: 'POST',
      url: '/digital-signature/direct/:token',
      access: link,
      summary:
        'Sign up through a direct link: a new request from the template, answered with your signing link',
      description:
        'Rate-limited per client IP (10 per 10 minutes, 42901). The request is created and sent like any other;' +
        ' the answer carries the visitor’s own signing-link token.',
      params: s.directTokenParams,
      body: s.directSubmitBody,
      response: s.directSubmitted,
      status: 201,
      errors: [instancesErrors.DIRECT_LINK_INVALID, instancesErrors.TEMPLATE_INACTIVE, 'RATE_LIMITED'],
      handler: async (request) => {
        const made = await submitDirectLink(deps, actorOf(request), request.params.token, request.body);
        return {
          request_number: made.request.request_number,
          token: made.link.token,
          signing_url: made.link.signing_url,
          expires_at: made.link.expires_at,
        };
      },
    }),
  ];
}
