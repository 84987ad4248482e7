/** @jsxImportSource hono/jsx */
/**
 * The web pages, served by the same Hono process as the API: server-rendered, shareable URLs,
 * a little progressive-enhancement script, no network needed.
 */
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isLerError, LerError } from "../../src/domain/errors.ts";
import type { JobDescriptionPosition } from "../../src/engine/types.ts";
import { readForm } from "../body.ts";
import type { AppDeps } from "../context.ts";
import { DOCS_CSS } from "../docs-page.ts";
import { MAX_JOB_DESCRIPTION } from "../schemas.ts";
import { audited, auditedPage } from "../security/audit.ts";
import { CandidateView } from "./candidate-page.tsx";
import { CLIENT_JS } from "./client.ts";
import { ErrorBox } from "./components.tsx";
import { DEMO_JOB_DESCRIPTIONS } from "./demo-jds.ts";
import { ExplainView } from "./explain-page.tsx";
import { Layout } from "./layout.tsx";
import { JdForm, MatchView } from "./match-page.tsx";
import {
  checkRequirements,
  optionsFromQuery,
  type PageRequirement,
  requirementsFromQuery,
  requirementsToQuery,
  toRequirementInputs,
} from "./query.ts";
import { SearchView } from "./search-page.tsx";
import { registerSignIn } from "./signin.tsx";
import { CSS } from "./styles.ts";
import { registerTeamPage } from "./team-routes.tsx";

const queries = (c: Context) => (name: string) => c.req.queries(name);
/** The last value of a parameter: a checkbox after its hidden "0" twin wins when checked. */
const query = (c: Context) => (name: string) => c.req.queries(name)?.at(-1);
const EXTRA_KEYS = ["verified", "within", "partial", "title", "blind"] as const;
const extrasOf = (c: Context) => Object.fromEntries(EXTRA_KEYS.map((k) => [k, query(c)(k) ?? ""]));
const MATCH_DEFAULTS = { partial: true };

/** A message a person can act on, never a stack trace. */
function messageOf(e: unknown): string {
  if (isLerError(e)) return e.message;
  console.error("[ler-match] page error:", e);
  return "Something went wrong on our side. Try again; if it persists, the server log has the details.";
}

/** A LerError's catalogued status: a page the person can fix answers 4xx, like the API. */
const statusOf = (e: unknown): ContentfulStatusCode =>
  (isLerError(e) ? e.status : 500) as ContentfulStatusCode;

/** The pasted text of the match form, refused over the API's own job-description limit. */
function jobDescriptionOf(form: Record<string, unknown>): string {
  const text = typeof form.jd === "string" ? form.jd : "";
  if (text.length > MAX_JOB_DESCRIPTION)
    throw new LerError(
      "invalid_input",
      `This text has ${text.length} characters; a job description is at most ${MAX_JOB_DESCRIPTION}.`,
      { details: { limit: MAX_JOB_DESCRIPTION } },
    );
  return text;
}

