using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attest.Evidence;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Evidence;

public sealed class EvidenceTests
{
    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj", "report.pdf", "application/pdf")]
    [InlineData("<!DOCTYPE html><html><body>hi</body></html>", "report.pdf", "text/html")]
    [InlineData("  <script>alert(1)</script>", "notes.txt", "text/html")]
    [InlineData("PK\u0003\u0004rest-of-zip", "access-review.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("PK\u0003\u0004rest-of-zip", "bundle.pdf", "application/zip")]
    [InlineData("user,role\nana,admin\n", "users.pdf", "text/plain")]
    [InlineData("{\"ok\":true}", "result.exe", "application/json")]
    public void TheType_IsReadFromTheContent_NotTheName(string content, string name, string expected) =>
        Assert.Equal(expected, ContentSniffer.Detect(Encoding.Latin1.GetBytes(content), name));

    [Fact]
    public void BinaryContent_IsOctets_AndPngIsRecognised()
    {
        Assert.Equal("image/png", ContentSniffer.Detect([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "shot.html"));
        Assert.Equal(ContentSniffer.Octets, ContentSniffer.Detect([1, 2, 0, 4, 5], "data.txt"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnUploadOverTheLimit_IsRefusedWhileStreaming_AndLeavesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(await TestDatabase.CreateAsync(provider), maxUploadBytes: 4096);
        var organization = await app.SeedOrganizationAsync();
        await app.AddControlAsync(organization, "Backups", "A.8.13");
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);

        var tooLarge = await api.PostAsync("/api/v1/evidence/upload?fileName=restore.log&controls=CTL-001", new ByteArrayContent(new byte[5000]));
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("larger than the limit", (await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("File")[0].GetString());
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.EvidenceItems.CountAsync()));
        Assert.Empty(Directory.EnumerateFiles(app.EvidenceFolder, "*", SearchOption.AllDirectories));

        var unknownControl = await api.PostAsync("/api/v1/evidence/upload?fileName=restore.log&controls=CTL-404", new ByteArrayContent(Encoding.UTF8.GetBytes("restored ok")));
        Assert.Equal(HttpStatusCode.BadRequest, unknownControl.StatusCode);
        Assert.Contains("CTL-404", await unknownControl.Content.ReadAsStringAsync());

        var fits = await api.PostAsync("/api/v1/evidence/upload?fileName=restore.log&controls=CTL-001", new ByteArrayContent(new byte[4096]));
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HtmlNamedPdf_IsStoredAsHtml_AndOnlyEverServedAsAnAttachmentOfBytes(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.AddControlAsync(organization, "Secure configuration", "A.8.9");
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        var html = Encoding.UTF8.GetBytes("<html><body><script>document.location='https://evil.example'</script></body></html>");

        var created = await api.PostAsync("/api/v1/evidence/upload?fileName=hardening-report.pdf&title=Hardening%20report&controls=CTL-001", new ByteArrayContent(html));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var result = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("text/html", result.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(html)), result.GetProperty("sha256").GetString());

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/evidence/{result.GetProperty("id").GetGuid()}");
        var fileId = detail.GetProperty("versions")[0].GetProperty("fileId").GetGuid();
        var browser = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        foreach (var response in new[] { await browser.GetAsync($"/evidence/files/{fileId}?name=hardening-report.pdf"), await api.GetAsync($"/api/v1/evidence/files/{fileId}") })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Contains("sandbox", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal(html, await response.Content.ReadAsByteArrayAsync());
        }

        // Another organization cannot reach the file by its id.
        var other = await app.SeedOrganizationAsync();
        var stranger = await app.SignInAsync(other[OrganizationRole.Admin]);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/evidence/files/{fileId}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SameContent_IsStoredOnce_AndANewVersionKeepsTheOld(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Access reviews", "A.5.18");
        var first = await app.AddEvidenceAsync(organization, control, "%PDF-1.7 Q3 review");
        var second = await app.AddEvidenceAsync(organization, control, "%PDF-1.7 Q3 review");
        Assert.Equal(first.FileId, second.FileId);
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);

        var version = await api.PostAsync($"/api/v1/evidence/{first.Id}/versions?fileName=q4.pdf", new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.7 Q4 review")));
        Assert.Equal(HttpStatusCode.Created, version.StatusCode);
        Assert.Equal(2, (await version.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var detail = await app.WithCoreAsync(organization.Id, (_, db) => EvidenceQueries.DetailAsync(db, first.Id));
        Assert.Equal([2, 1], detail.Versions.Select(v => v.Number));
        Assert.Equal(first.FileId, detail.Versions[1].FileId);
        var store = app.Services.GetRequiredService<IEvidenceStore>();
        foreach (var v in detail.Versions)
        {
            await using var content = (await store.OpenAsync(v.Sha256!))!;
            Assert.Equal(v.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(content)));
        }
        Assert.Equal(2, await app.WithCoreAsync(organization.Id, (_, db) => db.EvidenceFiles.CountAsync()));

        // Only Managers delete; the deletion is in the audit trail.
        var contributorDelete = await api.DeleteAsync($"/api/v1/evidence/{first.Id}?version={detail.Version}");
        Assert.Equal(HttpStatusCode.Forbidden, contributorDelete.StatusCode);
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/evidence/{first.Id}?version={detail.Version}")).StatusCode);
        Assert.True(await app.WithCoreAsync(organization.Id, (_, db) => db.AuditEntries.AnyAsync(a => a.RecordType == "EvidenceItem" && a.RecordId == first.Id.ToString() && a.Action == Attest.Audit.AuditAction.Deleted)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Freshness_TurnsStaleWhenEvidenceExpires_OnTheControlAndTheSoa(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Backups", "A.8.13");
        var missing = await app.AddControlAsync(organization, "Restore tests", "A.8.14");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            foreach (var (id, days) in new[] { (control, (int?)90), (missing, null) })
            {
                var c = await db.Controls.AsNoTracking().SingleAsync(x => x.Id == id);
                var requirements = await db.ControlRequirements.Where(l => l.ControlId == id).Select(l => l.RequirementId).ToListAsync();
                await s.GetRequiredService<Attest.Controls.SaveControl>().RunAsync(id, new Attest.Controls.ControlInput(c.Reference, c.Name, c.Description, c.OwnerId, c.Status,
                    c.ImplementationNotes, c.ReviewFrequencyMonths, c.NextReviewOn, c.Tags, requirements, c.Version, EvidenceRequired: true, EvidenceFreshnessDays: days));
            }
            // Collected 100 days ago with no end date: older than the control's 90 days.
            await s.GetRequiredService<SaveEvidence>().RunAsync(null, new EvidenceInput("Backup report", EvidenceKind.Note, Note: "All jobs green.", CollectedOn: today.AddDays(-100),
                Links: [new EvidenceLinkInput(EvidenceTarget.Control, control)]));
        });
        async Task<IReadOnlyDictionary<Guid, ControlEvidence>> StatesAsync() => await app.WithCoreAsync(organization.Id, (_, db) => EvidenceFreshness.ForControlsAsync(db));
        var states = await StatesAsync();
        Assert.Equal((EvidenceState.Stale, today.AddDays(-10)), (states[control].State, states[control].FreshUntil!.Value));
        Assert.Equal(EvidenceState.Missing, states[missing].State);
        var soa = await app.WithCoreAsync(organization.Id, (_, db) => Attest.Soa.StatementOfApplicability.DraftAsync(db, "iso27001-2022"));
        Assert.Equal((1, "stale"), soa.Rows.Where(r => r.Code == "A.8.13").Select(r => (r.EvidenceCount, r.EvidenceState)).Single());
        Assert.Equal("missing", soa.Rows.Single(r => r.Code == "A.8.14").EvidenceState);
        var browser = await app.SignInAsync(organization[OrganizationRole.Manager]);
        Assert.Contains("evidence stale", await browser.GetPageAsync($"/controls/{control}"));

        // Evidence valid until a date past is stale too; a fresh item makes the control current.
        await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var save = s.GetRequiredService<SaveEvidence>();
            await save.RunAsync(null, new EvidenceInput("Old certificate", EvidenceKind.Link, Url: "https://backups.example/cert", CollectedOn: today.AddDays(-400),
                ValidUntil: today.AddDays(-35), Links: [new EvidenceLinkInput(EvidenceTarget.Control, control)]));
            Assert.Equal(EvidenceState.Stale, (await StatesAsync())[control].State);
            await save.RunAsync(null, new EvidenceInput("This month's backup report", EvidenceKind.Note, Note: "Green.", CollectedOn: today.AddDays(-3),
                Links: [new EvidenceLinkInput(EvidenceTarget.Control, control)]));
        });
        var after = await StatesAsync();
        Assert.Equal((EvidenceState.Fresh, 3), (after[control].State, after[control].Items));
        var summary = await app.WithCoreAsync(organization.Id, (_, db) => EvidenceFreshness.RequiredSummaryAsync(db));
        Assert.Equal(new EvidenceFreshness.Summary(2, 1, 0, 1), summary);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheBrowserForm_UploadsAFileWithLinks_AndBadInputChangesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.AddControlAsync(organization, "Logging", "A.8.15");
        var browser = await app.SignInAsync(organization[OrganizationRole.Contributor]);

        async Task<HttpResponseMessage> PostAsync(string controls, string requirements)
        {
            var form = await browser.GetPageAsync("/evidence/new");
            var token = WebUtility.HtmlDecode(Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("SIEM retention settings"), "Input.Title" },
                { new StringContent("File"), "Input.Kind" },
                { new StringContent(controls), "Input.Controls" },
                { new StringContent(requirements), "Input.Requirements" },
                { new StringContent("0"), "Input.Version" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes("retention_days=400\n")), "file", "siem.txt" },
            };
            return await browser.Http.PostAsync("/evidence/new", content);
        }

        var bad = await PostAsync("CTL-001, CTL-999", "Annex A 8.15-8.99");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await bad.Content.ReadAsStringAsync();
        Assert.Contains("CTL-999 is not a control reference here.", page);
        Assert.Contains("8.15-8.99", page);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.EvidenceItems.CountAsync()));

        var good = await PostAsync("CTL-001", "Annex A 8.15, 8.16");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var detail = await browser.GetPageAsync(good.Headers.Location!.ToString());
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("retention_days=400\n"))), detail);
        Assert.Contains("CTL-001 Logging", detail);
        Assert.Contains("A.8.16", detail);
    }
}
