import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('leaves no character that opens a tag, ends an attribute or starts an entity', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(escapeHtml(42)).toBe('42');
  });
});
