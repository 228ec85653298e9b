using Attest.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Certification;

/// <summary>What the certification pages' forms share: who may own a step, and values the form could not read.</summary>
public static class CertificationForms
{
    public sealed record OwnerChoice(Guid Id, string Name);

    /// <summary>Members who may carry a step: Admins, Managers and Contributors.</summary>
    public static Task<List<OwnerChoice>> OwnersAsync(AttestDbContext db, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.Role == OrganizationRole.Admin || m.Role == OrganizationRole.Manager || m.Role == OrganizationRole.Contributor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new OwnerChoice(u.Id, u.DisplayName)).ToListAsync(cancellationToken);

    /// <summary>A value the form cannot read (a date or choice typed by hand) is named, not silently replaced by a default.</summary>
    public static bool Unreadable(ModelStateDictionary state, string prefix, List<string> errors)
    {
        var bad = state.Where(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value!.Errors.Count > 0).ToList();
        errors.AddRange(bad.Select(e => $"{e.Key[(prefix.Length + 1)..]}: '{e.Value!.AttemptedValue}' is not a valid value."));
        return bad.Count > 0;
    }
}
