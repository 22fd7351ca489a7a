using System.Text;
using Automation.Engine.Events;

namespace Automation.Engine.Tests.Events;

public sealed class UnicodeTextTests
{
    // Chars, not strings: an attribute stores a string as UTF-8, which turns a lone surrogate into U+FFFD.
    [Theory]
    [InlineData(new[] { 'c', '-', '1' }, true)]
    [InlineData(new[] { 'Z', 'o', '\u00eb', '\u2713', '\u5ba2' }, true)]
    [InlineData(new[] { 's', '\ud83d', '\ude00' }, true)]
    [InlineData(new[] { 'l', '\ud800' }, false)]
    [InlineData(new[] { '\ud800', 'x' }, false)]
    [InlineData(new[] { '\ude00', '\ud83d' }, false)]
    [InlineData(new[] { '\udc00' }, false)]
    public void Text_is_well_formed_only_without_an_unpaired_surrogate(char[] text, bool wellFormed) =>
        Assert.Equal(wellFormed, UnicodeText.IsWellFormed(new string(text)));

    [Theory]
    [InlineData("{\"path\":\"/p/1\"}", true)]
    [InlineData("{\"name\":\"Zoë ✓\"}", true)]
    [InlineData("{\"smile\":\"\\ud83d\\ude00\",\"a\":\"\\u0041\"}", true)]
    [InlineData("{\"slash\":\"\\\\ud800\"}", true)]
    [InlineData("{\"note\":\"\\ud800\"}", false)]
    [InlineData("{\"note\":\"\\uDC00\"}", false)]
    [InlineData("{\"note\":\"\\ud83d\\u0041\"}", false)]
    [InlineData("{\"\\ud800\":1}", false)]
    public void Json_is_well_formed_only_when_every_surrogate_escape_is_paired(string json, bool wellFormed) =>
        Assert.Equal(wellFormed, UnicodeText.IsWellFormedJson(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData(new byte[] { 0xff })]
    [InlineData(new byte[] { 0xc3, 0x28 })]
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 })]
    public void Json_with_bytes_that_are_not_utf8_is_not_well_formed(byte[] bad)
    {
        byte[] json = [.. "{\"k\":\"a"u8, .. bad, .. "\"}"u8];
        Assert.False(UnicodeText.IsWellFormedJson(json));
    }

    [Fact]
    public void A_string_read_leniently_keeps_its_defect_so_that_it_is_refused()
    {
        byte[] invalidUtf8 = [.. "\"ab"u8, 0xff, .. "\""u8];
        Assert.False(UnicodeText.IsWellFormed(UnicodeText.DecodeLeniently(invalidUtf8)));
        Assert.False(UnicodeText.IsWellFormed(UnicodeText.DecodeLeniently("\"a\\ud800\""u8)));
        Assert.Equal("a\"\n✓", UnicodeText.DecodeLeniently("\"a\\\"\\n\\u2713\""u8));
    }
}
