using Attest.AiSystems;
using Attest.Assets;
using Attest.Controls;
using Attest.Objectives;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Objectives.Measures;

public sealed class AiMeasureTests
{
    private static readonly MeasurePeriod October = MeasurePeriod.Month(new DateOnly(2026, 10, 1), TimeZoneInfo.Utc);

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ControlBaseline_AndCurrentImpactAssessments_NameTheSystemsThatFallShort(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var access = await app.RequirementIdAsync(organization, "iso27001-2022", "A.5.15");
        var logging = await app.RequirementIdAsync(organization, "iso27001-2022", "A.8.15");
        var ids = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            Control Control(string reference, ImplementationStatus status, Guid requirement)
            {
                var control = new Control { Reference = reference, Name = "Control " + reference, Status = status };
                db.Controls.Add(control);
                db.ControlRequirements.Add(new ControlRequirement { ControlId = control.Id, RequirementId = requirement });
                return control;
            }
            var sso = Control("CTL-001", ImplementationStatus.Implemented, access);
            var logs = Control("CTL-002", ImplementationStatus.Implemented, logging);
            var plannedLogs = Control("CTL-003", ImplementationStatus.Planned, logging);
            var agents = new AiSystemClass { Name = "Client-facing agent" };
            var tools = new AiSystemClass { Name = "Internal tool" };
            db.AiSystemClasses.AddRange(agents, tools);
            db.AiSystemClassRequirements.AddRange(new AiSystemClassRequirement { ClassId = agents.Id, RequirementId = access },
                new AiSystemClassRequirement { ClassId = agents.Id, RequirementId = logging });
            var number = 0;
            AiSystem System(string name, AiSystemClass? systemClass, AssetLifecycle lifecycle, params Control[] controls)
            {
                number++;
                var asset = new Asset { Reference = $"AST-{number:00000}", Name = name, Type = AssetType.AiSystem, Lifecycle = lifecycle };
                var system = new AiSystem { AssetId = asset.Id, ClassId = systemClass?.Id };
                db.Assets.Add(asset);
                db.AiSystems.Add(system);
                foreach (var control in controls) db.AiSystemControls.Add(new AiSystemControl { AiSystemId = system.Id, ControlId = control.Id });
                return system;
            }
            var contract = System("Contract agent", agents, AssetLifecycle.InUse, sso, logs);
            var tax = System("Tax agent", agents, AssetLifecycle.InUse, sso, plannedLogs);
            var notes = System("Notes bot", null, AssetLifecycle.InUse);
            var design = System("Design agent", tools, AssetLifecycle.Planned);
            System("Old agent", agents, AssetLifecycle.Retired);
            var newcomer = System("Newcomer", null, AssetLifecycle.InUse);

            void Assessment(string reference, AiSystem system, DateTimeOffset? approved, DateOnly? nextReview, bool flagged = false)
            {
                var assessment = new ImpactAssessment
                {
                    Reference = reference, Title = "Assessment " + reference, Status = approved is null ? AssessmentStatus.Draft : AssessmentStatus.Approved,
                    ApprovedNumber = approved is null ? "" : "1.0", NextReviewOn = nextReview, ReassessmentDue = flagged,
                };
                db.ImpactAssessments.Add(assessment);
                db.ImpactAssessmentSystems.Add(new ImpactAssessmentSystem { AssessmentId = assessment.Id, AiSystemId = system.Id });
                if (approved is { } at) db.ImpactAssessmentVersions.Add(new ImpactAssessmentVersion { AssessmentId = assessment.Id, Major = 1, ApprovedAt = at, ApprovedBy = "Casey Ciso", Content = "{}" });
            }
            Assessment("AIA-001", contract, At(9, 15), new DateOnly(2027, 9, 15));
            Assessment("AIA-002", tax, At(9, 15), new DateOnly(2026, 10, 20));
            Assessment("AIA-003", notes, At(11, 5), new DateOnly(2027, 11, 5));
            Assessment("AIA-004", tax, At(9, 20), new DateOnly(2027, 9, 20), flagged: true);
            await db.SaveChangesAsync();
            await db.AiSystems.ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedAt, At(9, 1)));
            await db.AiSystems.Where(s => s.Id == newcomer.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedAt, At(11, 2)));
            return (Tax: tax.Id, Notes: notes.Id, Design: design.Id, Newcomer: newcomer.Id);
        });

        async Task<(decimal? Value, string Detail, List<(string, string, string, string)> Behind)> Measure(string key) =>
            await app.WithCoreAsync(organization.Id, async (_, db) =>
            {
                var measure = MeasureLibrary.Find(key)!;
                var result = await measure.ComputeAsync(db, October, CancellationToken.None);
                var behind = await measure.RecordsBehindAsync(db, October, CancellationToken.None);
                return (result.Value, result.Detail, behind.Select(r => (r.Reference, r.Title, r.Reason, r.Path)).ToList());
            });

        // The retired agent is left out; the planned one is measured against its (empty) baseline.
        var baseline = await Measure("ai.control-baseline");
        Assert.Equal((20m, "1 of 5 AI systems"), (baseline.Value, baseline.Detail));
        Assert.Equal([
            ("AST-00002", "Tax agent", "1 of 2 baseline requirements not met (A.8.15)", $"/ai/systems/{ids.Tax}"),
            ("AST-00003", "Notes bot", "no AI system class, so no baseline", $"/ai/systems/{ids.Notes}"),
            ("AST-00004", "Design agent", "its class Internal tool names no baseline requirement", $"/ai/systems/{ids.Design}"),
            ("AST-00006", "Newcomer", "no AI system class, so no baseline", $"/ai/systems/{ids.Newcomer}"),
        ], baseline.Behind);

        // In use and registered by the end of October: the contract, tax and notes agents.
        var assessments = await Measure("ai.impact-assessment-current");
        Assert.Equal((33.3m, "1 of 3 AI systems in use"), (assessments.Value, assessments.Detail));
        Assert.Equal([
            ("AST-00002", "Tax agent", "AIA-002 past its review date 2026-10-20; AIA-004 flagged for reassessment", $"/ai/systems/{ids.Tax}"),
            ("AST-00003", "Notes bot", "AIA-003 not approved by 2026-10-31", $"/ai/systems/{ids.Notes}"),
        ], assessments.Behind);
        var august = await app.WithCoreAsync(organization.Id, (_, db) => MeasureLibrary.Find("ai.impact-assessment-current")!
            .ComputeAsync(db, MeasurePeriod.Month(new DateOnly(2026, 8, 1), TimeZoneInfo.Utc), CancellationToken.None));
        Assert.Equal(((decimal?)null, "no AI systems in use"), (august.Value, august.Detail));
    }
}
