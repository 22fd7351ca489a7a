using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Approvals;

/// <summary>
/// Who counts as one person for four-eyes. An account an admin created stands for that admin (who knows its first
/// password) until a second admin confirms it; accounts from configuration or seeding stand for themselves.
/// </summary>
public sealed class PersonLinks
{
    private readonly Dictionary<string, string> unconfirmedCreator;

    private PersonLinks(Dictionary<string, string> unconfirmedCreator)
    {
        this.unconfirmedCreator = unconfirmedCreator;
    }

    public static async Task<PersonLinks> LoadAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var links = await db.Users.AsNoTracking().Where(u => u.CreatedBy != null && u.ConfirmedBy == null)
            .Select(u => new { u.Email, u.CreatedBy }).ToListAsync(cancellationToken);
        return new PersonLinks(links.ToDictionary(l => l.Email, l => l.CreatedBy!, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The account, then the admin who created it while it is unconfirmed, then theirs, and so on.</summary>
    public IReadOnlyList<string> Chain(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var chain = new List<string> { account };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { account };
        while (unconfirmedCreator.TryGetValue(chain[^1], out var creator) && seen.Add(creator))
        {
            chain.Add(creator);
        }

        return chain;
    }

    /// <summary>True when one account stands for the other (or they are the same account).</summary>
    public bool SamePerson(string first, string second) =>
        Chain(first).Contains(second, StringComparer.OrdinalIgnoreCase) || Chain(second).Contains(first, StringComparer.OrdinalIgnoreCase);

    /// <summary>Why this person may not decide on what the publisher published, or null when they may.</summary>
    public string? CannotDecide(string actor, string? publishedBy)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (publishedBy is null)
        {
            return null;
        }

        if (string.Equals(actor, publishedBy, StringComparison.OrdinalIgnoreCase))
        {
            return "you published this workflow version, so another approver must decide (four-eyes rule)";
        }

        if (Chain(actor).Contains(publishedBy, StringComparer.OrdinalIgnoreCase))
        {
            return $"your account was created by {publishedBy}, who published this workflow version, and no second admin has confirmed it, so another approver must decide (four-eyes rule)";
        }

        return Chain(publishedBy).Contains(actor, StringComparer.OrdinalIgnoreCase)
            ? $"you created the account {publishedBy} that published this workflow version, so another approver must decide (four-eyes rule)"
            : null;
    }
}
