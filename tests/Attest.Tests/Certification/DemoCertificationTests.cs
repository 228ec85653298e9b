using Attest.Certification;
using Attest.Demo;
using Attest.Policies;
using Attest.Tests.Demo;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Certification;

[Collection(LoadedDemo.Collection)]
public sealed class DemoCertificationTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemo_HasAnIso27001ProgrammeFourMonthsIn_WithStage1Booked_AndAnIso42001ProgrammeJustStarted_BothOnTheTrustPage(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var (statuses, isms, audits, today) = await app.WithCoreAsync(organizationId, async (_, db) =>
        {
            var statuses = await CertificationQueries.StatusesAsync(db);
            var id = statuses.Single(s => s.Name == DemoCertification.IsmsProgramme).ProgrammeId;
            return (statuses, await CertificationQueries.DetailAsync(db, id), await db.ExternalAudits.AsNoTracking().ToListAsync(), await CertificationQueries.TodayAsync(db));
        });

        Assert.Equal(["ISO/IEC 27001:2022", "ISO/IEC 42001:2023"], statuses.Select(s => s.Standard));
        Assert.All(statuses, s => Assert.Equal((ProgrammeState.InProgress, true, true), (s.State, s.ShowOnTrustPage, s.OnTrack)));
        var s27001 = isms.Status;
        Assert.Equal((today.AddMonths(-4), today.AddMonths(-4).AddMonths(6), 4, 12, 0), (s27001.ScopeEstablishedOn!.Value, s27001.TargetOn, s27001.MilestonesDone, s27001.MilestonesTotal, s27001.LateMilestones));
        Assert.All(isms.Milestones.Where(m => m.Status == MilestoneStatus.Done), m => Assert.InRange(m.DoneOn!.Value, today.AddMonths(-4), today));
        var byKind = isms.Milestones.ToDictionary(m => m.Kind);
        Assert.Equal((MilestoneStatus.InProgress, MilestoneStatus.NotStarted), (byKind[MilestoneKind.InternalAudit].Status, byKind[MilestoneKind.ManagementReview].Status));
        var stage1 = audits.Single();
        Assert.Equal((ExternalAuditKind.Stage1, ExternalAuditStatus.Planned, today.AddDays(21), DemoCertification.Body), (stage1.Kind, stage1.Status, stage1.StartOn, stage1.CertificationBody));
        Assert.Equal(stage1.StartOn, byKind[MilestoneKind.Stage1Audit].PlannedOn);
        Assert.Empty(isms.Certificates);
        var s42001 = statuses.Single(s => s.Name == DemoCertification.AimsProgramme);
        Assert.Equal((today.AddDays(-14), 0, "Gap assessment"), (s42001.ScopeEstablishedOn!.Value, s42001.MilestonesDone, s42001.NextMilestone!.Title));
        Assert.Equal(MilestoneStatus.InProgress, s42001.NextMilestone.Status);

        var trust = await app.WithCoreAsync(null, async (_, db) => await TrustPage.LoadAsync(db, "lumen"));
        Assert.Equal(["ISO/IEC 27001:2022", "ISO/IEC 42001:2023"], trust!.Certifications.Select(c => c.Standard));
        Assert.All(trust.Certifications, c => Assert.False(c.Certified));
        Assert.Equal($"Stage 1 audit booked for {today.AddDays(21).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}", trust.Certifications[0].Audits.Single());

        // Loading again adds nothing.
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        Assert.Equal((2, 1), await app.WithCoreAsync(organizationId, async (_, db) => (await db.CertificationProgrammes.CountAsync(), await db.ExternalAudits.CountAsync())));
    }
}
