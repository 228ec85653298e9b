using Attest.Audit;
using Attest.Organizations;
using Attest.Risks;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Risks;

public sealed class RiskRegisterTests
{
    private static MethodologyDefinition FiveByFive => MethodologyTemplates.Get("5x5").Definition;

    [Theory]
    [InlineData(1, 1, "Low")]
    [InlineData(2, 2, "Low")]
    [InlineData(1, 5, "Medium")]
    [InlineData(3, 3, "Medium")]
    [InlineData(2, 5, "High")]
    [InlineData(4, 4, "High")]
    [InlineData(5, 4, "Critical")]
    [InlineData(5, 5, "Critical")]
    public void FiveByFive_ReadsTheLevelOfEachCellFromItsMatrix(int likelihood, int impact, string level) =>
        Assert.Equal(level, FiveByFive.Levels[FiveByFive.LevelOf(likelihood, impact)].Name);

    [Fact]
    public void BothReadyMadeMethodologies_KeepEveryRule()
    {
        Assert.True(FiveByFive.Validate().IsValid);
        var three = MethodologyTemplates.Get("3x3").Definition;
        Assert.True(three.Validate().IsValid);
        Assert.Equal(("High", "Low"), (three.Levels[three.LevelOf(3, 3)].Name, three.Levels[three.LevelOf(1, 1)].Name));
    }

