using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Organizations;
using Attest.Policies;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Policies;

/// <summary>The policy pages, API and trust page over HTTP, as people and tools use them.</summary>
public sealed class PolicyWebTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheTrustPage_ShowsExactlyThePublicData_AndIsOffByDefault(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var other = await app.SeedOrganizationAsync();
        await app.AddControlAsync(organization, "Secret control name", "A.5.1");
        await app.AddPublishedDocumentAsync(organization, "Responsible Disclosure Policy", "Annex A 5.5-5.7, 8.8", redraft: false,
            classification: DocumentClassification.Public, listPublicly: true, fullText: true);
        await app.AddPublishedDocumentAsync(organization, "Acceptable Use Policy", "Clause 7.3; Annex A 5.10", redraft: true,
            classification: DocumentClassification.Public, listPublicly: true);
        await app.AddPublishedDocumentAsync(organization, "Internal Cryptography Policy", "Annex A 8.24", redraft: false);
        await app.AddPublishedDocumentAsync(other, "Other Organization Policy", redraft: false, classification: DocumentClassification.Public, listPublicly: true);
        var anonymous = app.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/trust/acme-trust")).StatusCode);
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var version = await db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Version).SingleAsync();
            await s.GetRequiredService<UpdateTrustPage>().RunAsync(new TrustPageSettings(false, "acme-trust", "About us", "Not yet certified; preparing for ISO 27001.", version));
        });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/trust/acme-trust")).StatusCode);
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var version = await db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Version).SingleAsync();
            await s.GetRequiredService<UpdateTrustPage>().RunAsync(new TrustPageSettings(true, "acme-trust", "About **us**", "Not yet certified; preparing for ISO 27001.", version));
        });

        var page = await anonymous.GetPageAsync("/trust/acme-trust");
        Assert.Contains(organization.Name, page);
        Assert.Contains("About <strong>us</strong>", page);
        Assert.Contains("Not yet certified; preparing for ISO 27001.", page);
        Assert.Contains("Responsible Disclosure Policy", page);
        Assert.Contains("Annex A 5.5-5.7, 8.8", page);
        Assert.Contains("The rules.", page); // full text, marked public
        Assert.Contains("Acceptable Use Policy", page);
        Assert.Contains("Clause 7.3; Annex A 5.10", page);
        Assert.DoesNotContain("One more rule", page); // its draft is not published
        Assert.DoesNotContain("Internal Cryptography Policy", page);
        Assert.DoesNotContain("Other Organization Policy", page);
        Assert.DoesNotContain("Secret control name", page);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(page, "The rules\\."));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheApi_CreatesDocuments_NamesBadRelevance_AndParsesNotation(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);

        var bad = await api.PostAsJsonAsync("/api/v1/documents", new { title = "Logging Policy", relevance = "Annex A 8.15-8.99" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Annex A 8.15-8.99", problem.GetProperty("errors").GetProperty("Relevance")[0].GetString());

        var created = await api.PostAsJsonAsync("/api/v1/documents", new { title = "Logging Policy", summary = "Logs.", body = "Log it.", relevance = "Annex A 8.17, 8.15, 8.16" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var detail = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Annex A 8.15-8.17", detail.GetProperty("latest").GetProperty("relevance").GetString());
        Assert.Equal("POL-001", detail.GetProperty("reference").GetString());

        var markdown = await api.PostAsync("/api/v1/documents/import-markdown?fileName=backup.md",
            new StringContent("---\ntitle: Backup Policy\nrelevance: Annex A 8.13\nreview-months: 6\n---\n## Purpose\n\nKeep copies."));
        Assert.Equal(HttpStatusCode.Created, markdown.StatusCode);
        var imported = await markdown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Backup Policy", "Annex A 8.13", 6), (imported.GetProperty("title").GetString(), imported.GetProperty("latest").GetProperty("relevance").GetString(), imported.GetProperty("reviewMonths").GetInt32()));
        var badMarkdown = await api.PostAsync("/api/v1/documents/import-markdown?fileName=bad.md", new StringContent("---\ntitle: X\nreview-months: often\n---\nText"));
        Assert.Equal(HttpStatusCode.BadRequest, badMarkdown.StatusCode);
        Assert.Contains("review-months", await badMarkdown.Content.ReadAsStringAsync());

        var notation = await api.GetFromJsonAsync<JsonElement>("/api/v1/notation?text=" + Uri.EscapeDataString("GDPR Art. 33, 34; Clauses 6.1.3, 6.1.2"));
        Assert.Equal("Clauses 6.1.2, 6.1.3; GDPR Art. 33, 34", notation.GetProperty("formatted").GetString());
        Assert.Equal(4, notation.GetProperty("requirementIds").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/notation?text=Clause%2099")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnImportWithOneBadRow_ImportsNothing_AndSaysWhichRow(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        const string table = """
            | Policy | What it covers | ISO 27001 relevance |
            |---|---|---|
            | Information Security Policy | Direction and support. | Clauses 5.2; Annex A 5.1 |
            | Access Control Policy | Who gets access. | Annex A 5.15-5.18 |
            | Broken Policy | Bad ids. | Annex A 5.37-6.2 |
            """;

        var refused = await api.PostAsync("/api/v1/documents/import?fileName=index.md", new StringContent(table));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("row 3", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.CountAsync()));

        var accepted = await api.PostAsync("/api/v1/documents/import?fileName=index.md", new StringContent(table.Replace("5.37-6.2", "5.37; Annex A 6.1-6.2")));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var result = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 9), (result.GetProperty("created").GetInt32(), result.GetProperty("links").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task People_ReadAndAcceptInTheBrowser_AndEmployeesSeeOnlyWhatIsAssignedToThem(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var policy = await app.AddPublishedDocumentAsync(organization, "Acceptable Use Policy", redraft: false);
        var forManagement = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var manager = organization[OrganizationRole.Manager];
            var id = await s.GetRequiredService<SaveDocument>().RunAsync(null, new DocumentInput("Board Procedure", "", "Board only.",
                Distribution: DocumentDistribution.Management, Approvers: manager.Email));
            await s.GetRequiredService<SubmitDocumentForReview>().RunAsync(id, db.Documents.Local.Single(d => d.Id == id).Version);
            using (db.Acting.ActAs(manager.UserId, manager.Email, Attest.Audit.AuditChannel.Ui))
            {
                await s.GetRequiredService<DecideDocumentApproval>().RunAsync(id, ApprovalDecision.Approved, null);
            }
            await s.GetRequiredService<PublishDocumentVersion>().RunAsync(id, null, db.Documents.Local.Single(d => d.Id == id).Version);
            return id;
        });
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);

        Assert.Contains("Acceptable Use Policy", await employee.GetPageAsync("/my/documents"));
        Assert.DoesNotContain("Board Procedure", await employee.GetPageAsync("/my/documents"));
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"/my/documents/{forManagement}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/policies/{policy.Id}")).StatusCode);

        var reading = await employee.GetPageAsync($"/my/documents/{policy.Id}");
        Assert.Contains("I have read and accept version 1.0", reading);
        var accepted = await employee.PostFormAsync($"/my/documents/{policy.Id}?handler=Accept",
            new() { ["versionId"] = policy.PublishedVersionId.ToString() }, formPage: $"/my/documents/{policy.Id}");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var acceptance = await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentAcceptances.SingleAsync());
        Assert.Equal((organization[OrganizationRole.Employee].UserId, policy.PublishedVersionId), (acceptance.UserId, acceptance.VersionId));
        Assert.True(acceptance.OpenedAt <= acceptance.AcceptedAt);
        Assert.Contains("You accepted version 1.0", await employee.GetPageAsync($"/my/documents/{policy.Id}"));

        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        var campaign = await auditor.GetPageAsync("/policies/acknowledgements");
        Assert.Contains("1 of 4", campaign);
    }
}
