/** @jsxImportSource hono/jsx */
/**
 * The web pages, served by the same Hono process as the API: server-rendered, shareable URLs,
 * a little progressive-enhancement script, no network needed.
 */
import type { Context, Hono } from "hono";
import { isLerError } from "../../src/domain/errors.ts";
import { isLive } from "../../src/engine/profile.ts";
import { positionFromJd } from "../../src/engine/requirements.ts";
import type { AppDeps } from "../context.ts";
import { CandidateView } from "./candidate-page.tsx";
import { CLIENT_JS } from "./client.ts";
import { ErrorBox } from "./components.tsx";
import { DEMO_JOB_DESCRIPTIONS } from "./demo-jds.ts";
import { ExplainView } from "./explain-page.tsx";
import { Layout } from "./layout.tsx";
import { JdForm, MatchView } from "./match-page.tsx";
import {
  optionsFromQuery,
  type PageRequirement,
  requirementsFromQuery,
  requirementsToQuery,
  toRequirementInputs,
} from "./query.ts";
import { SearchView } from "./search-page.tsx";

const queries = (c: Context) => (name: string) => c.req.queries(name);
/** The last value of a parameter: a checkbox after its hidden "0" twin wins when checked. */
const query = (c: Context) => (name: string) => c.req.queries(name)?.at(-1);
const EXTRA_KEYS = ["verified", "within", "partial", "title"] as const;
const extrasOf = (c: Context) => Object.fromEntries(EXTRA_KEYS.map((k) => [k, query(c)(k) ?? ""]));
const MATCH_DEFAULTS = { partial: true };

/** A message a person can act on, never a stack trace. */
function messageOf(e: unknown): string {
  if (isLerError(e)) return e.message;
  console.error("[ler-match] page error:", e);
  return "Something went wrong on our side. Try again; if it persists, the server log has the details.";
}

export function registerPages(app: Hono, { engine }: AppDeps): void {
  app.get("/assets/pages.js", (c) =>
    c.body(CLIENT_JS, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  app.get("/", (c) => c.redirect("/match"));

  app.get("/match", async (c) => {
    const reqs = requirementsFromQuery(queries(c));
    if (reqs.length === 0) {
      const demo = DEMO_JOB_DESCRIPTIONS.find((d) => d.id === c.req.query("demo"));
      return c.html(
        <Layout title="Match a job">
          <h1>Match candidates to a job</h1>
          <JdForm text={demo?.text ?? ""} />
        </Layout>,
      );
    }
    const extra = extrasOf(c);
    const props = {
      title: extra.title || null,
      reqs,
      unresolved: c.req.queries("unresolved") ?? [],
      taxonomy: engine.taxonomy,
      extra,
    };
    try {
      const page = await engine.match(
        { requirements: toRequirementInputs(reqs) },
        optionsFromQuery(query(c), MATCH_DEFAULTS),
      );
      return c.html(<MatchView {...props} page={page} error={null} />);
    } catch (e) {
      return c.html(<MatchView {...props} page={null} error={messageOf(e)} />, isLerError(e) ? 200 : 500);
    }
  });

  app.post("/match", async (c) => {
    const form = await c.req.parseBody();
    const text = typeof form.jd === "string" ? form.jd : "";
    const parse = engine.parseJobDescription(text);
    if (parse.requirements.length === 0)
      return c.html(
        <Layout title="Match a job">
          <h1>Match candidates to a job</h1>
          <ErrorBox title="No skills found in this text">
            We could not find any skill from the taxonomy in it
            {parse.unresolved.length
              ? ` (not understood: ${parse.unresolved.map((u) => u.phrase).join(", ")})`
              : ""}
            . Add a requirements list, or use the search page.
          </ErrorBox>
          <JdForm text={text} />
        </Layout>,
        422,
      );
    const position = positionFromJd(parse);
    const reqs: PageRequirement[] = position.requirements.map((r, i) => ({
      skill: r.concept,
      level: r.minLevel ?? null,
      required: !!r.required,
      inferred: parse.requirements[i]?.inferred ?? false,
    }));
    const extra: Record<string, string> = { title: parse.title ?? "" };
    const unresolved = parse.unresolved.map((u) => `&unresolved=${encodeURIComponent(u.phrase)}`).join("");
    return c.redirect(`/match?${requirementsToQuery(reqs, extra)}${unresolved}`, 303);
  });

  app.get("/search", async (c) => {
    const reqs = requirementsFromQuery(queries(c));
    const extra = extrasOf(c);
    if (reqs.length === 0) return c.html(<SearchView reqs={[]} extra={extra} page={null} error={null} />);
    try {
      const page = await engine.search(
        { requirements: toRequirementInputs(reqs) },
        optionsFromQuery(query(c)),
      );
      return c.html(<SearchView reqs={reqs} extra={extra} page={page} error={null} />);
    } catch (e) {
      return c.html(<SearchView reqs={reqs} extra={extra} page={null} error={messageOf(e)} />);
    }
  });

  app.get("/candidates/:id", async (c) => {
    try {
      const profile = await engine.profile(c.req.param("id"));
      const now = Date.now();
      return c.html(<CandidateView profile={profile} isLive={(e) => isLive(e, now)} />);
    } catch (e) {
      return errorPage(c, "Candidate not found", messageOf(e), 404);
    }
  });

  app.get("/explain", async (c) => {
    const candidate = c.req.query("candidate") ?? "";
    const reqs = requirementsFromQuery(queries(c));
    try {
      const result = await engine.explain(
        candidate,
        { requirements: toRequirementInputs(reqs) },
        optionsFromQuery(query(c), MATCH_DEFAULTS),
      );
      return c.html(
        <ExplainView result={result} backHref={`/match?${requirementsToQuery(reqs, extrasOf(c))}`} />,
      );
    } catch (e) {
      return errorPage(
        c,
        "Cannot explain this match",
        messageOf(e),
        isLerError(e) && e.code === "not_found" ? 404 : 400,
      );
    }
  });
}

function errorPage(c: Context, title: string, message: string, status: 400 | 404 | 500) {
  return c.html(
    <Layout title={title}>
      <h1>{title}</h1>
      <ErrorBox title={title}>{message}</ErrorBox>
      <p>
        <a href="/match">Match a job</a> · <a href="/search">Search skills</a>
      </p>
    </Layout>,
    status,
  );
}
