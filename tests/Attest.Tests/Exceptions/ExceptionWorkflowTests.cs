using Attest.Exceptions;
using Attest.Organizations;
using Attest.Risks;
using Attest.Tests.Support;
using Attest.Tests.Vulnerabilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Exceptions;

/// <summary>Who may approve an exception, for how long, and when it is expired.</summary>
public sealed class ExceptionWorkflowTests
{
    private static Task<Guid> RequestAsync(TestApp app, TestOrganization organization, OrganizationRole requester, Guid control, string level, OrganizationRole owner = OrganizationRole.Contributor) =>
        app.AsAsync(organization, requester, (s, _) => s.GetRequiredService<RequestException>().RunAsync(new ExceptionInput($"{level} deviation", ExceptionSubject.Control,
            ControlId: control, Reason: "Needed.", CompensatingControls: "Monitoring.", RiskLevel: level, OwnerId: organization[owner].UserId)));

    private static Task<string?> ApproveAsync(TestApp app, TestOrganization organization, OrganizationRole approver, Guid id, DateOnly? until) =>
        app.AsAsync(organization, approver, async (s, db) =>
        {
            var version = await db.ComplianceExceptions.Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
            try
            {
                await s.GetRequiredService<ApproveException>().RunAsync(id, until, null, version);
                return null;
            }
            catch (ValidationFailedException refused)
            {
                return string.Join(" | ", refused.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            }
        });

    [Fact]
    public async Task Approval_FollowsTheMethodologysAuthorityPerLevel_NeverTheRequester_AndNeverANotAcceptableLevel()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Single sign-on", "A.8.5");
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("5x5"));
        await app.SetJobTitleAsync(organization, OrganizationRole.Manager, "CISO");
        await app.SetJobTitleAsync(organization, OrganizationRole.Admin, "CEO");
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);

        // Low: the exception's owner may approve, as long as someone else asked for it.
        var low = await RequestAsync(app, organization, OrganizationRole.Manager, control, "Low");
        Assert.Null(await ApproveAsync(app, organization, OrganizationRole.Contributor, low, until));
        var ownOwn = await RequestAsync(app, organization, OrganizationRole.Contributor, control, "Low");
        Assert.Equal("Authority: you requested this exception, so someone else must decide it: the exception's owner, the CISO (CISO) or an executive (CEO, COO, CFO, " +
                     "Managing Director), never the person who requested it.", await ApproveAsync(app, organization, OrganizationRole.Contributor, ownOwn, until));

        // Medium: the owner's authority is not enough; the CISO's is.
        var medium = await RequestAsync(app, organization, OrganizationRole.Contributor, control, "Medium");
        Assert.Null(await ApproveAsync(app, organization, OrganizationRole.Manager, medium, until));

        // High: only an executive; the CISO is told who may.
        var high = await RequestAsync(app, organization, OrganizationRole.Contributor, control, "High");
        Assert.Equal("Authority: a High exception may be approved by an executive (CEO, COO, CFO, Managing Director), never the person who requested it; you hold the CISO authority.",
            await ApproveAsync(app, organization, OrganizationRole.Manager, high, until));
        Assert.Null(await ApproveAsync(app, organization, OrganizationRole.Admin, high, until));

        // Critical: nobody.
        var critical = await RequestAsync(app, organization, OrganizationRole.Contributor, control, "Critical");
        Assert.Equal("Authority: a Critical risk may not be accepted, so an exception at this level cannot be approved: treat the risk instead.",
            await ApproveAsync(app, organization, OrganizationRole.Admin, critical, until));

        var decided = await app.WithCoreAsync(organization.Id, (_, db) => db.ComplianceExceptions.OrderBy(e => e.Reference)
            .Select(e => new { e.Reference, e.Status, e.ApprovalAuthority, e.DecidedBy, e.RiskLevelName, e.MethodologyNumber }).ToListAsync());
        Assert.Equal(["EXC-001", "EXC-002", "EXC-003", "EXC-004", "EXC-005"], decided.Select(d => d.Reference));
        Assert.Equal([ExceptionStatus.Approved, ExceptionStatus.Requested, ExceptionStatus.Approved, ExceptionStatus.Approved, ExceptionStatus.Requested], decided.Select(d => d.Status));
        Assert.Equal([AcceptanceAuthority.RiskOwner, null, AcceptanceAuthority.Ciso, AcceptanceAuthority.Executive, null], decided.Select(d => d.ApprovalAuthority));
        Assert.StartsWith("Admin Person <admin.", decided[3].DecidedBy);
        Assert.All(decided, d => Assert.Equal(1, d.MethodologyNumber));

        // A linked risk gives its residual level (the seeded risk is Low after treatment); a risk acceptance must be that risk's.
        var risk = await app.AddRiskAsync(organization, control, (await app.AddAiSystemAsync(organization)).AssetId);
        var linked = await app.AsAsync(organization, OrganizationRole.Contributor, (s, _) => s.GetRequiredService<RequestException>().RunAsync(new ExceptionInput("Linked",
            ExceptionSubject.Control, ControlId: control, Reason: "r", CompensatingControls: "c", RiskId: risk.Id, RiskLevel: "Critical")));
        Assert.Equal("Low", await app.WithCoreAsync(organization.Id, (_, db) => db.ComplianceExceptions.Where(e => e.Id == linked).Select(e => e.RiskLevelName).SingleAsync()));
        var badAcceptance = await Assert.ThrowsAsync<ValidationFailedException>(() => app.AsAsync(organization, OrganizationRole.Contributor, (s, _) =>
            s.GetRequiredService<RequestException>().RunAsync(new ExceptionInput("x", ExceptionSubject.Control, ControlId: control, Reason: "r", CompensatingControls: "c",
                RiskId: risk.Id, RiskAcceptanceId: Guid.NewGuid()))));
        Assert.Equal(["is not an acceptance of the linked risk."], badAcceptance.Errors["RiskAcceptanceId"]);
        // Under a newer methodology the risk must be re-assessed first.
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("3x3"));
        var stale = await ApproveAsync(app, organization, OrganizationRole.Admin, linked, until);
        Assert.Equal("RiskId: R-001 was rated under an older methodology; re-assess it under v2 first.", stale);
    }

    [Fact]
    public async Task Approval_NeedsALastDayAfterTodayAndWithinTwelveMonths_AndTheOtherStepsKeepTheirOrder()
    {
        var clock = new SettableClock(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(await TestDatabase.CreateAsync("sqlite"), configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Single sign-on", "A.8.5");
        var id = await app.AddExceptionAsync(organization, control);
        await app.SetJobTitleAsync(organization, OrganizationRole.Manager, "CISO");

        Assert.Equal("ValidUntil: an exception cannot be approved without a last day: it must be after today (2026-03-10) and at most 12 months ahead (on or before 2027-03-10).",
            await ApproveAsync(app, organization, OrganizationRole.Manager, id, null));
        Assert.StartsWith("ValidUntil: 2026-03-10 is out of bounds", await ApproveAsync(app, organization, OrganizationRole.Manager, id, new DateOnly(2026, 3, 10)));
        Assert.StartsWith("ValidUntil: 2027-03-11 is out of bounds", await ApproveAsync(app, organization, OrganizationRole.Manager, id, new DateOnly(2027, 3, 11)));
        // A member without acceptance authority is refused whatever the date.
        Assert.StartsWith("Authority:", await ApproveAsync(app, organization, OrganizationRole.Employee, id, new DateOnly(2027, 3, 10)));
        Assert.Null(await ApproveAsync(app, organization, OrganizationRole.Manager, id, new DateOnly(2027, 3, 10)));

        // Approved: not editable, not approvable again; revoking needs a note; renewal only near the end.
        var steps = await app.AsAsync(organization, OrganizationRole.Manager, async (s, db) =>
        {
            var errors = new List<string>();
            async Task Try(Func<Task> step)
            {
                try { await step(); errors.Add("ok"); }
                catch (ValidationFailedException e) { errors.Add(string.Join(" | ", e.Errors.SelectMany(x => x.Value.Select(m => $"{x.Key}: {m}")))); }
                db.ChangeTracker.Clear();
            }
            int Version() => db.ComplianceExceptions.AsNoTracking().Where(e => e.Id == id).Select(e => e.Version).Single();
            await Try(() => s.GetRequiredService<UpdateException>().RunAsync(id, new ExceptionInput("New title", ExceptionSubject.Control, ControlId: control, Reason: "r",
                CompensatingControls: "c", RiskLevel: "Low", Version: Version())));
            await Try(() => s.GetRequiredService<RenewException>().RunAsync(id));
            await Try(() => s.GetRequiredService<RevokeException>().RunAsync(id, " ", Version()));
            await Try(() => s.GetRequiredService<RevokeException>().RunAsync(id, "The tool was retired.", Version()));
            await Try(() => s.GetRequiredService<CloseException>().RunAsync(id, "Done.", Version()));
            return errors;
        });
        Assert.Equal([
            "Status: EXC-001 is approved; only awaiting decision exceptions can be changed.",
            "Status: only an approved exception that has expired or ends within 30 days can be renewed.",
            "Note: is required.",
            "ok",
            "Status: EXC-001 is revoked; only awaiting decision or approved exceptions can be closed.",
        ], steps);

        // An approved exception close to its end is renewed as a new request with the same content.
        var second = await app.AddExceptionAsync(organization, control, "Second", approveUntil: new DateOnly(2026, 4, 1));
        var renewed = await app.AsAsync(organization, OrganizationRole.Contributor, (s, _) => s.GetRequiredService<RenewException>().RunAsync(second));
        var copy = await app.WithCoreAsync(organization.Id, (_, db) => db.ComplianceExceptions.SingleAsync(e => e.Id == renewed));
        Assert.Equal(("EXC-003", "Second", ExceptionStatus.Requested, control, "Medium"), (copy.Reference, copy.Title, copy.Status, copy.ControlId!.Value, copy.RiskLevelName));
        Assert.StartsWith("Renewal of EXC-002 (approved until 2026-04-01).", copy.Reason);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Expired_IsDerivedFromTheOrganizationsDate_SoItTurnsAtMidnightInItsZone_AndIsCountedAndFiltered(string provider)
    {
        var clock = new SettableClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(await TestDatabase.CreateAsync(provider), configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Single sign-on", "A.8.5");
        var other = await app.AddControlAsync(organization, "Backups", "A.8.13");
        var lastDay = await app.AddExceptionAsync(organization, control, "Ends on the 10th", approveUntil: new DateOnly(2026, 3, 10));
        await app.AddExceptionAsync(organization, control, "Ends on the 11th", approveUntil: new DateOnly(2026, 3, 11));
        await app.AddExceptionAsync(organization, other, "Ends in June", approveUntil: new DateOnly(2026, 6, 30));
        await app.AddExceptionAsync(organization, other, "Waiting");

        // 23:30 UTC on the 10th: still the 10th in London, already the 11th in Auckland.
        clock.Advance(new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero) - clock.GetUtcNow());
        async Task<(ExceptionFigures Figures, List<string> Expired, List<string> InForce, List<string> Soon, ExceptionDetail Detail)> ReadAsync(string zone)
        {
            await app.WithCoreAsync(null, (_, db) => db.Organizations.Where(o => o.Id == organization.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.TimeZone, zone)));
            return await app.WithCoreAsync(organization.Id, async (_, db) => (
                await ExceptionRegister.FiguresAsync(db),
                (await ExceptionRegister.PageAsync(db, new ExceptionFilter(Status: "expired"), 1, 50)).Rows.Select(r => r.Title).ToList(),
                (await ExceptionRegister.PageAsync(db, new ExceptionFilter(Status: "inforce", ControlId: control), 1, 50)).Rows.Select(r => r.Title).ToList(),
                (await ExceptionRegister.PageAsync(db, new ExceptionFilter(ExpiringSoon: true), 1, 50)).Rows.Select(r => r.Title).ToList(),
                await ExceptionRegister.DetailAsync(db, lastDay)));
        }

        var london = await ReadAsync("Europe/London");
        Assert.Equal(new ExceptionFigures(3, 0, 1, 2, new DateOnly(2026, 3, 10)), london.Figures);
        Assert.Empty(london.Expired);
        Assert.Equal(["Ends on the 10th", "Ends on the 11th"], london.InForce);
        Assert.Equal(["Ends on the 10th", "Ends on the 11th"], london.Soon);
        Assert.Equal((false, "Approved"), (london.Detail.Expired, london.Detail.StatusText));

        var auckland = await ReadAsync("Pacific/Auckland");
        Assert.Equal(new ExceptionFigures(2, 1, 1, 1, new DateOnly(2026, 3, 11)), auckland.Figures);
        Assert.Equal(["Ends on the 10th"], auckland.Expired);
        Assert.Equal(["Ends on the 11th"], auckland.InForce);
        Assert.Equal(["Ends on the 11th"], auckland.Soon);
        Assert.Equal((true, "Expired", ExceptionStatus.Approved), (auckland.Detail.Expired, auckland.Detail.StatusText, auckland.Detail.Status));
    }
}
