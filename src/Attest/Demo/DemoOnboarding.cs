using Attest.Data;
using Attest.Organizations;
using Attest.People;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo's joiners and leavers: the default checklist templates, onboarding for the recent joiners (partly done, one item overdue)
/// and offboarding for the leavers. A leaver who still holds an account keeps "All access revoked" open, because the rule refuses it.
/// </summary>
public sealed class DemoOnboarding(AttestDbContext db, CreateDefaultChecklistTemplates defaults, StartPersonChecklist start, TickChecklistItem tick)
{
    /// <summary>Joiners are those who started within this many days, or start later.</summary>
    public const int RecentDays = 60;

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> logins, CancellationToken cancellationToken = default)
    {
        if (await db.ChecklistTemplates.AnyAsync(cancellationToken)) return;
        var today = PersonRules.Today(db);
        // HR work is done by the CISO's office in the demo; the audit trail names them.
        using var acting = db.Acting.ActAs(logins[OrganizationRole.Manager], $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
        await defaults.RunAsync(cancellationToken);

        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name, p.StartDate, p.EndDate, p.Active }).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var joiners = people.Where(p => p.Active && p.EndDate == null && p.StartDate is { } s && s >= today.AddDays(-RecentDays)).OrderBy(p => p.StartDate).ToList();
        var leavers = people.Where(p => p.EndDate is not null).OrderBy(p => p.EndDate).ToList();

        var overdueLeft = false;
        foreach (var joiner in joiners)
        {
            var checklist = await start.RunAsync(joiner.Id, ChecklistKind.Onboarding, cancellationToken);
            foreach (var item in await ItemsAsync(checklist, cancellationToken))
            {
                if (item.DueOn >= today) continue;
                // The earliest joiner's induction has one item nobody has done yet: the "checklists due" view shows it overdue.
                if (!overdueLeft) { overdueLeft = true; continue; }
                await tick.RunAsync(item.Id, true, "", item.Version, cancellationToken);
            }
        }
        foreach (var leaver in leavers)
        {
            var checklist = await start.RunAsync(leaver.Id, ChecklistKind.Offboarding, cancellationToken);
            foreach (var item in await ItemsAsync(checklist, cancellationToken))
            {
                if (item.DueOn > today) continue;
                try
                {
                    await tick.RunAsync(item.Id, true, item.VerifiesAccessRevoked ? "Checked every system's latest account export." : "", item.Version, cancellationToken);
                }
                catch (ValidationFailedException)
                {
                    // The leaver still holds access somewhere: the item stays open, as it would for a person trying to tick it.
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    private Task<List<PersonChecklistItem>> ItemsAsync(Guid checklistId, CancellationToken cancellationToken) =>
        db.PersonChecklistItems.AsNoTracking().Where(i => i.ChecklistId == checklistId).OrderBy(i => i.Position).ToListAsync(cancellationToken);
}
