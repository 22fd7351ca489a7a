using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;

namespace Automation.Engine.Events;

/// <summary>The rules every event obeys, whichever door it came through.</summary>
public sealed partial class IncomingEventValidator : AbstractValidator<IncomingEvent>
{
    public const int MaxIdLength = 200;
    public const int MaxPropertiesBytes = 16 * 1024;

    public IncomingEventValidator(TimeProvider clock)
    {
        RuleFor(e => e.CustomerId)
            .NotEmpty().WithMessage("customerId is required")
            .MaximumLength(MaxIdLength);
        RuleFor(e => e.Id).MaximumLength(MaxIdLength);
        RuleFor(e => e.Type)
            .NotEmpty().WithMessage("type is required")
            .MaximumLength(100)
            .Matches(TypePattern()).WithMessage("type must match [a-z][a-z0-9_.]* (e.g. page_view)");
        RuleFor(e => e.Timestamp)
            .NotEmpty().WithMessage("timestamp is required")
            .Must(BeIso8601).WithMessage("timestamp must be ISO 8601 with a time zone, e.g. 2026-11-23T10:15:00Z");
        RuleFor(e => e.Timestamp)
            .Must(t => TryParseTimestamp(t, out var at) && at <= clock.GetUtcNow().AddDays(1))
            .When(e => BeIso8601(e.Timestamp))
            .WithMessage("timestamp is more than a day in the future");
        RuleFor(e => e.Value)
            .Must(v => v is null || v.Value.ValueKind == JsonValueKind.Null || (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetDecimal(out _)))
            .WithMessage("value must be a number");
        RuleFor(e => e.Value)
            .Must(v => v is not null && v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetDecimal(out var amount) && amount >= 0)
            .When(e => e.Type is EventTypes.Purchase or EventTypes.Refund)
            .WithMessage("value (the amount, zero or more) is required for purchase and refund");
        RuleFor(e => e.Properties)
            .Must(p => p is null || p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("properties must be an object");
        RuleFor(e => e.Properties)
            .Must(p => p is null || p.Value.GetRawText().Length <= MaxPropertiesBytes)
            .WithMessage($"properties must be at most {MaxPropertiesBytes} bytes");
        RuleFor(e => e.Properties)
            .Must(HaveUsableAnonymousId)
            .When(e => e.Type == EventTypes.Identify && e.Properties is { ValueKind: JsonValueKind.Object })
            .WithMessage($"properties.anonymousId (the id to merge into customerId) must be a non-empty string of at most {MaxIdLength} characters");
    }

    /// <summary>Strict ISO 8601: date, 'T', time, and an offset or 'Z' (a time with no zone is ambiguous).</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset at)
    {
        at = default;
        return text is not null
            && Iso8601().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    private static bool HaveUsableAnonymousId(JsonElement? properties) =>
        !properties!.Value.TryGetProperty("anonymousId", out var id)
        || (id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= MaxIdLength });

    private static bool BeIso8601(string? text) => TryParseTimestamp(text, out _);

    // \z, not $: $ also matches before a trailing newline ("page_view\n" would pass).
    [GeneratedRegex("^[a-z][a-z0-9_.]*\\z")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})\z")]
    private static partial Regex Iso8601();
}
