using Attest.Audit;
using Attest.Data;
using Attest.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-entries", List).RequireAuthorization(Access.Reader)
            .WithSummary("The audit log, newest first. Page with beforeSequence=nextBeforeSequence of the previous page.");
        api.MapGet("/audit-entries/verify", Verify).RequireAuthorization(Access.Reader)
            .WithSummary("Checks the organization's hash chain and reports the first altered or missing entry.");
    }

    private static async Task<Ok<AuditPage>> List(AttestDbContext db, string? recordType, string? recordId, string? actor, AuditAction? action,
        DateTimeOffset? from, DateTimeOffset? to, long? beforeSequence, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditLogQuery.RunAsync(db, new AuditFilter(recordType, recordId, actor, action, from, to, beforeSequence, pageSize ?? 50), cancellationToken));

    private static async Task<Ok<AuditVerification>> Verify(VerifyAuditTrail verify, ActingContext acting, CancellationToken cancellationToken) =>
        TypedResults.Ok((await verify.RunAsync(acting.RequireOrganization(), cancellationToken)).Single());
}
