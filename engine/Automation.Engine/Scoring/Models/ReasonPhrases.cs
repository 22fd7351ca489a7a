using System.Globalization;
using Automation.Engine.Profiles;
using Automation.Plugins.Sdk;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// A model's strongest inputs in a marketer's words: "no purchase for 64 days", "pricing views in 7 days up (5 vs 0.8 usual)".
/// The vocabulary is the segments' (<see cref="ReasonWriter"/>); what a model adds is how the value compares with the
/// training customers.
/// </summary>
public static class ReasonPhrases
{
    public static ReasonCode For(string feature, double value, double usual)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (ModelFeatures.Rfm.Contains(feature))
        {
            // A log-scale input is explained in its own units: days, purchases, money.
            (feature, value, usual) = (feature[3..], Math.Exp(value) - 1, Math.Exp(usual) - 1);
        }

        var text = Format(value);
        var member = "Features." + feature;
        if (feature is nameof(CustomerFeatures.DaysSinceLastPurchase) or nameof(CustomerFeatures.DaysInactive))
        {
            return new ReasonCode(member, text, ReasonWriter.Words(feature, text));
        }

        if (feature is nameof(CustomerFeatures.HasEmail) or nameof(CustomerFeatures.HasAbandonedCart) or nameof(CustomerFeatures.Unsubscribed))
        {
            var flag = value >= 0.5 ? "true" : "false";
            return new ReasonCode(member, flag, ReasonWriter.Words(feature, flag));
        }

        var what = ReasonWriter.Words(feature, "").TrimEnd(' ', ':');
        var change = Math.Abs(value - usual) < 1e-9 ? "" : value > usual ? " up" : " down";
        return new ReasonCode(member, text, $"{what}{change} ({text} vs {Format(usual)} usual)");
    }

    private static string Format(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
