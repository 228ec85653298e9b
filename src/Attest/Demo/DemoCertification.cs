using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>The demo organization's certification programmes.</summary>
public sealed class DemoCertification(AttestDbContext db)
{
    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: these records are only created once.
        if (await db.CertificationProgrammes.AnyAsync(cancellationToken)) return;
    }
}
