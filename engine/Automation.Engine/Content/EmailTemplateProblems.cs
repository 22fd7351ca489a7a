using System.Net.Mail;

namespace Automation.Engine.Content;

/// <summary>What keeps a draft from being saved, by field: a name, a subject, a body, Liquid that parses, a sender address.</summary>
public static class EmailTemplateProblems
{
    public static IReadOnlyList<(string Field, string Message)> Of(EmailTemplateDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 200)
        {
            problems.Add(("name", "a template needs a name of at most 200 characters"));
        }

        if (string.IsNullOrWhiteSpace(draft.Subject) || draft.Subject.Length > 500)
        {
            problems.Add(("subject", "a template needs a subject of at most 500 characters"));
        }

        if ((draft.Preheader?.Length ?? 0) > 500)
        {
            problems.Add(("preheader", "the preheader is at most 500 characters"));
        }

        if (string.IsNullOrWhiteSpace(draft.Html) && string.IsNullOrWhiteSpace(draft.Text))
        {
            problems.Add(("html", "a template needs an HTML or a text body"));
        }

        if (!string.IsNullOrWhiteSpace(draft.FromAddress) && !MailAddress.TryCreate(draft.FromAddress, out _))
        {
            problems.Add(("fromAddress", $"'{draft.FromAddress}' is not an email address"));
        }

        if ((draft.FromName?.Length ?? 0) > 200)
        {
            problems.Add(("fromName", "the sender name is at most 200 characters"));
        }

        foreach (var (field, source) in new[] { ("subject", draft.Subject), ("preheader", draft.Preheader), ("html", draft.Html), ("text", draft.Text) })
        {
            if (EmailTemplateRenderer.SyntaxProblem(source ?? "") is { } error)
            {
                problems.Add((field, $"not valid Liquid: {error}"));
            }
        }

        return problems;
    }
}
