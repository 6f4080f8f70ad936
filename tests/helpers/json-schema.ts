/** Validates JSON against a published JSON Schema (draft 2020-12) with a validator independent of zod. */
import { Validator } from "@cfworker/json-schema";

/** Every error, as "where: what", or an empty list when the value follows the schema. */
export function schemaErrors(schema: Record<string, unknown>, value: unknown): string[] {
  const result = new Validator(schema as ConstructorParameters<typeof Validator>[0], "2020-12", false).validate(value);
  return result.errors.map((e) => `${e.instanceLocation}: ${e.error}`);
}