    [Fact]
    public void Validate_NamesEveryBrokenRule_WithWhereItIs()
    {
        var broken = FiveByFive with
        {
            Likelihood = FiveByFive.Likelihood.Take(2).ToList(),
            Levels = [.. FiveByFive.Levels.Take(3), FiveByFive.Levels[3] with { Colour = "red" }],
        };
        var errors = Assert.Throws<ValidationFailedException>(() => broken.Validate().ThrowIfInvalid()).Errors;
        Assert.Contains("3 to 10 steps", errors["Likelihood"].Single());
        Assert.Contains("'red' is not a #rrggbb colour", errors["Levels[4]"].Single());

        // A cell lower than the cell below it (less likely) is refused, naming the cell.
        var matrix = FiveByFive.Matrix.Select(r => r.ToList()).ToList();
        matrix[4][4] = 0;
        var inverted = Assert.Throws<ValidationFailedException>(() => (FiveByFive with { Matrix = matrix.Cast<IReadOnlyList<int>>().ToList() }).Validate().ThrowIfInvalid()).Errors;
        Assert.Contains(inverted, e => e.Key == "Matrix[likelihood 5, impact 5]" && e.Value.Any(m => m.Contains("lower than the less likely cell below it")));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SaveRisk_ComputesLevelsFromTheMatrix_AndRefusesRatingsOffTheScale(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var risk = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            await s.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("5x5");
            var id = await s.GetRequiredService<SaveRisk>().RunAsync(null, new RiskInput("Prompt injection", InherentLikelihood: 4, InherentImpact: 4,
                Treatment: RiskTreatment.Mitigate, ResidualLikelihood: 2, ResidualImpact: 3, TargetLevel: "low"));
            return await RiskQueries.DetailAsync(db, id);
        });
        Assert.Equal(("R-001", "High", "Medium", "Low"), (risk.Reference, risk.InherentLevel!.Name, risk.ResidualLevel!.Name, risk.TargetLevel!.Name));
        Assert.Equal(RiskStatus.Assessed, risk.Status);
        // The next review follows the residual level's frequency (Medium: 6 months).
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6), risk.NextReviewOn);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveRisk>().RunAsync(null, new RiskInput("Off the scale", InherentLikelihood: 6, InherentImpact: 2, ResidualLikelihood: 2, TargetLevel: "Severe"))));
        Assert.Contains("must be 1 to 5", refused.Errors["InherentLikelihood"].Single());
        Assert.Contains("rate both", refused.Errors["ResidualLikelihood"].Single());
        Assert.Contains("'Severe' is not a level", refused.Errors["TargetLevel"].Single());
        Assert.Equal(1, await app.WithCoreAsync(organization.Id, (_, db) => db.Risks.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Acceptance_FollowsTheCriteria_AndRefusesAboveOnesAuthoritySayingWhoMay(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (ceo, ciso, owner, employee) = (organization[OrganizationRole.Admin], organization[OrganizationRole.Manager], organization[OrganizationRole.Contributor],
            organization[OrganizationRole.Employee]);
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            foreach (var (user, title) in new[] { (ceo.UserId, "CEO"), (ciso.UserId, "CISO") })
            {
                (await db.Memberships.SingleAsync(m => m.UserId == user)).JobTitle = title;
            }
            await db.SaveChangesAsync();
            await s.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("5x5");
        });
        Task<Guid> AddAsync(string title, int likelihood, int impact) => app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveRisk>().RunAsync(null,
            new RiskInput(title, OwnerId: owner.UserId, InherentLikelihood: 5, InherentImpact: 5, Treatment: RiskTreatment.Mitigate, ResidualLikelihood: likelihood, ResidualImpact: impact)));
        Task<Guid> AcceptAsync(TestPerson person, Guid risk) => app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            db.Acting.IdentifyUser(person.UserId, person.Email, AuditChannel.Ui);
            var version = await db.Risks.Where(r => r.Id == risk).Select(r => r.Version).SingleAsync();
            return await s.GetRequiredService<AcceptResidualRisk>().RunAsync(risk, "Within appetite after treatment.", null, version);
        });

        var low = await AddAsync("Low residual", 1, 2);
        var medium = await AddAsync("Medium residual", 2, 3);
        var high = await AddAsync("High residual", 4, 3);
        var critical = await AddAsync("Critical residual", 5, 5);

        // The risk owner may accept Low, not Medium; the message says who may.
        await AcceptAsync(owner, low);
        var ownerRefused = await Assert.ThrowsAsync<ValidationFailedException>(() => AcceptAsync(owner, medium));
        Assert.Equal("a Medium residual risk may be accepted by the CISO (CISO) or an executive (CEO, COO, CFO, Managing Director); you accept as the risk owner.",
            ownerRefused.Errors["Authority"].Single());
        await AcceptAsync(ciso, medium);

        // The CISO may not accept High; the CEO may.
        var cisoRefused = await Assert.ThrowsAsync<ValidationFailedException>(() => AcceptAsync(ciso, high));
        Assert.Contains("may be accepted by an executive (CEO, COO, CFO, Managing Director); you accept as the CISO", cisoRefused.Errors["Authority"].Single());
        await AcceptAsync(ceo, high);

        // Nobody accepts Critical; someone with no title who does not own the risk accepts nothing.
        var criticalRefused = await Assert.ThrowsAsync<ValidationFailedException>(() => AcceptAsync(ceo, critical));
        Assert.Contains("Critical residual risks may not be accepted", criticalRefused.Errors["Authority"].Single());
        var nobody = await Assert.ThrowsAsync<ValidationFailedException>(() => AcceptAsync(employee, low));
        Assert.Contains("you are neither its risk owner nor hold a job title with acceptance authority", nobody.Errors["Authority"].Single());

        var decisions = await app.WithCoreAsync(organization.Id, (_, db) => db.RiskAcceptances.AsNoTracking().OrderBy(a => a.AcceptedAt).ToListAsync());
        Assert.Equal([(low, AcceptanceAuthority.RiskOwner, "Low"), (medium, AcceptanceAuthority.Ciso, "Medium"), (high, AcceptanceAuthority.Executive, "High")],
            decisions.Select(d => (d.RiskId, d.Authority, d.LevelName)));
        var statuses = await app.WithCoreAsync(organization.Id, (_, db) => db.Risks.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Status));
        Assert.Equal([RiskStatus.Accepted, RiskStatus.Accepted, RiskStatus.Accepted, RiskStatus.Assessed], new[] { low, medium, high, critical }.Select(id => statuses[id]));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangingTheRiskAfterAcceptance_FlagsTheAcceptanceStale_ButBookkeepingDoesNot(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var owner = organization[OrganizationRole.Contributor];
        var id = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            await s.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("5x5");
            var risk = await s.GetRequiredService<SaveRisk>().RunAsync(null, new RiskInput("Laptop theft", OwnerId: owner.UserId, InherentLikelihood: 3, InherentImpact: 2,
                ResidualLikelihood: 1, ResidualImpact: 2));
            db.Acting.IdentifyUser(owner.UserId, owner.Email, AuditChannel.Ui);
            await s.GetRequiredService<AcceptResidualRisk>().RunAsync(risk, "Disks are encrypted.", null, await db.Risks.Where(r => r.Id == risk).Select(r => r.Version).SingleAsync());
            return risk;
        });
        async Task SaveAsync(Func<RiskDetail, RiskInput> change) => await app.WithCoreAsync(organization.Id, async (s, db) =>
            await s.GetRequiredService<SaveRisk>().RunAsync(id, change(await RiskQueries.DetailAsync(db, id))));
        static RiskInput Same(RiskDetail d) => new(d.Title, d.Description, d.Threat, d.Vulnerability, d.Category, d.OwnerId, d.Reference, d.InherentLikelihood, d.InherentImpact,
            d.ExistingControls, d.Treatment, d.TreatmentPlan, d.ResidualLikelihood, d.ResidualImpact, d.TargetLevel?.Name, d.Status, d.IdentifiedOn, d.NextReviewOn, Version: d.Version);

        // A new category or review date is bookkeeping: the decision still stands.
        await SaveAsync(d => Same(d) with { Category = "People", NextReviewOn = new DateOnly(2030, 1, 1) });
        Assert.Equal(AcceptanceState.Current, (await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.DetailAsync(db, id))).Acceptance);

        // A new residual rating changes what was accepted.
        await SaveAsync(d => Same(d) with { ResidualLikelihood = 2 });
        var detail = await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.DetailAsync(db, id));
        Assert.Equal(AcceptanceState.Stale, detail.Acceptance);
        Assert.Equal("changed after acceptance: residual rating 1×2 → 2×2", detail.Acceptances[0].StaleReason);
        var page = await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.PageAsync(db, new RiskFilter(AcceptanceStale: true), 1, 50));
        Assert.Equal(id, Assert.Single(page.Rows).Id);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ANewMethodologyVersion_LeavesRisksOnTheirVersion_UntilReassessed(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var id = await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("5x5");
            return await s.GetRequiredService<SaveRisk>().RunAsync(null, new RiskInput("Model outage", InherentLikelihood: 5, InherentImpact: 4));
        });
        // Saving the same content again makes no version; a changed one does.
        var numbers = await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var save = s.GetRequiredService<SaveRiskMethodology>();
            var again = await save.FromTemplateAsync("5x5");
            var (name, three) = MethodologyTemplates.Get("3x3");
            return (again, await save.RunAsync(name, "Simpler scales for a small team.", three, "Moved to 3 × 3"));
        });
        Assert.Equal((1, 2), numbers);

        var old = await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.DetailAsync(db, id));
        Assert.Equal((1, 2, true, "Critical"), (old.MethodologyNumber, old.CurrentMethodologyNumber, old.OlderMethodology, old.InherentLevel!.Name));
        var onOlder = await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.PageAsync(db, new RiskFilter(OlderMethodology: true), 1, 50));
        Assert.Equal(id, Assert.Single(onOlder.Rows).Id);

        // An edit without re-assessing keeps the 5 × 5 scales; accepting is refused until re-assessed.
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveRisk>().RunAsync(id, new RiskInput("Model outage (renamed)", InherentLikelihood: 5, InherentImpact: 5,
            ResidualLikelihood: 4, ResidualImpact: 1, Version: old.Version)));
        var kept = await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.DetailAsync(db, id));
        Assert.Equal((1, "Critical", "Low"), (kept.MethodologyNumber, kept.InherentLevel!.Name, kept.ResidualLevel!.Name));
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, db) =>
        {
            db.Acting.IdentifyUser(organization[OrganizationRole.Admin].UserId, "admin", AuditChannel.Ui);
            return s.GetRequiredService<AcceptResidualRisk>().RunAsync(id, "ok", null, kept.Version);
        }));
        Assert.Contains("re-assess it under v2", refused.Errors["Methodology"].Single());

        // Re-assessing rates on the 3 × 3 scales: 5 is off the scale, 3 × 3 is High.
        var off = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveRisk>().RunAsync(id,
            new RiskInput("Model outage", InherentLikelihood: 5, InherentImpact: 3, Reassess: true, Version: kept.Version))));
        Assert.Contains("must be 1 to 3", off.Errors["InherentLikelihood"].Single());
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveRisk>().RunAsync(id,
            new RiskInput("Model outage", InherentLikelihood: 3, InherentImpact: 3, Reassess: true, Version: kept.Version)));
        var reassessed = await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.DetailAsync(db, id));
        Assert.Equal((2, false, "High"), (reassessed.MethodologyNumber, reassessed.OlderMethodology, reassessed.InherentLevel!.Name));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HeatmapCounts_EqualTheRegisterCountsOfTheSameCells(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var random = new Random(7);
        await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("5x5");
            var save = s.GetRequiredService<SaveRisk>();
            for (var i = 0; i < 40; i++)
            {
                var rated = i % 9 != 0;
                var residual = i % 4 != 0;
                await save.RunAsync(null, new RiskInput($"Risk {i}", Category: i % 2 == 0 ? "AI agents" : "People",
                    InherentLikelihood: rated ? random.Next(1, 6) : null, InherentImpact: rated ? random.Next(1, 6) : null,
                    ResidualLikelihood: rated && residual ? random.Next(1, 4) : null, ResidualImpact: rated && residual ? random.Next(1, 4) : null,
                    Status: i % 10 == 3 ? RiskStatus.Closed : RiskStatus.Identified));
            }
        });
        foreach (var filter in new[] { new RiskFilter(), new RiskFilter(Category: "AI agents"), new RiskFilter(Status: RiskStatus.Closed) })
        {
            var maps = (await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.HeatmapsAsync(db, filter)))!.Value;
            var total = (await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.PageAsync(db, filter, 1, 50))).Total;
            foreach (var map in new[] { maps.Inherent, maps.Residual })
            {
                Assert.Equal(total, map.Placed + map.Unrated + map.OlderMethodology);
                for (var l = 1; l <= 5; l++)
                {
                    for (var i = 1; i <= 5; i++)
                    {
                        var cell = filter with { Rating = map.Rating, Likelihood = l, Impact = i };
                        var listed = (await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.PageAsync(db, cell, 1, 50))).Total;
                        Assert.Equal(map.CountAt(l, i), listed);
                    }
                }
            }
            Assert.True(maps.Residual.Placed > 0 || filter.Status == RiskStatus.Closed);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CompletingAnAssessment_FreezesTheRegister_AndTheNextComparesWithIt(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (kept, closed, changed) = await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("5x5");
            var save = s.GetRequiredService<SaveRisk>();
            return (await save.RunAsync(null, new RiskInput("Kept", InherentLikelihood: 2, InherentImpact: 2)),
                await save.RunAsync(null, new RiskInput("Closed later", InherentLikelihood: 2, InherentImpact: 2)),
                await save.RunAsync(null, new RiskInput("Changed later", InherentLikelihood: 2, InherentImpact: 2)));
        });
        var first = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var id = await s.GetRequiredService<SaveRiskAssessment>().RunAsync(null, new RiskAssessmentInput("Annual risk assessment 2025"));
            await s.GetRequiredService<CompleteRiskAssessment>().RunAsync(id, "Three risks, none above appetite.", 1);
            return id;
        });
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var save = s.GetRequiredService<SaveRisk>();
            var close = await RiskQueries.DetailAsync(db, closed);
            await save.RunAsync(closed, new RiskInput(close.Title, InherentLikelihood: 2, InherentImpact: 2, Status: RiskStatus.Closed, Version: close.Version));
            var change = await RiskQueries.DetailAsync(db, changed);
            await save.RunAsync(changed, new RiskInput(change.Title, InherentLikelihood: 5, InherentImpact: 5, Status: change.Status, Version: change.Version));
            await save.RunAsync(null, new RiskInput("New this year", InherentLikelihood: 3, InherentImpact: 3));
        });
        var second = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveRiskAssessment>().RunAsync(null, new RiskAssessmentInput("Annual risk assessment 2026")));
        var comparison = (await app.WithCoreAsync(organization.Id, async (_, db) =>
            await RiskSnapshots.CompareWithPreviousAsync(db, await db.RiskAssessments.AsNoTracking().SingleAsync(a => a.Id == second))))!;
        Assert.Equal("Annual risk assessment 2025", comparison.EarlierTitle);
        Assert.Equal(["R-004"], comparison.New.Select(r => r.Reference));
        Assert.Equal(["R-002"], comparison.Closed.Select(r => r.Reference));
        Assert.Equal("R-003", Assert.Single(comparison.Changed).Reference);
        Assert.Contains("inherent Low → Critical", comparison.Changed[0].Changes);
        Assert.Equal(1, comparison.Unchanged);

        // The completed one still holds the register as it was, and refuses edits.
        var frozen = await app.WithCoreAsync(organization.Id, async (_, db) => RiskSnapshots.Read((await db.RiskAssessments.AsNoTracking().SingleAsync(a => a.Id == first)).Snapshot));
        Assert.Equal([("R-001", "Low"), ("R-002", "Low"), ("R-003", "Low")], frozen.Select(r => (r.Reference, r.InherentLevel!)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveRiskAssessment>().RunAsync(first, new RiskAssessmentInput("Rewritten", Version: 2))));
        _ = kept;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LinksFlowBothWays_AControlShowsItsRisks_AndTheSoaRowNamesThem(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Access reviews", "A.5.18");
        var requirement = await app.RequirementIdAsync(organization, "iso27001-2022", "A.5.18");
        var other = await app.AddControlAsync(organization, "Joiner-mover-leaver", "A.5.16");
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            await s.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("5x5");
            var save = s.GetRequiredService<SaveRisk>();
            var risk = await save.RunAsync(null, new RiskInput("Excessive access", Controls: [new RiskControlInput(control, RiskControlRole.Planned)]));
            await save.RunAsync(null, new RiskInput("Closed risk", Controls: [new RiskControlInput(control, RiskControlRole.Existing)], Status: RiskStatus.Closed));
            // A task about a control links it as planned.
            await s.GetRequiredService<SaveRiskTask>().RunAsync(risk, null, new RiskTaskInput("Automate leaver removal", ControlId: other, DueOn: new DateOnly(2020, 1, 1)));
        });
        var treated = await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.TreatedByControlAsync(db, control));
        Assert.Equal(["R-001", "R-002"], treated.Select(r => r.Reference));
        var forSoa = await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.ForRequirementAsync(db, requirement));
        Assert.Equal(["R-001"], forSoa.Select(r => r.Reference));
        var row = (await app.WithCoreAsync(organization.Id, (_, db) => Attest.Soa.StatementOfApplicability.DraftAsync(db, "iso27001-2022"))).Rows.Single(r => r.Code == "A.5.18");
        Assert.Equal(["R-001"], row.Risks!);
        var detail = await app.WithCoreAsync(organization.Id, async (_, db) => await RiskQueries.DetailAsync(db, (await db.Risks.SingleAsync(r => r.Reference == "R-001")).Id));
        Assert.Equal(2, detail.Controls.Count(c => c.Role == RiskControlRole.Planned));
        Assert.True(Assert.Single(detail.Tasks).Overdue);
        var plan = await app.WithCoreAsync(organization.Id, (_, db) => RiskQueries.TreatmentPlanAsync(db, overdueOnly: true, includeDone: false, null, 1, 100));
        Assert.Equal((1, 1), (plan.Open, plan.Overdue));
    }
}
