/** People the LERs are about. A row exists while any document about the person is stored. */
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

export const candidates = sqliteTable("candidates", {
  id: text("id").primaryKey(),
  name: text("name"),
  email: text("email"),
  location: text("location"),
});
