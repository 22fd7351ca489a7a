using Automation.Plugins.Sdk;

namespace Automation.Plugins.Retargeting;

/// <summary>One customer as an ad platform matches them: hashed, normalized email and phone (either may be missing).</summary>
public sealed record AudienceMember(string? EmailSha256, string? PhoneSha256)
{
    /// <summary>The columns of each data row, in order.</summary>
    public static IReadOnlyList<string> Schema { get; } = ["EMAIL_SHA256", "PHONE_SHA256"];

    /// <returns>The member, or null when the customer has no usable email or phone.</returns>
    public static AudienceMember? From(CustomerSnapshot customer, string? defaultCountryCode)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var email = MatchKeys.NormalizeEmail(customer.Email);
        var phone = MatchKeys.NormalizePhone(customer.Phone, defaultCountryCode);
        return email is null && phone is null
            ? null
            : new AudienceMember(email is null ? null : MatchKeys.Sha256Hex(email), phone is null ? null : MatchKeys.Sha256Hex(phone));
    }

    /// <summary>The data row in <see cref="Schema"/> order; audience APIs take an empty string for an unknown column.</summary>
    public IReadOnlyList<string> ToRow() => [EmailSha256 ?? "", PhoneSha256 ?? ""];
}
