using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>The demo organization's nonconformities.</summary>
public sealed class DemoNonconformities(AttestDbContext db)
{
    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: these records are only created once.
        if (await db.Nonconformities.AnyAsync(cancellationToken)) return;
    }
}
