using System.Globalization;
using Attest.Data;
using Attest.Risks;
using Microsoft.EntityFrameworkCore;

namespace Attest.Certification;

/// <summary>One thing a clause needs, judged from the records Attest holds, with what was found and where to look.</summary>
public sealed record ReadinessCheck(string Clause, string Text, bool Met, string Detail, string? Href);

/// <summary>A main clause (4–10) of a management system standard and its checks.</summary>
public sealed record ClauseReadiness(string Clause, string Title, IReadOnlyList<ReadinessCheck> Checks)
{
    public int MetCount => Checks.Count(c => c.Met);
    public int Percent => Checks.Count == 0 ? 0 : MetCount * 100 / Checks.Count;
}

/// <summary>Readiness of a management system for certification against one framework, clause by clause, on a day.</summary>
public sealed record ReadinessReport(string FrameworkKey, DateOnly AsOf, IReadOnlyList<ClauseReadiness> Clauses)
{
    public int CheckCount => Clauses.Sum(c => c.Checks.Count);
    public int MetCount => Clauses.Sum(c => c.MetCount);
    /// <summary>Checks met over all checks, rounded down.</summary>
    public int Percent => CheckCount == 0 ? 0 : MetCount * 100 / CheckCount;
}

/// <summary>
/// Computes readiness per clause 4–10 of ISO/IEC 27001 and ISO/IEC 42001 from the organization's records (e.g. 6.1.3 is ready when
/// the SoA is approved and every high risk has a treatment). A fixed, named set of checks, each stating what it found; three queries in all
/// (the methodology, one projection of counts, the training completion by course) whatever the size of the records.
/// </summary>
public static class CertificationReadiness
{
    /// <summary>The framework keys readiness is computed for.</summary>
    public static readonly IReadOnlyList<string> Frameworks = ["iso27001-2022", "iso42001-2023"];

    /// <summary>7.2: training completion (as <see cref="Training.TrainingFigures.CompletionDefinition"/> counts it) must reach this percentage.</summary>
    public const int TrainingThresholdPercent = 90;
    /// <summary>7.3 / 7.5: the share of assignments of current published documents their audience has accepted.</summary>
    public const int AcknowledgementThresholdPercent = 90;
    /// <summary>8.1: applicable controls (all but those marked not applicable) that are implemented.</summary>
    public const int ImplementationThresholdPercent = 90;
    /// <summary>9.1: applicable controls with current evidence.</summary>
    public const int EvidenceThresholdPercent = 80;
    /// <summary>8.2: a risk assessment must have been completed within this many months.</summary>
    public const int RiskAssessmentMonths = 12;
    /// <summary>9.1: every active measure of the framework's objectives has a value for a period ending within this many months.</summary>
    public const int MeasurementMonths = 2;
    /// <summary>9.2 / 9.3: an internal audit must have been completed, and a management review held, within this many months.</summary>
    public const int AuditAndReviewMonths = 12;

    /// <summary>
    /// Readiness as <see cref="ComputeAsync"/> gives it, served from memory while nothing has changed (<see cref="Audit.RecordStateCache"/>).
    /// Use this on pages and endpoints; the first request after any change computes afresh.
    /// </summary>
    public static Task<ReadinessReport> CurrentAsync(AttestDbContext db, string frameworkKey, DateOnly today, CancellationToken cancellationToken = default) =>
        Audit.RecordStateCache.GetAsync(db, $"readiness:{frameworkKey}", today, () => ComputeAsync(db, frameworkKey, today, cancellationToken), cancellationToken: cancellationToken);

