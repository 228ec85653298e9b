using Attest.Data;
using Attest.Organizations;

namespace Attest.Demo;

/// <summary>The demo organization's InternalAudits; filled in with issue 9.</summary>
public sealed class DemoInternalAudits(AttestDbContext db)
{
    public Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        _ = db;
        return Task.CompletedTask;
    }
}
