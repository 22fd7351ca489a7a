using Automation.Engine.Content;
using Automation.Plugins.Sdk;
using Automation.Storage.Content;

namespace Automation.Engine.Tests.Content;

/// <summary>
/// A body sanitized and inlined once per template and filled per customer must be exactly what rendering the whole
/// document for that customer gives, whatever the customer's values hold; values it cannot vouch for render in full.
/// </summary>
public sealed class EmailTemplateRendererTests
{
    private static readonly string[] Names =
    [
        "Ada Lovelace", "Tom & Jerry", "<script>alert(1)</script>", "O'Brien \"Bob\"", "Zoë Ünal", "名前 テスト", "😀 smile",
        "a\u00a0b", "x > y < z", "&amp; already", "  padded  ", "line\nbreak", "tab\there", "ctrl\u0001char", "c1\u0085char",
        "lone \ud800 surrogate", "&{alert(1)}", "javascript:alert(1)", "", "{{ name }}", "{% if true %}x{% endif %}",
    ];

    private static readonly string[] Unsubscribes =
    [
        "https://example.test/unsubscribe?customer=c-1", "javascript:alert(1)", "https://example.test/u?a=1&b=\"2\"", "",
        "mailto:stop@example.test", "/relative/path?x=<y>", "  https://example.test/spaced", "data:text/html;base64,PHNjcmlwdD4=",
    ];

    public static TheoryData<string> Templates() =>
    [
        BuiltInEmailTemplates.All["welcome"].Html!,
        BuiltInEmailTemplates.All["winback-10"].Html!,
        "<p>{{ name }} / {{ email }}</p><p title=\"{{ name }}\">{{ firstName }}</p><img src=\"{{ unsubscribe_url }}\" alt=\"{{ name }}\">",
        "<table><tr><td>{{ name }}</td></tr>{{ name }}</table>",
        "<html><head><title>{{ name }}</title><style>p:empty { color: red } a[href^=\"https\"] { color: blue }</style></head><body><p>{{ lastSeen }}</p><a href=\"{{ unsubscribe_url }}\">x</a></body></html>",
        "<p style=\"color: {{ name }}\">{{ name }}</p><!-- {{ name }} --><a href=\"https://example.test/?c={{ customerId }}\">go</a>",
        "<p>{{ name | upcase }}</p>",
        "{% if name %}<b>{{ name }}</b>{% endif %}",
        "<p>{{- name -}} and {{ name }}</p>",
    ];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_customer_gets_exactly_the_body_a_full_render_gives(string html)
    {
        var template = new EmailTemplateRecord { Key = "t", Name = "T", Subject = "Hi {{ name }}", Preheader = "For {{ firstName }}", Html = html, Text = "Hi {{ name }}", Version = 3 };
        foreach (var name in Names)
        {
            foreach (var unsubscribe in Unsubscribes)
            {
                var request = new EmailRenderRequest("t", new CustomerSnapshot("c-1", "c1@example.test", name, null, null, new Dictionary<string, string> { ["lastSeen"] = name }), unsubscribe);
                string? full;
                try
                {
                    full = EmailTemplateRenderer.RenderWithoutSkeleton(template, request);
                }
                catch (EmailTemplateException)
                {
                    full = null;
                }

                string? rendered;
                try
                {
                    rendered = EmailTemplateRenderer.Render(template, request).Html;
                }
                catch (EmailTemplateException)
                {
                    rendered = null;
                }

                Assert.True(full == rendered, $"name '{name}', unsubscribe '{unsubscribe}':\nfull:   {full}\nfilled: {rendered}");
            }
        }
    }

    [Fact]
    public void A_plain_template_is_sanitized_once_and_filled_for_each_customer()
    {
        var skeleton = MailSkeleton.Of(BuiltInEmailTemplates.All["welcome"].Html!);

        Assert.NotNull(skeleton);
        Assert.Equal(["name", "customerId", "unsubscribe_url"], skeleton.Names);
        var filled = skeleton.Fill(new Dictionary<string, string> { ["name"] = "Tom & Jerry", ["customerId"] = "c-9", ["unsubscribe_url"] = "https://example.test/u?c=c-9" });
        Assert.NotNull(filled);
        Assert.Contains("Hi Tom &amp; Jerry,", filled, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.test/u?c=c-9\"", filled, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", filled, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_with_logic_or_filters_renders_in_full()
    {
        Assert.Null(MailSkeleton.Of("{% if name %}<b>{{ name }}</b>{% endif %}"));
        Assert.Null(MailSkeleton.Of("<p>{{ name | upcase }}</p>"));
        Assert.Null(MailSkeleton.Of("<p style=\"color: {{ name }}\">{{ name }}</p>"));
    }
}
