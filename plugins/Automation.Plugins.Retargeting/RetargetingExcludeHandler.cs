using Microsoft.Extensions.Options;

namespace Automation.Plugins.Retargeting;

/// <summary>retargeting.exclude: removes the customer from the audience.</summary>
public sealed class RetargetingExcludeHandler(IOptions<RetargetingSettings> options, AudienceApiClient api, AudienceCsvExport csv)
    : AudienceSyncHandler(AudienceOperation.Exclude, options, api, csv);
