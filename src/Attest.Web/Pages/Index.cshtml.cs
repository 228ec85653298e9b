using Microsoft.Extensions.Caching.Memory;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages;

[Authorize(Policy = Access.Member)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting, Microsoft.Extensions.Caching.Memory.IMemoryCache cache) : PageModel
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
    public int PublishedDocuments { get; private set; }
    public int DraftDocuments { get; private set; }
    public int OverdueReviews { get; private set; }
    public int MyToRead { get; private set; }
    public int MyOverdue { get; private set; }
    public int MyReminders { get; private set; }
    public int MyApprovals { get; private set; }
    public int Assets { get; private set; }
    public Attest.AiSystems.AiDashboardFigures? Ai { get; private set; }
    public int OpenRisks { get; private set; }
    public int RiskReviewsOverdue { get; private set; }
    public int TreatmentTasksOverdue { get; private set; }
    public int StaleAcceptances { get; private set; }
    public int MyNotifications { get; private set; }
    public int People { get; private set; }
    public int LeaversWithAccess { get; private set; }
    public int ChecklistItemsOverdue { get; private set; }
    public int TrainingOpen { get; private set; }
    public int TrainingOverdue { get; private set; }
    public int MyTraining { get; private set; }
    public int MyTrainingOverdue { get; private set; }
    public int OpenAccessReviews { get; private set; }
    public int MyAccessReviewItems { get; private set; }
    public int OpenRevocations { get; private set; }
    public int Suppliers { get; private set; }
    public int SupplierReviewsOverdue { get; private set; }
    public int CertificationsExpiring { get; private set; }
    public int OpenIncidents { get; private set; }
    public int IncidentsOverContainment { get; private set; }
    public int BreachesOpen { get; private set; }
    public int CriticalVulnerabilities { get; private set; }
    public int FindingsOverdue { get; private set; }
    public int OpenActions { get; private set; }
    public int ActionsOverdue { get; private set; }
    public int MyActions { get; private set; }
    public int MyActionsOverdue { get; private set; }
    public int Plans { get; private set; }
    public int PlansApproved { get; private set; }
    public DateOnly? LastRestoreTest { get; private set; }
    public int ServicesMissedLastMonth { get; private set; }
    public string LastMonth { get; private set; } = "";
    public int Licences { get; private set; }
    public int LicencesValid { get; private set; }
    public int LicencesExpiring { get; private set; }
    public int LicencesExpired { get; private set; }
    public int ObligationsNotMet { get; private set; }
    public int ObligationsNotAssessed { get; private set; }
    public int ViolationsThisYear { get; private set; }
    public int OpenMajorNonconformities { get; private set; }
    public int OpenMinorNonconformities { get; private set; }
    public int NonconformitiesOverdue { get; private set; }
    public int ExceptionsInForce { get; private set; }
    public int ExceptionsExpired { get; private set; }
    public int ExceptionsAwaiting { get; private set; }
    public IReadOnlyList<Attest.Certification.CertificationDashboardRow> Certification { get; private set; } = [];
    /// <summary>Active objectives with their measures' stored values as at today, strategic first.</summary>
    public IReadOnlyList<DashboardObjective> Objectives { get; private set; } = [];
    public IReadOnlyList<Attest.Reports.FrameworkCompliance> Compliance { get; private set; } = [];
    public Attest.Reports.RiskSummary? Risks { get; private set; }
    public IReadOnlyList<Attest.Reports.OverdueOwner> Overdue { get; private set; } = [];
    /// <summary>Owners shown in the overdue table; the rest are counted in one line.</summary>
    public const int OverdueOwnersShown = 10;
    public int IncidentsThisMonth { get; private set; }
    public int SeriousIncidentsThisMonth { get; private set; }
    public string ThisMonth { get; private set; } = "";
    public Attest.Training.CompletionRate TrainingCompletion { get; private set; } = new(0, 0);
    public int AccessReviewsLate { get; private set; }

    public IEnumerable<(DashboardObjective Objective, Attest.Objectives.MeasureQueries.MeasureRow Measure)> NeedsAttention =>
        Objectives.SelectMany(o => o.Measures.Where(m => m.Status == Attest.Objectives.MeasureStatus.Red).Select(m => (o, m)));

    public sealed record DashboardObjective(Guid Id, string Reference, string Title, Attest.Objectives.ObjectiveKind Kind, string? Owner,
        IReadOnlyList<Attest.Objectives.MeasureQueries.MeasureRow> Measures);

    /// <summary>The SVG trend of each measure shown, by measure id.</summary>
    public IReadOnlyDictionary<Guid, string> Trends { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>
    /// The assurance cards (objectives with their trends, what is overdue, compliance and certification): they depend only on the records
    /// and the day, and are the dashboard's heaviest part, so they are kept while the records are unchanged (<see cref="Attest.Audit.RecordStateCache"/>).
    /// </summary>
    private sealed record AssuranceCards(IReadOnlyList<DashboardObjective> Objectives, IReadOnlyDictionary<Guid, string> Trends,
        IReadOnlyList<Attest.Reports.OverdueOwner> Overdue, IReadOnlyList<Attest.Reports.FrameworkCompliance> Compliance,
        IReadOnlyList<Attest.Certification.CertificationDashboardRow> Certification);

    private async Task<AssuranceCards> AssuranceCardsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var measures = await Attest.Objectives.MeasureQueries.AsAtAsync(db, today, cancellationToken: cancellationToken);
        var objectives = measures.Where(m => m.ObjectiveStatus == Attest.Objectives.ObjectiveStatus.Active).GroupBy(m => m.ObjectiveId)
            .Select(g => new DashboardObjective(g.Key, g.First().ObjectiveReference, g.First().ObjectiveTitle, g.First().ObjectiveKind, g.First().ObjectiveOwnerName, g.ToList()))
            .ToList();
        var trends = objectives.SelectMany(o => o.Measures).ToDictionary(m => m.MeasureId,
            m => Attest.Objectives.MeasureTrendSvg.Render(m.MeasureTitle, Attest.Objectives.MeasureTrendSvg.Points(m.History), m.Latest?.Target ?? m.Target, m.Unit));
        var overdue = await Attest.Reports.OverdueByOwner.ListAsync(db, today, cancellationToken: cancellationToken);
        var compliance = await Attest.Reports.ComplianceStatus.PerFrameworkAsync(db, cancellationToken: cancellationToken);
        var certification = await Attest.Certification.CertificationQueries.DashboardAsync(db, cancellationToken: cancellationToken);
        return new AssuranceCards(objectives, trends, overdue, compliance, certification);
    }
    public Attest.Evidence.EvidenceFreshness.Summary? Evidence { get; private set; }
    /// <summary>When <see cref="Evidence"/> was counted: it is kept for a minute, since counting it visits every required control's evidence.</summary>
    public DateTimeOffset? EvidenceCountedAt { get; private set; }

    private static readonly TimeSpan EvidenceSummaryLifetime = TimeSpan.FromMinutes(1);

    public async Task OnGetAsync()
    {
        Role = acting.Role!.Value;
        var organizationId = acting.RequireOrganization();
        var me = acting.UserId ?? Guid.Empty;
        // The zone and the incident SLA settings in one round trip (the dashboard is held to its query budget).
        var start = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new
            {
                o.TimeZone,
                // Scalars, not the settings entity: an entity here would be read by a query of its own.
                Critical = db.IncidentSettings.Select(i => (int?)i.CriticalContainMinutes).FirstOrDefault(),
                High = db.IncidentSettings.Select(i => (int?)i.HighContainMinutes).FirstOrDefault(),
                Medium = db.IncidentSettings.Select(i => (int?)i.MediumContainMinutes).FirstOrDefault(),
                Low = db.IncidentSettings.Select(i => (int?)i.LowContainMinutes).FirstOrDefault(),
            })
            .SingleAsync(HttpContext.RequestAborted);
        // Today as the organization lives it: licences, certificates and exceptions lapse at the end of their last day there.
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), OrganizationTime.Zone(start.TimeZone));
        var myTitle = db.Memberships.Where(m => m.UserId == me).Select(m => m.JobTitle);
        // The middleware has read the signed-in person's e-mail already.
        var myEmail = Attest.People.PersonLookup.KeyOf(Attest.Web.Security.SignedInPersonExtensions.SignedInPerson(HttpContext)?.Email);
        // The person record of the signed-in user: linked to the account, else with its e-mail (as PersonLookup matches).
        var myPerson = db.People.Where(p => p.UserId == me || (p.UserId == null && p.EmailKey == myEmail)).Select(p => p.Id);
        var certificationHorizon = today.AddDays(60);
        // An open incident not contained within its severity's limit is breaching its SLA now.
        var sla = Attest.Incidents.IncidentSettings.Defaults();
        if (start.Critical is not null) (sla.CriticalContainMinutes, sla.HighContainMinutes, sla.MediumContainMinutes, sla.LowContainMinutes) = (start.Critical.Value, start.High!.Value, start.Medium!.Value, start.Low!.Value);
        var now = db.Clock.GetUtcNow();
        DateTimeOffset ContainBy(Attest.Incidents.IncidentSeverity severity) => now - Attest.Incidents.IncidentClock.Limits(sla, severity).Contain;
        var (criticalBy, highBy, mediumBy, lowBy) = (ContainBy(Attest.Incidents.IncidentSeverity.Critical), ContainBy(Attest.Incidents.IncidentSeverity.High),
            ContainBy(Attest.Incidents.IncidentSeverity.Medium), ContainBy(Attest.Incidents.IncidentSeverity.Low));
        var lastMonth = OrganizationTime.AddMonths(OrganizationTime.Month(today), -1);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var thisMonth = OrganizationTime.Month(today);
        var (trainingCounted, trainingDone) = (Attest.Training.TrainingFigures.Counted(db, today), Attest.Training.TrainingFigures.DoneBy(db, today));
        var serious = new[] { Attest.Incidents.IncidentSeverity.Critical, Attest.Incidents.IncidentSeverity.High };
        var currentAssessment = db.ImpactAssessments.Where(a => a.ApprovedNumber != "" && !a.ReassessmentDue && (a.NextReviewOn == null || a.NextReviewOn >= today));
        var openRisks = db.Risks.Where(r => r.Status != Attest.Risks.RiskStatus.Closed);
        // Licence states with the register's own SQL boundaries (ObligationRegister.WhereLicence mirrors LicenceValidity).
        var licences = db.Obligations.Where(l => l.Kind == Attest.Obligations.ObligationKind.Licence && !l.Retired);
        var licencesValid = Attest.Obligations.ObligationRegister.WhereLicence(licences, Attest.Obligations.LicenceState.Valid, today);
        var licencesExpiring = Attest.Obligations.ObligationRegister.WhereLicence(licences, Attest.Obligations.LicenceState.Expiring, today);
        var licencesExpired = Attest.Obligations.ObligationRegister.WhereLicence(licences, Attest.Obligations.LicenceState.Expired, today);
        // One round trip for the whole dashboard. Every count is correlated with the organization row: a bare db.X.Count() is evaluated
        // on its own, before the query is translated, and would cost a round trip each.
        var figures = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => new
            {
                o.Name,
                Revision = db.Scopes.Select(s => s.Revision).FirstOrDefault(),
                ScopeChangedAt = db.Scopes.Select(s => (DateTimeOffset?)s.UpdatedAt).FirstOrDefault(),
                Exclusions = db.ScopeExclusions.Count(x => x.OrganizationId == o.Id),
                Parties = db.InterestedParties.Count(x => x.OrganizationId == o.Id),
                Issues = db.ContextIssues.Count(x => x.OrganizationId == o.Id),
                Members = db.Memberships.Count(x => x.OrganizationId == o.Id),
                Audit = db.AuditChainHeads.Select(h => h.Sequence).FirstOrDefault(),
                Controls = db.Controls.Count(x => x.OrganizationId == o.Id),
                ImplementedControls = db.Controls.Count(c => c.Status == Attest.Controls.ImplementationStatus.Implemented),
                SoaVersions = db.SoaVersions.Count(x => x.OrganizationId == o.Id),
                Published = db.Documents.Count(d => d.PublishedVersionId != null && !d.Retired),
                Assets = db.Assets.Count(x => x.OrganizationId == o.Id),
                MyNotifications = db.Notifications.Count(n => n.UserId == me && n.ReadAt == null),
                OpenRisks = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed),
                RiskReviewsOverdue = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed && r.NextReviewOn != null && r.NextReviewOn < today),
                TasksOverdue = db.RiskTasks.Count(t => t.CompletedOn == null && t.DueOn < today),
                // From the few acceptance decisions, not per risk: a stale decision with no later one, on a risk still open.
                StaleAcceptances = db.RiskAcceptances.Count(a => a.StaleSince != null && !db.RiskAcceptances.Any(b => b.RiskId == a.RiskId && b.AcceptedAt > a.AcceptedAt) &&
                    db.Risks.Any(r => r.Id == a.RiskId && r.Status != Attest.Risks.RiskStatus.Closed)),
                People = db.People.Count(p => p.Active && (p.EndDate == null || p.EndDate >= today)),
                LeaversWithAccess = db.People.Count(p => (!p.Active || p.EndDate < today) && db.AccessGrants.Any(g => g.PersonId == p.Id && g.RemovedOn == null)),
                ChecklistItemsOverdue = db.PersonChecklistItems.Count(i => i.CompletedAt == null && i.DueOn < today),
                TrainingOpen = db.TrainingAssignments.Count(a => a.CompletedOn == null && a.CancelledOn == null),
                TrainingOverdue = db.TrainingAssignments.Count(a => a.CompletedOn == null && a.CancelledOn == null && a.DueOn < today),
                MyTraining = db.TrainingAssignments.Count(a => a.CompletedOn == null && a.CancelledOn == null && myPerson.Contains(a.PersonId)),
                MyTrainingOverdue = db.TrainingAssignments.Count(a => a.CompletedOn == null && a.CancelledOn == null && a.DueOn < today && myPerson.Contains(a.PersonId)),
                OpenAccessReviews = db.AccessReviewCampaigns.Count(c => c.Status == Attest.AccessReviews.CampaignStatus.Open),
                // Driven from the open campaigns so the count reads the (campaign, reviewer, decision) index.
                MyAccessReviewItems = db.AccessReviewCampaigns.Where(c => c.Status == Attest.AccessReviews.CampaignStatus.Open)
                    .SelectMany(c => db.AccessReviewItems.Where(i => i.CampaignId == c.Id && i.ReviewerId == me && i.Decision == Attest.AccessReviews.AccessDecision.Pending)).Count(),
                OpenRevocations = db.AccessReviewItems.Count(i => (i.Decision == Attest.AccessReviews.AccessDecision.Revoke || i.Decision == Attest.AccessReviews.AccessDecision.Change) && i.RemediatedAt == null),
                Suppliers = db.Suppliers.Count(s => s.Status != Attest.Suppliers.SupplierStatus.Offboarded),
                SupplierReviewsOverdue = db.Suppliers.Count(s => s.Status != Attest.Suppliers.SupplierStatus.Offboarded && s.NextReviewOn != null && s.NextReviewOn < today),
                CertificationsExpiring = db.SupplierCertifications.Count(c => c.ValidUntil != null && c.ValidUntil >= today && c.ValidUntil <= certificationHorizon &&
                    db.Suppliers.Any(s => s.Id == c.SupplierId && s.Status != Attest.Suppliers.SupplierStatus.Offboarded)),
                Drafts = db.Documents.Count(d => !d.Retired && d.LatestVersionId != d.PublishedVersionId),
                OverdueReviews = db.Documents.Count(d => !d.Retired && d.NextReviewOn != null && d.NextReviewOn < today),
                MyToRead = db.DocumentAssignments.Count(a => a.UserId == me && a.AcceptedAt == null),
                MyOverdue = db.DocumentAssignments.Count(a => a.UserId == me && a.AcceptedAt == null && a.DueOn < today),
                MyReminders = db.DocumentAssignments.Count(a => a.UserId == me && a.AcceptedAt == null && a.RemindedAt != null),
                MyApprovals = db.DocumentApprovals.Count(a => a.Decision == Attest.Policies.ApprovalDecision.Pending &&
                    (a.RequiredUserId == me || (a.RequiredJobTitle != null && myTitle.Contains(a.RequiredJobTitle))) &&
                    db.DocumentVersions.Any(v => v.Id == a.VersionId && v.Status == Attest.Policies.DocumentVersionStatus.InReview && v.SubmittedAt == a.RequestedAt)),
                OpenIncidents = db.Incidents.Count(i => i.Status != Attest.Incidents.IncidentStatus.Closed),
                IncidentsOverContainment = db.Incidents.Count(i => i.Status != Attest.Incidents.IncidentStatus.Closed && i.ContainedAt == null &&
                    ((i.Severity == Attest.Incidents.IncidentSeverity.Critical && i.DetectedAt < criticalBy) || (i.Severity == Attest.Incidents.IncidentSeverity.High && i.DetectedAt < highBy) ||
                     (i.Severity == Attest.Incidents.IncidentSeverity.Medium && i.DetectedAt < mediumBy) || (i.Severity == Attest.Incidents.IncidentSeverity.Low && i.DetectedAt < lowBy))),
                BreachesOpen = db.BreachAssessments.Count(b => b.Status == Attest.Incidents.BreachStatus.Assessing || b.Status == Attest.Incidents.BreachStatus.Notifiable),
                CriticalVulnerabilities = db.VulnerabilityFindings.Count(f => (f.Status == Attest.Vulnerabilities.FindingStatus.Open || f.Status == Attest.Vulnerabilities.FindingStatus.InProgress) &&
                    f.Severity == Attest.Vulnerabilities.VulnerabilitySeverity.Critical),
                FindingsOverdue = db.VulnerabilityFindings.Count(f => (f.Status == Attest.Vulnerabilities.FindingStatus.Open || f.Status == Attest.Vulnerabilities.FindingStatus.InProgress) && f.DueOn < today),
                OpenActions = db.CorrectiveActions.Count(a => a.Status == Attest.Improvement.ActionStatus.Open || a.Status == Attest.Improvement.ActionStatus.InProgress),
                ActionsOverdue = db.CorrectiveActions.Count(a => (a.Status == Attest.Improvement.ActionStatus.Open || a.Status == Attest.Improvement.ActionStatus.InProgress) && a.DueOn < today),
                MyActions = db.CorrectiveActions.Count(a => a.OwnerId == me && (a.Status == Attest.Improvement.ActionStatus.Open || a.Status == Attest.Improvement.ActionStatus.InProgress)),
                MyActionsOverdue = db.CorrectiveActions.Count(a => a.OwnerId == me && (a.Status == Attest.Improvement.ActionStatus.Open || a.Status == Attest.Improvement.ActionStatus.InProgress) && a.DueOn < today),
                Plans = db.ContinuityPlans.Count(p => p.Status != Attest.Continuity.PlanStatus.Retired),
                PlansApproved = db.ContinuityPlans.Count(p => p.Status == Attest.Continuity.PlanStatus.Approved),
                LastRestoreTest = db.ContinuityExercises.Where(e => e.Type == Attest.Continuity.ExerciseType.RestoreTest && e.Result != Attest.Continuity.ExerciseResult.Planned && e.HeldOn <= today)
                    .Max(e => (DateOnly?)e.HeldOn),
                ServicesMissedLastMonth = db.AvailabilityRecords.Count(a => a.Month == lastMonth && a.UptimePercent < a.TargetPercent),
                Licences = licences.Count(),
                // Valid today: expiring soon still counts as valid.
                LicencesValid = licencesValid.Count() + licencesExpiring.Count(),
                LicencesExpiring = licencesExpiring.Count(),
                LicencesExpired = licencesExpired.Count(),
                ObligationsNotMet = db.Obligations.Count(o => !o.Retired && (o.Status == Attest.Obligations.ComplianceStatus.NotCompliant || o.Status == Attest.Obligations.ComplianceStatus.PartiallyCompliant)),
                ObligationsNotAssessed = db.Obligations.Count(o => !o.Retired && o.Kind != Attest.Obligations.ObligationKind.Licence && o.Status == Attest.Obligations.ComplianceStatus.NotAssessed),
                ViolationsThisYear = db.RegulatoryEvents.Count(e => e.OccurredOn >= yearStart && (e.Kind == Attest.Obligations.RegulatoryEventKind.Violation ||
                    e.Kind == Attest.Obligations.RegulatoryEventKind.Fine || e.Kind == Attest.Obligations.RegulatoryEventKind.Sanction)),
                OpenMajorNonconformities = db.Nonconformities.Count(n => n.Status != Attest.Improvement.NonconformityStatus.Closed && n.Grade == Attest.Improvement.FindingGrade.Major),
                OpenMinorNonconformities = db.Nonconformities.Count(n => n.Status != Attest.Improvement.NonconformityStatus.Closed && n.Grade == Attest.Improvement.FindingGrade.Minor),
                NonconformitiesOverdue = db.Nonconformities.Count(n => n.Status == Attest.Improvement.NonconformityStatus.Open && n.DueOn < today),
                ExceptionsInForce = db.ComplianceExceptions.Count(e => e.Status == Attest.Exceptions.ExceptionStatus.Approved && e.ValidUntil >= today),
                ExceptionsExpired = db.ComplianceExceptions.Count(e => e.Status == Attest.Exceptions.ExceptionStatus.Approved && e.ValidUntil < today),
                ExceptionsAwaiting = db.ComplianceExceptions.Count(e => e.Status == Attest.Exceptions.ExceptionStatus.Requested),
                // The AI registry's figures (ImpactAssessmentQueries.FiguresAsync), folded in to spare a round trip.
                AiSystems = db.AiSystems.Count(x => x.OrganizationId == o.Id),
                AiCurrent = db.AiSystems.Count(s => db.ImpactAssessmentSystems.Any(l => l.AiSystemId == s.Id && currentAssessment.Any(a => a.Id == l.AssessmentId))),
                AiDue = db.ImpactAssessments.Count(a => a.ApprovedNumber != "" && (a.ReassessmentDue || (a.NextReviewOn != null && a.NextReviewOn < today))),
                AiHigh = db.ImpactEntries.Count(e => e.Nature == Attest.AiSystems.ImpactNature.Harm && e.ResidualSeverity * e.ResidualLikelihood >= 15 &&
                    db.ImpactAssessments.Any(a => a.Id == e.AssessmentId && a.ApprovedNumber != "")),
                // Open risks per residual level index of the current methodology (RiskSummary names them), and those above their target level.
                Methodology = db.RiskMethodologies.OrderByDescending(m => m.Number).Select(m => m.Definition).FirstOrDefault(),
                Level0 = openRisks.Count(r => r.ResidualLevel == 0),
                Level1 = openRisks.Count(r => r.ResidualLevel == 1),
                Level2 = openRisks.Count(r => r.ResidualLevel == 2),
                Level3 = openRisks.Count(r => r.ResidualLevel == 3),
                Level4 = openRisks.Count(r => r.ResidualLevel == 4),
                Level5 = openRisks.Count(r => r.ResidualLevel == 5),
                AboveAppetite = openRisks.Count(r => r.ResidualLevel != null && r.TargetLevel != null && r.ResidualLevel > r.TargetLevel),
                IncidentsThisMonth = db.Incidents.Count(i => i.DetectedMonth == thisMonth),
                SeriousThisMonth = db.Incidents.Count(i => i.DetectedMonth == thisMonth && serious.Contains(i.Severity)),
                // Training completion as the training page defines it (TrainingFigures.CompletionDefinition).
                TrainingDone = trainingDone.Count(),
                TrainingAssigned = trainingCounted.Count(),
                AccessReviewsLate = db.AccessReviewCampaigns.Count(c => c.Status == Attest.AccessReviews.CampaignStatus.Open && c.DueOn < today),
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
        PublishedDocuments = figures.Published;
        DraftDocuments = figures.Drafts;
        OverdueReviews = figures.OverdueReviews;
        MyToRead = figures.MyToRead;
        MyOverdue = figures.MyOverdue;
        MyReminders = figures.MyReminders;
        MyApprovals = Role == OrganizationRole.Auditor ? 0 : figures.MyApprovals;
        Assets = figures.Assets;
        MyNotifications = figures.MyNotifications;
        OpenRisks = figures.OpenRisks;
        RiskReviewsOverdue = figures.RiskReviewsOverdue;
        TreatmentTasksOverdue = figures.TasksOverdue;
        StaleAcceptances = figures.StaleAcceptances;
        People = figures.People;
        LeaversWithAccess = figures.LeaversWithAccess;
        ChecklistItemsOverdue = figures.ChecklistItemsOverdue;
        TrainingOpen = figures.TrainingOpen;
        TrainingOverdue = figures.TrainingOverdue;
        MyTraining = figures.MyTraining;
        MyTrainingOverdue = figures.MyTrainingOverdue;
        OpenAccessReviews = figures.OpenAccessReviews;
        MyAccessReviewItems = figures.MyAccessReviewItems;
        OpenRevocations = figures.OpenRevocations;
        Suppliers = figures.Suppliers;
        SupplierReviewsOverdue = figures.SupplierReviewsOverdue;
        CertificationsExpiring = figures.CertificationsExpiring;
        OpenIncidents = figures.OpenIncidents;
        IncidentsOverContainment = figures.IncidentsOverContainment;
        BreachesOpen = figures.BreachesOpen;
        CriticalVulnerabilities = figures.CriticalVulnerabilities;
        FindingsOverdue = figures.FindingsOverdue;
        OpenActions = figures.OpenActions;
        ActionsOverdue = figures.ActionsOverdue;
        MyActions = figures.MyActions;
        MyActionsOverdue = figures.MyActionsOverdue;
        Plans = figures.Plans;
        PlansApproved = figures.PlansApproved;
        LastRestoreTest = figures.LastRestoreTest;
        ServicesMissedLastMonth = figures.ServicesMissedLastMonth;
        LastMonth = OrganizationTime.MonthText(lastMonth);
        (Licences, LicencesValid, LicencesExpiring, LicencesExpired) = (figures.Licences, figures.LicencesValid, figures.LicencesExpiring, figures.LicencesExpired);
        (ObligationsNotMet, ObligationsNotAssessed, ViolationsThisYear) = (figures.ObligationsNotMet, figures.ObligationsNotAssessed, figures.ViolationsThisYear);
        (OpenMajorNonconformities, OpenMinorNonconformities, NonconformitiesOverdue) = (figures.OpenMajorNonconformities, figures.OpenMinorNonconformities, figures.NonconformitiesOverdue);
        (ExceptionsInForce, ExceptionsExpired, ExceptionsAwaiting) = (figures.ExceptionsInForce, figures.ExceptionsExpired, figures.ExceptionsAwaiting);
        Ai = new Attest.AiSystems.AiDashboardFigures(figures.AiSystems, figures.AiCurrent, figures.AiDue, figures.AiHigh);
        Risks = Attest.Reports.RiskSummary.From(figures.Methodology, figures.OpenRisks, [figures.Level0, figures.Level1, figures.Level2, figures.Level3, figures.Level4, figures.Level5],
            figures.AboveAppetite, figures.TasksOverdue, figures.RiskReviewsOverdue);
        (IncidentsThisMonth, SeriousIncidentsThisMonth, ThisMonth) = (figures.IncidentsThisMonth, figures.SeriousThisMonth, OrganizationTime.MonthText(thisMonth));
        TrainingCompletion = new Attest.Training.CompletionRate(figures.TrainingDone, figures.TrainingAssigned);
        AccessReviewsLate = figures.AccessReviewsLate;
        if (CanRead)
        {
            var cards = await Attest.Audit.RecordStateCache.GetAsync(db, "dashboard", today, () => AssuranceCardsAsync(today, HttpContext.RequestAborted),
                figures.Audit, HttpContext.RequestAborted);
            (Objectives, Trends, Overdue, Compliance, Certification) = (cards.Objectives, cards.Trends, cards.Overdue, cards.Compliance, cards.Certification);
            var key = $"evidence-summary:{organizationId}";
            if (!cache.TryGetValue(key, out (Attest.Evidence.EvidenceFreshness.Summary Summary, DateTimeOffset At) counted))
            {
                counted = (await Attest.Evidence.EvidenceFreshness.RequiredSummaryAsync(db, HttpContext.RequestAborted), db.Clock.GetUtcNow());
                cache.Set(key, counted, EvidenceSummaryLifetime);
            }
            (Evidence, EvidenceCountedAt) = counted;
        }
    }
}
