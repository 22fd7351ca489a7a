using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Automation.Engine.Events;

namespace Automation.Engine.Tests.Events;

public sealed partial class Iso8601TimestampTests
{
    [Theory]
    [InlineData("2026-11-23T10:15:00Z", "2026-11-23T10:15:00.0000000+00:00")]
    [InlineData("2026-11-23T10:15Z", "2026-11-23T10:15:00.0000000+00:00")]
    [InlineData("2026-11-23T10:15:00.5+05:30", "2026-11-23T10:15:00.5000000+05:30")]
    [InlineData("2026-11-23T10:15:00.1234567-0800", "2026-11-23T10:15:00.1234567-08:00")]
    [InlineData("2024-02-29T23:59:59+14:00", "2024-02-29T23:59:59.0000000+14:00")]
    public void A_well_formed_timestamp_reads_as_the_moment_it_names(string text, string expected)
    {
        Assert.True(Iso8601Timestamp.TryParse(text, out var at));
        Assert.Equal(expected, at.ToString("O", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-11-23T10:15:00")]
    [InlineData("2026-11-23 10:15:00Z")]
    [InlineData("2026-02-30T10:15:00Z")]
    [InlineData("2026-11-23T24:00:00Z")]
    [InlineData("2026-11-23T10:15:00.12345678Z")]
    [InlineData("2026-11-23T10:15:00+15:00")]
    [InlineData("2026-11-23T10:15:00Z\n")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("")]
    public void A_timestamp_without_a_zone_or_out_of_range_is_refused(string text) =>
        Assert.False(Iso8601Timestamp.TryParse(text, out _));

    [Fact]
    public void Reads_every_generated_text_exactly_as_the_pattern_and_DateTimeOffset_parsing_do()
    {
        // The definition the hand reader replaced: the strict pattern, then the framework's parse.
        var random = new Random(7);
        const string alphabet = "0123456789-:T.Z+ x";
        string[] seeds = ["2026-11-23T10:15:00Z", "2026-11-23T10:15:00.123+05:30", "2024-02-29T23:59-0800", "9999-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00Z"];
        for (var n = 0; n < 50_000; n++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length + 1);
                switch (random.Next(3))
                {
                    case 0 when at < text.Length: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1 when at < text.Length: text.Remove(at, 1); break;
                    default: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                }
            }

            var input = text.ToString();
            var expected = Reference().IsMatch(input) && DateTimeOffset.TryParse(input, CultureInfo.InvariantCulture, DateTimeStyles.None, out var want);
            var actual = Iso8601Timestamp.TryParse(input, out var got);
            Assert.True(expected == actual, $"'{input}': expected {(expected ? "accepted" : "refused")}");
            if (expected)
            {
                DateTimeOffset.TryParse(input, CultureInfo.InvariantCulture, DateTimeStyles.None, out want);
                Assert.Equal(want, got);
                Assert.Equal(want.Offset, got.Offset);
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})\z")]
    private static partial Regex Reference();
}
