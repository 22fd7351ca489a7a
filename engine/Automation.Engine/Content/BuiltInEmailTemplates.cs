namespace Automation.Engine.Content;

/// <summary>The templates the shipped workflows send, put in the library on first start; marketers edit them there.</summary>
public static class BuiltInEmailTemplates
{
    public static IReadOnlyDictionary<string, EmailTemplateDraft> All { get; } = new Dictionary<string, EmailTemplateDraft>(StringComparer.Ordinal)
    {
        ["winback-10"] = Letter(
            "Win-back 10 %",
            "{{ name }}, we miss you: 10% off your next order",
            "Here is 10% off with code COMEBACK10",
            "It has been a while since your last visit ({{ lastSeen }}). Here is <strong>10% off</strong> your next order with code <strong>COMEBACK10</strong>.",
            "It has been a while since your last visit ({{ lastSeen }}). Here is 10% off your next order with code COMEBACK10."),
        ["high-intent"] = Letter(
            "High intent: talk to a specialist",
            "{{ name }}, questions about our plans?",
            "A specialist can help you choose",
            "You looked at our pricing a few times. Reply to this email and a specialist will help you choose.",
            "You looked at our pricing a few times. Reply to this email and a specialist will help you choose."),
        ["cart-reminder"] = Letter(
            "Cart reminder",
            "{{ name }}, your cart is waiting",
            "Your cart is saved for you",
            "You left something in your cart. It is still there when you are ready.",
            "You left something in your cart. It is still there when you are ready."),
        ["cart-last-call"] = Letter(
            "Cart last call",
            "{{ name }}, last call for your cart",
            "Your cart will not be kept much longer",
            "Your cart is still saved, but not for much longer. Pick up where you left off whenever you like.",
            "Your cart is still saved, but not for much longer. Pick up where you left off whenever you like."),
        ["onboarding-tips"] = Letter(
            "Onboarding tips",
            "{{ name }}, three tips for your first order",
            "How customers get the most out of their first order",
            "A few days in, here is how customers get the most out of their first order: keep the receipt email, add delivery updates to your calendar, and reply to this email with any question.",
            "A few days in, here is how customers get the most out of their first order: keep the receipt email, add delivery updates to your calendar, and reply to this email with any question."),
        ["welcome"] = Letter(
            "Welcome",
            "Welcome, {{ name }}",
            "Thanks for joining us",
            "Thanks for joining us.",
            "Thanks for joining us."),
    };

    /// <summary>One layout for all of them: a greeting, the message, and a footer with the unsubscribe link.</summary>
    private static EmailTemplateDraft Letter(string name, string subject, string preheader, string htmlMessage, string textMessage) => new(
        name,
        subject,
        preheader,
        null,
        null,
        $$$"""
        <html><head><style>
        body { margin: 0; background: #f4f5f7; font-family: Helvetica, Arial, sans-serif; color: #1f2933; }
        .card { max-width: 560px; margin: 24px auto; background: #ffffff; border-radius: 8px; padding: 28px; }
        .foot { max-width: 560px; margin: 0 auto 24px; font-size: 12px; color: #5f6b7a; text-align: center; }
        a { color: #3b5bdb; }
        </style></head>
        <body><div class="card"><p>Hi {{ name }},</p><p>{{{htmlMessage}}}</p></div>
        <div class="foot">You receive this as customer {{ customerId }}. <a href="{{ unsubscribe_url }}">Unsubscribe</a></div></body></html>
        """,
        $"Hi {{{{ name }}}},\n\n{textMessage}\n\nCustomer {{{{ customerId }}}} · unsubscribe: {{{{ unsubscribe_url }}}}");
}
