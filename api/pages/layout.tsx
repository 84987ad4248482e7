/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

export function Layout(props: { title: string; children?: Child; signedIn?: boolean }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · ler-match</title>
        <link rel="stylesheet" href="/assets/pages.css" />
        <script src="/assets/pages.js" defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">
            ler-match
          </a>
          <nav aria-label="main">
            <a href="/match">Match a job</a>
            <a href="/search">Search skills</a>
            <a href="/team">Team gaps</a>
            <a href="/docs">API</a>
          </nav>
          {props.signedIn !== false && (
            <form class="signout" method="post" action="/signout">
              <button type="submit" class="secondary">
                Sign out
              </button>
            </form>
          )}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
