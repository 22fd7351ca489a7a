using Automation.Engine.Approvals;
using Automation.Engine.Audit;
using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

/// <summary>The admin's user administration: who may sign in and with which roles.</summary>
public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").RequireAuthorization(Policies.Administer).WithTags("Access");
        users.MapGet("/", ListAsync).WithSummary("Every account with its roles").Produces<IReadOnlyList<UserView>>();
        users.MapPost("/", CreateAsync).WithSummary("Creates an account with a password and roles")
            .Produces<UserView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPut("/{email}", ChangeAsync).WithSummary("Changes an account's display name, roles or password; a role or password change ends its sessions")
            .Produces<UserView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{email}/confirm", ConfirmAsync).WithSummary("A second admin vouches that the account is a person other than the admin who created it (four-eyes)")
            .Produces<UserView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return TypedResults.Ok(list.Select(View).ToList());
    }

    private static async Task<IResult> CreateAsync(NewUserRequest body, HttpContext http, IDbContextFactory<AutomationDbContext> databases, IPasswordHasher<UserAccount> hasher, TimeProvider clock, CancellationToken ct)
    {
        var problems = new List<ProblemItem>();
        var email = (body.Email ?? "").Trim().ToLowerInvariant();
        if (!email.Contains('@', StringComparison.Ordinal))
        {
            problems.Add(new ProblemItem(null, "email", "give an email address"));
        }

        CheckPassword(body.Password ?? "", problems);
        var roles = CheckRoles(body.Roles, problems);
        if (problems.Count > 0)
        {
            return Problems.Validation("The user cannot be created", problems);
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        {
            return Problems.Conflict($"{email} already has an account");
        }

        var displayName = string.IsNullOrWhiteSpace(body.DisplayName) ? email : body.DisplayName.Trim();
        var user = new UserAccount
        {
            Email = email,
            DisplayName = displayName,
            PasswordHash = "",
            Roles = string.Join(',', roles),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = http.Actor(),
            SecurityStamp = SessionStamps.NewStamp(),
        };
        user.PasswordHash = hasher.HashPassword(user, body.Password!);
        db.Users.Add(user);
        AuditLog.Write(db, http.Actor(), "user.created", $"user/{email}", user.Roles, user.CreatedAt);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(email)}", View(user));
    }

    private static async Task<IResult> ChangeAsync(string email, UserChangeRequest body, HttpContext http, IDbContextFactory<AutomationDbContext> databases, IPasswordHasher<UserAccount> hasher, SessionStamps stamps, TimeProvider clock, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        var problems = new List<ProblemItem>();
        if (body.Password is not null)
        {
            CheckPassword(body.Password, problems);
        }

        var roles = body.Roles is null ? null : CheckRoles(body.Roles, problems);
        if (body.DisplayName is not null && string.IsNullOrWhiteSpace(body.DisplayName))
        {
            problems.Add(new ProblemItem(null, "displayName", "give a name, or leave it out to keep the current one"));
        }

        // An admin who drops their own admin role could leave nobody able to manage accounts.
        if (roles is not null && !roles.Contains(Roles.Admin) && string.Equals(email, http.Actor(), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ProblemItem(null, "roles", "you cannot remove the admin role from your own account; another admin can"));
        }

        if (problems.Count > 0)
        {
            return Problems.Validation("The user cannot be changed", problems);
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            return Problems.NotFound($"{email} has no account");
        }

        var changed = new List<string>();
        if (body.DisplayName is not null && body.DisplayName.Trim() != user.DisplayName)
        {
            user.DisplayName = body.DisplayName.Trim();
            changed.Add("display name");
        }

        if (roles is not null && string.Join(',', roles) != user.Roles)
        {
            user.Roles = string.Join(',', roles);
            changed.Add($"roles {user.Roles}");
        }

        if (body.Password is not null)
        {
            user.PasswordHash = hasher.HashPassword(user, body.Password);
            changed.Add("password");
        }

        // New roles or a new password end the sessions opened before: they sign in again under the new terms.
        var endsSessions = changed.Any(c => c != "display name");
        if (endsSessions)
        {
            user.SecurityStamp = SessionStamps.NewStamp();
            changed.Add("sessions ended");
        }

        if (changed.Count > 0)
        {
            AuditLog.Write(db, http.Actor(), "user.changed", $"user/{email}", string.Join("; ", changed), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        if (endsSessions)
        {
            stamps.Forget(email);
        }

        return TypedResults.Ok(View(user));
    }

    private static async Task<IResult> ConfirmAsync(string email, HttpContext http, IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        await using var db = await databases.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            return Problems.NotFound($"{email} has no account");
        }

        if (user.CreatedBy is null || user.ConfirmedBy is not null)
        {
            return Problems.Conflict(user.ConfirmedBy is null ? $"{email} was not created by an admin and stands for itself" : $"{email} was confirmed by {user.ConfirmedBy}");
        }

        // The confirming admin must be someone other than the creator (and not an account the creator stands behind).
        var links = await PersonLinks.LoadAsync(db, ct);
        if (links.SamePerson(http.Actor(), user.CreatedBy) || links.SamePerson(http.Actor(), email))
        {
            return Problems.Forbidden($"{email} was created by {user.CreatedBy}; an admin other than them confirms it");
        }

        user.ConfirmedBy = http.Actor();
        AuditLog.Write(db, http.Actor(), "user.confirmed", $"user/{email}", $"a person other than {user.CreatedBy}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(user));
    }

    private static void CheckPassword(string password, List<ProblemItem> problems)
    {
        if (password.Length < 8)
        {
            problems.Add(new ProblemItem(null, "password", "use at least 8 characters"));
        }
    }

    /// <summary>The roles in their canonical order, or a problem when none or an unknown one is given.</summary>
    private static List<string> CheckRoles(IReadOnlyList<string>? requested, List<ProblemItem> problems)
    {
        var roles = requested ?? [];
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            problems.Add(new ProblemItem(null, "roles", $"choose one or more of {string.Join(", ", Roles.Ordered)}"));
        }

        return [.. Roles.Ordered.Where(roles.Contains)];
    }

    private static UserView View(UserAccount user) =>
        new(user.Email, user.DisplayName, user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), user.CreatedAt, user.CreatedBy, user.ConfirmedBy);
}
