using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;

namespace Automation.Engine.Events;

/// <summary>The rules every event obeys, whichever door it came through.</summary>
public sealed partial class IncomingEventValidator : AbstractValidator<IncomingEvent>
{
    public const int MaxIdLength = 200;
    public const int MaxPropertiesBytes = 16 * 1024;
    private const int MaxTypeLength = 100;

    /// <summary>The earliest moment an event may carry: anything before the Unix epoch is a default or a typo, not behavior.</summary>
    public static readonly DateTimeOffset EarliestTimestamp = DateTimeOffset.UnixEpoch;

    /// <summary>How far ahead of the engine's clock an event may be (producers' clocks drift).</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromDays(1);

    private readonly TimeProvider clock;

    // Written so that a valid event allocates nothing beyond FluentValidation's own context: NotEmpty walks a
    // non-empty string through a boxed enumerator, When caches each condition in a dictionary per validation, and
    // GetRawText copies the properties; at a million events those were a sixth of ingestion's allocations.
    public IncomingEventValidator(TimeProvider clock)
    {
        this.clock = clock;
        RuleFor(e => e.CustomerId)
            .Must(Present).WithMessage("customerId is required")
            .MaximumLength(MaxIdLength)
            .Must(UnicodeText.IsWellFormed).WithMessage("customerId " + UnicodeText.Requirement);
        RuleFor(e => e.Id)
            .MaximumLength(MaxIdLength)
            .Must(UnicodeText.IsWellFormed).WithMessage("id " + UnicodeText.Requirement);
        RuleFor(e => e.Type)
            .Must(Present).WithMessage("type is required")
            .MaximumLength(MaxTypeLength)
            .Matches(TypePattern()).WithMessage("type must match [a-z][a-z0-9_.]* (e.g. page_view)");
        RuleFor(e => e.Timestamp)
            .Must(Present).WithMessage("timestamp is required")
            .Must(BeIso8601).WithMessage("timestamp must be ISO 8601 with a time zone, e.g. 2026-11-23T10:15:00Z");
        RuleFor(e => e.Timestamp)
            .Must(t => !Iso8601Timestamp.TryParse(t, out var at) || at <= clock.GetUtcNow() + MaxClockAhead)
            .WithMessage("timestamp is more than a day in the future");
        RuleFor(e => e.Timestamp)
            .Must(t => !Iso8601Timestamp.TryParse(t, out var at) || at >= EarliestTimestamp)
            .WithMessage("timestamp is before 1970-01-01T00:00:00Z");
        RuleFor(e => e.Value)
            .Must(v => v is null || v.Value.ValueKind == JsonValueKind.Null || (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetDecimal(out _)))
            .WithMessage("value must be a number");
        RuleFor(e => e.Value)
            .Must(v => v is null || v.Value.ValueKind != JsonValueKind.Number || !v.Value.TryGetDecimal(out var amount) || Amounts.InRange(amount))
            .WithMessage("value must be between -1,000,000,000 and 1,000,000,000");
        RuleFor(e => e.Value)
            .Must((e, v) => e.Type is not (EventTypes.Purchase or EventTypes.Refund)
                || (v is not null && v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetDecimal(out var amount) && amount >= 0))
            .WithMessage("value (the amount, zero or more) is required for purchase and refund");
        RuleFor(e => e.Properties)
            .Must(p => p is null || p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("properties must be an object");
        RuleFor(e => e.Properties)
            .Must(p => p is null || JsonMarshal.GetRawUtf8Value(p.Value).Length <= MaxPropertiesBytes)
            .WithMessage($"properties must be at most {MaxPropertiesBytes} bytes");
        RuleFor(e => e.Properties)
            .Must(WellFormedJson)
            .WithMessage("properties " + UnicodeText.Requirement);
        RuleFor(e => e.Properties)
            .Must((e, p) => e.Type != EventTypes.Identify || p is not { ValueKind: JsonValueKind.Object } || HaveUsableAnonymousId(p))
            .WithMessage($"properties.anonymousId (the id to merge into customerId) must be a non-empty string of at most {MaxIdLength} characters");
    }

    /// <summary>
    /// An event that plainly obeys every rule is accepted without running them: FluentValidation's machinery per rule
    /// cost 1.1 µs an event (measured over a million), a quarter of an append. Anything else runs the rules, which alone
    /// word the errors, so the shortcut can only accept less than they do (a test holds it to that).
    /// </summary>
    public override ValidationResult Validate(ValidationContext<IncomingEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PlainlyValid(context.InstanceToValidate) ? new ValidationResult() : base.Validate(context);
    }

    /// <summary>The rules' verdict, without the shortcut (for the test that compares the two).</summary>
    internal ValidationResult ValidateByRules(IncomingEvent e) => base.Validate(new ValidationContext<IncomingEvent>(e));

    /// <summary>
    /// True only for an event every rule above accepts, checked in plain code; identify events, and any doubt, go to the rules.
    /// </summary>
    internal bool PlainlyValid(IncomingEvent e) =>
        e is { CustomerId.Length: > 0 and <= MaxIdLength, Type.Length: > 0 and <= MaxTypeLength }
        && e.Id is null or { Length: <= MaxIdLength }
        && e.Type != EventTypes.Identify
        && !string.IsNullOrWhiteSpace(e.CustomerId)
        && PlainType(e.Type)
        && UnicodeText.IsWellFormed(e.CustomerId) && UnicodeText.IsWellFormed(e.Id)
        && Iso8601Timestamp.TryParse(e.Timestamp, out var at) && at >= EarliestTimestamp && at <= clock.GetUtcNow() + MaxClockAhead
        && PlainValue(e)
        && (e.Properties is null || (e.Properties.Value.ValueKind == JsonValueKind.Object && PlainProperties(JsonMarshal.GetRawUtf8Value(e.Properties.Value))));

    private static bool PlainProperties(ReadOnlySpan<byte> json) => json.Length <= MaxPropertiesBytes && UnicodeText.IsWellFormedJson(json);

    // What TypePattern matches: a lower-case letter, then lower-case letters, digits, '_' and '.'.
    private static bool PlainType(string type)
    {
        if (type[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in type)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool PlainValue(IncomingEvent e)
    {
        var amount = e.Type is EventTypes.Purchase or EventTypes.Refund;
        return e.Value is not { } value
            ? !amount
            : value.ValueKind == JsonValueKind.Number ? value.TryGetDecimal(out var number) && Amounts.InRange(number) && (!amount || number >= 0) : value.ValueKind == JsonValueKind.Null && !amount;
    }

    private static bool WellFormedJson(JsonElement? json) => json is not { } value || UnicodeText.IsWellFormedJson(JsonMarshal.GetRawUtf8Value(value));

    // Text that cannot be read is the properties rule's to name; reading it here would throw.
    private static bool HaveUsableAnonymousId(JsonElement? properties) =>
        !WellFormedJson(properties)
        || !properties!.Value.TryGetProperty("anonymousId", out var id)
        || (id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= MaxIdLength });

    private static bool BeIso8601(string? text) => Iso8601Timestamp.TryParse(text, out _);

    private static bool Present(string? text) => !string.IsNullOrWhiteSpace(text);

    // \z, not $: $ also matches before a trailing newline ("page_view\n" would pass).
    [GeneratedRegex("^[a-z][a-z0-9_.]*\\z")]
    private static partial Regex TypePattern();
}
