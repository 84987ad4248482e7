import { defineConfig } from "drizzle-kit";

/** Every file in src/store/schema/ is part of the store; `npm run db:generate` writes drizzle/. */
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/store/schema/*.ts",
  out: "./drizzle",
});
