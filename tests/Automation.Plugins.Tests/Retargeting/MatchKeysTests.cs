using Automation.Plugins.Retargeting;

namespace Automation.Plugins.Tests.Retargeting;

/// <summary>Identifiers are normalized the way ad platforms normalize them, or they never match.</summary>
public sealed class MatchKeysTests
{
    [Theory]
    [InlineData("  Jane.Doe@Example.COM ", "jane.doe@example.com")]
    [InlineData("John.Smith+ads@gmail.com", "johnsmith@gmail.com")]
    [InlineData("j.o.h.n.smith@googlemail.com", "johnsmith@googlemail.com")]
    [InlineData("john.smith+ads@example.com", "john.smith+ads@example.com")]
    public void Emails_are_trimmed_lower_cased_and_gmail_aliases_collapsed(string raw, string normalized) =>
        Assert.Equal(normalized, MatchKeys.NormalizeEmail(raw));

    [Theory]
    [InlineData("")]
    [InlineData("not an email")]
    [InlineData("@example.com")]
    [InlineData("jane@")]
    [InlineData("+tag@gmail.com")]
    public void Text_that_is_not_an_address_gives_no_email_key(string raw) =>
        Assert.Null(MatchKeys.NormalizeEmail(raw));

    [Theory]
    [InlineData("+1 (415) 555-0123", null, "14155550123")]
    [InlineData("001 415 555 0123", null, "14155550123")]
    [InlineData("+49 30 1234567 ext. 12", null, "49301234567")]
    [InlineData("030 1234567", "49", "49301234567")]
    [InlineData("14155550123", null, "14155550123")]
    public void Phone_numbers_become_e164_digits(string raw, string? defaultCountryCode, string normalized) =>
        Assert.Equal(normalized, MatchKeys.NormalizePhone(raw, defaultCountryCode));

    [Theory]
    [InlineData("12345")]
    [InlineData("+0 123 456 789")]
    [InlineData("call me")]
    public void Text_that_cannot_be_a_phone_number_gives_no_phone_key(string raw) =>
        Assert.Null(MatchKeys.NormalizePhone(raw));

    [Fact]
    public void Hashes_are_lower_case_sha256_hex_of_the_normalized_value() =>
        Assert.Equal(KnownHashes.JohnSmithTaggedExample, MatchKeys.Sha256Hex("john.smith+ads@example.com"));
}
