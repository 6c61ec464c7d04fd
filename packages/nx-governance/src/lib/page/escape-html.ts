const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text from data, git or command output as HTML text or an attribute value
 * (quoted): every character that could open a tag, end an attribute or start
 * an entity is replaced, so a title holding `<script>` renders as text.
 */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
