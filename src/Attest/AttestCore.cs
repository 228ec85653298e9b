using Attest.Accounts;
using Attest.Audit;
using Attest.Backup;
using Attest.Context;
using Attest.Data;
using Attest.Controls;
using Attest.Demo;
using Attest.Frameworks;
using Attest.Soa;
using Attest.Organizations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest;

/// <summary>Registers the core (database, accounts, use cases) the same way for the web app and the CLI.</summary>
public static class AttestCore
{
    public static IServiceCollection AddAttestCore(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ActingContext>();
        if (DatabaseProvider.KindOf(connectionString) == DatabaseKind.Postgres)
        {
            services.AddDbContext<PostgresAttestDbContext>(options => DatabaseProvider.Configure(options, connectionString));
            services.AddScoped<AttestDbContext>(sp => sp.GetRequiredService<PostgresAttestDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteAttestDbContext>(options => DatabaseProvider.Configure(options, connectionString));
            services.AddScoped<AttestDbContext>(sp => sp.GetRequiredService<SqliteAttestDbContext>());
        }

        // Keys live in the database, so every `attest serve` sharing it reads each other's cookies and tokens.
        services.AddDataProtection().SetApplicationName("Attest").PersistKeysToDbContext<AttestDbContext>();
        services.AddIdentityCore<User>(ConfigureIdentity)
            .AddEntityFrameworkStores<AttestDbContext>()
            .AddDefaultTokenProviders();

        services.AddSingleton(_ => Evidence.EvidenceStorage.OptionsFromEnvironment(DatabaseProvider.DataFolder()));
        services.AddSingleton(_ => Evidence.EvidenceStorage.StoreFromEnvironment(DatabaseProvider.DataFolder()));
        services.AddSingleton<Evidence.EvidenceUploads>();
        services.AddScoped<Evidence.SaveEvidence>();
        services.AddScoped<Evidence.RemoveEvidence>();
        services.AddScoped<Evidence.ImportEvidenceZip>();
        services.AddScoped<DatabaseSchema>();
        services.AddScoped<VerifyAuditTrail>();
        services.AddScoped<BackupOrganization>();
        services.AddScoped<RestoreOrganization>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<UpdateOrganizationSettings>();
        services.AddScoped<AddMember>();
        services.AddScoped<ChangeMembership>();
        services.AddScoped<RemoveMember>();
        services.AddScoped<CreateApiToken>();
        services.AddScoped<RevokeApiToken>();
        services.AddScoped<ChangeDisplayTimeZone>();
        services.AddScoped<UpdateScope>();
        services.AddScoped<SaveInterestedParty>();
        services.AddScoped<SaveContextIssue>();
        services.AddScoped<RemoveContextRecord>();
        services.AddScoped<LoadDemoOrganization>();
        services.AddScoped<ImportFramework>();
        services.AddScoped<LoadBuiltInFrameworks>();
        services.AddScoped<ImportFrameworkFile>();
        services.AddScoped<Scale.SeedScaleDataset>();
        services.AddScoped<SaveControl>();
        services.AddScoped<RemoveControl>();
        services.AddScoped<SaveSoaDecision>();
        services.AddScoped<ApproveSoa>();
        services.AddScoped<Policies.SaveDocument>();
        services.AddScoped<Policies.SubmitDocumentForReview>();
        services.AddScoped<Policies.DecideDocumentApproval>();
        services.AddScoped<Policies.PublishDocumentVersion>();
        services.AddScoped<Policies.RecordDocumentReview>();
        services.AddScoped<Policies.RetireDocument>();
        services.AddScoped<Policies.DocumentDistributionRule>();
        services.AddScoped<Policies.RecordDocumentOpened>();
        services.AddScoped<Policies.AcceptDocumentVersion>();
        services.AddScoped<Policies.RemindOverdueReaders>();
        services.AddScoped<Policies.UpdateTrustPage>();
        services.AddScoped<Policies.InitStarterPolicies>();
        services.AddScoped<Policies.ImportPolicyIndex>();
        services.AddScoped<Policies.ImportPolicyMarkdown>();
        services.AddScoped<DemoPolicies>();
        services.AddScoped<DemoAssets>();
        services.AddScoped<DemoRisks>();
        services.AddScoped<DemoEvidence>();
        services.AddScoped<DemoChecks>();
        services.AddScoped<DemoPeople>();
        services.AddScoped<Assets.SaveAsset>();
        services.AddScoped<Assets.RemoveAsset>();
        services.AddScoped<Assets.SaveClassificationLevel>();
        services.AddScoped<AiSystems.SaveAiSystem>();
        services.AddScoped<AiSystems.SaveAiSystemClass>();
        services.AddScoped<AiSystems.SaveImpactAssessment>();
        services.AddScoped<AiSystems.EditImpactAssessmentContent>();
        services.AddScoped<AiSystems.ImpactAssessmentWorkflow>();
        services.AddScoped<Assets.ImportAssetInventory>();
        services.AddScoped<Risks.SaveRiskMethodology>();
        services.AddScoped<Risks.SaveRisk>();
        services.AddScoped<Risks.RemoveRisk>();
        services.AddScoped<Risks.SaveRiskTask>();
        services.AddScoped<Risks.RemoveRiskTask>();
        services.AddScoped<Risks.AcceptResidualRisk>();
        services.AddScoped<Risks.AddRiskFromLibrary>();
        services.AddScoped<Risks.SaveRiskAssessment>();
        services.AddScoped<Risks.CompleteRiskAssessment>();
        services.AddScoped<Risks.ImportRiskRegister>();
        services.AddScoped<Checks.SaveCheck>();
        services.AddScoped<Checks.RemoveCheck>();
        services.AddScoped<Checks.IssuePushToken>();
        services.AddScoped<Checks.ChangeCommandChecks>();
        services.AddScoped<Checks.RunCheck>();
        services.AddScoped<Checks.MarkNotificationsRead>();
        services.AddScoped<Suppliers.SaveSupplier>();
        services.AddScoped<Suppliers.RemoveSupplier>();
        services.AddScoped<Suppliers.RecordSupplierReview>();
        services.AddScoped<Suppliers.SaveSupplierCertification>();
        services.AddScoped<Suppliers.RemoveSupplierCertification>();
        services.AddScoped<Suppliers.ImportSupplierRegister>();
        services.AddScoped<Suppliers.SaveQuestionnaireTemplate>();
        services.AddScoped<Suppliers.SaveQuestionnaireQuestion>();
        services.AddScoped<Suppliers.RemoveQuestionnaireQuestion>();
        services.AddScoped<Suppliers.RemoveQuestionnaireTemplate>();
        services.AddScoped<Suppliers.SendSupplierQuestionnaire>();
        services.AddScoped<Suppliers.RevokeSupplierQuestionnaire>();
        services.AddScoped<Suppliers.ReviewSupplierQuestionnaire>();
        services.AddScoped<Suppliers.AnswerSupplierQuestionnaire>();
        services.AddScoped<DemoSuppliers>();
        services.AddScoped<Training.SaveCourse>();
        services.AddScoped<Training.RetireCourse>();
        services.AddScoped<Training.SaveQuizQuestion>();
        services.AddScoped<Training.RemoveQuizQuestion>();
        services.AddScoped<Training.SaveTrainingRequirement>();
        services.AddScoped<Training.RemoveTrainingRequirement>();
        services.AddScoped<Training.SyncTrainingAssignments>();
        services.AddScoped<Training.SubmitQuizAnswers>();
        services.AddScoped<Training.ConfirmCourseCompleted>();
        services.AddScoped<Training.RecordTrainingCompletion>();
        services.AddScoped<Training.ImportTrainingCompletions>();
        services.AddScoped<DemoTraining>();
        services.AddScoped<People.SavePerson>();
        services.AddScoped<People.DeactivatePerson>();
        services.AddScoped<People.SaveChecklistTemplate>();
        services.AddScoped<People.RemoveChecklistTemplate>();
        services.AddScoped<People.CreateDefaultChecklistTemplates>();
        services.AddScoped<People.StartPersonChecklist>();
        services.AddScoped<People.RemovePersonChecklist>();
        services.AddScoped<People.TickChecklistItem>();
        services.AddScoped<People.ImportPeople>();
        services.AddScoped<People.CreateScimToken>();
        services.AddScoped<People.RevokeScimToken>();
        services.AddScoped<People.ProvisionScimUser>();
        services.AddScoped<People.ProvisionScimGroup>();
        services.AddScoped<People.RemoveScimGroup>();
        services.AddScoped<Demo.DemoOnboarding>();
        services.AddScoped<AccessReviews.SaveAccessSystem>();
        services.AddScoped<AccessReviews.RemoveAccessSystem>();
        services.AddScoped<AccessReviews.LoadSystemAccounts>();
        services.AddScoped<AccessReviews.ImportSystemAccounts>();
        services.AddScoped<AccessReviews.SaveAccessReview>();
        services.AddScoped<AccessReviews.RemoveAccessReview>();
        services.AddScoped<AccessReviews.OpenAccessReview>();
        services.AddScoped<AccessReviews.DecideAccessItem>();
        services.AddScoped<AccessReviews.KeepAccessItems>();
        services.AddScoped<AccessReviews.ConfirmAccessRemediation>();
        services.AddScoped<AccessReviews.CompleteAccessReview>();
        services.AddScoped<DemoAccessReviews>();
        services.AddScoped<Improvement.SaveCorrectiveAction>();
        services.AddScoped<Improvement.RemoveCorrectiveAction>();
        services.AddScoped<Improvement.ReportCorrectiveActionProgress>();
        services.AddScoped<Vulnerabilities.ImportVulnerabilityScan>();
        services.AddScoped<Vulnerabilities.RecordManualFinding>();
        services.AddScoped<Vulnerabilities.TriageFinding>();
        services.AddScoped<Vulnerabilities.SaveVulnerabilitySettings>();
        services.AddScoped<DemoVulnerabilities>();
        services.AddScoped<Incidents.ReportIncident>();
        services.AddScoped<Incidents.SaveIncident>();
        services.AddScoped<Incidents.ChangeIncidentStatus>();
        services.AddScoped<Incidents.AddIncidentNote>();
        services.AddScoped<Incidents.RecordIncidentReview>();
        services.AddScoped<Incidents.SaveIncidentSettings>();
        services.AddScoped<Incidents.SaveBreachAssessment>();
        services.AddScoped<Incidents.LogBreachNotification>();
        services.AddScoped<DemoIncidents>();
        services.AddScoped<Continuity.SaveContinuityPlan>();
        services.AddScoped<Continuity.RemoveContinuityPlan>();
        services.AddScoped<Continuity.SaveContinuityExercise>();
        services.AddScoped<Continuity.RemoveContinuityExercise>();
        services.AddScoped<Continuity.SaveMonitoredService>();
        services.AddScoped<Continuity.RemoveMonitoredService>();
        services.AddScoped<Continuity.RecordAvailability>();
        services.AddScoped<Continuity.RemoveAvailabilityRecord>();
        services.AddScoped<Continuity.ImportAvailability>();
        services.AddScoped<DemoContinuity>();
        // Nonconformities (clause 10.2).
        services.AddScoped<Improvement.RaiseNonconformity>();
        services.AddScoped<Improvement.UpdateNonconformity>();
        services.AddScoped<Improvement.RecordRootCauseAndCorrection>();
        services.AddScoped<Improvement.SubmitNonconformityForVerification>();
        services.AddScoped<Improvement.RecordEffectivenessCheck>();
        services.AddScoped<Improvement.CloseObservation>();
        services.AddScoped<Improvement.ReopenNonconformity>();
        services.AddScoped<DemoNonconformities>();
        // Obligations, licences and regulatory events (A.5.31–5.34).
        services.AddScoped<Obligations.SaveObligation>();
        services.AddScoped<Obligations.RetireObligation>();
        services.AddScoped<Obligations.SaveRegulatoryEvent>();
        services.AddScoped<Obligations.RemoveRegulatoryEvent>();
        services.AddScoped<DemoObligations>();
        // Policy and control exceptions.
        services.AddScoped<Exceptions.RequestException>();
        services.AddScoped<Exceptions.UpdateException>();
        services.AddScoped<Exceptions.ApproveException>();
        services.AddScoped<Exceptions.RejectException>();
        services.AddScoped<Exceptions.RevokeException>();
        services.AddScoped<Exceptions.CloseException>();
        services.AddScoped<Exceptions.RenewException>();
        services.AddScoped<DemoExceptions>();
        // Certification programmes, external audits and certificates.
        services.AddScoped<Certification.SaveProgramme>();
        services.AddScoped<Certification.SaveMilestone>();
        services.AddScoped<Certification.RemoveMilestone>();
        services.AddScoped<Certification.MoveMilestone>();
        services.AddScoped<Certification.SaveExternalAudit>();
        services.AddScoped<Certification.RecordAuditFinding>();
        services.AddScoped<Certification.SaveCertificate>();
        services.AddScoped<DemoCertification>();
        // Objectives, measures and measurements (clauses 6.2, 9.1).
        services.AddScoped<DemoObjectives>();
        services.AddScoped<Objectives.SaveObjective>();
        services.AddScoped<Objectives.RecordObjectiveReview>();
        services.AddScoped<Objectives.SaveMeasure>();
        services.AddScoped<Objectives.TakeMeasurements>();
        services.AddScoped<Objectives.RecordManualMeasurement>();
        // Internal audit programme, audits and checklists (clause 9.2).
        services.AddScoped<DemoInternalAudits>();
        services.AddScoped<InternalAudits.SaveAuditProgramme>();
        services.AddScoped<InternalAudits.PlanAuditCycle>();
        services.AddScoped<InternalAudits.SaveInternalAudit>();
        services.AddScoped<InternalAudits.StartInternalAudit>();
        services.AddScoped<InternalAudits.CompleteInternalAudit>();
        services.AddScoped<InternalAudits.CancelInternalAudit>();
        services.AddScoped<InternalAudits.AddChecklistItems>();
        services.AddScoped<InternalAudits.RemoveChecklistItem>();
        services.AddScoped<InternalAudits.RecordAuditResult>();
        // Management reviews (clause 9.3).
        services.AddScoped<Reviews.SaveManagementReview>();
        services.AddScoped<Reviews.HoldManagementReview>();
        services.AddScoped<Reviews.CancelManagementReview>();
        services.AddScoped<Reviews.RecordReviewDecision>();
        services.AddScoped<Reviews.RemoveReviewDecision>();
        services.AddScoped<Reviews.AddReviewAction>();
        services.AddScoped<DemoManagementReviews>();
        // Audit packs (signed "as at" exports for the certification auditor).
        services.AddScoped<AuditPacks.PackSigningKeys>();
        services.AddScoped<AuditPacks.BuildAuditPack>();
        // Reminders and e-mail (my tasks, SMTP digests).
        services.AddSingleton(sp => sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>() is { } configuration
            ? Reminders.SmtpSettings.FromConfiguration(configuration) : Reminders.SmtpSettings.FromEnvironment());
        services.AddScoped<Reminders.SendReminders>();
        services.AddScoped<Reminders.SendTestEmail>();
        // Does nothing unless SMTP is configured; the CLI builds no host, so it never starts there.
        services.AddHostedService<Reminders.ReminderSchedule>();
        return services;
    }

    /// <summary>Password and lockout rules (NIST SP 800-63B: length over composition).</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