    public static async Task<ReadinessReport> ComputeAsync(AttestDbContext db, string frameworkKey, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (!Frameworks.Contains(frameworkKey))
        {
            throw ValidationFailedException.For("framework", $"readiness is computed for {string.Join(" and ", Frameworks)}, not '{frameworkKey}'.");
        }
        var aims = frameworkKey == "iso42001-2023";
        var methodology = await RiskMethodologies.CurrentAsync(db, cancellationToken);
        // Levels the risk owner may not accept ("high"): a risk at one of them needs a decided treatment for 6.1.3.
        var high = methodology?.Definition.Levels.Select((l, i) => (l, i)).Where(x => x.l.AcceptableBy > AcceptanceAuthority.RiskOwner).Select(x => x.i).ToList() ?? [];
        var methodologyId = methodology?.Id ?? Guid.Empty;
        var concerns = aims ? Context.ManagementSystem.Aims : Context.ManagementSystem.Isms;
        var yearAgo = new DateTimeOffset(today.AddMonths(-RiskAssessmentMonths).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var frameworkIds = db.Frameworks.Where(f => f.Key == frameworkKey).Select(f => f.Id);
        var requirementIds = db.Requirements.Where(r => frameworkIds.Contains(r.FrameworkId)).Select(r => r.Id);
        var objectives = db.Objectives.Where(o => o.Status == Objectives.ObjectiveStatus.Active
            && db.ObjectiveFrameworks.Any(f => f.ObjectiveId == o.Id && frameworkIds.Contains(f.FrameworkId)));
        var measures = db.Measures.Where(m => !m.Retired && objectives.Any(o => o.Id == m.ObjectiveId));
        var measuredSince = today.AddMonths(-MeasurementMonths);
        var auditsSince = today.AddMonths(-AuditAndReviewMonths);
        var policies = db.Documents.Where(d => d.Kind == Policies.DocumentKind.Policy && !d.Retired);
        var published = db.Documents.Where(d => !d.Retired && d.PublishedVersionId != null);
        var applicable = db.Controls.Where(c => c.Status != Controls.ImplementationStatus.NotApplicable);
        var evidenceLinks = db.EvidenceLinks.Where(l => l.Target == Evidence.EvidenceTarget.Control);
        var openRisks = db.Risks.Where(r => r.Status != RiskStatus.Closed);
        var aiSystems = db.AiSystems.Where(s => s.Stage != AiSystems.AiLifecycleStage.Retired);
        var currentAssignments = db.DocumentAssignments.Where(a => published.Any(d => d.Id == a.DocumentId && d.PublishedVersionId == a.VersionId));
        var counts = await db.Organizations.AsNoTracking().Where(o => o.Id == db.CurrentOrganizationId)
            .Select(_ => new Counts
            {
                Issues = db.ContextIssues.Count(i => i.Concerns == Context.ManagementSystem.Both || i.Concerns == concerns),
                Parties = db.InterestedParties.Count(p => p.Concerns == Context.ManagementSystem.Both || p.Concerns == concerns),
                PartiesWithoutRequirements = db.InterestedParties.Count(p => (p.Concerns == Context.ManagementSystem.Both || p.Concerns == concerns) && p.Requirements == ""),
                Obligations = db.Obligations.Count(o => !o.Retired),
                ObligationsNotAssessed = db.Obligations.Count(o => !o.Retired && o.Status == Obligations.ComplianceStatus.NotAssessed),
                ScopeRevision = db.Scopes.Where(s => s.Statement != "").Select(s => (int?)s.Revision).FirstOrDefault(),
                Policy52 = db.DocumentRequirements
                    .Where(l => db.Requirements.Any(r => r.Id == l.RequirementId && r.Code == "5.2" && frameworkIds.Contains(r.FrameworkId)))
                    .Join(published, l => (Guid?)l.VersionId, d => d.PublishedVersionId, (l, d) => d.Reference)
                    .OrderBy(r => r).FirstOrDefault(),
                Policies = policies.Count(),
                PoliciesWithoutOwner = policies.Count(d => d.OwnerId == null),
                Applicable = applicable.Count(),
                ApplicableWithoutOwner = applicable.Count(c => c.OwnerId == null),
                Implemented = applicable.Count(c => c.Status == Controls.ImplementationStatus.Implemented),
                Evidenced = applicable.Count(c => evidenceLinks.Any(l => l.TargetId == c.Id && db.EvidenceItems.Any(e => e.Id == l.EvidenceId &&
                    ((e.ValidUntil != null && e.ValidUntil >= today) ||
                     (e.ValidUntil == null && (c.EvidenceFreshnessDays == null || e.CollectedOn.AddDays(c.EvidenceFreshnessDays.Value) >= today)))))),
                Risks = openRisks.Count(),
                RisksNotAssessed = openRisks.Count(r => r.MethodologyId != methodologyId || r.InherentLevel == null),
                HighRisksUndecided = openRisks.Count(r => r.MethodologyId == methodologyId && r.InherentLevel != null && high.Contains(r.InherentLevel.Value)
                    && r.Treatment == RiskTreatment.Undecided),
                SoaApproved = db.SoaVersions.Where(v => frameworkIds.Contains(v.FrameworkId)).OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor)
                    .Select(v => (int?)(v.Major * 1000 + v.Minor)).FirstOrDefault(),
                LastAssessment = db.RiskAssessments.Where(a => a.Status == RiskAssessmentStatus.Completed && a.CompletedAt != null).OrderByDescending(a => a.CompletedAt)
                    .Select(a => a.CompletedAt).FirstOrDefault(),
                OverdueTasks = db.RiskTasks.Count(t => t.CompletedOn == null && t.DueOn != null && t.DueOn < today),
                Assignments = currentAssignments.Count(),
                Accepted = currentAssignments.Count(a => a.AcceptedAt != null),
                PastReview = published.Count(d => d.NextReviewOn != null && d.NextReviewOn < today),
                AiSystems = aiSystems.Count(),
                AiWithoutAssessment = aiSystems.Count(s => !db.ImpactAssessmentSystems.Any(l => l.AiSystemId == s.Id && db.ImpactAssessments.Any(a => a.Id == l.AssessmentId
                    && a.ApprovedNumber != "" && !a.ReassessmentDue && (a.NextReviewOn == null || a.NextReviewOn >= today)))),
                Objectives = objectives.Count(),
                ObjectivesWithoutMeasure = objectives.Count(o => !db.Measures.Any(m => m.ObjectiveId == o.Id && !m.Retired)),
                ObjectivesWithoutOwner = objectives.Count(o => o.OwnerId == null),
                Measures = measures.Count(),
                MeasuresUnmeasured = measures.Count(m => !db.Measurements.Any(v => v.MeasureId == m.Id && v.PeriodEnd >= measuredSince)),
                InternalAudit = db.InternalAudits
                    .Where(a => a.Status == InternalAudits.InternalAuditStatus.Completed && a.CompletedOn != null
                        && db.AuditChecklistItems.Any(i => i.AuditId == a.Id && requirementIds.Contains(i.RequirementId)))
                    .OrderByDescending(a => a.CompletedOn).Select(a => a.CompletedOn).FirstOrDefault(),
                InternalAuditReference = db.InternalAudits
                    .Where(a => a.Status == InternalAudits.InternalAuditStatus.Completed && a.CompletedOn != null
                        && db.AuditChecklistItems.Any(i => i.AuditId == a.Id && requirementIds.Contains(i.RequirementId)))
                    .OrderByDescending(a => a.CompletedOn).Select(a => a.Reference).FirstOrDefault(),
                ManagementReview = db.ManagementReviews.Where(r => r.Status == Reviews.ManagementReviewStatus.Held)
                    .OrderByDescending(r => r.HeldOn).Select(r => (DateOnly?)r.HeldOn).FirstOrDefault(),
                ManagementReviewReference = db.ManagementReviews.Where(r => r.Status == Reviews.ManagementReviewStatus.Held)
                    .OrderByDescending(r => r.HeldOn).Select(r => r.Reference).FirstOrDefault(),
                OpenMajors = db.Nonconformities.Count(n => n.Grade == Improvement.FindingGrade.Major && n.Status != Improvement.NonconformityStatus.Closed),
                OverdueActions = db.CorrectiveActions.Count(a => (a.Status == Improvement.ActionStatus.Open || a.Status == Improvement.ActionStatus.InProgress)
                    && a.DueOn != null && a.DueOn < today),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? new Counts();
        counts.YearAgo = yearAgo;
        counts.AuditsSince = auditsSince;
        counts.MeasuredSince = measuredSince;
        var training = await Training.TrainingFigures.ByCourseAsync(db, today, cancellationToken);
        var trained = new Training.CompletionRate(training.Sum(c => c.Rate.Done), training.Sum(c => c.Rate.Assigned));
        return new ReadinessReport(frameworkKey, today, Clauses(frameworkKey, aims, methodology, counts, trained));
    }

    private static List<ClauseReadiness> Clauses(string key, bool aims, RiskMethodologies.Loaded? methodology, Counts c, Training.CompletionRate trained)
    {
        var system = aims ? "AIMS" : "ISMS";
        var clauses = new List<ClauseReadiness>
        {
            new("4", "Context of the organization",
            [
                new("4.1", "Internal and external issues are recorded", c.Issues > 0,
                    c.Issues == 0 ? $"no issues concerning the {system} are recorded" : $"{Count(c.Issues, "issue")} concerning the {system} recorded", "/context"),
                new("4.2", "Interested parties are recorded with their requirements", c.Parties > 0 && c.PartiesWithoutRequirements == 0,
                    c.Parties == 0 ? "no interested parties are recorded" : $"{c.PartiesWithoutRequirements} of {Count(c.Parties, "interested party", "interested parties")} have no requirements recorded", "/context"),
                new("4.2", "The obligations register holds active obligations, all assessed", c.Obligations > 0 && c.ObligationsNotAssessed == 0,
                    c.Obligations == 0 ? "no active obligations are recorded" : $"{c.ObligationsNotAssessed} of {Count(c.Obligations, "active obligation")} not assessed", "/obligations"),
                new("4.3", "The scope is written and recorded as a revision", c.ScopeRevision > 0,
                    c.ScopeRevision is { } revision and > 0 ? $"scope statement at revision {revision}" : "no scope statement has been written", "/context"),
            ]),
            new("5", "Leadership",
            [
                new("5.2", aims ? "An AI policy is published" : "An information security policy is published", c.Policy52 is not null,
                    c.Policy52 is { } policy ? $"{policy} is published and addresses clause 5.2" : "no published policy addresses clause 5.2 of this standard", "/policies"),
                new("5.3", "Every policy has an owner", c.Policies > 0 && c.PoliciesWithoutOwner == 0,
                    c.Policies == 0 ? "no policies are recorded" : $"{c.PoliciesWithoutOwner} of {Count(c.Policies, "policy", "policies")} have no owner", "/policies"),
                new("5.3", "Every applicable control has an owner", c.Applicable > 0 && c.ApplicableWithoutOwner == 0,
                    c.Applicable == 0 ? "no applicable controls are recorded" : $"{c.ApplicableWithoutOwner} of {Count(c.Applicable, "applicable control")} have no owner", "/controls"),
            ]),
            new("6", "Planning",
            [
                new("6.1.2", "A risk methodology is in place and every open risk is assessed under it",
                    methodology is not null && c.Risks > 0 && c.RisksNotAssessed == 0,
                    methodology is null ? "no risk methodology has been adopted"
                        : c.Risks == 0 ? $"methodology v{methodology.Number} is in place, but no risks are recorded"
                        : $"methodology v{methodology.Number}; {c.RisksNotAssessed} of {Count(c.Risks, "open risk")} have no inherent rating under it", "/risks"),
                new("6.1.3", "The SoA is approved and every high risk has a treatment", c.SoaApproved is not null && methodology is not null && c.HighRisksUndecided == 0,
                    (c.SoaApproved is { } soa ? $"SoA {soa / 1000}.{soa % 1000} approved" : "the SoA has not been approved") + "; " +
                    (methodology is null ? "no risk methodology" : $"{Count(c.HighRisksUndecided, "risk")} above what a risk owner may accept with no treatment decided"), $"/soa/{key}"),
                new("6.2", "Objectives serving this standard are set, owned and measured", c.Objectives > 0 && c.ObjectivesWithoutMeasure == 0 && c.ObjectivesWithoutOwner == 0,
                    c.Objectives == 0 ? "no active objective serves this standard"
                        : $"{Count(c.Objectives, "active objective")}: {c.ObjectivesWithoutMeasure} without a measure, {c.ObjectivesWithoutOwner} without an owner", "/objectives"),
            ]),
            new("7", "Support",
            [
                new("7.2", $"Training completion is at least {TrainingThresholdPercent} %", trained.Assigned > 0 && trained.Percent >= TrainingThresholdPercent,
                    trained.Assigned == 0 ? "no training is due yet" : $"{trained.Percent} % complete ({trained.Done} of {trained.Assigned} assignments); the threshold is {TrainingThresholdPercent} %", "/training"),
                new("7.3", $"Published documents are acknowledged by at least {AcknowledgementThresholdPercent} % of their audience",
                    c.Assignments > 0 && Percent(c.Accepted, c.Assignments) >= AcknowledgementThresholdPercent,
                    c.Assignments == 0 ? "no published document has been assigned to its readers"
                        : $"{Percent(c.Accepted, c.Assignments)} % accepted ({c.Accepted} of {c.Assignments} assignments of current versions); the threshold is {AcknowledgementThresholdPercent} %", "/policies/acknowledgements"),
                new("7.5", "Published documents are within their review date", c.PastReview == 0,
                    $"{Count(c.PastReview, "published document")} past {(c.PastReview == 1 ? "its" : "their")} review date", "/policies"),
            ]),
            new("8", "Operation",
            [
                new("8.1", $"At least {ImplementationThresholdPercent} % of applicable controls are implemented", c.Applicable > 0 && Percent(c.Implemented, c.Applicable) >= ImplementationThresholdPercent,
                    c.Applicable == 0 ? "no applicable controls are recorded" : $"{Percent(c.Implemented, c.Applicable)} % implemented ({c.Implemented} of {c.Applicable}); the threshold is {ImplementationThresholdPercent} %", "/controls"),
                new("8.2", $"A risk assessment was completed within {RiskAssessmentMonths} months", c.LastAssessment is not null && c.LastAssessment >= c.YearAgo,
                    c.LastAssessment is { } last ? $"the last risk assessment was completed on {last.UtcDateTime:yyyy-MM-dd}" : "no risk assessment has been completed", "/risks/assessments"),
                new("8.3", "No risk treatment task is overdue", c.OverdueTasks == 0, $"{Count(c.OverdueTasks, "open treatment task")} overdue", "/risks/treatment"),
            ]),
            new("9", "Performance evaluation",
            [
                new("9.1", $"Evidence is current for at least {EvidenceThresholdPercent} % of applicable controls", c.Applicable > 0 && Percent(c.Evidenced, c.Applicable) >= EvidenceThresholdPercent,
                    c.Applicable == 0 ? "no applicable controls are recorded" : $"{Percent(c.Evidenced, c.Applicable)} % have current evidence ({c.Evidenced} of {c.Applicable}); the threshold is {EvidenceThresholdPercent} %", "/evidence"),
                new("9.1", $"Every objective measure has a value from the last {MeasurementMonths} months", c.Measures > 0 && c.MeasuresUnmeasured == 0,
                    c.Measures == 0 ? "no active measure of this standard's objectives"
                        : $"{c.MeasuresUnmeasured} of {Count(c.Measures, "active measure")} have no value for a period ending on or after {c.MeasuredSince:yyyy-MM-dd}", "/objectives"),
                new("9.2", $"An internal audit covering this standard was completed within {AuditAndReviewMonths} months", c.InternalAudit is { } audited && audited >= c.AuditsSince,
                    c.InternalAudit is { } audit ? $"{c.InternalAuditReference} was completed on {audit:yyyy-MM-dd}" : "no internal audit covering this standard has been completed", "/internal-audits"),
                new("9.3", $"A management review was held within {AuditAndReviewMonths} months", c.ManagementReview is { } reviewed && reviewed >= c.AuditsSince,
                    c.ManagementReview is { } review ? $"{c.ManagementReviewReference} was held on {review:yyyy-MM-dd}" : "no management review has been held", "/management-reviews"),
            ]),
            new("10", "Improvement",
            [
                new("10.2", "No major nonconformity is open", c.OpenMajors == 0, $"{Count(c.OpenMajors, "major nonconformity", "major nonconformities")} open", "/nonconformities"),
                new("10.2", "No corrective action is overdue", c.OverdueActions == 0, $"{Count(c.OverdueActions, "corrective action")} overdue", "/actions"),
            ]),
        };
        if (aims)
        {
            var operation = clauses.Single(x => x.Clause == "8");
            clauses[clauses.IndexOf(operation)] = operation with
            {
                Checks = [.. operation.Checks, new ReadinessCheck("8.4", "Every AI system has a current impact assessment (6.1.4, 8.4)", c.AiSystems > 0 && c.AiWithoutAssessment == 0,
                    c.AiSystems == 0 ? "no AI systems are recorded" : $"{c.AiWithoutAssessment} of {Count(c.AiSystems, "AI system")} have no current impact assessment", "/ai/assessments")],
            };
        }
        return clauses;
    }

    private static int Percent(int part, int whole) => whole == 0 ? 0 : part * 100 / whole;

    private static string Count(int n, string singular, string? plural = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");

    private sealed class Counts
    {
        public int Issues { get; init; }
        public int Parties { get; init; }
        public int PartiesWithoutRequirements { get; init; }
        public int Obligations { get; init; }
        public int ObligationsNotAssessed { get; init; }
        public int? ScopeRevision { get; init; }
        public string? Policy52 { get; init; }
        public int Policies { get; init; }
        public int PoliciesWithoutOwner { get; init; }
        public int Applicable { get; init; }
        public int ApplicableWithoutOwner { get; init; }
        public int Implemented { get; init; }
        public int Evidenced { get; init; }
        public int Risks { get; init; }
        public int RisksNotAssessed { get; init; }
        public int HighRisksUndecided { get; init; }
        public int? SoaApproved { get; init; }
        public DateTimeOffset? LastAssessment { get; init; }
        public DateTimeOffset YearAgo { get; set; }
        public int OverdueTasks { get; init; }
        public int Assignments { get; init; }
        public int Accepted { get; init; }
        public int PastReview { get; init; }
        public int AiSystems { get; init; }
        public int AiWithoutAssessment { get; init; }
        public int Objectives { get; init; }
        public int ObjectivesWithoutMeasure { get; init; }
        public int ObjectivesWithoutOwner { get; init; }
        public int Measures { get; init; }
        public int MeasuresUnmeasured { get; init; }
        public DateOnly? InternalAudit { get; init; }
        public string? InternalAuditReference { get; init; }
        public DateOnly? ManagementReview { get; init; }
        public string? ManagementReviewReference { get; init; }
        public DateOnly AuditsSince { get; set; }
        public DateOnly MeasuredSince { get; set; }
        public int OpenMajors { get; init; }
        public int OverdueActions { get; init; }
    }
}
