import { describe, expect, it } from 'vitest';
import { emailBody, restoreLiquid } from './emailHtml';

describe('restoreLiquid', () => {
  it('gives back the quotes and operators an editor escaped inside Liquid tags', () => {
    const escaped = '<p title="&quot;x&quot;">Hi {{ name | default: &quot;friend&quot; }}{% if purchases &gt; 2 %} &amp; thanks{% endif %}</p>';
    expect(restoreLiquid(escaped)).toBe('<p title="&quot;x&quot;">Hi {{ name | default: "friend" }}{% if purchases > 2 %} &amp; thanks{% endif %}</p>');
  });
});

describe('emailBody', () => {
  it('keeps the CSS as a style element before the markup and drops the body wrapper', () => {
    expect(emailBody('<body id="x"><p class="a">Hi {{ firstName }}</p></body>', '.a{color:red;}')).toBe('<style>.a{color:red;}</style>\n<p class="a">Hi {{ firstName }}</p>');
  });

  it('writes no style element when the email has no CSS', () => {
    expect(emailBody('<p>Hi</p>', '  ')).toBe('<p>Hi</p>');
  });
});
