namespace Automation.Host.Approvals;

public static class ApprovalsSetup
{
    /// <summary>The approvers' digest email on a schedule.</summary>
    public static void AddApprovalDigest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<DigestSmtpSettings>(builder.Configuration.GetSection(DigestSmtpSettings.Section));
        builder.Services.AddSingleton<DigestMailer>();
        builder.Services.AddHostedService<ApprovalDigestService>();
    }
}
