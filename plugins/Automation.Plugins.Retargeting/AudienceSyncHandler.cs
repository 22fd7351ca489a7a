using System.Text.RegularExpressions;
using Automation.Plugins.Sdk;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Retargeting;

/// <summary>
/// Moves a batch of customers into or out of named audiences: over the audience API when BaseUrl is set (one request
/// per audience for up to BatchSize members), else into the CSV export. A customer without an identifier, or an
/// audience name that is not one, fails alone.
/// </summary>
public abstract partial class AudienceSyncHandler(
    AudienceOperation operation,
    IOptions<RetargetingSettings> options,
    AudienceApiClient api,
    AudienceCsvExport csv) : BatchActionHandler<AudienceInput>
{
    private readonly RetargetingSettings settings = options.Value;

    protected sealed override async Task<IReadOnlyList<ActionResult>> HandleBatchAsync(IReadOnlyList<ActionBatchItem<AudienceInput>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new ActionResult?[items.Count];
        var byAudience = new Dictionary<string, List<(int Position, AudienceMember Member, string Key)>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var (request, input) = (items[i].Request, items[i].Input);
            var audience = input.Audience;
            var member = AudienceMember.From(request.Customer, settings.DefaultCountryCode);
            results[i] = string.IsNullOrEmpty(audience) ? ActionResult.Permanent("input.audience is required")
                // The name becomes a URL segment and a file name, so it must not be able to leave either.
                : !AudienceName().IsMatch(audience) ? ActionResult.Permanent($"'{audience}' is not an audience name: use letters, digits, '.', '_' and '-', starting with a letter or digit")
                : member is null ? ActionResult.Permanent("no identifier to match in the ad platform")
                : null;
            if (results[i] is null)
            {
                if (!byAudience.TryGetValue(audience!, out var members))
                {
                    byAudience[audience!] = members = [];
                }

                members.Add((i, member!, request.IdempotencyKey));
            }
        }

        foreach (var (audience, members) in byAudience)
        {
            var answers = string.IsNullOrWhiteSpace(settings.BaseUrl)
                ? await csv.AppendAsync(audience, operation, [.. members.Select(m => m.Member)], cancellationToken)
                : await api.SendAsync(audience, operation, [.. members.Select(m => m.Member)], [.. members.Select(m => m.Key)], cancellationToken);
            for (var i = 0; i < members.Count; i++)
            {
                results[members[i].Position] = answers[i];
            }
        }

        return [.. results.Select(r => r!)];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex AudienceName();
}
