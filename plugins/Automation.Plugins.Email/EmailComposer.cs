using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Mail;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Email;

/// <summary>
/// Renders the library's template for the customer into the email to send; a template that is missing or does not
/// render, or a customer without an address, is a permanent failure with the reason.
/// </summary>
public sealed class EmailComposer(IOptions<EmailSettings> options, IEmailTemplates templates)
{
    private readonly EmailSettings settings = options.Value;

    /// <returns>The email, or null with the permanent failure to report.</returns>
    public async Task<(OutgoingEmail? Email, ActionResult? Failure)> ComposeAsync(ActionRequest request, EmailSendInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        if (!SmtpMailer.IsAddress(request.Customer.Email))
        {
            return (null, ActionResult.Permanent($"'{request.Customer.Email}' is not an email address"));
        }

        var unsubscribe = $"{settings.UnsubscribeUrl}?customer={Uri.EscapeDataString(request.Customer.CustomerId)}";
        RenderedEmail email;
        try
        {
            email = await templates.RenderAsync(new EmailRenderRequest(input.Template ?? "", request.Customer, unsubscribe, request.Context, input.Subject, string.IsNullOrEmpty(input.Body) ? null : input.Body), cancellationToken);
        }
        catch (EmailTemplateException ex)
        {
            return (null, ActionResult.Permanent(ex.Message));
        }

        // The action's id is the message's id, so a copy sent again after a crash (SMTP has no idempotency key) carries
        // the same Message-ID, and receivers that drop repeated ids drop it.
        var fromAddress = Or(input.From ?? "", Or(email.FromAddress, settings.FromAddress));
        return (new OutgoingEmail(Or(email.FromName, settings.FromName), fromAddress, request.Customer.Email, email.Subject)
        {
            ToName = request.Customer.Name,
            Text = email.Text,
            Html = email.Html,
            MessageId = request.EmailMessageId(Or(email.FromAddress, settings.FromAddress)),
            Headers =
            [
                new("X-Automation-Action", request.ActionId.ToString()),
                new("X-Automation-Idempotency-Key", request.IdempotencyKey),
                new("X-Automation-Template", $"{email.TemplateKey} v{email.TemplateVersion}"),
                new("List-Unsubscribe", $"<{unsubscribe}>"),
                new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ],
        }, null);
    }

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
