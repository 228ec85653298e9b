using System.Reflection;
using Attest.Accounts;
using Attest.Audit;
using Attest.Context;
using Attest.Controls;
using Attest.Frameworks;
using Attest.Soa;
using Attest.Organizations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Attest.Data;

/// <summary>
/// The one database of Attest. Every query of an organization-owned record is filtered to the acting
/// organization; every save stamps, guards and audits its changes in the same transaction.
/// </summary>
public abstract class AttestDbContext : IdentityUserContext<User, Guid>, IDataProtectionKeyContext
{
    private readonly ActingContext _acting;
    private readonly TimeProvider _clock;

    protected AttestDbContext(DbContextOptions options, ActingContext acting, TimeProvider clock) : base(options)
    {
        _acting = acting;
        _clock = clock;
    }

    public abstract DatabaseKind Kind { get; }

    public ActingContext Acting => _acting;

    public TimeProvider Clock => _clock;

    /// <summary>The organization every query is filtered to; null filters out every organization-owned row.</summary>
    public Guid? CurrentOrganizationId => _acting.OrganizationId;

    /// <summary>
    /// Set only while rows are copied in as they are (restoring a backup, generating the scale dataset):
    /// no stamping, no guard, no audit entries — the caller brings a complete, consistent audit chain.
    /// </summary>
    internal bool BulkLoading { get; set; }

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<IsmsScope> Scopes => Set<IsmsScope>();
    public DbSet<ScopeExclusion> ScopeExclusions => Set<ScopeExclusion>();
    public DbSet<ScopeRevision> ScopeRevisions => Set<ScopeRevision>();
    public DbSet<InterestedParty> InterestedParties => Set<InterestedParty>();
    public DbSet<ContextIssue> ContextIssues => Set<ContextIssue>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<Requirement> Requirements => Set<Requirement>();
    public DbSet<FrameworkMapping> FrameworkMappings => Set<FrameworkMapping>();
    public DbSet<Control> Controls => Set<Control>();
    public DbSet<ControlRequirement> ControlRequirements => Set<ControlRequirement>();
    public DbSet<SoaDecision> SoaDecisions => Set<SoaDecision>();
    public DbSet<SoaVersion> SoaVersions => Set<SoaVersion>();
    public DbSet<Policies.Document> Documents => Set<Policies.Document>();
    public DbSet<Policies.DocumentVersion> DocumentVersions => Set<Policies.DocumentVersion>();
    public DbSet<Policies.DocumentRequirement> DocumentRequirements => Set<Policies.DocumentRequirement>();
    public DbSet<Policies.DocumentApprover> DocumentApprovers => Set<Policies.DocumentApprover>();
    public DbSet<Policies.DocumentApproval> DocumentApprovals => Set<Policies.DocumentApproval>();
    public DbSet<Policies.DocumentRelation> DocumentRelations => Set<Policies.DocumentRelation>();
    public DbSet<Policies.DocumentAssignment> DocumentAssignments => Set<Policies.DocumentAssignment>();
    public DbSet<Policies.DocumentAcceptance> DocumentAcceptances => Set<Policies.DocumentAcceptance>();
    public DbSet<Assets.ClassificationLevel> ClassificationLevels => Set<Assets.ClassificationLevel>();
    public DbSet<Assets.Asset> Assets => Set<Assets.Asset>();
    public DbSet<Assets.AssetDependency> AssetDependencies => Set<Assets.AssetDependency>();
    public DbSet<AiSystems.AiSystemClass> AiSystemClasses => Set<AiSystems.AiSystemClass>();
    public DbSet<AiSystems.AiSystemClassRequirement> AiSystemClassRequirements => Set<AiSystems.AiSystemClassRequirement>();
    public DbSet<AiSystems.AiSystem> AiSystems => Set<AiSystems.AiSystem>();
    public DbSet<AiSystems.AiSystemControl> AiSystemControls => Set<AiSystems.AiSystemControl>();
    public DbSet<AiSystems.ImpactAssessment> ImpactAssessments => Set<AiSystems.ImpactAssessment>();
    public DbSet<AiSystems.ImpactAssessmentSystem> ImpactAssessmentSystems => Set<AiSystems.ImpactAssessmentSystem>();
    public DbSet<AiSystems.AffectedParty> AffectedParties => Set<AiSystems.AffectedParty>();
    public DbSet<AiSystems.ImpactEntry> ImpactEntries => Set<AiSystems.ImpactEntry>();
    public DbSet<AiSystems.ImpactEntryControl> ImpactEntryControls => Set<AiSystems.ImpactEntryControl>();
    public DbSet<AiSystems.StakeholderInput> StakeholderInputs => Set<AiSystems.StakeholderInput>();
    public DbSet<AiSystems.ImpactAssessmentVersion> ImpactAssessmentVersions => Set<AiSystems.ImpactAssessmentVersion>();
    public DbSet<Risks.RiskMethodology> RiskMethodologies => Set<Risks.RiskMethodology>();
    public DbSet<Risks.Risk> Risks => Set<Risks.Risk>();
    public DbSet<Risks.RiskAsset> RiskAssets => Set<Risks.RiskAsset>();
    public DbSet<Risks.RiskControl> RiskControls => Set<Risks.RiskControl>();
    public DbSet<Risks.RiskTask> RiskTasks => Set<Risks.RiskTask>();
    public DbSet<Risks.RiskAcceptance> RiskAcceptances => Set<Risks.RiskAcceptance>();
    public DbSet<Risks.RiskAssessment> RiskAssessments => Set<Risks.RiskAssessment>();
    public DbSet<Evidence.EvidenceItem> EvidenceItems => Set<Evidence.EvidenceItem>();
    public DbSet<Evidence.EvidenceVersion> EvidenceVersions => Set<Evidence.EvidenceVersion>();
    public DbSet<Evidence.EvidenceFile> EvidenceFiles => Set<Evidence.EvidenceFile>();
    public DbSet<Evidence.EvidenceLink> EvidenceLinks => Set<Evidence.EvidenceLink>();
    public DbSet<Checks.Check> Checks => Set<Checks.Check>();
    public DbSet<Checks.CheckControl> CheckControls => Set<Checks.CheckControl>();
    public DbSet<Checks.CheckSchedule> CheckSchedules => Set<Checks.CheckSchedule>();
    public DbSet<Checks.Notification> Notifications => Set<Checks.Notification>();
    public DbSet<People.Person> People => Set<People.Person>();
    public DbSet<People.PersonGroup> PersonGroups => Set<People.PersonGroup>();
    public DbSet<People.PersonGroupMember> PersonGroupMembers => Set<People.PersonGroupMember>();
    public DbSet<People.ScimToken> ScimTokens => Set<People.ScimToken>();
    public DbSet<People.ChecklistTemplate> ChecklistTemplates => Set<People.ChecklistTemplate>();
    public DbSet<People.ChecklistTemplateItem> ChecklistTemplateItems => Set<People.ChecklistTemplateItem>();
    public DbSet<People.PersonChecklist> PersonChecklists => Set<People.PersonChecklist>();
    public DbSet<People.PersonChecklistItem> PersonChecklistItems => Set<People.PersonChecklistItem>();
    public DbSet<Training.Course> Courses => Set<Training.Course>();
    public DbSet<Training.QuizQuestion> QuizQuestions => Set<Training.QuizQuestion>();
    public DbSet<Training.TrainingRequirement> TrainingRequirements => Set<Training.TrainingRequirement>();
    public DbSet<Training.TrainingAssignment> TrainingAssignments => Set<Training.TrainingAssignment>();
    public DbSet<Training.TrainingCompletion> TrainingCompletions => Set<Training.TrainingCompletion>();
    public DbSet<Training.QuizAttempt> QuizAttempts => Set<Training.QuizAttempt>();
    public DbSet<AccessReviews.AccessSystem> AccessSystems => Set<AccessReviews.AccessSystem>();
    public DbSet<AccessReviews.AccessGrant> AccessGrants => Set<AccessReviews.AccessGrant>();
    public DbSet<AccessReviews.AccessReviewCampaign> AccessReviewCampaigns => Set<AccessReviews.AccessReviewCampaign>();
    public DbSet<AccessReviews.AccessReviewCampaignSystem> AccessReviewCampaignSystems => Set<AccessReviews.AccessReviewCampaignSystem>();
    public DbSet<AccessReviews.AccessReviewItem> AccessReviewItems => Set<AccessReviews.AccessReviewItem>();
    public DbSet<Suppliers.Supplier> Suppliers => Set<Suppliers.Supplier>();
    public DbSet<Suppliers.SupplierCertification> SupplierCertifications => Set<Suppliers.SupplierCertification>();
    public DbSet<Suppliers.SupplierAsset> SupplierAssets => Set<Suppliers.SupplierAsset>();
    public DbSet<Suppliers.SupplierRisk> SupplierRisks => Set<Suppliers.SupplierRisk>();
    public DbSet<Suppliers.QuestionnaireTemplate> QuestionnaireTemplates => Set<Suppliers.QuestionnaireTemplate>();
    public DbSet<Suppliers.QuestionnaireQuestion> QuestionnaireQuestions => Set<Suppliers.QuestionnaireQuestion>();
    public DbSet<Suppliers.SupplierQuestionnaire> SupplierQuestionnaires => Set<Suppliers.SupplierQuestionnaire>();
    public DbSet<Suppliers.SupplierAnswer> SupplierAnswers => Set<Suppliers.SupplierAnswer>();
    public DbSet<Improvement.CorrectiveAction> CorrectiveActions => Set<Improvement.CorrectiveAction>();
    public DbSet<Incidents.Incident> Incidents => Set<Incidents.Incident>();
    public DbSet<Incidents.IncidentAsset> IncidentAssets => Set<Incidents.IncidentAsset>();
    public DbSet<Incidents.IncidentRisk> IncidentRisks => Set<Incidents.IncidentRisk>();
    public DbSet<Incidents.IncidentControl> IncidentControls => Set<Incidents.IncidentControl>();
    public DbSet<Incidents.IncidentEvent> IncidentEvents => Set<Incidents.IncidentEvent>();
    public DbSet<Incidents.IncidentSettings> IncidentSettings => Set<Incidents.IncidentSettings>();
    public DbSet<Incidents.BreachAssessment> BreachAssessments => Set<Incidents.BreachAssessment>();
    public DbSet<Incidents.BreachNotification> BreachNotifications => Set<Incidents.BreachNotification>();
    public DbSet<Vulnerabilities.VulnerabilityScan> VulnerabilityScans => Set<Vulnerabilities.VulnerabilityScan>();
    public DbSet<Vulnerabilities.VulnerabilityFinding> VulnerabilityFindings => Set<Vulnerabilities.VulnerabilityFinding>();
    public DbSet<Vulnerabilities.FindingDecision> FindingDecisions => Set<Vulnerabilities.FindingDecision>();
    public DbSet<Vulnerabilities.VulnerabilitySettings> VulnerabilitySettings => Set<Vulnerabilities.VulnerabilitySettings>();
    public DbSet<Continuity.ContinuityPlan> ContinuityPlans => Set<Continuity.ContinuityPlan>();
    public DbSet<Continuity.PlanAsset> PlanAssets => Set<Continuity.PlanAsset>();
    public DbSet<Continuity.PlanSupplier> PlanSuppliers => Set<Continuity.PlanSupplier>();
    public DbSet<Continuity.ContinuityExercise> ContinuityExercises => Set<Continuity.ContinuityExercise>();
    public DbSet<Continuity.MonitoredService> MonitoredServices => Set<Continuity.MonitoredService>();
    public DbSet<Continuity.AvailabilityRecord> AvailabilityRecords => Set<Continuity.AvailabilityRecord>();
    public DbSet<Obligations.Obligation> Obligations => Set<Obligations.Obligation>();
    public DbSet<Obligations.ObligationRequirement> ObligationRequirements => Set<Obligations.ObligationRequirement>();
    public DbSet<Obligations.ObligationControl> ObligationControls => Set<Obligations.ObligationControl>();
    public DbSet<Obligations.ObligationAsset> ObligationAssets => Set<Obligations.ObligationAsset>();
    public DbSet<Obligations.RegulatoryEvent> RegulatoryEvents => Set<Obligations.RegulatoryEvent>();
    public DbSet<Improvement.Nonconformity> Nonconformities => Set<Improvement.Nonconformity>();
    public DbSet<Improvement.EffectivenessCheck> EffectivenessChecks => Set<Improvement.EffectivenessCheck>();
    public DbSet<Certification.CertificationProgramme> CertificationProgrammes => Set<Certification.CertificationProgramme>();
    public DbSet<Certification.Milestone> Milestones => Set<Certification.Milestone>();
    public DbSet<Certification.ExternalAudit> ExternalAudits => Set<Certification.ExternalAudit>();
    public DbSet<Certification.Certificate> Certificates => Set<Certification.Certificate>();
    public DbSet<Exceptions.ComplianceException> ComplianceExceptions => Set<Exceptions.ComplianceException>();
    public DbSet<Objectives.Objective> Objectives => Set<Objectives.Objective>();
    public DbSet<Objectives.ObjectiveOwner> ObjectiveOwners => Set<Objectives.ObjectiveOwner>();
    public DbSet<Objectives.ObjectiveFramework> ObjectiveFrameworks => Set<Objectives.ObjectiveFramework>();
    public DbSet<Objectives.Measure> Measures => Set<Objectives.Measure>();
    public DbSet<Objectives.Measurement> Measurements => Set<Objectives.Measurement>();
    public DbSet<InternalAudits.AuditProgramme> AuditProgrammes => Set<InternalAudits.AuditProgramme>();
    public DbSet<InternalAudits.AuditProgrammeFramework> AuditProgrammeFrameworks => Set<InternalAudits.AuditProgrammeFramework>();
    public DbSet<InternalAudits.InternalAudit> InternalAudits => Set<InternalAudits.InternalAudit>();
    public DbSet<InternalAudits.AuditChecklistItem> AuditChecklistItems => Set<InternalAudits.AuditChecklistItem>();
    public DbSet<InternalAudits.AuditItemEvidence> AuditItemEvidence => Set<InternalAudits.AuditItemEvidence>();
    public DbSet<Reviews.ManagementReview> ManagementReviews => Set<Reviews.ManagementReview>();
    public DbSet<Reviews.ReviewDecision> ReviewDecisions => Set<Reviews.ReviewDecision>();
    public DbSet<AuditPacks.PackSigningKey> PackSigningKeys => Set<AuditPacks.PackSigningKey>();
    public DbSet<AuditPacks.AuditPackExport> AuditPackExports => Set<AuditPacks.AuditPackExport>();
    public DbSet<Reminders.ReminderDelivery> ReminderDeliveries => Set<Reminders.ReminderDelivery>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AttestDbContext).Assembly);

        var applyFilter = typeof(AttestDbContext).GetMethod(nameof(ApplyOrganizationFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            var clr = entityType.ClrType;
            if (typeof(IOrganizationOwned).IsAssignableFrom(clr))
            {
                applyFilter.MakeGenericMethod(clr).Invoke(this, [builder]);
                builder.Entity(clr).HasIndex(nameof(IOrganizationOwned.OrganizationId));
                builder.Entity(clr).HasOne(typeof(Organization)).WithMany().HasForeignKey(nameof(IOrganizationOwned.OrganizationId)).OnDelete(DeleteBehavior.Cascade);
            }
            if (typeof(IVersionedRecord).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property(nameof(IVersionedRecord.Version)).IsConcurrencyToken();
            }
        }
    }

    private void ApplyOrganizationFilter<T>(ModelBuilder builder) where T : class, IOrganizationOwned =>
        builder.Entity<T>().HasQueryFilter(record => record.OrganizationId == CurrentOrganizationId);

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        base.ConfigureConventions(configuration);
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (BulkLoading) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        ChangeTracker.DetectChanges();
        var now = Instant.Now(_clock);
        // Changes were detected once above; walking the entries must not detect them again for every call.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        List<AuditTrail.PendingChange> changes;
        try
        {
            RecordGuard.StampAndGuard(this, now);
            changes = await AuditTrail.DescribeAsync(this, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        if (changes.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var staged = new List<AuditEntry>();
        try
        {
            staged.AddRange(await AuditTrail.StageAsync(this, changes, now, cancellationToken));
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return saved;
        }
        catch
        {
            foreach (var entry in staged) Entry(entry).State = EntityState.Detached;
            throw;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}

/// <summary>SQLite flavour: instants are stored as sortable integers, which SQLite can compare and order.</summary>
public sealed class SqliteAttestDbContext(DbContextOptions<SqliteAttestDbContext> options, ActingContext acting, TimeProvider clock)
    : AttestDbContext(options, acting, clock)
{
    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        base.ConfigureConventions(configuration);
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>UTC ticks: exact to the tick (EF's binary converter keeps only 0.1 ms) and ordered like the instants.</summary>
    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

public sealed class PostgresAttestDbContext(DbContextOptions<PostgresAttestDbContext> options, ActingContext acting, TimeProvider clock)
    : AttestDbContext(options, acting, clock)
{
    public override DatabaseKind Kind => DatabaseKind.Postgres;
}
