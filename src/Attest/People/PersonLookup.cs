using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.People;

/// <summary>How people, accounts and users are matched: by a person's link to a user, else by e-mail compared in lower case.</summary>
public static class PersonLookup
{
    /// <summary>The form of an e-mail address that matching compares (<see cref="Person.EmailKey"/>).</summary>
    public static string KeyOf(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>The person record of a signed-in user in the acting organization: linked to the user, else with the user's e-mail.</summary>
    public static async Task<Guid?> PersonIdOfUserAsync(AttestDbContext db, Guid userId, CancellationToken cancellationToken = default)
    {
        var linked = await db.People.Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (linked is not null) return linked;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(email)) return null;
        var key = KeyOf(email);
        return await db.People.Where(p => p.EmailKey == key && p.UserId == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The user a person signs in as, if any: linked, else a member of the organization with the person's e-mail.</summary>
    public static async Task<Guid?> UserIdOfPersonAsync(AttestDbContext db, Guid personId, CancellationToken cancellationToken = default)
    {
        var person = await db.People.Where(p => p.Id == personId).Select(p => new { p.UserId, p.EmailKey }).FirstOrDefaultAsync(cancellationToken);
        if (person is null) return null;
        if (person.UserId is not null) return person.UserId;
        return await (from u in db.Users
                      join m in db.Memberships on u.Id equals m.UserId
                      where u.NormalizedEmail == person.EmailKey.ToUpper()
                      select (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
