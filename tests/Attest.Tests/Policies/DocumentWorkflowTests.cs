using Attest.Audit;
using Attest.Data;
using Attest.Organizations;
using Attest.Policies;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Policies;

public sealed class DocumentWorkflowTests
{
    private static DocumentInput Policy(string title, string approvers, string relevance = "Annex A 5.1", bool minorNeedsAcceptance = false) =>
        new(title, "What it covers.", "## Purpose\n\nWhy.\n\n## Rules\n\n- One\n- Two", Relevance: relevance, Approvers: approvers,
            MinorVersionsNeedAcceptance: minorNeedsAcceptance);

    private static Task<int> VersionOf(TestApp app, TestOrganization organization, Guid id) =>
        app.WithCoreAsync(organization.Id, (_, db) => db.Documents.Where(d => d.Id == id).Select(d => d.Version).SingleAsync());

    private static Task As<T>(TestApp app, TestOrganization organization, TestPerson person, Func<T, Task> action) where T : notnull =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            db.Acting.EnterOrganization(organization.Id, person.Role);
            db.Acting.IdentifyUser(person.UserId, person.Email, AuditChannel.Ui);
            await action(s.GetRequiredService<T>());
        });

    private static async Task SetJobTitleAsync(TestApp app, TestOrganization organization, TestPerson person, string title, string? department = null) =>
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var membership = await db.Memberships.SingleAsync(m => m.UserId == person.UserId);
            await s.GetRequiredService<ChangeMembership>().RunAsync(membership.Id, membership.Role, null, membership.Version, default, title, department ?? "");
        });

    private static async Task<Guid> PublishAsync(TestApp app, TestOrganization organization, Guid id, TestPerson approver)
    {
        await As<SubmitDocumentForReview>(app, organization, organization[OrganizationRole.Manager], async s => await s.RunAsync(id, await VersionOf(app, organization, id)));
        await As<DecideDocumentApproval>(app, organization, approver, s => s.RunAsync(id, ApprovalDecision.Approved, null));
        await As<PublishDocumentVersion>(app, organization, organization[OrganizationRole.Manager], async s => await s.RunAsync(id, null, await VersionOf(app, organization, id)));
        return await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.Where(d => d.Id == id).Select(d => d.PublishedVersionId!.Value).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AVersion_CannotBePublished_UntilEveryRequiredApproverHasApproved(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ceo = organization[OrganizationRole.Admin];
        var ciso = organization[OrganizationRole.Manager];
        await SetJobTitleAsync(app, organization, ceo, "CEO");
        var id = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, Policy("Access Control Policy", $"CEO, {ciso.Email}")));

        await As<SubmitDocumentForReview>(app, organization, ciso, async s => await s.RunAsync(id, await VersionOf(app, organization, id)));
        await As<DecideDocumentApproval>(app, organization, ciso, s => s.RunAsync(id, ApprovalDecision.Approved, "fine"));
        var early = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            As<PublishDocumentVersion>(app, organization, ciso, async s => await s.RunAsync(id, null, await VersionOf(app, organization, id))));
        Assert.Contains("still awaited: CEO", early.Message);

        var stranger = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            As<DecideDocumentApproval>(app, organization, organization[OrganizationRole.Contributor], s => s.RunAsync(id, ApprovalDecision.Approved, null)));
        Assert.Contains("not one of the approvers still awaited: CEO", stranger.Message);

        await As<DecideDocumentApproval>(app, organization, ceo, s => s.RunAsync(id, ApprovalDecision.Approved, null));
        await As<PublishDocumentVersion>(app, organization, ciso, async s => Assert.Equal("1.0", await s.RunAsync(id, new DateOnly(2026, 1, 15), await VersionOf(app, organization, id))));

        var detail = await app.WithCoreAsync(organization.Id, (_, db) => DocumentQueries.DetailAsync(db, id));
        Assert.Equal(DocumentVersionStatus.Published, detail.Published!.Status);
        Assert.Equal(new DateOnly(2027, 1, 15), detail.NextReviewOn);
        Assert.Equal(["CEO", "Manager Person"], detail.History[0].Approvals.Where(a => a.Decision == ApprovalDecision.Approved).Select(a => a.Required).Order());
        Assert.Equal("Annex A 5.1", detail.Published.Relevance);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task APublishedVersion_NeverChanges_EditingMakesANewDraft_AndRequestingChangesNeedsAReason(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ciso = organization[OrganizationRole.Manager];
        var input = Policy("Cryptography Policy", ciso.Email, "Annex A 8.24");
        var id = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, input));
        var published = await PublishAsync(app, organization, id, ciso);

        await app.WithCoreAsync(organization.Id, async (s, _) => await s.GetRequiredService<SaveDocument>().RunAsync(id,
            input with { Body = input.Body + "\n- Three", Relevance = "Annex A 8.24, 5.31", ChangeNote = "Adds a rule", Version = await VersionOf(app, organization, id) }));
        var detail = await app.WithCoreAsync(organization.Id, (_, db) => DocumentQueries.DetailAsync(db, id));
        Assert.Equal(("1.1", DocumentVersionStatus.Draft), (detail.Latest.Number, detail.Latest.Status));
        Assert.Equal(("1.0", input.Body, "Annex A 8.24"), (detail.Published!.Number, detail.Published.Body, detail.Published.Relevance));
        Assert.Equal("Annex A 5.31, 8.24", detail.Latest.Relevance);

        // Even written around the use cases, the database layer refuses to alter a published version.
        var refused = await Assert.ThrowsAsync<PublishedVersionChangeException>(() => app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var version = await db.DocumentVersions.SingleAsync(v => v.Id == published);
            version.Body = "rewritten";
            await db.SaveChangesAsync();
        }));
        Assert.Contains("Body", refused.Message);
        Assert.Equal(input.Body, await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentVersions.Where(v => v.Id == published).Select(v => v.Body).SingleAsync()));

        await As<SubmitDocumentForReview>(app, organization, ciso, async s => await s.RunAsync(id, await VersionOf(app, organization, id)));
        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            As<DecideDocumentApproval>(app, organization, ciso, s => s.RunAsync(id, ApprovalDecision.ChangesRequested, " ")));
        Assert.True(noReason.Errors.ContainsKey("Comment"));
        await As<DecideDocumentApproval>(app, organization, ciso, s => s.RunAsync(id, ApprovalDecision.ChangesRequested, "Say which algorithms."));
        detail = await app.WithCoreAsync(organization.Id, (_, db) => DocumentQueries.DetailAsync(db, id));
        Assert.Equal(DocumentVersionStatus.Draft, detail.Latest.Status);
        Assert.Contains(detail.Latest.Approvals, a => a.Decision == ApprovalDecision.ChangesRequested && a.Comment == "Say which algorithms.");

        var comparison = await app.WithCoreAsync(organization.Id, (_, db) => DocumentQueries.CompareAsync(db, id, published, detail.Latest.Id));
        Assert.Equal([new DiffLine(DiffKind.Added, "- Three")], comparison.Body.Where(l => l.Kind != DiffKind.Same));
        Assert.True(comparison.RelevanceChanged);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Acceptances_AreKeptPerVersion_AMajorVersionIsAcceptedAgain_AMinorOneIsNot(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ciso = organization[OrganizationRole.Manager];
        var employee = organization[OrganizationRole.Employee];
        var input = Policy("Acceptable Use Policy", ciso.Email);
        var id = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, input));
        var v10 = await PublishAsync(app, organization, id, ciso);

        var assigned = await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentAssignments.Where(a => a.DocumentId == id).Select(a => a.UserId).ToListAsync());
        Assert.Equal(4, assigned.Count);
        Assert.DoesNotContain(organization[OrganizationRole.Auditor].UserId, assigned);

        var unread = await Assert.ThrowsAsync<ValidationFailedException>(() => As<AcceptDocumentVersion>(app, organization, employee, s => s.RunAsync(id, v10)));
        Assert.Contains("open and read", unread.Message);
        await As<RecordDocumentOpened>(app, organization, employee, s => s.RunAsync(id, v10));
        await As<AcceptDocumentVersion>(app, organization, employee, s => s.RunAsync(id, v10));

        // 1.1 (minor): the employee's acceptance of 1.0 still counts.
        await app.WithCoreAsync(organization.Id, async (s, _) => await s.GetRequiredService<SaveDocument>().RunAsync(id, input with { Body = input.Body + "\n- Three", ChangeNote = "typo", Version = await VersionOf(app, organization, id) }));
        var v11 = await PublishAsync(app, organization, id, ciso);
        var mine = await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentAssignments.SingleAsync(a => a.DocumentId == id && a.UserId == employee.UserId));
        Assert.Equal(v10, mine.VersionId);
        Assert.NotNull(mine.AcceptedAt);
        var others = await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentAssignments.Where(a => a.DocumentId == id && a.UserId != employee.UserId).Select(a => a.VersionId).ToListAsync());
        Assert.All(others, v => Assert.Equal(v11, v));

        // 2.0 (major): everyone accepts again; the acceptance of 1.0 stays on record.
        await app.WithCoreAsync(organization.Id, async (s, _) => await s.GetRequiredService<SaveDocument>().RunAsync(id,
            input with { Body = "New rules.", MajorChange = true, Version = await VersionOf(app, organization, id) }));
        var v20 = await PublishAsync(app, organization, id, ciso);
        mine = await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentAssignments.SingleAsync(a => a.DocumentId == id && a.UserId == employee.UserId));
        Assert.Equal((v20, (DateTimeOffset?)null, (DateTimeOffset?)null), (mine.VersionId, mine.AcceptedAt, mine.OpenedAt));
        await As<RecordDocumentOpened>(app, organization, employee, s => s.RunAsync(id, v20));
        await As<AcceptDocumentVersion>(app, organization, employee, s => s.RunAsync(id, v20));
        var history = await app.WithCoreAsync(organization.Id, (_, db) => AcknowledgementCampaign.HistoryOfAsync(db, employee.UserId));
        Assert.Equal(["2.0", "1.0"], history.Select(h => h.Number));

        var campaign = await app.WithCoreAsync(organization.Id, (_, db) => AcknowledgementCampaign.RunAsync(db));
        Assert.Equal((4, 1, 25), (campaign.Overall.Assigned, campaign.Overall.Accepted, campaign.Overall.Percent));
        Assert.Equal("2.0", campaign.Documents.Single().Number);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MinorVersions_CanBeSetToNeedAcceptance_AndNewPeopleGetEveryCurrentDocument(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ciso = organization[OrganizationRole.Manager];
        var employee = organization[OrganizationRole.Employee];
        var input = Policy("Code of Conduct", ciso.Email, minorNeedsAcceptance: true);
        var id = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, input));
        var v10 = await PublishAsync(app, organization, id, ciso);
        await As<RecordDocumentOpened>(app, organization, employee, s => s.RunAsync(id, v10));
        await As<AcceptDocumentVersion>(app, organization, employee, s => s.RunAsync(id, v10));
        await app.WithCoreAsync(organization.Id, async (s, _) => await s.GetRequiredService<SaveDocument>().RunAsync(id, input with { Summary = "Clearer.", Version = await VersionOf(app, organization, id) }));
        var v11 = await PublishAsync(app, organization, id, ciso);
        var mine = await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentAssignments.SingleAsync(a => a.DocumentId == id && a.UserId == employee.UserId));
        Assert.Equal((v11, (DateTimeOffset?)null), (mine.VersionId, mine.AcceptedAt));

        var joiner = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(
            new NewMember("joiner@test.example", "New Joiner", OrganizationRole.Employee, null, "a long enough password", null, "Legal")));
        var joined = await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentAssignments.SingleAsync(a => a.UserId == joiner.UserId));
        Assert.Equal(v11, joined.VersionId);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14), joined.DueOn);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ADocumentForDepartments_IsAssignedOnlyToTheirMembers_AndFollowsMoves(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ciso = organization[OrganizationRole.Manager];
        await SetJobTitleAsync(app, organization, organization[OrganizationRole.Employee], "Engineer", "Engineering");
        var id = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null,
            Policy("Secure Development Procedure", ciso.Email) with { Kind = DocumentKind.Procedure, Distribution = DocumentDistribution.Groups, DistributionGroups = "engineering" }));
        await PublishAsync(app, organization, id, ciso);
        Assert.Equal([organization[OrganizationRole.Employee].UserId],
            await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentAssignments.Where(a => a.DocumentId == id).Select(a => a.UserId).ToListAsync()));
        Assert.StartsWith("PRO-", await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.Where(d => d.Id == id).Select(d => d.Reference).SingleAsync()));

        await SetJobTitleAsync(app, organization, organization[OrganizationRole.Employee], "Lawyer", "Legal");
        Assert.Empty(await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentAssignments.Where(a => a.DocumentId == id).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SavingOnlySettings_KeepsThePublishedVersionCurrent_AndRelationsReadBothWays(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ciso = organization[OrganizationRole.Manager];
        var input = Policy("Incident Management Policy", ciso.Email);
        var id = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, input));
        var procedure = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null,
            Policy("Incident Response Procedure", ciso.Email) with { Kind = DocumentKind.Procedure, RelatedDocumentIds = [id] }));
        await PublishAsync(app, organization, id, ciso);

        await app.WithCoreAsync(organization.Id, async (s, _) => await s.GetRequiredService<SaveDocument>().RunAsync(id,
            input with { ReviewMonths = 6, RelatedDocumentIds = [procedure], Version = await VersionOf(app, organization, id) }));

        var detail = await app.WithCoreAsync(organization.Id, (_, db) => DocumentQueries.DetailAsync(db, id));
        Assert.Equal(("1.0", DocumentVersionStatus.Published, 6), (detail.Latest.Number, detail.Latest.Status, detail.ReviewMonths));
        Assert.Single(detail.History);
        Assert.Equal("Incident Response Procedure", Assert.Single(detail.Related).Title);
        Assert.Equal(1, await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentRelations.CountAsync()));
        var fromProcedure = await app.WithCoreAsync(organization.Id, (_, db) => DocumentQueries.DetailAsync(db, procedure));
        Assert.Equal("Incident Management Policy", Assert.Single(fromProcedure.Related).Title);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BadInput_IsRefusedWithTheFieldNamed_AndChangesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var bad = Policy("", "nobody@elsewhere.example, " + organization[OrganizationRole.Auditor].Email, "Annex A 5.37-6.2") with
        {
            ReviewMonths = 0, ListPublicly = true, Distribution = DocumentDistribution.Groups,
        };
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, bad)));
        Assert.Equal(["Approvers", "DistributionGroups", "ListPublicly", "Relevance", "ReviewMonths", "Title"], error.Errors.Keys.Order());
        Assert.Contains(error.Errors["Approvers"], m => m.Contains("nobody@elsewhere.example is not a member"));
        Assert.Contains(error.Errors["Approvers"], m => m.Contains("auditors read"));
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.CountAsync()));

        var noApprovers = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, Policy("Backup Policy", "")));
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, async (s, _) =>
            await s.GetRequiredService<SubmitDocumentForReview>().RunAsync(noApprovers, await VersionOf(app, organization, noApprovers))));
        Assert.True(refused.Errors.ContainsKey("Approvers"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Coverage_ListsWhatNoPublishedPolicyAddresses_AndOverdueReviews(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ciso = organization[OrganizationRole.Manager];
        var published = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, Policy("Information Security Policy", ciso.Email, "Clauses 5.2; Annex A 5.1-5.3")));
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, Policy("Draft Policy", ciso.Email, "Annex A 5.4")));
        await As<SubmitDocumentForReview>(app, organization, ciso, async s => await s.RunAsync(published, await VersionOf(app, organization, published)));
        await As<DecideDocumentApproval>(app, organization, ciso, s => s.RunAsync(published, ApprovalDecision.Approved, null));
        await As<PublishDocumentVersion>(app, organization, ciso, async s => await s.RunAsync(published, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-13), await VersionOf(app, organization, published)));

        var coverage = await app.WithCoreAsync(organization.Id, (_, db) => DocumentQueries.CoverageAsync(db, null));
        Assert.Equal(4, coverage.Covered);
        Assert.DoesNotContain(coverage.Uncovered, r => r.Code is "A.5.1" or "A.5.2" or "A.5.3" or "5.2");
        Assert.Contains(coverage.Uncovered, r => r.Code == "A.5.4");
        Assert.Equal(coverage.Assessable - 4, coverage.Uncovered.Count);
        Assert.Equal("Information Security Policy", Assert.Single(coverage.Overdue).Title);

        var soa = await app.WithCoreAsync(organization.Id, (_, db) => Attest.Soa.StatementOfApplicability.DraftAsync(db, "iso27001-2022"));
        Assert.Equal(["POL-001"], soa.Rows.Single(r => r.Code == "A.5.2").Policies);
        Assert.Empty(soa.Rows.Single(r => r.Code == "A.5.4").Policies);
    }
}
