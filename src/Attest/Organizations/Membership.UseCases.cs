using System.Security.Cryptography;
using Attest.Accounts;
using Attest.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attest.Organizations;

public sealed record NewOrganization(string Name, string? TimeZone);

/// <summary>Creates an organization; the person creating it becomes its first Admin.</summary>
public sealed class CreateOrganization(AttestDbContext db, Frameworks.LoadBuiltInFrameworks frameworks)
{
    public async Task<Organization> RunAsync(NewOrganization input, Guid? firstAdminUserId, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required(nameof(input.Name), input.Name, 200);
        var timeZone = string.IsNullOrWhiteSpace(input.TimeZone) ? "UTC" : input.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)) validation.Add(nameof(input.TimeZone), $"'{timeZone}' is not a known time zone (use an IANA name such as Europe/Berlin).");
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.Organizations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"an organization named '{name}' already exists.");
        }
        validation.ThrowIfInvalid();

        var organization = new Organization { Name = name, TimeZone = timeZone };
        using (db.Acting.ActIn(organization.Id, OrganizationRole.Admin))
        {
            db.Organizations.Add(organization);
            if (firstAdminUserId is { } userId)
            {
                db.Memberships.Add(new Membership { OrganizationId = organization.Id, UserId = userId, Role = OrganizationRole.Admin });
            }
            await db.SaveChangesAsync(cancellationToken);
            // Every organization starts with the built-in frameworks, ready for its controls and SoA.
            await frameworks.RunAsync(cancellationToken);
            await Assets.DefaultClassifications.EnsureAsync(db, cancellationToken);
        }
        return organization;
    }
}

public sealed record NewMember(string Email, string? DisplayName, OrganizationRole Role, DateOnly? AccessEndsOn, string? Password, string? JobTitle = null, string? Department = null);

/// <summary>The result of adding a member: the generated password is shown once and never stored in clear.</summary>
public sealed record AddedMember(Guid UserId, Guid MembershipId, bool NewAccount, string? GeneratedPassword);

/// <summary>Gives a person a role in the acting organization, creating their account when they have none.</summary>
public sealed class AddMember(AttestDbContext db, UserManager<User> users, Policies.DocumentDistributionRule distribution)
{
    public async Task<AddedMember> RunAsync(NewMember input, CancellationToken cancellationToken = default)
    {
        var organizationId = db.Acting.RequireOrganization();
        var validation = new Validation().Required(nameof(input.Email), input.Email, 256).Defined(nameof(input.Role), input.Role)
            .MaxLength(nameof(input.DisplayName), input.DisplayName, 200)
            .MaxLength(nameof(input.JobTitle), input.JobTitle, 100).MaxLength(nameof(input.Department), input.Department, 100);
        var email = input.Email?.Trim() ?? "";
        if (email.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(email, out _)) validation.Add(nameof(input.Email), $"'{email}' is not an e-mail address.");
        validation.ThrowIfInvalid();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(email);
        string? generated = null;
        var created = false;
        if (user is null)
        {
            var password = string.IsNullOrEmpty(input.Password) ? (generated = Passwords.Generate()) : input.Password;
            user = new User
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? email : input.DisplayName.Trim(),
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new ValidationFailedException(new Dictionary<string, string[]>
                {
                    [result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? nameof(input.Password) : nameof(input.Email)] =
                        result.Errors.Select(e => e.Description).ToArray(),
                });
            }
            created = true;
        }
        else if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            throw ValidationFailedException.For(nameof(input.Email), $"{email} is already a member of this organization.");
        }

        var membership = new Membership
        {
            OrganizationId = organizationId, UserId = user.Id, Role = input.Role, AccessEndsOn = input.AccessEndsOn,
            JobTitle = MembershipText.Blank(input.JobTitle), Department = MembershipText.Blank(input.Department),
        };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);
        // A new person is asked to read every current document distributed to them from their first day.
        await distribution.AssignAsync(null, user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AddedMember(user.Id, membership.Id, created, generated);
    }
}

