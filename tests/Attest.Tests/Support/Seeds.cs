using Attest.Accounts;
using Attest.Context;
using Attest.Organizations;
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
}
