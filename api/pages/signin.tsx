/** @jsxImportSource hono/jsx */
/**
 * Signing in to the pages with an API key: the key is checked, then kept in a cookie the page's
 * scripts cannot read (HttpOnly), that no other site's request carries (SameSite=Strict), sent only
 * over TLS when the server is reached over TLS. The form posts are CSRF-checked by app-wide middleware.
 */
import type { Context, Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { isLerError } from "../../src/domain/errors.ts";
import { readForm } from "../body.ts";
import type { AppDeps } from "../context.ts";
import { SESSION_COOKIE } from "../security/principal.ts";
import { ErrorBox } from "./components.tsx";
import { Layout } from "./layout.tsx";

/** Only a path on this site: never another origin (`//evil`, `/\\evil`, `https:`). */
const localPath = (next: unknown): string =>
  typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/match";

function SignInForm(props: { next: string; error?: string }) {
  return (
    <Layout title="Sign in" signedIn={false}>
      <h1>Sign in</h1>
      {props.error && <ErrorBox title="Not signed in">{props.error}</ErrorBox>}
      <form method="post" action="/signin">
        <input type="hidden" name="next" value={props.next} />
        <p>
          <label for="key">API key</label>
        </p>
        <p>
          <input id="key" name="key" type="password" autocomplete="off" size={60} required />
        </p>
        <p class="muted">
          An administrator creates keys with <code>ler-match keys create</code>; the demo prints one when it
          starts.
        </p>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}

/** A signed-in person whose key lacks the page's scope: what is missing, and a way to switch keys. */
export function DeniedPage(props: { needed: string; path: string }) {
  return (
    <Layout title="Not allowed">
      <h1>Not allowed with this key</h1>
      <ErrorBox title="Not allowed">
        This page needs a key with the "{props.needed}" scope.{" "}
        <a href={`/signin?next=${encodeURIComponent(props.path)}`}>Sign in with another key</a>.
      </ErrorBox>
    </Layout>
  );
}

export function registerSignIn(app: Hono, { engine }: AppDeps): void {
  app.get("/signin", (c) => c.html(<SignInForm next={localPath(c.req.query("next"))} />));

  app.post("/signin", async (c) => {
    const form = await readForm(c);
    const next = localPath(form.next);
    const key = typeof form.key === "string" ? form.key.trim() : "";
    try {
      engine.access.authenticate(key);
    } catch (e) {
      const message = isLerError(e) ? e.message : "the key could not be checked";
      return c.html(<SignInForm next={next} error={message} />, 401);
    }
    setCookie(c, SESSION_COOKIE, key, {
      httpOnly: true,
      sameSite: "Strict",
      secure: isTls(c),
      path: "/",
    });
    return c.redirect(next, 303);
  });

  app.post("/signout", (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isTls(c) });
    return c.redirect("/signin", 303);
  });
}

const isTls = (c: Context) => new URL(c.req.url).protocol === "https:";
