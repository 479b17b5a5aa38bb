import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { validateRubric, type Rubric } from './model.js';

const Text = Type.Object({ vi: Type.String({ minLength: 1, maxLength: 300 }), en: Type.String({ maxLength: 300 }) });
const Period = Type.Union([Type.Literal('year'), Type.Literal('quarter'), Type.Literal('month'), Type.Literal('week')]);
const Rule = Type.Union([
  Type.Object({ kind: Type.Literal('boolean') }),
  Type.Object({ kind: Type.Literal('threshold'), min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) }),
  Type.Object({ kind: Type.Literal('bands'), bands: Type.Array(Type.Object({ min: Type.Number(), share: Type.Number({ minimum: 0, maximum: 1 }) }), { maxItems: 10 }) }),
  Type.Object({ kind: Type.Literal('count'), target: Type.Number({ exclusiveMinimum: 0 }), per: Period }),
  Type.Object({ kind: Type.Literal('manual') }),
]);
const Level = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]);

/** The JSON shape of a rubric a city publishes (key and version are set by the server). */
export const RubricBody = Type.Object({
  title: Text,
  basis: Type.String({ maxLength: 500 }),
  criteria: Type.Array(Type.Object({
    id: Type.Union([Type.Literal('c1'), Type.Literal('c2'), Type.Literal('c3'), Type.Literal('c4')]),
    number: Level,
    title: Text,
    indicators: Type.Array(Type.Object({
      key: Type.String({ pattern: '^[a-z0-9_.]{1,60}$' }),
      label: Text,
      sources: Type.Array(Type.String({ pattern: '^[a-z0-9_]+\\.[a-z0-9_]+$' }), { minItems: 1, maxItems: 5 }),
      rule: Rule,
      points: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
      requiredFromLevel: Type.Optional(Level),
    }), { maxItems: 60 }),
  }), { minItems: 1, maxItems: 4 }),
  levels: Type.Array(Type.Object({ level: Level, minPercent: Type.Number({ minimum: 0, maximum: 100 }), minCriterionPercent: Type.Number({ minimum: 0, maximum: 100 }) }), { minItems: 4, maxItems: 4 }),
});
export type RubricBodyType = Static<typeof RubricBody>;

/** A rubric from untrusted JSON: shape (TypeBox) then meaning (validateRubric); Vietnamese errors. */
export function parseRubric(input: unknown, key: string): { rubric: Rubric } | { errors: string[] } {
  if (!Value.Check(RubricBody, input)) {
    const first = [...Value.Errors(RubricBody, input)].slice(0, 5);
    return { errors: first.map((e) => `Sai cấu trúc tại ${e.path || '/'}: ${e.message}`) };
  }
  const rubric: Rubric = { ...(input as RubricBodyType), key, version: 0 };
  const errors = validateRubric(rubric);
  return errors.length ? { errors } : { rubric };
}
