using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Attest.Organizations;
using Attest.Suppliers;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Suppliers;

/// <summary>The supplier API, pages and files over HTTP, as tools and people use them.</summary>
public sealed class SupplierWebTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheApi_RunsTheRegister_With400sNamingFields_409sForStaleVersions_And404sForOtherOrganizations(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        var auditor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Auditor], Attest.Accounts.ApiTokenScope.Read)).Token);

        var bad = await contributor.PostAsJsonAsync("/api/v1/suppliers", new { name = "", website = "ftp://files.example", criticality = "Critical" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("is required.", errors.GetProperty("Name")[0].GetString());
        Assert.Contains("is not a web address", errors.GetProperty("Website")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsJsonAsync("/api/v1/suppliers", new { name = "x", criticality = "Catastrophic" })).StatusCode);

        // The contributor records a supplier and owns it.
        var created = await contributor.PostAsJsonAsync("/api/v1/suppliers", new
        {
            name = "Foundation Model Co", service = "LLM API", criticality = "Critical", processesPersonalData = true, subprocessor = true, dataClassification = "Confidential",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var supplier = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = supplier.GetProperty("id").GetGuid();
        Assert.Equal(("SUP-001", organization[OrganizationRole.Contributor].UserId), (supplier.GetProperty("reference").GetString(), supplier.GetProperty("ownerId").GetGuid()));

        var certified = await contributor.PostAsJsonAsync($"/api/v1/suppliers/{id}/certifications", new { name = "SOC 2 Type II", validUntil = "2030-06-30" });
        Assert.Equal(HttpStatusCode.Created, certified.StatusCode);
        var certification = (await certified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PutAsJsonAsync($"/api/v1/suppliers/{id}/certifications/{certification}", new { name = "SOC 2 Type II", validUntil = "2031-06-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsJsonAsync($"/api/v1/suppliers/{id}/reviews", new { note = "Read the SOC 2 report.", riskLevel = "Medium", version = 1 })).StatusCode);

        // An update states the whole supplier, as read.
        var current = await contributor.GetFromJsonAsync<Dictionary<string, JsonElement>>($"/api/v1/suppliers/{id}");
        current!["criticality"] = JsonSerializer.SerializeToElement("High");
        var updated = await contributor.PutAsJsonAsync($"/api/v1/suppliers/{id}", current);
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        current["criticality"] = JsonSerializer.SerializeToElement("Low");
        var stale = await contributor.PutAsJsonAsync($"/api/v1/suppliers/{id}", current);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var read = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{id}");
        Assert.Equal(("High", "Medium", "2031-06-30"), (read.GetProperty("criticality").GetString(), read.GetProperty("riskLevel").GetString(),
            read.GetProperty("certifications")[0].GetProperty("validUntil").GetString()));
        Assert.Equal(1, (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/suppliers?subprocessor=true")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/suppliers?personalData=false")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/suppliers/figures")).GetProperty("subprocessorsWithoutDpa").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/suppliers", new { name = "Nope" })).StatusCode);

        // Only Managers remove suppliers; another organization sees nothing and changes nothing.
        var other = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/suppliers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/suppliers/{id}", new { name = "Taken", version = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/suppliers/{id}?version=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/suppliers/{id}/certifications", new { name = "Fake" })).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/suppliers")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.DeleteAsync($"/api/v1/suppliers/{id}?version=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/suppliers/{id}?version=3")).StatusCode);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.SupplierCertifications.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ContributorsEditOnlyTheSuppliersTheyOwn_AndTheFormKeepsInputOnAnError(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var owned = await app.AddSupplierAsync(organization, "Contributor's supplier");
        var managers = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveSupplier>().RunAsync(null,
            new SupplierInput("Manager's supplier", OwnerId: organization[OrganizationRole.Manager].UserId)));
        var browser = await app.SignInAsync(organization[OrganizationRole.Contributor]);

        var forbidden = await browser.PostFormAsync($"/suppliers/{managers}", new() { ["Input.Name"] = "Taken over", ["Input.Version"] = "1" }, $"/suppliers/{managers}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostFormAsync($"/suppliers/{managers}?handler=Review", new() { ["note"] = "x", ["version"] = "1" }, $"/suppliers/{managers}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostFormAsync($"/suppliers/{owned.Id}?handler=Delete", new() { ["version"] = "1" }, $"/suppliers/{owned.Id}")).StatusCode);

        var invalid = await browser.PostFormAsync($"/suppliers/{owned.Id}", new()
        {
            ["Input.Name"] = "Cloud host (renamed)", ["Input.Version"] = "1", ["Input.Criticality"] = "Critical", ["Input.AssetRefs"] = "AST-99999",
        }, $"/suppliers/{owned.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var page = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("AST-99999 is not an asset reference here.", page);
        Assert.Contains("Cloud host (renamed)", page);

        // A valid save redirects; sending a questionnaire shows its link once, with the notice that no e-mail is sent.
        var saved = await browser.PostFormAsync($"/suppliers/{owned.Id}", new()
        {
            ["Input.Name"] = "Cloud host (renamed)", ["Input.Version"] = "1", ["Input.Criticality"] = "Critical", ["Input.ProcessesPersonalData"] = "true",
            ["Input.Subprocessor"] = "true", ["Input.OwnerId"] = organization[OrganizationRole.Contributor].UserId.ToString(),
        }, $"/suppliers/{owned.Id}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var send = await browser.PostFormAsync($"/suppliers/{owned.Id}?handler=Send", new() { ["templateId"] = owned.TemplateId.ToString(), ["expiresInDays"] = "10" }, $"/suppliers/{owned.Id}");
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        var shown = await browser.GetPageAsync($"/suppliers/{owned.Id}");
        Assert.Matches("/questionnaire/sq_[0-9a-f]{12}_", shown);
        Assert.Contains("Attest sends no e-mail", shown);
        Assert.DoesNotMatch("/questionnaire/sq_[0-9a-f]{12}_", await browser.GetPageAsync($"/suppliers/{owned.Id}"));

        // An employee cannot read the register; an auditor reads it but sees no forms that write.
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/suppliers")).StatusCode);
        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        var register = await auditor.GetPageAsync("/suppliers");
        Assert.Contains("Cloud host (renamed)", register);
        Assert.DoesNotContain("New supplier", register);
        Assert.DoesNotContain("Send a questionnaire", await auditor.GetPageAsync($"/suppliers/{owned.Id}"));
        Assert.DoesNotContain("Add the ready-made questionnaire", await auditor.GetPageAsync("/suppliers/questionnaires"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_IsAllOrNothing_NamesRowAndColumn_AndUpdatesTheSupplierOfTheSameName(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager];
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveSupplier>().RunAsync(null, new SupplierInput("Payroll Ltd", "Payroll", SupplierCriticality.Medium)));
        Task<SupplierImportResult> ImportAsync(string csv) => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<ImportSupplierRegister>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "suppliers.csv"));

        var broken = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(
            "Name,Service,Criticality,Personal data,Owner,Certifications,DPA signed\n" +
            "Sign Co,E-signature,High,yes," + manager.Email + ",ISO/IEC 27001 (2027-01-31),2025-02-01\n" +
            "Payroll Ltd,Payroll and benefits,Severe,maybe,nobody@nowhere.example,SOC 2 (31/01/2027),\n"));
        Assert.Equal([
            "row 3, column Criticality: 'Severe' is not one of Low, Medium, High, Critical.",
            "row 3, column Personal data: 'maybe' is neither yes nor no.",
            "row 3, column Owner: 'nobody@nowhere.example' is not a member of this organization.",
            "row 3, column Certifications: '31/01/2027' in 'SOC 2 (31/01/2027)' is not a date; write yyyy-MM-dd.",
        ], broken.Errors["File"]);
        Assert.Equal(1, await app.WithCoreAsync(organization.Id, (_, db) => db.Suppliers.CountAsync()));

        var result = await ImportAsync(
            "Name,Service,Criticality,Personal data,Subprocessor,Owner,Certifications,DPA signed\n" +
            "Sign Co,E-signature,High,yes,yes," + manager.Email + ",ISO/IEC 27001 (2027-01-31); SOC 2 Type II,2025-02-01\n" +
            "payroll ltd,Payroll and benefits,,,,,,\n");
        Assert.Equal((1, 1), (result.Created, result.Updated));
        var (sign, payroll) = await app.WithCoreAsync(organization.Id, async (_, db) => (
            await SupplierQueries.DetailAsync(db, await db.Suppliers.Where(x => x.Name == "Sign Co").Select(x => x.Id).SingleAsync()),
            await db.Suppliers.AsNoTracking().SingleAsync(x => x.Reference == "SUP-001")));
        Assert.Equal(("SUP-002", manager.UserId, new DateOnly(2025, 2, 1), true), (sign.Reference, sign.OwnerId!.Value, sign.DpaSignedOn!.Value, sign.Subprocessor));
        Assert.Equal(["ISO/IEC 27001 2027-01-31", "SOC 2 Type II "], sign.Certifications.Select(c => $"{c.Name} {c.ValidUntil:yyyy-MM-dd}"));
        // A blank cell keeps what the register says.
        // The row found it by name ignoring case, and the file's spelling wins.
        Assert.Equal(("payroll ltd", "Payroll and benefits", SupplierCriticality.Medium), (payroll.Name, payroll.Service, payroll.Criticality));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheExport_ImportsBackUnchanged_AndTheSubprocessorListHoldsOnlySubprocessors(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ai = await app.AddAiSystemAsync(organization);
        await app.AddSupplierAsync(organization, "=cmd|' /C calc'!A0", ai.AssetId);
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveSupplier>().RunAsync(null, new SupplierInput("Office suite", Criticality: SupplierCriticality.High)));
        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);

        var csv = await (await manager.GetAsync("/suppliers/export?format=csv")).Content.ReadAsStringAsync();
        Assert.StartsWith("Reference,Name,Service,Criticality", csv);
        Assert.Contains("'=cmd", csv);
        var xlsx = await (await manager.GetAsync("/suppliers/export?format=xlsx")).Content.ReadAsByteArrayAsync();
        var before = await app.WithCoreAsync(organization.Id, (_, db) => db.Suppliers.AsNoTracking().OrderBy(s => s.Reference).Select(s => new { s.Name, s.Version }).ToListAsync());
        foreach (var (content, name) in new[] { (Encoding.UTF8.GetBytes(csv), "suppliers.csv"), (xlsx, "suppliers.xlsx") })
        {
            var again = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<ImportSupplierRegister>().RunAsync(new MemoryStream(content), name));
            Assert.Equal(0, again.Created);
        }
        var after = await app.WithCoreAsync(organization.Id, (_, db) => db.Suppliers.AsNoTracking().OrderBy(s => s.Reference).Select(s => new { s.Name, s.Version }).ToListAsync());
        Assert.Equal(before.Select(b => b.Name), after.Select(a => a.Name));
        Assert.Equal("=cmd|' /C calc'!A0", after[0].Name);
        Assert.Equal(1, await app.WithCoreAsync(organization.Id, (_, db) => db.SupplierAssets.CountAsync()));

        var subprocessors = await (await manager.GetAsync("/suppliers/export?format=subprocessors")).Content.ReadAsStringAsync();
        Assert.StartsWith("Sub-processor,Service,Data processed", subprocessors);
        Assert.Contains("ISO/IEC 27001", subprocessors);
        Assert.DoesNotContain("Office suite", subprocessors);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheAssetAndRiskPages_NameTheSuppliersLinkedToThem(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var asset = (await app.AddAiSystemAsync(organization)).AssetId;
        var control = await app.AddControlAsync(organization, "Supplier agreements", "A.5.20");
        var risk = await app.AddRiskAsync(organization, control, asset);
        var supplier = await app.AddSupplierAsync(organization, "Model Host Ltd", asset, risk.Id);
        var auditor = await app.SignInAsync(organization[Attest.Organizations.OrganizationRole.Auditor]);

        var assetPage = await auditor.GetPageAsync($"/assets/{asset}");
        Assert.Contains($"href=\"/suppliers/{supplier.Id}\"", assetPage);
        Assert.Contains("Model Host Ltd", assetPage);
        var riskPage = await auditor.GetPageAsync($"/risks/{risk.Id}");
        Assert.Contains($"href=\"/suppliers/{supplier.Id}\"", riskPage);
        // An asset no supplier touches names none.
        var other = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<Attest.Assets.SaveAsset>().RunAsync(null,
            new Attest.Assets.AssetInput("Office printer", Attest.Assets.AssetType.Hardware)));
        Assert.DoesNotContain("Suppliers:", await auditor.GetPageAsync($"/assets/{other}"));
    }
}
