using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages;

[Authorize(Policy = Access.Member)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public string OrganizationName { get; private set; } = "";
    public OrganizationRole Role { get; private set; }
    public bool CanRead => Access.Allows(Access.Reader, Role);
    public bool CanManage => Access.Allows(Access.Manager, Role);
    public int ScopeRevision { get; private set; }
    public DateTimeOffset? ScopeChangedAt { get; private set; }
    public int Exclusions { get; private set; }
    public int Parties { get; private set; }
    public int Issues { get; private set; }
    public int Members { get; private set; }
    public long AuditEntries { get; private set; }
    public int Controls { get; private set; }
    public int ImplementedControls { get; private set; }
    public int SoaVersions { get; private set; }

    public async Task OnGetAsync()
    {
        Role = acting.Role!.Value;
        var organizationId = acting.RequireOrganization();
        // One round trip for the whole dashboard.
        var figures = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => new
            {
                o.Name,
                Revision = db.Scopes.Select(s => s.Revision).FirstOrDefault(),
                ScopeChangedAt = db.Scopes.Select(s => (DateTimeOffset?)s.UpdatedAt).FirstOrDefault(),
                Exclusions = db.ScopeExclusions.Count(),
                Parties = db.InterestedParties.Count(),
                Issues = db.ContextIssues.Count(),
                Members = db.Memberships.Count(),
                Audit = db.AuditChainHeads.Select(h => h.Sequence).FirstOrDefault(),
                Controls = db.Controls.Count(),
                ImplementedControls = db.Controls.Count(c => c.Status == Attest.Controls.ImplementationStatus.Implemented),
                SoaVersions = db.SoaVersions.Count(),
            })
            .SingleAsync(HttpContext.RequestAborted);
        OrganizationName = figures.Name;
        ScopeRevision = figures.Revision;
        ScopeChangedAt = figures.ScopeChangedAt;
        Exclusions = figures.Exclusions;
        Parties = figures.Parties;
        Issues = figures.Issues;
        Members = figures.Members;
        AuditEntries = figures.Audit;
        Controls = figures.Controls;
        ImplementedControls = figures.ImplementedControls;
        SoaVersions = figures.SoaVersions;
    }
}
