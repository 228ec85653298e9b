using Attest.AccessReviews;
using Attest.Audit;
using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's access reviews: four systems in scope with accounts for most people (privileged administrators, a few
/// unused accounts, two orphaned service accounts and one leaver whose CRM account is still active), the Q2 2026 review completed on
/// time and the Q3 2026 review completed late (both with revocations carried out, by hand and by a later load), and the Q4 2026
/// review in progress, with items still pending for the CISO and for the employee who owns the CRM.
/// </summary>
public sealed class DemoAccessReviews(AttestDbContext db, SaveAccessSystem saveSystem, LoadSystemAccounts load, SaveAccessReview saveReview, OpenAccessReview open,
    DecideAccessItem decide, ConfirmAccessRemediation confirm)
{
    private sealed record Holder(string Email, string Name, string Department, bool Head, bool Left);

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> logins, CancellationToken cancellationToken = default)
    {
        if (await db.AccessSystems.AnyAsync(cancellationToken)) return;
        // Decisions are taken as each reviewer; the loader speaks with an Admin's authority whatever ran before it.
        using var admin = db.Acting.ActIn(db.Acting.RequireOrganization(), OrganizationRole.Admin);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var people = (await db.People.AsNoTracking().OrderBy(p => p.Email).Select(p => new { p.Email, p.Name, p.Department, p.Role, p.Type, p.Active, p.EndDate }).ToListAsync(cancellationToken))
            .Where(p => p.Type != People.PersonType.ThirdParty)
            .Select(p => new Holder(p.Email, p.Name, p.Department, p.Role.StartsWith("Chief", StringComparison.Ordinal) || p.Role.StartsWith("Head", StringComparison.Ordinal)
                || p.Role == "General counsel", !p.Active || p.EndDate < today)).ToList();
        var current = people.Where(p => !p.Left).ToList();
        var leaver = people.First(p => p.Left);
        var emails = await db.Users.AsNoTracking().Where(u => logins.Values.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);

        var systems = new Dictionary<string, Guid>
        {
            ["Agent platform (AI)"] = await saveSystem.RunAsync(null, new AccessSystemInput("Agent platform (AI)", "Orchestration, prompts and evaluation of the 51 client-facing agents.",
                null, logins[OrganizationRole.Contributor], 60), cancellationToken),
            ["AWS console"] = await saveSystem.RunAsync(null, new AccessSystemInput("AWS console", "Production and staging accounts (IAM Identity Center permission sets).",
                null, logins[OrganizationRole.Manager], 90), cancellationToken),
            ["Google Cloud console"] = await saveSystem.RunAsync(null, new AccessSystemInput("Google Cloud console", "Model hosting and the evaluation data lake.",
                null, logins[OrganizationRole.Contributor], 90), cancellationToken),
            ["CRM"] = await saveSystem.RunAsync(null, new AccessSystemInput("CRM", "Client records, matters and engagement letters; run by client delivery.",
                null, logins[OrganizationRole.Employee], 90), cancellationToken),
        };

        var sequence = 0;
        DateOnly? Used(Holder person)
        {
            sequence++;
            return sequence % 17 == 0 ? null : sequence % 11 == 0 ? today.AddDays(-(120 + sequence % 60)) : today.AddDays(-(sequence % 20));
        }
        List<AccessAccountInput> Accounts(string system, IEnumerable<Holder> holders)
        {
            var accounts = new List<AccessAccountInput>();
            foreach (var p in holders)
            {
                var (wanted, entitlement, privileged) = system switch
                {
                    "Agent platform (AI)" => (p.Department is "AI platform" or "Engineering" or "Client delivery" or "Security",
                        p.Department == "AI platform" ? (p.Head ? "Platform admin" : "Operator") : p.Department == "Client delivery" ? "Agent user" : "Developer", p.Head && p.Department is "AI platform" or "Security"),
                    "AWS console" => (p.Department is "Engineering" or "AI platform" or "Security" or "Operations",
                        p.Head || p.Department == "Security" ? "AdministratorAccess" : p.Department == "Operations" ? "ReadOnlyAccess" : "PowerUserAccess", p.Head || p.Department == "Security"),
                    "Google Cloud console" => (p.Department is "AI platform" or "Engineering", p.Head ? "Owner" : p.Department == "AI platform" ? "Editor" : "Viewer", p.Head),
                    _ => (p.Department is "Sales" or "Client delivery" or "Management" or "Finance" or "Legal", p.Department == "Sales" && p.Head ? "CRM administrator" : "Standard user",
                        p.Department == "Sales" && p.Head),
                };
                if (wanted) accounts.Add(new AccessAccountInput(p.Email, p.Email, p.Name, entitlement, privileged, Used(p)));
            }
            return accounts;
        }

        // Accounts reviewed away in Q2 and Q3: a contractor's AWS administrator access, an old CRM export user, a GCP owner role no longer needed.
        var contractorAdmin = new AccessAccountInput("j.weber.contractor", "", "J. Weber (migration contractor)", "AdministratorAccess", true, today.AddDays(-170));
        var crmExport = new AccessAccountInput("crm-export-2024", "", "Marketing export 2024", "Data export", false, null);
        var gcpOwner = current.First(p => p.Department == "AI platform" && !p.Head);
        var gcpExtra = new AccessAccountInput(gcpOwner.Email, gcpOwner.Email, gcpOwner.Name, "Owner", true, today.AddDays(-100));
        var serviceAccounts = new Dictionary<string, AccessAccountInput>
        {
            ["AWS console"] = new("svc-terraform", "", "Terraform deployer", "AdministratorAccess", true, today.AddDays(-1)),
            ["CRM"] = new("crm-integration@lumen.example", "", "Billing integration", "API user", false, today.AddDays(-3)),
        };
        async Task LoadAllAsync(bool withContractor, bool withExport, bool withGcpOwner, bool withLeaver)
        {
            foreach (var (name, id) in systems)
            {
                var accounts = Accounts(name, withLeaver ? current.Append(leaver) : current);
                if (serviceAccounts.TryGetValue(name, out var service)) accounts.Add(service);
                if (name == "AWS console" && withContractor) accounts.Add(contractorAdmin);
                if (name == "CRM" && withExport) accounts.Add(crmExport);
                if (name == "Google Cloud console" && withGcpOwner) accounts.Add(gcpExtra);
                sequence = 0;
                await load.RunAsync(id, accounts, $"{name.ToLowerInvariant().Replace(' ', '-')}-export.csv", cancellationToken);
            }
        }

        await LoadAllAsync(withContractor: true, withExport: true, withGcpOwner: true, withLeaver: false);
        var year = today.Month >= 10 ? today.Year : today.Year - 1;
        var q2 = await PastReviewAsync($"Q2 {year} access review", ReviewerRule.SystemOwner, new DateOnly(year, 6, 2), new DateOnly(year, 6, 30), new DateOnly(year, 6, 26),
            ["j.weber.contractor", "crm-export-2024"], emails, cancellationToken);
        // The CISO removed the contractor's access by hand; the next CRM export no longer listed the export user.
        using (db.Acting.ActAs(logins[OrganizationRole.Manager], emails[logins[OrganizationRole.Manager]], AuditChannel.Ui))
        {
            var item = await db.AccessReviewItems.AsNoTracking().FirstAsync(i => i.CampaignId == q2 && i.Account == "j.weber.contractor", cancellationToken);
            await confirm.RunAsync(q2, item.Id, "Permission set removed in IAM Identity Center; ticket SEC-311.", item.Version, cancellationToken);
        }
        await LoadAllAsync(withContractor: false, withExport: false, withGcpOwner: true, withLeaver: false);
        await BackdateRemediationAsync(q2, new DateOnly(year, 7, 3), cancellationToken);

        var q3 = await PastReviewAsync($"Q3 {year} access review", ReviewerRule.PersonManager, new DateOnly(year, 9, 1), new DateOnly(year, 9, 30), new DateOnly(year, 10, 9),
            [gcpOwner.Email + "|Owner"], emails, cancellationToken);
        await LoadAllAsync(withContractor: false, withExport: false, withGcpOwner: false, withLeaver: true);
        await BackdateRemediationAsync(q3, new DateOnly(year, 10, 16), cancellationToken);

        // Q4: open, partly decided; the CISO and the employee (CRM owner) still have items to decide.
        var q4 = await saveReview.RunAsync(null, new AccessReviewInput($"Q4 {year} access review", systems.Values.ToList(), ReviewerRule.PersonManager,
            new DateOnly(year, 12, 15) < today ? today.AddDays(21) : new DateOnly(year, 12, 15)), cancellationToken);
        await open.RunAsync(q4, 1, cancellationToken);
        var pendingFor = new HashSet<Guid?> { logins[OrganizationRole.Manager], logins[OrganizationRole.Employee] };
        var q4Items = await db.AccessReviewItems.AsNoTracking().Where(i => i.CampaignId == q4).OrderBy(i => i.Account).ToListAsync(cancellationToken);
        foreach (var item in q4Items.Where(i => !pendingFor.Contains(i.ReviewerId) && i.Flags == AccessFlags.None).Take(60))
        {
            await DecideAsync(q4, item, AccessDecision.Keep, "", emails, cancellationToken);
        }
        // The CISO kept one of theirs already; the rest waits.
        if (q4Items.FirstOrDefault(i => i.ReviewerId == logins[OrganizationRole.Manager] && !i.Privileged) is { } cisoItem)
        {
            await DecideAsync(q4, cisoItem, AccessDecision.Keep, "", emails, cancellationToken);
        }
    }

    private async Task DecideAsync(Guid campaign, AccessReviewItem item, AccessDecision decision, string comment, IReadOnlyDictionary<Guid, string> emails, CancellationToken cancellationToken)
    {
        var reviewer = item.ReviewerId ?? throw new InvalidOperationException("Every demo item has a reviewer.");
        using var acting = db.Acting.ActAs(reviewer, emails.GetValueOrDefault(reviewer) ?? "demo", AuditChannel.Ui);
        if (comment.Length == 0 && item.Privileged) comment = "Still needed for the on-call rota; reviewed against the role matrix.";
        await decide.RunAsync(campaign, item.Id, new AccessDecisionInput(decision, comment, Version: item.Version), cancellationToken);
    }

    /// <summary>Runs a whole review now, revoking the named accounts ("account" or "account|entitlement"), then dates it as it happened.</summary>
    private async Task<Guid> PastReviewAsync(string title, ReviewerRule rule, DateOnly opened, DateOnly due, DateOnly completed, string[] revoke,
        IReadOnlyDictionary<Guid, string> emails, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var systems = await db.AccessSystems.Select(s => s.Id).ToListAsync(cancellationToken);
        var id = await saveReview.RunAsync(null, new AccessReviewInput(title, systems, rule, today.AddDays(7)), cancellationToken);
        await open.RunAsync(id, 1, cancellationToken);
        var items = await db.AccessReviewItems.AsNoTracking().Where(i => i.CampaignId == id).OrderBy(i => i.Account).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            var revoked = revoke.Contains(item.Account) || revoke.Contains($"{item.Account}|{item.Entitlement}");
            await DecideAsync(id, item, revoked ? AccessDecision.Revoke : AccessDecision.Keep,
                revoked ? "No longer needed: the work it was granted for has ended." : (item.Flags & AccessFlags.NoMatchingPerson) != 0 ? "Service account owned by the platform team." : "",
                emails, cancellationToken);
        }
        // History: the review ran in its own quarter.
        var campaign = await db.AccessReviewCampaigns.FirstAsync(c => c.Id == id, cancellationToken);
        campaign.DueOn = due;
        campaign.OpenedAt = new DateTimeOffset(opened.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        campaign.CompletedAt = new DateTimeOffset(completed.ToDateTime(new TimeOnly(16, 30)), TimeSpan.Zero);
        var span = Math.Max(1, completed.DayNumber - opened.DayNumber);
        var index = 0;
        foreach (var item in await db.AccessReviewItems.Where(i => i.CampaignId == id).OrderBy(i => i.Account).ToListAsync(cancellationToken))
        {
            var decidedOn = opened.AddDays(index++ * span / items.Count);
            item.DecidedAt = new DateTimeOffset(decidedOn.ToDateTime(new TimeOnly(10, 15)), TimeSpan.Zero);
            if (item.RemediationDueOn is not null) item.RemediationDueOn = decidedOn.AddDays(campaign.RevokeWithinDays);
        }
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    private async Task BackdateRemediationAsync(Guid campaign, DateOnly on, CancellationToken cancellationToken)
    {
        foreach (var item in await db.AccessReviewItems.Where(i => i.CampaignId == campaign && i.RemediatedAt != null).ToListAsync(cancellationToken))
        {
            item.RemediatedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
            if (item.RemediatedBy.StartsWith("confirmed by load of ", StringComparison.Ordinal)) item.RemediatedBy = item.RemediatedBy[..item.RemediatedBy.LastIndexOf(" on ", StringComparison.Ordinal)] + $" on {on:yyyy-MM-dd}";
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
