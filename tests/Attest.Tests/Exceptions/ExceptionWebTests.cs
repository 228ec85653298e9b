using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Organizations;
using Attest.Tests.Support;

namespace Attest.Tests.Exceptions;

/// <summary>The exception register over HTTP: the API's request-and-decide cycle, the pages, and who may do what.</summary>
public sealed class ExceptionWebTests
{
    [Fact]
    public async Task TheApi_RequestsAndDecidesExceptions_Answers400sNamingTheField_AndHidesThemFromOtherOrganizations()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Single sign-on", "A.5.17, A.8.5");
        await app.WithCoreAsync(organization.Id, (s, _) => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Attest.Risks.SaveRiskMethodology>(s).FromTemplateAsync("5x5"));
        await app.SetJobTitleAsync(organization, OrganizationRole.Manager, "CISO");
        HttpClient Client(OrganizationRole role) => app.Server.WithToken(app.IssueTokenAsync(organization, organization[role],
            role == OrganizationRole.Auditor ? ApiTokenScope.Read : ApiTokenScope.ReadWrite).GetAwaiter().GetResult().Token);
        var contributor = Client(OrganizationRole.Contributor);
        var manager = Client(OrganizationRole.Manager);
        var auditor = Client(OrganizationRole.Auditor);

        var bad = await contributor.PostAsJsonAsync("/api/v1/exceptions", new { title = "No SSO", subject = "Control", reason = "", riskLevel = "Severe" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("name the control that is not met.", errors.GetProperty("ControlId")[0].GetString());
        Assert.Equal("is required.", errors.GetProperty("Reason")[0].GetString());
        Assert.Equal("is required.", errors.GetProperty("CompensatingControls")[0].GetString());
        Assert.Equal("'Severe' is not a level of methodology v1: use Low, Medium, High, Critical.", errors.GetProperty("RiskLevel")[0].GetString());
        var unknown = await contributor.PostAsJsonAsync("/api/v1/exceptions", new { title = "No SSO", subject = "Policy", policy = "POL-999", reason = "r", compensatingControls = "c", riskLevel = "Low" });
        Assert.Equal("POL-999 is not a policy reference here.", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("policy")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/exceptions", new { title = "x", subject = "Control" })).StatusCode);

        var created = await contributor.PostAsJsonAsync("/api/v1/exceptions", new
        {
            title = "Design tool without SSO", subject = "Control", control = "CTL-001", reason = "Local accounts only.", compensatingControls = "Monthly review.", riskLevel = "Medium",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var exception = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = exception.GetProperty("id").GetGuid();
        Assert.Equal(("EXC-001", "Awaiting decision", control), (exception.GetProperty("reference").GetString(), exception.GetProperty("statusText").GetString(),
            exception.GetProperty("controlId").GetGuid()));
        Assert.Equal(organization[OrganizationRole.Contributor].UserId, exception.GetProperty("ownerId").GetGuid());
        Assert.Equal("the CISO (CISO) or an executive (CEO, COO, CFO, Managing Director), never the person who requested it", exception.GetProperty("whoMayApprove").GetString());

        // The requester cannot approve their own; approval needs a last day; the CISO approves.
        var own = await contributor.PostAsJsonAsync($"/api/v1/exceptions/{id}/approve", new { validUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6), version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.True((await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Authority", out _));
        var undated = await manager.PostAsJsonAsync($"/api/v1/exceptions/{id}/approve", new { version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, undated.StatusCode);
        Assert.True((await undated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ValidUntil", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/exceptions/{id}/approve", new { validUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6), version = 1 })).StatusCode);
        var approved = await manager.PostAsJsonAsync($"/api/v1/exceptions/{id}/approve", new { validUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6), note = "Six months.", version = 1 });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decided = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Approved", "Ciso"), (decided.GetProperty("statusText").GetString(), decided.GetProperty("approvalAuthority").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/v1/exceptions/{id}/revoke", new { note = "stale", version = 1 })).StatusCode);

        var figures = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/exceptions/figures");
        Assert.Equal((1, 0, 0), (figures.GetProperty("inForce").GetInt32(), figures.GetProperty("expired").GetInt32(), figures.GetProperty("awaitingDecision").GetInt32()));
        Assert.Equal(id, (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/exceptions?status=inforce&control={control}")).GetProperty("rows")[0].GetProperty("id").GetGuid());
        Assert.Equal(0, (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/exceptions?status=expired")).GetProperty("rows").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/v1/exceptions?status=lapsed")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/exceptions/{id}/revoke", new { note = "Migrated.", version = 2 })).StatusCode);

        // Another organization sees none of it.
        var other = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/exceptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/exceptions/{id}/reject", new { note = "no", version = 3 })).StatusCode);

        // The pages: the register with its figures, a request through the form, and the decision form naming who may approve.
        var browser = await app.SignInAsync(organization[OrganizationRole.Contributor]);
        var page = await (await browser.GetAsync("/exceptions?status=revoked")).Content.ReadAsStringAsync();
        Assert.Contains("Design tool without SSO", page);
        var form = await browser.PostFormAsync("/exceptions/new", new()
        {
            ["Input.Title"] = "Shared payroll account", ["Input.Subject"] = "Control", ["Input.ControlRef"] = "CTL-001", ["Input.Reason"] = "The bureau has no SSO.",
            ["Input.CompensatingControls"] = "Password manager.", ["Input.RiskLevel"] = "", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("RiskLevel: link a risk or choose a level of methodology v1", WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()));
        var requested = await browser.PostFormAsync("/exceptions/new", new()
        {
            ["Input.Title"] = "Shared payroll account", ["Input.Subject"] = "Control", ["Input.ControlRef"] = "CTL-001", ["Input.Reason"] = "The bureau has no SSO.",
            ["Input.CompensatingControls"] = "Password manager.", ["Input.RiskLevel"] = "Low", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var detail = WebUtility.HtmlDecode(await (await browser.GetAsync(requested.Headers.Location!.OriginalString)).Content.ReadAsStringAsync());
        Assert.Contains("A Low exception may be approved by the exception's owner, the CISO (CISO) or an executive", detail);
    }
}
