using Microsoft.Extensions.Options;

namespace Automation.Plugins.Retargeting;

/// <summary>retargeting.include: adds the customer to the audience.</summary>
public sealed class RetargetingIncludeHandler(IOptions<RetargetingSettings> options, AudienceApiClient api, AudienceCsvExport csv)
    : AudienceSyncHandler(AudienceOperation.Include, options, api, csv);
