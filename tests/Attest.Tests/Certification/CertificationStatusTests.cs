using System.Net;
using Attest.Certification;
using Attest.Policies;
using Attest.Tests.Support;
using Attest.Tests.Vulnerabilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Certification;

/// <summary>What programmes add up to — days to target, on track, the trust page — read through SQL on both providers.</summary>
public sealed class CertificationStatusTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DaysToTargetAndOnTrack_AreCountedOnTheOrganizationsCalendar(string provider)
    {
        // 20:00 UTC on 31 March is already 1 April in Auckland (UTC+13).
        var clock = new SettableClock(new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(await TestDatabase.CreateAsync(provider), configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var organization = await app.SeedOrganizationAsync();
        var programme = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var id = await s.GetRequiredService<SaveProgramme>().RunAsync(null, new ProgrammeInput("ISMS", "ISO/IEC 27001:2022", "iso27001-2022", new DateOnly(2025, 10, 31)));
            var save = s.GetRequiredService<SaveMilestone>();
            foreach (var m in await db.Milestones.AsNoTracking().Where(m => m.ProgrammeId == id).ToListAsync())
            {
                var input = new MilestoneInput(m.Title, m.Kind, m.PlannedOn, MilestoneStatus.NotStarted, Version: m.Version);
                if (m.Kind <= MilestoneKind.ManagementReview) input = input with { Status = MilestoneStatus.Done, DoneOn = new DateOnly(2026, 3, 1) };
                else if (m.Kind == MilestoneKind.Stage1Audit) input = input with { PlannedOn = new DateOnly(2026, 3, 31) };
                else if (m.Kind == MilestoneKind.Recertification) input = input with { Status = MilestoneStatus.NotApplicable };
                else continue;
                await save.RunAsync(id, m.Id, input);
            }
            return id;
        });
        Task<CertificationStatus> StatusAsync(string zone) => app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            await db.Organizations.Where(o => o.Id == organization.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.TimeZone, zone));
            return (await CertificationQueries.StatusesAsync(db)).Single();
        });

        var auckland = await StatusAsync("Pacific/Auckland");
        Assert.Equal((new DateOnly(2026, 4, 30), 29, 6, 11), (auckland.TargetOn, auckland.DaysToTarget, auckland.MilestonesDone, auckland.MilestonesTotal));
        Assert.Equal(("Stage 1 audit", 1, false), (auckland.NextMilestone!.Title, auckland.LateMilestones, auckland.OnTrack));
        var utc = await StatusAsync("UTC");
        Assert.Equal((30, 0, true), (utc.DaysToTarget, utc.LateMilestones, utc.OnTrack));

        // A step towards the certificate planned after the target is off track without being late; past the target, the days turn negative.
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var stage2 = await db.Milestones.AsNoTracking().SingleAsync(m => m.ProgrammeId == programme && m.Kind == MilestoneKind.Stage2Audit);
            await s.GetRequiredService<SaveMilestone>().RunAsync(programme, stage2.Id, new MilestoneInput(stage2.Title, stage2.Kind, new DateOnly(2026, 5, 10), Version: stage2.Version));
        });
        var beyond = await StatusAsync("UTC");
        Assert.Equal((0, false), (beyond.LateMilestones, beyond.OnTrack));
        clock.Advance(TimeSpan.FromDays(35));
        var past = await StatusAsync("UTC");
        Assert.Equal(-5, past.DaysToTarget);
        var dashboard = await app.WithCoreAsync(organization.Id, (_, db) => CertificationQueries.DashboardAsync(db));
        Assert.Equal(("ISMS", -5, false, 6, 11, false), (dashboard.Single().Name, dashboard.Single().DaysToTarget, dashboard.Single().OnTrack, dashboard.Single().MilestonesDone,
            dashboard.Single().MilestonesTotal, dashboard.Single().Certified));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheTrustPage_StatesCertificationAsTheProgrammeStands_AndNeverAnExpiredOrWithdrawnCertificate(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var slug = "trust-" + Guid.NewGuid().ToString("N")[..8];
        var (programme, audit, today) = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var version = await db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Version).SingleAsync();
            await s.GetRequiredService<UpdateTrustPage>().RunAsync(new TrustPageSettings(true, slug, "About us", "Our own words on certification.", version));
            var today = await CertificationQueries.TodayAsync(db);
            var save = s.GetRequiredService<SaveProgramme>();
            var id = await save.RunAsync(null, new ProgrammeInput("ISMS", "ISO/IEC 27001:2022", "iso27001-2022", today.AddMonths(-1), new DateOnly(2030, 5, 15), "Example Certification Ltd",
                ShowOnTrustPage: true));
            await save.RunAsync(null, new ProgrammeInput("Unflagged", "SOC 2 Type II", "none", today, today.AddMonths(6)));
            await save.RunAsync(null, new ProgrammeInput("Abandoned", "ISO 9001:2015", "none", today, today.AddMonths(6), ShowOnTrustPage: true, Archived: true));
            var audit = await s.GetRequiredService<SaveExternalAudit>().RunAsync(id, null, new ExternalAuditInput(ExternalAuditKind.Stage1, new DateOnly(2030, 1, 14), new DateOnly(2030, 1, 15)));
            return (id, audit, today);
        });
        Task<TrustPage.View> ViewAsync() => app.WithCoreAsync(null, async (_, db) => (await TrustPage.LoadAsync(db, slug))!);

        var booked = (await ViewAsync()).Certifications.Single();
        Assert.Equal(("ISO/IEC 27001:2022", false, "Q2 2030", "Stage 1 audit booked for January 2030"), (booked.Standard, booked.Certified, booked.TargetQuarter, booked.Audits.Single()));

        var stage1End = today.AddDays(-1);
        var certificate = await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<SaveExternalAudit>().RunAsync(programme, audit, new ExternalAuditInput(ExternalAuditKind.Stage1, stage1End, stage1End, ExternalAuditStatus.Completed,
                AuditConclusion.Positive, Version: 1));
            return await s.GetRequiredService<SaveCertificate>().RunAsync(programme, null, new CertificateInput("IS 777001", today, today.AddYears(3), AccreditationBody: "UKAS",
                ScopeStatement: "The AI services platform and its operations."));
        });
        var certified = (await ViewAsync()).Certifications.Single();
        Assert.Equal((true, "IS 777001", "Example Certification Ltd", "UKAS", today, today.AddYears(3), "The AI services platform and its operations."),
            (certified.Certified, certified.Number, certified.CertificationBody, certified.AccreditationBody, certified.IssuedOn!.Value, certified.ExpiresOn!.Value, certified.ScopeStatement));
        var page = await app.Anonymous().GetPageAsync($"/trust/{slug}");
        Assert.Contains("ISO/IEC 27001:2022: Certified", page);
        Assert.Contains("IS 777001", page);
        Assert.Contains("Our own words on certification.", page);
        Assert.DoesNotContain("SOC 2", page);
        Assert.DoesNotContain("ISO 9001", page);

        // Expired yesterday, then withdrawn: back to "in progress", with the completed stage 1, and the number gone.
        async Task ChangeAsync(DateOnly issued, DateOnly expires, CertificateStatus status, int version) => await app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveCertificate>().RunAsync(programme, certificate, new CertificateInput("IS 777001", issued, expires, status, Version: version)));
        await ChangeAsync(today.AddYears(-3), today.AddDays(-1), CertificateStatus.Issued, 1);
        var expired = (await ViewAsync()).Certifications.Single();
        Assert.Equal((false, null, $"Stage 1 audit completed {stage1End.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}"),
            (expired.Certified, expired.Number, expired.Audits.Single()));
        await ChangeAsync(today.AddDays(-10), today.AddYears(3), CertificateStatus.Withdrawn, 2);
        Assert.False((await ViewAsync()).Certifications.Single().Certified);
        page = await app.Anonymous().GetPageAsync($"/trust/{slug}");
        Assert.Contains("ISO/IEC 27001:2022: Certification in progress", page);
        Assert.DoesNotContain("IS 777001", page);

        // Unflagged: nothing is stated.
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveProgramme>().RunAsync(programme, new ProgrammeInput("ISMS", "ISO/IEC 27001:2022", "iso27001-2022",
            today.AddMonths(-1), new DateOnly(2030, 5, 15), ShowOnTrustPage: false, Version: 1)));
        Assert.Empty((await ViewAsync()).Certifications);
    }
}
