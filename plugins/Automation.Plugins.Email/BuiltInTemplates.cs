namespace Automation.Plugins.Email;

/// <summary>Templates the shipped workflows use; configuration may override any of them.</summary>
public static class BuiltInTemplates
{
    public static IReadOnlyDictionary<string, EmailTemplate> All { get; } = new Dictionary<string, EmailTemplate>(StringComparer.Ordinal)
    {
        ["winback-10"] = new()
        {
            Subject = "{{ name }}, we miss you: 10% off your next order",
            Text = "Hi {{ name }},\n\nIt has been a while since your last visit ({{ lastSeen }}). Here is 10% off your next order with code COMEBACK10.\n\nCustomer {{ customerId }} · {{ purchases }} orders so far",
            Html = "<p>Hi {{ name }},</p><p>It has been a while since your last visit ({{ lastSeen }}). Here is <b>10% off</b> your next order with code <b>COMEBACK10</b>.</p><p style=\"color:#888\">Customer {{ customerId }} · {{ purchases }} orders so far</p>",
        },
        ["high-intent"] = new()
        {
            Subject = "{{ name }}, questions about our plans?",
            Text = "Hi {{ name }},\n\nYou looked at our pricing a few times. Reply to this email and a specialist will help you choose.\n\nCustomer {{ customerId }}",
            Html = "<p>Hi {{ name }},</p><p>You looked at our pricing a few times. Reply to this email and a specialist will help you choose.</p><p style=\"color:#888\">Customer {{ customerId }}</p>",
        },
        ["cart-reminder"] = new()
        {
            Subject = "{{ name }}, your cart is waiting",
            Text = "Hi {{ name }},\n\nYou left something in your cart. It is still there when you are ready.\n\nCustomer {{ customerId }}",
            Html = "<p>Hi {{ name }},</p><p>You left something in your cart. It is still there when you are ready.</p><p style=\"color:#888\">Customer {{ customerId }}</p>",
        },
        ["cart-last-call"] = new()
        {
            Subject = "{{ name }}, last call for your cart",
            Text = "Hi {{ name }},\n\nYour cart is still saved, but not for much longer. Pick up where you left off whenever you like.\n\nCustomer {{ customerId }}",
            Html = "<p>Hi {{ name }},</p><p>Your cart is still saved, but not for much longer. Pick up where you left off whenever you like.</p><p style=\"color:#888\">Customer {{ customerId }}</p>",
        },
        ["onboarding-tips"] = new()
        {
            Subject = "{{ name }}, three tips for your first order",
            Text = "Hi {{ name }},\n\nA few days in, here is how customers get the most out of their first order: keep the receipt email, add delivery updates to your calendar, and reply to this email with any question.\n\nCustomer {{ customerId }}",
            Html = "<p>Hi {{ name }},</p><p>A few days in, here is how customers get the most out of their first order: keep the receipt email, add delivery updates to your calendar, and reply to this email with any question.</p><p style=\"color:#888\">Customer {{ customerId }}</p>",
        },
        ["welcome"] = new()
        {
            Subject = "Welcome, {{ name }}",
            Text = "Hi {{ name }},\n\nThanks for joining us.\n\nCustomer {{ customerId }}",
            Html = "<p>Hi {{ name }},</p><p>Thanks for joining us.</p><p style=\"color:#888\">Customer {{ customerId }}</p>",
        },
    };
}
