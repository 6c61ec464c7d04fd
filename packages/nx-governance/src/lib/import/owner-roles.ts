import { slug } from './markdown-document';

/** Joins between owners: "core owner + trailhead owner", "QA & Release", "A and B owners", "A / B". */
const JOIN = /\s*(?:\+|&|\/|,|\band\b)\s*/i;

/**
 * The roles a prose owner names: several where it joins them ("<lane> owner +
 * <consumer> owner"), each as a role id; one when it is a single role.
 */
export function ownerRoles(text: string): string[] {
  const parts = text
    .replace(/[*_`]/g, '')
    .split(JOIN)
    .map((p) => p.trim())
    .filter(Boolean);
  return [...new Set(parts.map((p) => slug(p)).filter((id) => id !== 'item'))];
}
