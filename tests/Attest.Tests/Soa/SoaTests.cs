using System.Net;
using System.Net.Http.Json;
using Attest.Controls;
using Attest.Frameworks;
using Attest.Organizations;
using Attest.Soa;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Attest.Tests.Soa;

public sealed class SoaTests
{
    private const string Iso = "iso27001-2022";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDraft_ListsEveryAnnexAControl_WithStatusFromTheImplementingControls(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.AddControlAsync(organization, "SSO with MFA", "A.5.15, A.8.5");
        await app.AddControlAsync(organization, "Access reviews", "A.5.15", ImplementationStatus.Planned);

        var draft = await app.WithCoreAsync(organization.Id, (_, db) => StatementOfApplicability.DraftAsync(db, Iso));

        Assert.Equal(93, draft.Rows.Count);
        Assert.True(draft.IsDraft);
        var a515 = draft.Rows.Single(r => r.Code == "A.5.15");
        Assert.Equal(ImplementationStatus.PartiallyImplemented, a515.Status);
        Assert.Equal(["CTL-001", "CTL-002"], a515.Controls);
        Assert.Equal(ImplementationStatus.Implemented, draft.Rows.Single(r => r.Code == "A.8.5").Status);
        Assert.Equal(ImplementationStatus.NotStarted, draft.Rows.Single(r => r.Code == "A.8.24").Status);
        Assert.Equal("Organizational controls", draft.Rows.Single(r => r.Code == "A.5.1").Theme);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ApprovingFreezesAVersion_LaterEditsChangeOnlyTheDraft_AndVersionsCompare(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await Decide(app, organization, new SoaDecisionInput("A.8.30", false, InclusionReasons.None, "No outsourced development."));
        var first = await Approve(app, organization, major: false);
        var version = await app.WithCoreAsync(organization.Id, (_, db) => db.SoaDecisions.Select(d => d.Version).SingleAsync());
        await Decide(app, organization, new SoaDecisionInput("A.8.30", true, InclusionReasons.Contractual, "A client now requires it.", version));
        await app.AddControlAsync(organization, "Supplier code review", "A.8.30");
        var second = await Approve(app, organization, major: false);
        var third = await Approve(app, organization, major: true);

        var v10 = await app.WithCoreAsync(organization.Id, (_, db) => StatementOfApplicability.VersionAsync(db, Iso, "1.0"));
        var latest = await app.WithCoreAsync(organization.Id, (_, db) => StatementOfApplicability.VersionAsync(db, Iso, "latest"));
        var changes = StatementOfApplicability.Compare(v10, await app.WithCoreAsync(organization.Id, (_, db) => StatementOfApplicability.VersionAsync(db, Iso, "1.1")));

        Assert.Equal(("1.0", "1.1", "2.0"), (first, second, third));
        Assert.False(v10.Rows.Single(r => r.Code == "A.8.30").Applicable);
        Assert.Equal("No outsourced development.", v10.Rows.Single(r => r.Code == "A.8.30").Justification);
        Assert.Equal("2.0", latest.Number);
        Assert.True(latest.Rows.Single(r => r.Code == "A.8.30").Applicable);
        Assert.Contains(changes, c => c.Code == "A.8.30" && c.Field == "Applicable" && c.Before == "No" && c.After == "Yes");
        Assert.Contains(changes, c => c.Code == "A.8.30" && c.Field == "Controls" && c.After == "CTL-001");
        Assert.All(changes, c => Assert.Equal("A.8.30", c.Code));
    }

    [Fact]
    public async Task ExcludingAControlWithoutAJustification_IsRefused_AndNothingChanges()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Decide(app, organization, new SoaDecisionInput("A.7.4", false, InclusionReasons.None, "  ")));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => Decide(app, organization, new SoaDecisionInput("A.9.9", true, InclusionReasons.Legal, "x")));

        Assert.Contains("Justification", error.Errors.Keys);
        Assert.Contains("A.9.9", unknown.Message);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.SoaDecisions.CountAsync()));
    }

    [Fact]
    public async Task TheApi_DecidesApprovesAndExportsAnXlsxWhoseCellsMatchTheVersion()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.AddControlAsync(organization, "Encryption", "A.8.24");
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        var auditor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Auditor], Attest.Accounts.ApiTokenScope.Read)).Token);

        var decided = await manager.PutAsJsonAsync($"/api/v1/soa/{Iso}/entries/A.7.12", new SoaDecisionInput("ignored", false, InclusionReasons.None, "No cabling in scope; cloud only."));
        var auditorDecides = await auditor.PutAsJsonAsync($"/api/v1/soa/{Iso}/entries/A.7.12", new SoaDecisionInput("x", true, InclusionReasons.None, null));
        var approved = await manager.PostAsJsonAsync($"/api/v1/soa/{Iso}/approve", new SoaApiApproval(false, "First"));
        var xlsx = await auditor.GetAsync($"/api/v1/soa/{Iso}/export?version=1.0&format=xlsx");
        var rows = MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true, sheetName: "Statement of Applicability")
            .Cast<IDictionary<string, object?>>().ToList();
        var badFormat = await auditor.GetAsync($"/api/v1/soa/{Iso}/export?version=1.0&format=docx");
        var badVersion = await auditor.GetAsync($"/api/v1/soa/{Iso}/export?version=9.9&format=csv");

        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditorDecides.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(93, rows.Count);
        var a712 = rows.Single(r => (string?)r["Control"] == "A.7.12");
        Assert.Equal("No", a712["Applicable"]);
        Assert.Equal("No cabling in scope; cloud only.", a712["Justification"]);
        var a824 = rows.Single(r => (string?)r["Control"] == "A.8.24");
        Assert.Equal("Implemented", a824["Implementation status"]);
        Assert.Equal("CTL-001", a824["Implemented by"]);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badVersion.StatusCode);
    }

    [Fact]
    public async Task ControlsCoverRequirementsDirectly_AndCsfThroughNistsMapping()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var before = await app.WithCoreAsync(organization.Id, (_, db) => FrameworkQueries.CoverageAsync(db));
        var allAnnexA = string.Join(", ", Enumerable.Range(1, 37).Select(i => $"A.5.{i}").Concat(Enumerable.Range(1, 8).Select(i => $"A.6.{i}"))
            .Concat(Enumerable.Range(1, 14).Select(i => $"A.7.{i}")).Concat(Enumerable.Range(1, 34).Select(i => $"A.8.{i}")));
        await app.AddControlAsync(organization, "Everything", allAnnexA);
        await app.AddControlAsync(organization, "Not yet", "A.5.1", ImplementationStatus.Planned);

        var after = await app.WithCoreAsync(organization.Id, (_, db) => FrameworkQueries.CoverageAsync(db, "nist-csf-2.0"));
        var iso = after.Single(c => c.Key == Iso);
        var csf = after.Single(c => c.Key == "nist-csf-2.0");

        Assert.All(before, c => Assert.Equal(0, c.CoveredWithMappings));
        Assert.Equal(93, iso.CoveredDirectly);
        Assert.Equal(0, csf.CoveredDirectly);
        Assert.InRange(csf.CoveredWithMappings, 50, 105);
        Assert.Equal(106 - csf.CoveredWithMappings, csf.Gaps.Count);
        Assert.All(csf.Gaps, g => Assert.Matches("^[A-Z]{2}\\.[A-Z]{2}-\\d{2}$", g.Code));
    }

    [Fact]
    public async Task SoaPages_ShowTheDraftToReaders_AndLetOnlyManagersEditAndApprove()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var contributor = await app.SignInAsync(organization[OrganizationRole.Contributor]);

        var missingJustification = await manager.PostFormAsync($"/soa/{Iso}/entries/A.7.4", new() { ["Applicable"] = "false", ["Justification"] = "", ["Version"] = "0" });
        var saved = await manager.PostFormAsync($"/soa/{Iso}/entries/A.7.4", new() { ["Applicable"] = "false", ["Justification"] = "No premises of our own to monitor.", ["Version"] = "0" });
        var contributorApproves = await contributor.PostFormAsync($"/soa/{Iso}?handler=Approve", new() { ["note"] = "sneaky" }, formPage: $"/soa/{Iso}");
        var approved = await manager.PostFormAsync($"/soa/{Iso}?handler=Approve", new() { ["note"] = "First" }, formPage: $"/soa/{Iso}");
        var page = await contributor.GetPageAsync($"/soa/{Iso}?version=1.0");

        Assert.Equal(HttpStatusCode.BadRequest, missingJustification.StatusCode);
        Assert.Contains("is required when A.7.4 is excluded", await missingJustification.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, contributorApproves.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("No premises of our own to monitor.", page);
        Assert.Contains("version 1.0", page);
    }

    private sealed record SoaApiApproval(bool Major, string? Note);

    private static Task Decide(TestApp app, TestOrganization organization, SoaDecisionInput input) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveSoaDecision>().RunAsync(Iso, input));

    private static Task<string> Approve(TestApp app, TestOrganization organization, bool major) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<ApproveSoa>().RunAsync(Iso, major, null));
}