export function registerPages(app: Hono, deps: AppDeps): void {
  const { engine, config } = deps;
  registerTeamPage(app, deps);
  const maxBodyBytes = config.limits.maxBodyBytes;
  const formLimit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) =>
      errorPage(
        c,
        "This text is too large",
        `The form is over the ${maxBodyBytes}-byte limit; paste a shorter job description.`,
        413,
      ),
  });

  app.get("/assets/pages.js", (c) =>
    c.body(CLIENT_JS, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  const css = (text: string) => (c: Context) =>
    c.body(text, 200, { "content-type": "text/css; charset=utf-8" });
  app.get("/assets/pages.css", css(CSS));
  app.get("/assets/docs.css", css(DOCS_CSS));
  app.get("/", (c) => c.redirect("/match"));
  registerSignIn(app, { engine, config });

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
      taxonomy: c.var.engine.taxonomy,
      extra,
    };
    try {
      checkRequirements(reqs);
      const position = { requirements: toRequirementInputs(reqs) };
      const options = optionsFromQuery(query(c), MATCH_DEFAULTS);
      const [page, analysis] = await Promise.all([
        c.var.engine.match(position, options),
        c.var.engine.analyse(position, options),
      ]);
      auditedPage(c, "match", page);
      return c.html(<MatchView {...props} page={page} analysis={analysis} error={null} />);
    } catch (e) {
      return c.html(<MatchView {...props} page={null} analysis={null} error={messageOf(e)} />, statusOf(e));
    }
  });

  // The cost panel's refresh as chips change: the same query as /match, answered as JSON. A page
  // route, so the sign-in cookie carries it (the cookie never authenticates a POST to /v1).
  app.get("/match/analysis", async (c) => {
    const reqs = requirementsFromQuery(queries(c));
    checkRequirements(reqs);
    const position = { requirements: toRequirementInputs(reqs) };
    return c.json(await c.var.engine.analyse(position, optionsFromQuery(query(c), MATCH_DEFAULTS)));
  });

  app.post("/match", formLimit, async (c) => {
    let text = "";
    try {
      text = jobDescriptionOf(await readForm(c));
    } catch (e) {
      return jdFormPage(c, text, "Could not read this text", messageOf(e), statusOf(e));
    }
    let understood: JobDescriptionPosition;
    try {
      understood = await c.var.engine.positionFromJobDescription(text);
    } catch (e) {
      const { title, message } = unmatchable(e);
      return jdFormPage(c, text, title, message, statusOf(e));
    }
    const { jobDescription: parse, position } = understood;
    const reqs: PageRequirement[] = position.requirements.map((r, i) => ({
      skill: r.concept,
      ...(r.alternatives?.length ? { alternatives: r.alternatives } : {}),
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
      checkRequirements(reqs);
      const page = await c.var.engine.search(
        { requirements: toRequirementInputs(reqs) },
        optionsFromQuery(query(c)),
      );
      auditedPage(c, "search", page);
      return c.html(<SearchView reqs={reqs} extra={extra} page={page} error={null} />);
    } catch (e) {
      return c.html(<SearchView reqs={reqs} extra={extra} page={null} error={messageOf(e)} />, statusOf(e));
    }
  });

  app.get("/candidates/:id", async (c) => {
    try {
      const profile = await c.var.engine.profile(c.req.param("id"));
      audited(c, "read-profile", [profile.candidate.id]);
      const roles = await c.var.engine.roles(profile.candidate.id, { limit: 6, gaps: 3 }).then(
        (page) => ({ page, error: null }),
        (e: unknown) => ({ page: null, error: messageOf(e) }),
      );
      return c.html(<CandidateView profile={profile} roles={roles} />);
    } catch (e) {
      return errorPage(c, "Candidate not found", messageOf(e), 404);
    }
  });

  app.get("/explain", async (c) => {
    const candidate = c.req.query("candidate") ?? "";
    const reqs = requirementsFromQuery(queries(c));
    try {
      checkRequirements(reqs);
      const result = await c.var.engine.explain(
        candidate,
        { requirements: toRequirementInputs(reqs) },
        optionsFromQuery(query(c), MATCH_DEFAULTS),
      );
      audited(c, "explain", [candidate]);
      return c.html(
        <ExplainView result={result} backHref={`/match?${requirementsToQuery(reqs, extrasOf(c))}`} />,
      );
    } catch (e) {
      return errorPage(c, "Cannot explain this match", messageOf(e), statusOf(e));
    }
  });
}

/** Why a pasted text could not become requirements: the title over the form, and what to do. */
function unmatchable(e: unknown): { title: string; message: Child } {
  if (!isLerError(e)) return { title: "Could not read this text", message: messageOf(e) };
  if (e.code === "unknown_concept") {
    const { unresolved = [] } = (e.details ?? {}) as { unresolved?: { phrase: string }[] };
    return {
      title: "No skills found in this text",
      message: (
        <>
          We could not find any skill from the taxonomy in it
          {unresolved.length ? ` (not understood: ${unresolved.map((u) => u.phrase).join(", ")})` : ""}. Add a
          requirements list, or use the search page.
        </>
      ),
    };
  }
  return {
    title: e.code === "too_many_requirements" ? "Could not match this text" : "Could not read this text",
    message: e.message,
  };
}

/** The match form again, with the text the person pasted and why it could not be matched. */
function jdFormPage(c: Context, text: string, title: string, message: Child, status: ContentfulStatusCode) {
  return c.html(
    <Layout title="Match a job">
      <h1>Match candidates to a job</h1>
      <ErrorBox title={title}>{message}</ErrorBox>
      <JdForm text={text} />
    </Layout>,
    status,
  );
}

function errorPage(c: Context, title: string, message: string, status: ContentfulStatusCode) {
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
