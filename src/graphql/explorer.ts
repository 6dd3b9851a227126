import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';

/**
 * The in-browser IDE on `GET /graphql` (CONTRACT.md section 12). GraphiQL comes as one
 * self-contained page from @graphql-yoga/render-graphiql (scripts, styles, editor workers
 * inlined), so the explorer works without reaching any other host. Apollo's own landing
 * pages load from a CDN and are disabled instead.
 */

/**
 * The tab a first visit opens with. Sent without headers (`{}`): an Authorization header
 * holding a placeholder would make every request fail as UNAUTHENTICATED, while `me`
 * without a token is simply null.
 */
export const EXPLORER_SAMPLE_OPERATION = `# Welcome to the Kitaab API.
#
# Without a token, \`me\` is null. To act as a user:
#   1. run the \`Login\` operation below (or \`register\` + \`verifyEmail\`);
#   2. copy \`token\` from the result;
#   3. in the "Headers" tab below, enter
#        { "Authorization": "Bearer <token>" }
# Ctrl-Enter runs the operation under the cursor.

query Me {
  me {
    id
    email
    fullName
  }
}

query Search {
  search(query: "patience", first: 5) {
    totalCount
    edges {
      node {
        kind
        rank
        snippet {
          text
        }
      }
    }
  }
}

mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) {
    token
    expiresAt
  }
}
`;

const SAMPLE_VARIABLES = JSON.stringify({ email: 'you@example.com', password: 'your password' }, null, 2);

export function renderExplorerPage(graphqlPath: string): string {
  // Loaded here, not at the top: the renderer holds the whole GraphiQL bundle (~60 MB of
  // memory), which a server with EXPLORER=off (the production default) never needs.
  const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql');
  return renderGraphiQL({
    title: 'Kitaab API explorer',
    endpoint: graphqlPath,
    defaultTabs: [{ query: EXPLORER_SAMPLE_OPERATION, variables: SAMPLE_VARIABLES, headers: '{}' }],
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
    // A pasted token stays in the tab for this browser session only, not in localStorage.
    shouldPersistHeaders: false,
    // The default favicon is a remote URL; an inline one keeps the page offline.
    favicon: 'data:,',
  });
}

/** Apollo's landing page hook, serving the explorer to requests that prefer HTML. */
export function explorerPlugin<TContext extends object>(graphqlPath: string): ApolloServerPlugin<TContext> {
  const html = renderExplorerPage(graphqlPath);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

// The media types Apollo negotiates between when it decides whether to serve a landing page.
const NEGOTIATED_TYPES = ['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html'];

/**
 * A browser's `GET /graphql`: it prefers HTML to every GraphQL response type. With the
 * explorer off (EXPLORER=off) it gets a plain JSON 404 saying so, rather than Apollo's CSRF
 * or missing-query error for what is not an operation.
 */
export function wantsExplorerPage(request: IncomingMessage): boolean {
  if (request.method !== 'GET' || !request.headers.accept) return false;
  return new Negotiator(request).mediaType(NEGOTIATED_TYPES) === 'text/html';
}

export const EXPLORER_DISABLED_MESSAGE = 'The explorer is disabled (EXPLORER=off): send GraphQL requests to POST /graphql';

/**
 * The explorer page runs GraphiQL's inlined scripts, styles and editor workers and talks to
 * this origin only; no page may frame it. Every other answer gets `default-src 'none'`.
 */
export const EXPLORER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
