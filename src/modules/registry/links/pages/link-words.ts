// Words of enter once shared by its pages: a relation to the head in the reader's language.
import type { Translate } from "../../../../platform/i18n/i18n.ts";

const RELATIONS = ["head", "spouse", "child", "parent", "grandchild", "grandparent", "sibling", "in_law", "other"] as const;

export const relationLabel = (t: Translate, relation: string) =>
  t(`links.relation.${(RELATIONS as readonly string[]).includes(relation) ? (relation as (typeof RELATIONS)[number]) : "other"}`);
