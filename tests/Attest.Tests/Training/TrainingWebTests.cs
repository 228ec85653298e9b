using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Organizations;
using Attest.People;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Training;

/// <summary>The training pages and API over HTTP: who may do what, answers kept from the browser, other organizations' ids.</summary>
public sealed class TrainingWebTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnEmployee_TakesTheQuizOnTheirOwnPages_WithoutTheAnswersBeingSentBeforeSubmitting(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var training = await app.AddTrainingAsync(organization);
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);

        var mine = await employee.GetPageAsync("/my/training");
        var quiz = await employee.GetPageAsync($"/my/training/{training.CourseId}");
        var failed = await employee.PostFormAsync($"/my/training/{training.CourseId}?handler=Answers", new() { ["q0"] = "0", ["q1"] = "0" });
        var failedPage = await employee.GetPageAsync(failed.Headers.Location!.ToString());
        var unanswered = await employee.PostFormAsync($"/my/training/{training.CourseId}?handler=Answers", new() { ["q0"] = "1" });
        var unansweredPage = await unanswered.Content.ReadAsStringAsync();
        var passed = await employee.PostFormAsync($"/my/training/{training.CourseId}?handler=Answers", new() { ["q0"] = "1", ["q1"] = "0" });
        var passedPage = await employee.GetPageAsync(passed.Headers.Location!.ToString());
        var after = await employee.GetPageAsync("/my/training");

        Assert.Contains("Security awareness essentials", mine);
        Assert.Contains("What do you do with a phishing e-mail?", quiz);
        Assert.DoesNotContain("Reporting lets the security team block it", quiz);
        Assert.DoesNotContain("Right answer", quiz);
        Assert.DoesNotContain("right answer", quiz);
        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        Assert.Matches("Your result: 50% (—|&#x2014;) not passed", failedPage);
        Assert.Contains("Reporting lets the security team block it", failedPage);
        Assert.Contains("Try the quiz again", failedPage);
        Assert.Equal(HttpStatusCode.BadRequest, unanswered.StatusCode);
        Assert.True(unansweredPage.Contains("Question 2: choose an answer.", StringComparison.Ordinal), unansweredPage[unansweredPage.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Matches("value=\"1\" checked=\"checked\"", unansweredPage);
        Assert.Matches("Your result: 100% (—|&#x2014;) passed", passedPage);
        Assert.Contains("Nothing to do: you are up to date.", after);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OnlyManagersChangeCourses_AuditorsRead_AndEmployeesSeeOnlyTheirOwnTraining(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var training = await app.AddTrainingAsync(organization);
        async Task<HttpClient> ApiAsync(OrganizationRole role, ApiTokenScope scope) =>
            app.Server.WithToken((await app.IssueTokenAsync(organization, organization[role], scope)).Token);
        var manager = await ApiAsync(OrganizationRole.Manager, ApiTokenScope.ReadWrite);
        var contributor = await ApiAsync(OrganizationRole.Contributor, ApiTokenScope.ReadWrite);
        var auditor = await ApiAsync(OrganizationRole.Auditor, ApiTokenScope.Read);
        var employeeApi = await ApiAsync(OrganizationRole.Employee, ApiTokenScope.Read);

        var created = await manager.PostAsJsonAsync("/api/v1/training/courses", new { title = "Responsible AI use", content = "Use approved tools.", durationMinutes = 15, passingScore = 80 });
        var byContributor = await contributor.PostAsJsonAsync("/api/v1/training/courses", new { title = "Sneaky", content = "x" });
        var invalid = await manager.PostAsJsonAsync("/api/v1/training/courses", new { title = "", durationMinutes = 15 });
        var asManager = await (await manager.GetAsync($"/api/v1/training/courses/{training.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();
        var asAuditor = await auditor.GetAsync($"/api/v1/training/courses/{training.CourseId}");
        var auditorBody = await asAuditor.Content.ReadFromJsonAsync<JsonElement>();
        var figures = await auditor.GetAsync("/api/v1/training/figures");
        var employeeRead = await employeeApi.GetAsync("/api/v1/training/assignments");
        var employeeFigures = await app.SignInAsync(organization[OrganizationRole.Employee]);
        var badRule = await manager.PostAsJsonAsync("/api/v1/training/requirements", new { courseId = training.CourseId, name = "Bad", audience = "PersonType", audienceValue = "Robot" });
        var sync = await manager.PostAsync("/api/v1/training/sync", null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdBody = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("TRN-02", createdBody.GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byContributor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("is required.", errors.GetProperty("Title")[0].GetString());
        Assert.True(errors.TryGetProperty("Content", out _));
        Assert.Equal(2, asManager.GetProperty("questions")[0].GetProperty("correct").GetInt32());
        Assert.Equal(HttpStatusCode.OK, asAuditor.StatusCode);
        Assert.Equal(JsonValueKind.Null, auditorBody.GetProperty("questions")[0].GetProperty("correct").ValueKind);
        Assert.Equal(JsonValueKind.Null, auditorBody.GetProperty("questions")[0].GetProperty("explanation").ValueKind);
        Assert.Equal(HttpStatusCode.OK, figures.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employeeRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employeeFigures.GetAsync("/training")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employeeFigures.GetAsync($"/training/courses/{training.CourseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRule.StatusCode);
        Assert.Contains("must be one of Employee, Contractor, ThirdParty", (await badRule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("AudienceValue")[0].GetString());
        Assert.Equal(0, (await sync.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());

        // The employee's own page lists only their own assignment, though everyone has one.
        var mine = await employeeFigures.GetPageAsync("/my/training");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mine, $"/my/training/{training.CourseId}"));
        // The page of a course not assigned to them is not found.
        var other = createdBody.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await employeeFigures.GetAsync($"/my/training/{other}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnotherOrganizationsCoursesAndRules_AreNotFound(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ours = await app.SeedOrganizationAsync();
        var theirs = await app.SeedOrganizationAsync();
        var theirTraining = await app.AddTrainingAsync(theirs);
        var api = app.Server.WithToken((await app.IssueTokenAsync(ours, ours[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        var browser = await app.SignInAsync(ours[OrganizationRole.Manager]);
        var employee = await app.SignInAsync(ours[OrganizationRole.Employee]);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/training/courses/{theirTraining.CourseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/training/requirements/{theirTraining.RequirementId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/training/courses/{theirTraining.CourseId}", new { title = "Mine now", content = "x", durationMinutes = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/training/courses/{theirTraining.CourseId}/questions/{theirTraining.QuestionId}")).StatusCode);
        var completion = await api.PostAsJsonAsync("/api/v1/training/completions", new { email = theirs[OrganizationRole.Employee].Email, courseId = theirTraining.CourseId, completedOn = "2025-01-02" });
        Assert.Equal(HttpStatusCode.BadRequest, completion.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/training/courses/{theirTraining.CourseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/training/requirements/{theirTraining.RequirementId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"/my/training/{theirTraining.CourseId}")).StatusCode);
        Assert.Equal("Security awareness essentials", await app.WithCoreAsync(theirs.Id, (_, db) => db.Courses.Select(c => c.Title).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AManager_RecordsACompletionWithEvidence_AndImportsAFileFromTheImportPage(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var training = await app.AddTrainingAsync(organization);
        var control = await app.AddControlAsync(organization, "Awareness", "A.6.3");
        await app.AddEvidenceAsync(organization, control);
        var evidence = await app.WithCoreAsync(organization.Id, (_, db) => db.EvidenceItems.Select(e => e.Reference).SingleAsync());
        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var contributor = organization[OrganizationRole.Contributor];

        var bad = await manager.PostFormAsync($"/training/courses/{training.CourseId}?handler=Completion",
            new() { ["Completion.Email"] = contributor.Email, ["Completion.CompletedOn"] = "2099-01-01", ["Completion.EvidenceReference"] = "EV-999999" });
        var badPage = await bad.Content.ReadAsStringAsync();
        var good = await manager.PostFormAsync($"/training/courses/{training.CourseId}?handler=Completion",
            new() { ["Completion.Email"] = contributor.Email, ["Completion.CompletedOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"), ["Completion.Score"] = "90", ["Completion.EvidenceReference"] = evidence });
        var page = await manager.GetPageAsync($"/training/courses/{training.CourseId}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("CompletedOn: cannot be in the future", badPage);
        Assert.Contains("EV-999999 is not an evidence reference here", badPage);
        Assert.Contains($"value=\"{contributor.Email}\"", badPage);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains(evidence, page);
        Assert.Contains("recorded by a manager", page);
        var key = PersonLookup.KeyOf(contributor.Email);
        Assert.NotNull(await app.WithCoreAsync(organization.Id, (_, db) => db.TrainingAssignments.Where(a => db.People.Any(p => p.Id == a.PersonId && p.EmailKey == key))
            .OrderBy(a => a.DueOn).Select(a => a.CompletionId).FirstAsync()));

        using var content = new MultipartFormDataContent();
        var token = System.Text.RegularExpressions.Regex.Match(await manager.GetPageAsync("/training/import"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        content.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        content.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("Email,Course,Completed on\nnobody@x.test,TRN-01,2025-01-01\n")), "file", "export.csv");
        var import = await manager.Http.PostAsync("/training/import", content);
        var importPage = await import.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains("row 2, column Email: no person has the e-mail nobody@x.test in this organization.", importPage);
    }
}
