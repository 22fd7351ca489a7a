using System.Text.RegularExpressions;
using Automation.Plugins.Sdk;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Retargeting;

/// <summary>
/// Moves one customer into or out of a named audience: over the audience API when BaseUrl is set, else into the CSV
/// export. The host calls it per customer, so the API batch holds one member.
/// </summary>
public abstract partial class AudienceSyncHandler(
    AudienceOperation operation,
    IOptions<RetargetingSettings> options,
    AudienceApiClient api,
    AudienceCsvExport csv) : ActionHandler<AudienceInput>
{
    private readonly RetargetingSettings settings = options.Value;

    protected sealed override async Task<ActionResult> HandleAsync(ActionRequest request, AudienceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        var audience = input.Audience;
        if (string.IsNullOrEmpty(audience))
        {
            return ActionResult.Permanent("input.audience is required");
        }

        // The name becomes a URL segment and a file name, so it must not be able to leave either.
        if (!AudienceName().IsMatch(audience))
        {
            return ActionResult.Permanent($"'{audience}' is not an audience name: use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }

        var member = AudienceMember.From(request.Customer, settings.DefaultCountryCode);
        if (member is null)
        {
            return ActionResult.Permanent("no identifier to match in the ad platform");
        }

        return string.IsNullOrWhiteSpace(settings.BaseUrl)
            ? await csv.AppendAsync(audience, operation, member, cancellationToken)
            : await api.SendAsync(audience, operation, [member], request.IdempotencyKey, cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex AudienceName();
}
