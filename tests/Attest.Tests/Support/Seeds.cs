using Attest.Accounts;
using Attest.Context;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Support;

public static class Seeds
{
    public static Task<Guid> AddPartyAsync(this TestApp app, TestOrganization organization, string name, Guid? ownerId = null) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveInterestedParty>().RunAsync(null,
            new InterestedPartyInput(name, PartyKind.External, ManagementSystem.Both, "Requirements of " + name, "Handled", ownerId)));

    public static Task<Guid> AddIssueAsync(this TestApp app, TestOrganization organization, string title, Guid? ownerId = null) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveContextIssue>().RunAsync(null,
            new ContextIssueInput(title, PartyKind.Internal, IssueCategory.Operational, ManagementSystem.Isms, "About " + title, "Effect", ownerId)));

    public static Task<Guid> AddControlAsync(this TestApp app, TestOrganization organization, string name, string iso27001Codes,
        Attest.Controls.ImplementationStatus status = Attest.Controls.ImplementationStatus.Implemented, Guid? ownerId = null) =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var requirements = await Attest.Controls.RequirementCodes.ResolveAsync(db, "iso27001-2022", iso27001Codes, "test");
            return await s.GetRequiredService<Attest.Controls.SaveControl>().RunAsync(null,
                new Attest.Controls.ControlInput(null, name, "Test control", ownerId, status, null, null, null, null, requirements));
        });

    public static Task<Guid> RequirementIdAsync(this TestApp app, TestOrganization organization, string frameworkKey, string code) =>
        app.WithCoreAsync(organization.Id, (_, db) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Requirements.Where(r => r.Code == code && db.Frameworks.Any(f => f.Id == r.FrameworkId && f.Key == frameworkKey)).Select(r => r.Id)));

    public sealed record SeededDocument(Guid Id, Guid PublishedVersionId, Guid DraftVersionId);

    /// <summary>
    /// A policy owned by the organization's Contributor, approved by its Manager, published as 1.0 to all personnel,
    /// with a 1.1 draft on top when <paramref name="redraft"/> is set.
    /// </summary>
    public static Task<SeededDocument> AddPublishedDocumentAsync(this TestApp app, TestOrganization organization, string title,
        string relevance = "Annex A 5.1", bool redraft = true, Attest.Policies.DocumentClassification classification = Attest.Policies.DocumentClassification.Internal,
        bool listPublicly = false, bool fullText = false) =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var manager = organization[OrganizationRole.Manager];
            var input = new Attest.Policies.DocumentInput(title, "What " + title + " covers.", "# " + title + "\n\nThe rules.", Attest.Policies.DocumentKind.Policy, null,
                organization[OrganizationRole.Contributor].UserId, classification, Relevance: relevance, Approvers: manager.Email,
                ListPublicly: listPublicly, PublishFullText: fullText);
            var save = s.GetRequiredService<Attest.Policies.SaveDocument>();
            var id = await save.RunAsync(null, input);
            int Version() => db.Documents.Local.Single(d => d.Id == id).Version;
            await s.GetRequiredService<Attest.Policies.SubmitDocumentForReview>().RunAsync(id, Version());
            using (db.Acting.ActAs(manager.UserId, manager.Email, Attest.Audit.AuditChannel.Ui))
            {
                await s.GetRequiredService<Attest.Policies.DecideDocumentApproval>().RunAsync(id, Attest.Policies.ApprovalDecision.Approved, null);
            }
            await s.GetRequiredService<Attest.Policies.PublishDocumentVersion>().RunAsync(id, null, Version());
            var published = db.Documents.Local.Single(d => d.Id == id).PublishedVersionId!.Value;
            var draft = published;
            if (redraft)
            {
                await save.RunAsync(id, input with { Body = input.Body + "\n\nOne more rule.", ChangeNote = "One more rule", Version = Version() });
                draft = db.Documents.Local.Single(d => d.Id == id).LatestVersionId!.Value;
            }
            return new SeededDocument(id, published, draft);
        });

    public sealed record SeededAiSystem(Guid AssetId, Guid SystemId, Guid ClassId, Guid LevelId, Guid AssessmentId, Guid PartyId, Guid EntryId, Guid InputId);

    /// <summary>
    /// An AI system owned by the Contributor (class with a baseline, one implemented control applied), using a model, with an
    /// impact assessment reviewed by the Contributor and approved by the Manager as 1.0.
    /// </summary>
    public static Task<SeededAiSystem> AddAiSystemAsync(this TestApp app, TestOrganization organization, string name = "Contract review agent") =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var contributor = organization[OrganizationRole.Contributor];
            var manager = organization[OrganizationRole.Manager];
            var control = await app.AddControlAsync(organization, "Access control for agents", "A.5.15");
            var classId = await s.GetRequiredService<Attest.AiSystems.SaveAiSystemClass>().RunAsync(null, "Client-facing agent " + name, "Agents that answer clients", "Annex A 5.15, 8.15");
            var model = await s.GetRequiredService<Attest.Assets.SaveAsset>().RunAsync(null, new Attest.Assets.AssetInput("Model for " + name, Attest.Assets.AssetType.AiModel,
                Provider: "Provider", VersionLabel: "1", Origin: Attest.Assets.ModelOrigin.ThirdParty));
            var systemId = await s.GetRequiredService<Attest.AiSystems.SaveAiSystem>().RunAsync(null, new Attest.AiSystems.AiSystemInput(
                new Attest.Assets.AssetInput(name, Attest.Assets.AssetType.AiSystem, OwnerId: contributor.UserId,
                    DependsOn: [new Attest.Assets.DependencyInput(model, Attest.Assets.DependencyKind.Uses)]),
                classId, "Reviews contracts", "Drafting support for lawyers", ServiceCategory: Attest.AiSystems.ServiceCategory.Legal, ClientsServed: "Law firms",
                ControlIds: [control]));
            var assetId = await db.AiSystems.Where(x => x.Id == systemId).Select(x => x.AssetId).SingleAsync();
            var level = await db.ClassificationLevels.OrderBy(l => l.Rank).Select(l => l.Id).FirstAsync();
            var assessment = await s.GetRequiredService<Attest.AiSystems.SaveImpactAssessment>().RunAsync(null, new Attest.AiSystems.ImpactAssessmentInput(
                "Assessment of " + name, [systemId], "Drafting support", "An agent", "Acceptable with oversight", contributor.UserId, contributor.UserId, manager.UserId));
            var content = s.GetRequiredService<Attest.AiSystems.EditImpactAssessmentContent>();
            var party = await content.AddAffectedPartyAsync(assessment, new Attest.AiSystems.AffectedPartyInput("Clients", Attest.AiSystems.AffectedKind.Clients));
            var entry = await content.SaveImpactAsync(assessment, null, new Attest.AiSystems.ImpactEntryInput(party, Attest.AiSystems.ImpactDimension.Privacy,
                Attest.AiSystems.ImpactNature.Harm, "Client data in prompts", 4, 3, "Redaction", 2, 2, [control]));
            var input = await content.AddStakeholderInputAsync(assessment, new Attest.AiSystems.StakeholderInputInput("Client panel", new DateOnly(2026, 10, 1), "Wants redaction"));
            var workflow = s.GetRequiredService<Attest.AiSystems.ImpactAssessmentWorkflow>();
            await workflow.SubmitAsync(assessment, await db.ImpactAssessments.Where(a => a.Id == assessment).Select(a => a.Version).SingleAsync());
            using (db.Acting.ActAs(contributor.UserId, contributor.Email, Attest.Audit.AuditChannel.Ui)) await workflow.ReviewAsync(assessment);
            using (db.Acting.ActAs(manager.UserId, manager.Email, Attest.Audit.AuditChannel.Ui)) await workflow.ApproveAsync(assessment);
            return new SeededAiSystem(assetId, systemId, classId, level, assessment, party, entry, input);
        });

    /// <summary>An API token for <paramref name="person"/>, issued as if they created it themselves.</summary>
    public static Task<IssuedApiToken> IssueTokenAsync(this TestApp app, TestOrganization organization, TestPerson person, ApiTokenScope scope, int days = 30) =>
        app.WithCoreAsync(organization.Id, (s, db) =>
        {
            db.Acting.EnterOrganization(organization.Id, person.Role);
            db.Acting.IdentifyUser(person.UserId, person.Email, Attest.Audit.AuditChannel.Ui);
            return s.GetRequiredService<CreateApiToken>().RunAsync(new NewApiToken("test token", scope, days));
        });

    public static ApiTokenScope StrongestScopeFor(OrganizationRole role) =>
        role is OrganizationRole.Auditor or OrganizationRole.Employee ? ApiTokenScope.Read : ApiTokenScope.ReadWrite;

    public sealed record SeededRisk(Guid Id, Guid TaskId, Guid AssessmentId);

    /// <summary>The 5 × 5 methodology, a risk owned by the Contributor (affecting the asset, treated by the control) with one task, and a risk assessment in progress.</summary>
    public static Task<SeededRisk> AddRiskAsync(this TestApp app, TestOrganization organization, Guid controlId, Guid assetId) =>
        app.WithCoreAsync(organization.Id, async (services, db) =>
        {
            if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.RiskMethodologies))
            {
                await services.GetRequiredService<Attest.Risks.SaveRiskMethodology>().FromTemplateAsync("5x5");
            }
            var risk = await services.GetRequiredService<Attest.Risks.SaveRisk>().RunAsync(null, new Attest.Risks.RiskInput("Prompt injection",
                OwnerId: organization[OrganizationRole.Contributor].UserId, InherentLikelihood: 4, InherentImpact: 4, Treatment: Attest.Risks.RiskTreatment.Mitigate,
                ResidualLikelihood: 2, ResidualImpact: 2, AssetIds: [assetId], Controls: [new Attest.Risks.RiskControlInput(controlId, Attest.Risks.RiskControlRole.Existing)]));
            var task = await services.GetRequiredService<Attest.Risks.SaveRiskTask>().RunAsync(risk, null, new Attest.Risks.RiskTaskInput("Add output filtering"));
            var assessment = await services.GetRequiredService<Attest.Risks.SaveRiskAssessment>().RunAsync(null, new Attest.Risks.RiskAssessmentInput("Annual risk assessment"));
            return new SeededRisk(risk, task, assessment);
        });

    public sealed record SeededEvidence(Guid Id, Guid FileId);

    /// <summary>A PDF file as evidence for the control, owned by the Contributor.</summary>
    public static Task<SeededEvidence> AddEvidenceAsync(this TestApp app, TestOrganization organization, Guid controlId, string content = "%PDF-1.7 access review Q3") =>
        app.WithCoreAsync(organization.Id, async (services, db) =>
        {
            using var received = await services.GetRequiredService<Attest.Evidence.EvidenceUploads>().ReceiveAsync(
                new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), "access-review.pdf");
            var id = await services.GetRequiredService<Attest.Evidence.SaveEvidence>().RunAsync(null, new Attest.Evidence.EvidenceInput("Q3 access review",
                Attest.Evidence.EvidenceKind.File, OwnerId: organization[OrganizationRole.Contributor].UserId,
                Links: [new Attest.Evidence.EvidenceLinkInput(Attest.Evidence.EvidenceTarget.Control, controlId)]), received);
            var fileId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.EvidenceItems.Where(e => e.Id == id).Select(e => e.FileId!.Value));
            return new SeededEvidence(id, fileId);
        });

    public sealed record SeededCheck(Guid Id, string Name);

    /// <summary>An HTTP headers check of a website (06:00 UTC daily), owned by the Contributor, supporting the control; it is not run.</summary>
    public static Task<SeededCheck> AddCheckAsync(this TestApp app, TestOrganization organization, Guid controlId, string name = "website-headers") =>
        app.WithCoreAsync(organization.Id, async (services, _) =>
        {
            var id = await services.GetRequiredService<Attest.Checks.SaveCheck>().RunAsync(null, new Attest.Checks.CheckInput(name, Attest.Checks.CheckKind.HttpHeaders,
                "https://www.example.test", Schedule: "0 6 * * *", OwnerId: organization[OrganizationRole.Contributor].UserId, ControlIds: [controlId]));
            return new SeededCheck(id, name);
        });

    public sealed record SeededTraining(Guid CourseId, Guid RequirementId, Guid QuestionId);

    /// <summary>
    /// A person record for each member (unless one exists), a quizzed course (pass 60%, two questions) required of everyone, and the
    /// assignments it generates: every member has it to take.
    /// </summary>
    public static Task<SeededTraining> AddTrainingAsync(this TestApp app, TestOrganization organization, string title = "Security awareness essentials") =>
        app.WithCoreAsync(organization.Id, async (services, db) =>
        {
            var known = await db.People.Select(p => p.EmailKey).ToListAsync();
            foreach (var person in organization.People.Values.Where(p => !known.Contains(Attest.People.PersonLookup.KeyOf(p.Email))))
            {
                db.People.Add(new Attest.People.Person
                {
                    Name = person.Role + " Person", Email = person.Email, EmailKey = Attest.People.PersonLookup.KeyOf(person.Email), Department = "Engineering",
                    StartDate = new DateOnly(2024, 1, 8),
                });
            }
            await db.SaveChangesAsync();
            var course = await services.GetRequiredService<Attest.Training.SaveCourse>().RunAsync(null, new Attest.Training.CourseInput(title,
                "Who it is for.", Content: "# Phishing\n\nReport it.", DurationMinutes: 20, PassingScore: 60));
            var save = services.GetRequiredService<Attest.Training.SaveQuizQuestion>();
            var question = await save.RunAsync(course, null, new Attest.Training.QuizQuestionInput("What do you do with a phishing e-mail?",
                "Reply to it\nReport it\nForward it", 2, "Reporting lets the security team block it."));
            await save.RunAsync(course, null, new Attest.Training.QuizQuestionInput("Who may know your password?", "Nobody\nYour manager", 1, "Nobody."));
            var rule = await services.GetRequiredService<Attest.Training.SaveTrainingRequirement>().RunAsync(null, new Attest.Training.TrainingRequirementInput(course,
                "Everyone, yearly", DueWithinDays: 7, RenewEveryMonths: 12));
            return new SeededTraining(course, rule, question);
        });

    public sealed record SeededAccessReview(Guid SystemId, Guid CampaignId, Guid ItemId);

    /// <summary>
    /// A system owned by the Manager with three accounts (the Manager's, privileged; the Employee's; an orphaned service account) and an
    /// open campaign over it that the Manager reviews.
    /// </summary>
    public static Task<SeededAccessReview> AddAccessReviewAsync(this TestApp app, TestOrganization organization, string systemName = "AWS console") =>
        app.WithCoreAsync(organization.Id, async (services, db) =>
        {
            var system = await services.GetRequiredService<Attest.AccessReviews.SaveAccessSystem>().RunAsync(null,
                new Attest.AccessReviews.AccessSystemInput(systemName, OwnerId: organization[OrganizationRole.Manager].UserId));
            await services.GetRequiredService<Attest.AccessReviews.LoadSystemAccounts>().RunAsync(system,
            [
                new(organization[OrganizationRole.Manager].Email, Entitlement: "AdministratorAccess", Privileged: true, LastUsedOn: DateOnly.FromDateTime(DateTime.UtcNow)),
                new(organization[OrganizationRole.Employee].Email, Entitlement: "ReadOnly"),
                new("svc-backup", Entitlement: "Backup"),
            ], "seed");
            var campaign = await services.GetRequiredService<Attest.AccessReviews.SaveAccessReview>().RunAsync(null, new Attest.AccessReviews.AccessReviewInput(
                $"{systemName} review", [system], Attest.AccessReviews.ReviewerRule.SystemOwner, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)));
            await services.GetRequiredService<Attest.AccessReviews.OpenAccessReview>().RunAsync(campaign, 1);
            var item = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.AccessReviewItems.Where(i => i.CampaignId == campaign).OrderBy(i => i.Account).Select(i => i.Id));
            return new SeededAccessReview(system, campaign, item);
        });
}
