using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>The demo organization's policy and control exceptions.</summary>
public sealed class DemoExceptions(AttestDbContext db)
{
    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: these records are only created once.
        if (await db.ComplianceExceptions.AnyAsync(cancellationToken)) return;
    }
}
