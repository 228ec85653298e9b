using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

/// <summary>What the API endpoints of owned records (parties, issues, controls) share.</summary>
internal static class OwnedRecords
{
    /// <summary>Runs <paramref name="change"/> on a record of this organization that the caller may edit: 404 when there is none, 403 when it is not theirs.</summary>
    public static async Task<Results<NoContent, NotFound, ForbidHttpResult>> ChangeAsync<TRecord>(Guid id, AttestDbContext db, IAuthorizationService authorization,
        HttpContext http, Func<Task> change, CancellationToken cancellationToken) where TRecord : OrganizationRecord, IOwnedRecord
    {
        var record = await db.Set<TRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null) return TypedResults.NotFound();
        if (!(await authorization.AuthorizeAsync(http.User, record, RecordOperations.Edit)).Succeeded) return TypedResults.Forbid();
        await change();
        return TypedResults.NoContent();
    }

    /// <summary>A contributor who records something owns it unless they name someone else.</summary>
    public static Guid? OwnerFor(Guid? named, ActingContext acting) =>
        named ?? (acting.Role == OrganizationRole.Contributor ? acting.UserId : null);
}
