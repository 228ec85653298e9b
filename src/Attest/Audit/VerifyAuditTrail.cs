using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Audit;

/// <summary>The outcome of checking one organization's audit chain.</summary>
public sealed record AuditVerification(Guid OrganizationId, string OrganizationName, long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => Problem is null;
}

/// <summary>Walks each organization's audit chain and reports the first altered or missing entry.</summary>
public sealed class VerifyAuditTrail(AttestDbContext db)
{
    private const int PageSize = 5000;

    /// <summary>Checks every organization's chain (or just <paramref name="organizationId"/>'s).</summary>
    public async Task<IReadOnlyList<AuditVerification>> RunAsync(Guid? organizationId = null, CancellationToken cancellationToken = default)
    {
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => organizationId == null || o.Id == organizationId)
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(cancellationToken);
        var results = new List<AuditVerification>();
        foreach (var organization in organizations)
        {
            results.Add(await VerifyOneAsync(organization.Id, organization.Name, cancellationToken));
        }
        return results;
    }

    private async Task<AuditVerification> VerifyOneAsync(Guid organizationId, string name, CancellationToken cancellationToken)
    {
        var head = await db.AuditChainHeads.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(h => h.OrganizationId == organizationId, cancellationToken);
        long expected = 1;
        var previous = AuditChain.Genesis;
        while (true)
        {
            var from = expected;
            var page = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.OrganizationId == organizationId && e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                var last = expected - 1;
                if (head is not null && head.Sequence > last)
                {
                    return new AuditVerification(organizationId, name, last, last + 1,
                        $"entries {last + 1} to {head.Sequence} are missing from the end of the chain");
                }
                if (head is not null && head.Hash != previous)
                {
                    return new AuditVerification(organizationId, name, last, last,
                        $"entry {last} is not the recorded end of the chain");
                }
                return new AuditVerification(organizationId, name, last, null, null);
            }

            foreach (var entry in page)
            {
                if (entry.Sequence != expected)
                {
                    return new AuditVerification(organizationId, name, expected - 1, expected,
                        $"entry {expected} is missing (the next entry present is {entry.Sequence})");
                }
                if (entry.PreviousHash != previous)
                {
                    return new AuditVerification(organizationId, name, expected - 1, expected,
                        $"entry {expected} does not follow entry {expected - 1}: its previous hash does not match");
                }
                if (AuditChain.HashOf(entry) != entry.Hash)
                {
                    return new AuditVerification(organizationId, name, expected - 1, expected,
                        $"entry {expected} ({entry.Action} {entry.RecordType} {entry.RecordId}) has been altered: its content no longer matches its hash");
                }
                previous = entry.Hash;
                expected++;
            }
        }
    }
}
