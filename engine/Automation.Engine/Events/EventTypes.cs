namespace Automation.Engine.Events;

/// <summary>The event types that drive built-in profile features. Other well-formed types are stored and counted.</summary>
public static class EventTypes
{
    public const string PageView = "page_view";
    public const string ProductView = "product_view";
    public const string PricingView = "pricing_view";
    public const string AddToCart = "add_to_cart";
    public const string CheckoutStarted = "checkout_started";
    public const string Purchase = "purchase";
    public const string Refund = "refund";
    public const string EmailOpen = "email_open";
    public const string EmailClick = "email_click";
    public const string EmailUnsubscribe = "email_unsubscribe";
    public const string AdClick = "ad_click";
    public const string SupportTicket = "support_ticket";
    public const string FeatureUsed = "feature_used";
    public const string Identify = "identify";

    public static IReadOnlySet<string> BuiltIn { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PageView, ProductView, PricingView, AddToCart, CheckoutStarted, Purchase, Refund,
        EmailOpen, EmailClick, EmailUnsubscribe, AdClick, SupportTicket, FeatureUsed, Identify,
    };
}
