using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>The demo organization's obligations, licences and regulatory events.</summary>
public sealed class DemoObligations(AttestDbContext db)
{
    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: these records are only created once.
        if (await db.Obligations.AnyAsync(cancellationToken)) return;
    }
}