/// <summary>
/// Changes a member's role, access end date, job title or department (null leaves the title and department as they
/// are, empty clears them); an organization always keeps at least one Admin. Document assignments follow the change.
/// </summary>
public sealed class ChangeMembership(AttestDbContext db, Policies.DocumentDistributionRule distribution)
{
    public async Task RunAsync(Guid membershipId, OrganizationRole role, DateOnly? accessEndsOn, int version, CancellationToken cancellationToken = default,
        string? jobTitle = null, string? department = null)
    {
        new Validation().Defined("Role", role).MaxLength("JobTitle", jobTitle, 100).MaxLength("Department", department, 100).ThrowIfInvalid();
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken)
            ?? throw new RecordNotFoundException("Member", membershipId);
        if (membership.Role == OrganizationRole.Admin && role != OrganizationRole.Admin)
        {
            await LastAdminRule.EnsureAnotherAdminAsync(db, membership.Id, cancellationToken);
        }
        db.Entry(membership).Property(m => m.Version).OriginalValue = version;
        membership.Role = role;
        membership.AccessEndsOn = accessEndsOn;
        if (jobTitle is not null) membership.JobTitle = MembershipText.Blank(jobTitle);
        if (department is not null) membership.Department = MembershipText.Blank(department);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveAsync("membership", cancellationToken);
        await distribution.AssignAsync(null, membership.UserId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>Takes a person out of the acting organization (their account stays, for other organizations and for history).</summary>
public sealed class RemoveMember(AttestDbContext db)
{
    public async Task RunAsync(Guid membershipId, CancellationToken cancellationToken = default)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken)
            ?? throw new RecordNotFoundException("Member", membershipId);
        if (membership.Role == OrganizationRole.Admin) await LastAdminRule.EnsureAnotherAdminAsync(db, membership.Id, cancellationToken);
        var tokens = await db.ApiTokens.Where(t => t.UserId == membership.UserId && t.RevokedAt == null).ToListAsync(cancellationToken);
        var now = Instant.Now(db.Clock);
        foreach (var token in tokens) token.RevokedAt = now;
        // Nobody outside the organization is asked to read its documents; what they accepted stays on record.
        db.DocumentAssignments.RemoveRange(await db.DocumentAssignments.Where(a => a.UserId == membership.UserId && a.AcceptedAt == null).ToListAsync(cancellationToken));
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class MembershipText
{
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal static class LastAdminRule
{
    public static async Task EnsureAnotherAdminAsync(AttestDbContext db, Guid membershipId, CancellationToken cancellationToken)
    {
        if (!await db.Memberships.AnyAsync(m => m.Role == OrganizationRole.Admin && m.Id != membershipId, cancellationToken))
        {
            throw ValidationFailedException.For("Role", "the organization must keep at least one Admin.");
        }
    }
}

/// <summary>Generated passwords: long, random, and easy to copy.</summary>
public static class Passwords
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Generate(int length = 20) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });
}

public sealed record OrganizationSettingsInput(string Name, string TimeZone, int Version);

/// <summary>Renames the acting organization or changes its time zone.</summary>
public sealed class UpdateOrganizationSettings(AttestDbContext db)
{
    public async Task RunAsync(OrganizationSettingsInput input, CancellationToken cancellationToken = default)
    {
        var organizationId = db.Acting.RequireOrganization();
        var validation = new Validation().Required(nameof(input.Name), input.Name, 200).Required(nameof(input.TimeZone), input.TimeZone, 64);
        if (!string.IsNullOrWhiteSpace(input.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZone.Trim(), out _))
        {
            validation.Add(nameof(input.TimeZone), $"'{input.TimeZone}' is not a known time zone (use an IANA name such as Europe/Berlin).");
        }
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.Organizations.AnyAsync(o => o.Name == name && o.Id != organizationId, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"an organization named '{name}' already exists.");
        }
        validation.ThrowIfInvalid();
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        db.Entry(organization).Property(o => o.Version).OriginalValue = input.Version;
        organization.Name = name;
        organization.TimeZone = input.TimeZone.Trim();
        await db.SaveAsync("organization", cancellationToken);
    }
}
