using System.Diagnostics;
using Attest.Improvement;
using Attest.InternalAudits;
using Attest.Objectives;
using Attest.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Attest.Scale;

/// <summary>
/// Issue 9's records at enterprise size: objectives (a quarter strategic) with five measures each — named measures where the library
/// has them, manual otherwise — and 24 months of frozen measurements; a three-year internal audit programme with audits of 100
/// checklist items each (findings linked to nonconformities); and held management reviews with decisions and actions.
/// </summary>
public sealed partial class SeedScaleDataset
{
    private async Task SeedAssuranceAsync(Guid organizationId, ScaleVolumes volumes, Guid[] owners, AuditWriter audit, DateTimeOffset now,
        Dictionary<string, long> counts, TextWriter? progress, Stopwatch watch, CancellationToken cancellationToken)
    {
        if (volumes.Objectives == 0 && volumes.InternalAudits == 0 && volumes.ManagementReviews == 0) return;
        var random = new Random(20261123);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var frameworks = await db.Frameworks.AsNoTracking().Where(f => f.Key == "iso27001-2022" || f.Key == "iso42001-2023").Select(f => f.Id).ToListAsync(cancellationToken);
        var library = MeasureLibrary.All;

        long measures = 0, measurements = 0;
        var strategic = new List<Guid>();
        for (var i = 1; i <= volumes.Objectives; i++)
        {
            var kind = i % 4 == 1 ? ObjectiveKind.Strategic : ObjectiveKind.Operational;
            var created = now.AddMonths(-25);
            var objective = new Objective
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"OBJ-{i:00}", Kind = kind, OwnerId = owners[random.Next(owners.Length)],
                Title = $"{ObjectiveThemes[random.Next(ObjectiveThemes.Length)]} {i}", Goal = "What the organization means to achieve, and why.",
                ParentId = kind == ObjectiveKind.Operational && strategic.Count > 0 ? strategic[random.Next(strategic.Count)] : null,
                StartOn = today.AddMonths(-25), TargetOn = today.AddMonths(random.Next(3, 18)), ReviewCadence = (ReviewCadence)random.Next(4),
                LastReviewedOn = today.AddDays(-random.Next(1, 200)), Status = random.Next(20) == 0 ? ObjectiveStatus.Achieved : ObjectiveStatus.Active,
                CreatedAt = created, UpdatedAt = created, Version = 1,
            };
            if (kind == ObjectiveKind.Strategic) strategic.Add(objective.Id);
            db.Objectives.Add(objective);
            audit.Created("Objective", objective.Id, $"{objective.Reference} {objective.Title}");
            foreach (var framework in frameworks.Where(_ => random.Next(3) > 0)) db.ObjectiveFrameworks.Add(new ObjectiveFramework { Id = NextGuid(random), OrganizationId = organizationId, ObjectiveId = objective.Id, FrameworkId = framework });
            for (var m = 0; m < 5; m++)
            {
                var named = library.Count > 0 && random.Next(4) > 0 ? library[random.Next(library.Count)] : null;
                var unit = named?.Unit ?? MeasureUnit.Percent;
                var direction = named?.Direction ?? MeasureDirection.HigherIsBetter;
                var comparison = named?.SuggestedComparison ?? TargetComparison.AtLeast;
                var target = named?.SuggestedTarget ?? 95m;
                decimal? amber = direction == MeasureDirection.HigherIsBetter ? target - 5 : target + 2;
                var measure = new Measure
                {
                    Id = NextGuid(random), OrganizationId = organizationId, ObjectiveId = objective.Id, Title = named?.Title ?? $"Client satisfaction score {i}.{m}",
                    Source = named is null ? MeasureSource.Manual : MeasureSource.Computed, LibraryKey = named?.Key, DataSourceNote = named is null ? "Quarterly client survey" : "",
                    Comparison = comparison, Target = target, Direction = direction, AmberThreshold = amber, Unit = unit, Frequency = MeasureFrequency.Monthly,
                    Position = m, CreatedAt = created, UpdatedAt = created, Version = 1,
                };
                db.Measures.Add(measure);
                measures++;
                for (var month = 24; month >= 1; month--)
                {
                    var start = thisMonth.AddMonths(-month);
                    var end = start.AddMonths(1).AddDays(-1);
                    var spread = direction == MeasureDirection.HigherIsBetter ? -(decimal)random.Next(0, 1200) / 100 : (decimal)random.Next(0, 400) / 100;
                    var value = Math.Round(target + spread, 2);
                    db.Measurements.Add(new Measurement
                    {
                        Id = NextGuid(random), OrganizationId = organizationId, MeasureId = measure.Id, PeriodStart = start, PeriodEnd = end, Value = value,
                        Status = MeasureRules.StatusOf(value, comparison, target, amber, direction), Comparison = comparison, Target = target, AmberThreshold = amber,
                        Direction = direction, Detail = "computed for the month", Kind = MeasurementKind.Scheduled,
                        TakenAt = new DateTimeOffset(end.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero), TakenBy = "Schedule",
                    });
                    measurements++;
                }
            }
            if (i % 10 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);
        counts["objectives"] = volumes.Objectives;
        counts["measures"] = measures;
        counts["measurements"] = measurements;

        long items = 0;
        if (volumes.InternalAudits > 0)
        {
            var requirements = await db.Requirements.AsNoTracking().Where(r => r.Assessable && frameworks.Contains(r.FrameworkId)).OrderBy(r => r.Code).Select(r => r.Id).ToListAsync(cancellationToken);
            var nonconformities = await db.Nonconformities.AsNoTracking().OrderBy(n => n.Reference).Select(n => n.Id).Take(1_000).ToListAsync(cancellationToken);
            var programme = new AuditProgramme
            {
                Id = NextGuid(random), OrganizationId = organizationId, Name = "Internal audit programme", Description = "Quarterly audits covering every clause and control over three years.",
                CycleStart = thisMonth.AddYears(-2), CycleEnd = thisMonth.AddYears(1).AddDays(-1), AuditsPerYear = 4, OwnerId = owners[0],
                CreatedAt = now.AddYears(-2), UpdatedAt = now.AddYears(-2), Version = 1,
            };
            db.AuditProgrammes.Add(programme);
            foreach (var framework in frameworks) db.AuditProgrammeFrameworks.Add(new AuditProgrammeFramework { Id = NextGuid(random), OrganizationId = organizationId, ProgrammeId = programme.Id, FrameworkId = framework });
            for (var i = 1; i <= volumes.InternalAudits; i++)
            {
                var planned = programme.CycleStart.AddDays((i - 1) * 1095 / volumes.InternalAudits);
                var done = planned.AddDays(14) < today;
                var auditRecord = new InternalAudit
                {
                    Id = NextGuid(random), OrganizationId = organizationId, Reference = $"IA-{i:000}", ProgrammeId = programme.Id, Title = $"Internal audit {i}",
                    Scope = "Clauses and controls sampled this quarter.", Criteria = "ISO/IEC 27001:2022 and ISO/IEC 42001:2023; the organization's policies.",
                    AuditorName = "Independent auditor", IndependenceStatement = "Not responsible for any process audited.", OwnerId = owners[random.Next(owners.Length)],
                    PlannedStart = planned, PlannedEnd = planned.AddDays(10), StartedOn = done ? planned : null, CompletedOn = done ? planned.AddDays(12) : null,
                    Conclusion = done ? "The management systems conform, with the findings listed." : "",
                    Status = done ? InternalAuditStatus.Completed : InternalAuditStatus.Planned, CreatedAt = now.AddYears(-2), UpdatedAt = now.AddYears(-2), Version = 1,
                };
                db.InternalAudits.Add(auditRecord);
                audit.Created("InternalAudit", auditRecord.Id, $"{auditRecord.Reference} {auditRecord.Title}");
                var position = 0;
                foreach (var requirement in Sample(random, requirements, Math.Min(100, requirements.Count)))
                {
                    var roll = random.Next(100);
                    var result = !done ? AuditResult.NotAssessed : roll < 85 ? AuditResult.Conforming : roll < 90 ? AuditResult.Nonconformity : roll < 96 ? AuditResult.Observation : AuditResult.OpportunityForImprovement;
                    db.AuditChecklistItems.Add(new AuditChecklistItem
                    {
                        Id = NextGuid(random), OrganizationId = organizationId, AuditId = auditRecord.Id, RequirementId = requirement, Position = position++, Question = "Is the requirement met as documented?",
                        Result = result, Notes = done ? "Sampled records and interviewed the owner." : "", AssessedOn = done ? auditRecord.CompletedOn : null, AssessedBy = done ? "Independent auditor" : "",
                        NonconformityId = result == AuditResult.Nonconformity && nonconformities.Count > 0 ? nonconformities[random.Next(nonconformities.Count)] : null, Version = 1,
                    });
                    items++;
                }
                await SaveAndClearAsync(cancellationToken);
            }
        }
        counts["internal audits"] = volumes.InternalAudits;
        counts["audit checklist items"] = items;

        var nextAction = await db.CorrectiveActions.CountAsync(cancellationToken) + 1;
        DateOnly? previousHeld = null;
        for (var i = 1; i <= volumes.ManagementReviews; i++)
        {
            var heldOn = today.AddMonths(-3 * (volumes.ManagementReviews - i + 1));
            // Held reviews freeze the inputs gathered as at their date, as the workflow does; the records seeded above are saved by now.
            var inputs = await ManagementReviewInputs.GatherAsync(db, heldOn, previousHeld, cancellationToken);
            var review = new ManagementReview
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"MR-{i:000}", Title = $"Management review {heldOn:yyyy-MM}", HeldOn = heldOn,
                OwnerId = owners[0], Attendees = "CEO\nCISO\nCTO\nDPO", Minutes = "Inputs reviewed; decisions recorded.", Conclusions = "The management systems remain suitable, adequate and effective.",
                Status = ManagementReviewStatus.Held, InputsJson = inputs.ToJson(), HeldAt = new DateTimeOffset(heldOn.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero), SignedOffBy = "CEO",
                CreatedAt = now.AddYears(-6), UpdatedAt = now.AddYears(-6), Version = 1,
            };
            previousHeld = heldOn;
            db.ManagementReviews.Add(review);
            audit.Created("ManagementReview", review.Id, $"{review.Reference} {review.Title}");
            for (var d = 0; d < 3; d++)
            {
                db.ReviewDecisions.Add(new ReviewDecision { Id = NextGuid(random), OrganizationId = organizationId, ReviewId = review.Id, Position = d, Kind = (ReviewDecisionKind)random.Next(4), Text = "Decision of the review.", RecordedAt = review.HeldAt.Value });
                var finished = heldOn.AddDays(60) < today && random.Next(4) > 0;
                db.CorrectiveActions.Add(new CorrectiveAction
                {
                    Id = NextGuid(random), OrganizationId = organizationId, Reference = $"CA-{nextAction++:0000}", Title = "Follow-up of a review decision", Source = ActionSource.ManagementReview, SourceId = review.Id,
                    OwnerId = owners[random.Next(owners.Length)], DueOn = heldOn.AddDays(60), Status = finished ? ActionStatus.Done : ActionStatus.Open,
                    CompletedOn = finished ? heldOn.AddDays(random.Next(20, 60)) : null, CreatedAt = review.HeldAt.Value, UpdatedAt = review.HeldAt.Value, Version = 1,
                });
            }
            await SaveAndClearAsync(cancellationToken); // the next review's inputs list this one's actions
        }
        if (volumes.ManagementReviews > 0)
        {
            // The next review, planned: its page gathers the inputs live, which the bench measures.
            var plannedOn = today.AddDays(16);
            var planned = new ManagementReview
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"MR-{volumes.ManagementReviews + 1:000}", Title = $"Management review {plannedOn:yyyy-MM}",
                HeldOn = plannedOn, OwnerId = owners[0], Attendees = "CEO\nCISO\nCTO\nDPO", Status = ManagementReviewStatus.Planned,
                CreatedAt = now.AddDays(-10), UpdatedAt = now.AddDays(-10), Version = 1,
            };
            db.ManagementReviews.Add(planned);
            audit.Created("ManagementReview", planned.Id, $"{planned.Reference} {planned.Title}");
        }
        await SaveAndClearAsync(cancellationToken);
        counts["management reviews"] = volumes.ManagementReviews + (volumes.ManagementReviews > 0 ? 1 : 0);
        progress?.WriteLine($"  {volumes.Objectives} objectives, {measures} measures, {measurements} measurements, {volumes.InternalAudits} internal audits with {items} checklist items, " +
                            $"{volumes.ManagementReviews} management reviews ({watch.Elapsed.TotalSeconds:0.0} s)");
    }

    private static readonly string[] ObjectiveThemes =
    [
        "Protect AI agents", "Protect client data", "Stay available", "Respond to incidents quickly", "Keep access least-privilege",
        "Train every person", "Meet every obligation", "Keep suppliers assured", "Reduce vulnerabilities", "Certify and stay certified",
    ];
}
