using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;

namespace Automation.Engine.Events;

/// <summary>The rules every event obeys, whichever door it came through.</summary>
public sealed partial class IncomingEventValidator : AbstractValidator<IncomingEvent>
{
    public const int MaxIdLength = 200;
    public const int MaxPropertiesBytes = 16 * 1024;

    // Written so that a valid event allocates nothing beyond FluentValidation's own context: NotEmpty walks a
    // non-empty string through a boxed enumerator, When caches each condition in a dictionary per validation, and
    // GetRawText copies the properties; at a million events those were a sixth of ingestion's allocations.
    public IncomingEventValidator(TimeProvider clock)
    {
        RuleFor(e => e.CustomerId)
            .Must(Present).WithMessage("customerId is required")
            .MaximumLength(MaxIdLength);
        RuleFor(e => e.Id).MaximumLength(MaxIdLength);
        RuleFor(e => e.Type)
            .Must(Present).WithMessage("type is required")
            .MaximumLength(100)
            .Matches(TypePattern()).WithMessage("type must match [a-z][a-z0-9_.]* (e.g. page_view)");
        RuleFor(e => e.Timestamp)
            .Must(Present).WithMessage("timestamp is required")
            .Must(BeIso8601).WithMessage("timestamp must be ISO 8601 with a time zone, e.g. 2026-11-23T10:15:00Z");
        RuleFor(e => e.Timestamp)
            .Must(t => !Iso8601Timestamp.TryParse(t, out var at) || at <= clock.GetUtcNow().AddDays(1))
            .WithMessage("timestamp is more than a day in the future");
        RuleFor(e => e.Value)
            .Must(v => v is null || v.Value.ValueKind == JsonValueKind.Null || (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetDecimal(out _)))
            .WithMessage("value must be a number");
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
            .Must((e, p) => e.Type != EventTypes.Identify || p is not { ValueKind: JsonValueKind.Object } || HaveUsableAnonymousId(p))
            .WithMessage($"properties.anonymousId (the id to merge into customerId) must be a non-empty string of at most {MaxIdLength} characters");
    }

    private static bool HaveUsableAnonymousId(JsonElement? properties) =>
        !properties!.Value.TryGetProperty("anonymousId", out var id)
        || (id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= MaxIdLength });

    private static bool BeIso8601(string? text) => Iso8601Timestamp.TryParse(text, out _);

    private static bool Present(string? text) => !string.IsNullOrWhiteSpace(text);

    // \z, not $: $ also matches before a trailing newline ("page_view\n" would pass).
    [GeneratedRegex("^[a-z][a-z0-9_.]*\\z")]
    private static partial Regex TypePattern();
}
